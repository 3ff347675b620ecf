"""The sample portfolios: a fictional primary school part-way through the Family Partnership Award (the default),
and one fictional setting per other shipped scheme (core/demo_schemes.py)."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from ..evidence.evidence_import import import_evidence
from ..evidence.evidence_links import tag_evidence
from ..evidence.evidence_service import update_evidence
from ..framework.best_fit import judge_theme
from ..framework.framework_service import update_theme
from ..framework.portfolio_setup import add_staff, create_portfolio, update_profile
from ..planning import audit_service as audit
from ..planning import planning_service as planning
from ..planning.portfolio_texts import write_text
from ..scheme.framework_catalog import shipped_framework
from ..storage.portfolio_file import Portfolio
from .demo_files import make_docx, make_pdf, make_photo, make_text

SETTING = "Riverside Primary School"
TEAM = [
    ("Dawn Okafor", "Headteacher"),
    ("Sam Wright", "Parent Support Adviser"),
    ("Priya Shah", "Governor"),
    ("Tom Ellis", "Year 2 teacher"),
    ("Grace Mensah", "Early Years lead"),
]

# (descriptor, [(kind, title, source), (kind, title, source)])
KEY_EVIDENCE = {
    "1a": [
        ("docx", "Mission statement 2026", "School website"),
        ("photo", "Welcome breakfast for new families", "Autumn term"),
    ],
    "1b": [
        ("pdf", "Prospectus: families welcome", "Prospectus"),
        ("photo", "Open morning at the front door", "Open morning"),
    ],
    "1c": [
        ("pdf", "Family survey summary, autumn 2026", "Family survey"),
        ("text", "Family Forum minutes, October", "Family Forum"),
    ],
    "1d": [
        ("text", "Family testimonials", "Parents' evening"),
        ("pdf", "Local paper: Riverside families' garden", "Media report"),
    ],
    "1e": [
        ("docx", "Vision statement written with families", "Visioning day"),
        ("photo", "Visioning day with parents", "Visioning day"),
    ],
    "1f": [
        ("docx", "Family Partnership Policy", "Policy folder"),
        ("docx", "Family Partnership Agreement", "Policy folder"),
    ],
    "1g": [
        ("pdf", "Family Partnership Policy, easy-read", "Policy folder"),
        ("text", "Family Partnership Policy, audio script", "Policy folder"),
    ],
    "1h": [
        ("text", "Family Support Group membership", "Family Support Group"),
        ("photo", "Family Support Group meeting", "Family Support Group"),
    ],
    "1i": [
        ("photo", "Our Champion for Families, Sam Wright", "Staff board"),
        ("docx", "Champion for Families: role", "HR"),
    ],
    "1j": [
        ("docx", "Case study: reading together at home", "Case studies"),
        ("pdf", "Cameo: the Ahmed family's garden project", "Case studies"),
    ],
}

RATINGS = {  # code: (baseline level, now level, comment)
    "1a": (
        "developing",
        "embedded",
        "Families describe staff as approachable; trust shown in survey.",
    ),
    "1b": ("developing", "embedded", "Welcome events now reach fathers and grandparents too."),
    "1c": (
        "emergent",
        "developing",
        "Forum views now change decisions; critical views still under-heard.",
    ),
    "1d": ("developing", "embedded", "Testimonials and press coverage show pride in the school."),
    "1e": ("emergent", "embedded", "Vision rewritten with families at the centre."),
    "1f": ("emergent", "embedded", "Policy and agreement co-written with the Family Forum."),
    "1g": ("emergent", "developing", "Easy-read version done; translations in progress."),
    "1h": ("emergent", "developing", "Group meets half-termly; broadening membership."),
    "1i": ("emergent", "embedded", "Champion named and known to families."),
    "1j": ("developing", "embedded", "Case studies celebrate families' part in learning."),
}

GAP_ACTIONS = {  # descriptor: (action, lead, status) for the gaps the baseline audit found
    "1c": (
        "Relaunch the Family Forum with an evening session and act on critical feedback",
        "Sam Wright",
        "done",
    ),
    "1e": ("Rewrite the vision statement with families at a visioning day", "Dawn Okafor", "done"),
    "1f": (
        "Co-write the family partnership policy and agreement with the Forum",
        "Ann Patel",
        "done",
    ),
    "1g": (
        "Publish the policy in easy-read and translated versions",
        "Grace Mensah",
        "in-progress",
    ),
    "1h": (
        "Recruit fathers, carers and grandparents to the Family Support Group",
        "Sam Wright",
        "in-progress",
    ),
    "1i": ("Name a Champion for Families and introduce them to families", "Ann Patel", "done"),
}


def _make_file(folder: Path, index: int, kind: str, title: str, when: datetime) -> Path:
    stem = (
        folder
        / f"{index:02d}-{title.lower().replace(' ', '-').replace(':', '').replace(',', '')[:40]}"
    )
    paragraphs = [
        f"{title}.",
        f"{SETTING}, {when:%B %Y}.",
        "Written with the Family Forum and reviewed by the governing body.",
        "This sample document was generated for the Portfolio Builder demonstration.",
    ]
    if kind == "photo":
        return make_photo(
            stem.with_suffix(".jpg"), title, when, seed=index, with_gps=index % 3 == 0
        )
    if kind == "docx":
        return make_docx(stem.with_suffix(".docx"), title, paragraphs)
    if kind == "pdf":
        return make_pdf(stem.with_suffix(".pdf"), title, paragraphs)
    return make_text(stem.with_suffix(".txt"), [title, ""] + paragraphs)


DEFAULT_SCHEME = "family-partnership-award"


def demo_schemes() -> list[str]:
    """The schemes a sample can be built for (every shipped one but the blank framework)."""
    from .demo_schemes import SCHEME_DEMOS

    return [DEFAULT_SCHEME, *SCHEME_DEMOS]


def build_demo(folder: Path, name: str | None = None, scheme: str = DEFAULT_SCHEME) -> Path:
    """Build the sample portfolio of a scheme in folder (replacing an earlier sample); returns its path."""
    from ..errors import BadInput

    if scheme != DEFAULT_SCHEME:
        from .demo_schemes import SCHEME_DEMOS

        if scheme not in SCHEME_DEMOS:
            raise BadInput(
                f"There is no sample for '{scheme}'. Samples: {', '.join(demo_schemes())}."
            )
        return SCHEME_DEMOS[scheme](Path(folder), *([name] if name else []))
    name = name or "riverside-sample.portfolio"
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)
    portfolio = create_portfolio(
        path,
        shipped_framework("family-partnership-award"),
        SETTING,
        lead=("Ann Patel", "Family Partnership Manager"),
        team=TEAM,
    )
    try:
        _fill(portfolio)
    finally:
        portfolio.close()
    return path


def _fill(portfolio: Portfolio) -> None:
    update_profile(
        portfolio,
        kind="Primary school",
        address="1 River Lane, Anytown AN1 2BC",
        reference="URN 100000",
        head="Dawn Okafor",
        contact_email="office@riverside.example",
        phone="01632 960 100",
        context="A two-form-entry primary school of 420 pupils; 31% of families speak English as an "
        "additional language. The award was chosen to build on a strong Early Years offer.",
    )
    write_text(
        portfolio,
        "case-study",
        "Our journey: the audit showed families felt welcome but unheard. The Family Forum, co-written "
        "policy and a named Champion changed that; the spring survey shows 92% of families feel listened "
        "to (up from 64%).",
    )
    lead_id = add_staff(portfolio, "Naomi Clarke", "Family Support Worker")
    update_theme(
        portfolio,
        1,
        lead_staff_id=lead_id,
        gathering_started=date(2025, 9, 15),
        gathering_ended=date(2026, 6, 30),
        summative_comment="Theme 1 is embedded: families shaped our vision and policy.",
    )
    for code, (baseline, now, comment) in RATINGS.items():
        audit.rate_descriptor(
            portfolio,
            code,
            baseline,
            date(2025, 9, 26),
            "Baseline audit.",
            gap="Evidence thin" if baseline == "emergent" else "",
            rated_by="Ann Patel",
        )
        audit.rate_descriptor(
            portfolio, code, now, date(2026, 6, 12), comment, rated_by="Ann Patel"
        )
    judge_theme(
        portfolio,
        "1",
        "developing",
        date(2025, 9, 26),
        "Baseline: welcoming, but families unheard.",
        "Ann Patel",
    )
    judge_theme(
        portfolio,
        "1",
        "embedded",
        date(2026, 6, 12),
        "Families now shape the vision and policy.",
        "Ann Patel",
    )

    with tempfile.TemporaryDirectory(prefix="pb-demo-") as tmp:
        files, meta, index = [], [], 0
        for code, items in KEY_EVIDENCE.items():
            for kind, title, source in items:
                index += 1
                when = datetime(2025 + (index > 8), (index * 5) % 12 + 1, index % 27 + 1, 10, 30)
                files.append(_make_file(Path(tmp), index, kind, title, when))
                meta.append((code, kind, title, source))
        report = import_evidence(portfolio, files, consent="obtained")
        if report.skipped:
            raise RuntimeError(f"demo import failed: {report.skipped}")
        for evidence_id, (code, kind, title, source) in zip(report.added, meta):
            update_evidence(
                portfolio,
                evidence_id,
                title=title,
                source=source,
                collected_by="Naomi Clarke",
                consent="obtained" if kind == "photo" else "not-needed",
            )
            tag_evidence(portfolio, evidence_id, code)
        tag_evidence(portfolio, report.added[0], "1e", cross_reference=True)

        for number, (code, (action, lead, status)) in enumerate(GAP_ACTIONS.items(), start=1):
            planning.add_action(
                portfolio,
                action,
                descriptor_code=code,
                lead=lead,
                resources="Staff time; small budget",
                starts_on=date(2025, 10, number * 3),
                ends_on=date(2026, 3 + number % 4, 28),
                monitoring="Core team, half-termly, minutes",
                success_criteria="Families say so in the survey",
                status=status,
            )
        planning.add_action(
            portfolio,
            "Report audit findings to governors",
            theme_code="2",
            lead="Ann Patel",
            starts_on=date(2025, 10, 15),
            ends_on=date(2025, 11, 20),
            monitoring="Chair of governors",
            success_criteria="Findings minuted",
            status="done",
        )

        extra_items = [
            ("photo", "Family Forum in the hall", "1c"),
            ("text", "Letter to families about the Forum", "1c"),
            ("photo", "Grandparents' reading morning", "1h"),
            ("pdf", "Governors' strategy 2026-2029", "1e"),
        ]
        extra = [
            _make_file(Path(tmp), 50 + n, kind, title, datetime(2026, 2 + n, 10, 14, 0))
            for n, (kind, title, _code) in enumerate(extra_items)
        ]
        report = import_evidence(portfolio, extra, consent="obtained")
        for item_id, (_kind, title, code) in zip(
            report.added, extra_items
        ):  # as staff retitle file names
            update_evidence(portfolio, item_id, title=title)
            tag_evidence(portfolio, item_id, code, cross_reference=True)
        update_evidence(
            portfolio,
            report.added[2],
            consent="missing",
            consent_note="Awaiting the form from one family",
        )
        video = import_evidence(
            portfolio,
            ["https://video.example.org/riverside/family-forum-diary"],
            title="Video diary: the Family Forum",
            consent="obtained",
        ).added
        if video:
            tag_evidence(portfolio, video[0], "1c", cross_reference=True)

"""Hand-built portfolios (portfolio.json) for document tests: FPA and Investors in Families, typed, and a format-1 dict."""

from __future__ import annotations

from io import BytesIO

FPA_LEVELS = [
    {
        "key": "emergent",
        "label": "Emergent",
        "description": "Early stages",
        "colour": "#C0504D",
        "score": 35,
    },
    {
        "key": "developing",
        "label": "Developing",
        "description": "Work in progress",
        "colour": "#E3A21A",
        "score": 70,
    },
    {
        "key": "embedded",
        "label": "Embedded",
        "description": "Fully in place",
        "colour": "#4F8A3C",
        "score": 100,
    },
]
RAG_LEVELS = [
    {"key": "red", "label": "Red", "description": "Not in place", "colour": "#C0392B", "score": 1},
    {
        "key": "amber",
        "label": "Amber",
        "description": "Partly in place",
        "colour": "#E67E22",
        "score": 2,
    },
    {"key": "green", "label": "Green", "description": "In place", "colour": "#27AE60", "score": 3},
]
FPA_THEMES = [
    "Ethos, vision and policy",
    "Leadership, management and coordination",
    "Communication and information sharing",
    "Partnership in practice",
    "Early intervention",
    "Effectiveness",
]
HOSTILE_TITLE = 'Newsletter <script>alert("x")</script> & "quotes" \'too\''
LONG_TEXT = (
    "Families told us in the autumn survey that the welcome at the gate has changed completely; "
    "fathers and grandparents now come to events, and the Family Forum meets every half term. "
) * 3


def tiny_jpeg(colour=(200, 120, 60), size=(48, 36)) -> bytes:
    """A small real JPEG, as the thumbnail callback returns."""
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _rating(level, label, colour, score, on, comment="", gap="", by="Zoë Łukasz"):
    return {
        "level": level,
        "label": label,
        "colour": colour,
        "score": score,
        "rated_on": on,
        "comment": comment,
        "gap": gap,
        "rated_by": by,
    }


def _evidence(eid, title, kind="document", component="activity", **extra):
    item = {
        "id": eid,
        "kind": kind,
        "title": title,
        "description": "",
        "source": "School office",
        "evidence_date": "2025-10-01",
        "component": component,
        "consent": "not-needed",
        "url": "",
        "original_name": f"{eid}.pdf",
        "mime_type": "application/pdf",
        "size": 1000,
        "sha256": f"{eid:064d}",
        "taken_at": None,
        "collected_by": "Ann Patel",
        "has_location": False,
        "key_for": [],
        "cross_reference_for": [],
        "cover_sheets": [],
        "path": f"evidence/x/{eid}-{kind}.pdf",
        "included": True,
    }
    item.update(extra)
    return item


def v1_snapshot_dict(draft: bool = False, descriptors_per_theme=(10, 0, 0, 0, 0, 0)) -> dict:
    """A format-1 portfolio.json (before schemes were data): theme 1 with 1a-1j, ratings with history, priorities."""
    levels = FPA_LEVELS
    evidence, themes, next_id = [], [], 1
    for t_index, title in enumerate(FPA_THEMES, start=1):
        descriptors = []
        for d_index in range(descriptors_per_theme[t_index - 1]):
            code = f"{t_index}{chr(ord('a') + d_index % 26)}{'' if d_index < 26 else d_index // 26}"
            keys = []
            for slot in (1, 2):
                kind = "photo" if (slot == 2 and d_index % 3 == 0) else "document"
                item = _evidence(
                    next_id,
                    f"Key evidence {code}-{slot}: {'Welcome breakfast' if kind == 'photo' else 'Policy'}",
                    kind=kind,
                    key_for=[code],
                    source=f"Source for {code}",
                    consent="obtained" if kind == "photo" else "not-needed",
                    path=f"evidence/{t_index}/{code}-{slot}-item.{'jpg' if kind == 'photo' else 'pdf'}",
                )
                evidence.append(item)
                keys.append(next_id)
                next_id += 1
            history = [
                _rating(
                    "emergent", "Emergent", "#C0504D", 35, "2025-09-15", "Started", "Needs a policy"
                ),
                _rating(
                    "developing",
                    "Developing",
                    "#E3A21A",
                    70,
                    "2025-12-01",
                    LONG_TEXT[:120],
                    "Involve families in review",
                ),
            ]
            if d_index % 2 == 0:
                history.append(
                    _rating("embedded", "Embedded", "#4F8A3C", 100, "2026-03-10", LONG_TEXT, "")
                )
            descriptors.append(
                {
                    "code": code,
                    "text": f"Descriptor {code}: a positive ethos of trust exists "
                    "which promotes positive partner working with families",
                    "examples": ["Mission statement", "Prospectus", "Stakeholder comments"],
                    "rating": history[-1],
                    "rating_history": history,
                    "key_evidence": keys,
                    "cross_references": [],
                }
            )
        themes.append(
            {
                "code": str(t_index),
                "title": title,
                "description": "",
                "lead": {"name": "Zoë Łukasz", "role": "Family Partnership Manager"}
                if t_index == 1
                else None,
                "gathering_started": "2025-09-01" if t_index == 1 else None,
                "gathering_ended": "2026-06-30" if t_index == 1 else None,
                "summative_comment": "Families shaped every policy." if t_index == 1 else "",
                "descriptors": descriptors,
            }
        )
    hostile = _evidence(
        next_id, HOSTILE_TITLE, cross_reference_for=["1a"] if themes[0]["descriptors"] else []
    )
    video = _evidence(
        next_id + 1,
        "Video diary: Family Forum",
        kind="video",
        url="https://video.example.org/forum?a=1&b=2",
        path=None,
        consent="obtained",
    )
    bad_link = _evidence(
        next_id + 2, "Dodgy link", kind="link", url="javascript:alert(1)", path=None
    )
    generic = _evidence(
        next_id + 3,
        "School website: families page",
        kind="link",
        component="generic",
        url="https://school.example.org/families",
        path=None,
    )
    plan = _evidence(next_id + 4, "Three-year plan draft", component="plan")
    excluded = _evidence(
        next_id + 5,
        "Photo without consent",
        kind="photo",
        consent="missing",
        included=False,
        path=None,
        cover_sheets=[1],
    )
    evidence += [hostile, video, bad_link, generic, plan, excluded]
    if themes[0]["descriptors"]:
        themes[0]["descriptors"][0]["cross_references"] = [
            hostile["id"],
            video["id"],
            bad_link["id"],
        ]
    priorities = []
    for n in range(1, 6):
        priorities.append(
            {
                "number": n,
                "title": f"Priority {n}: fathers' breakfast club",
                "description": "Reach dads",
                "lead": "Zoë Łukasz",
                "descriptor_codes": ["1a", "1b"],
                "cover_sheet": {
                    "lead": "Zoë Łukasz",
                    "started_on": "2025-10-01",
                    "impact_summary": "More fathers attend.",
                    "diary": [
                        {
                            "date": "2025-10-05",
                            "text": f"Diary entry {n}: letters sent",
                            "author": "Ann",
                        },
                        {"date": "2025-11-05", "text": "First club", "author": "Ann"},
                    ],
                    "evidence": [excluded["id"], video["id"]] if n == 1 else [],
                },
            }
        )
    actions = [
        {
            "theme_code": str(t),
            "descriptor_code": "1a" if t == 1 else None,
            "priority_number": 1 if t == 1 else None,
            "action": f"Action for theme {t}: " + LONG_TEXT[:160],
            "lead": "Zoë Łukasz",
            "resources": "INSET day",
            "starts_on": "2025-10-01",
            "ends_on": "2026-07-01",
            "monitoring": "Core team, half-termly, minutes",
            "success_criteria": "Success criterion " + LONG_TEXT[:100],
            "status": "in progress",
        }
        for t in range(1, 7)
    ]
    return {
        "format": "portfolio-builder/portfolio",
        "format_version": 1,
        "app_version": "0.1",
        "created_at": "2026-05-01T10:00:00+00:00",
        "draft": draft,
        "setting": {
            "name": "Zoë Łukasz Academy & Nursery",
            "kind": "Primary school",
            "address": "1 Oak Lane\nLeeds",
            "reference": "URN 123456",
            "head": "Mrs Ayesha Khan",
            "contact_email": "office@oak.example",
            "phone": "0113 000000",
            "context": "A two-form entry primary school in an inner-city area.",
        },
        "staff": [
            {
                "name": "Zoë Łukasz",
                "role": "Family Partnership Manager",
                "is_lead": True,
                "in_core_team": True,
            }
        ],
        "framework": {
            "id": "family-partnership-award",
            "name": "Family Partnership Award",
            "awarding_body": "ECM Solutions",
            "version": "1",
            "description": "",
            "scale_name": "Emergent / Developing / Embedded",
            "levels": levels,
            "rule": {"min_key": 2, "max_key": 2},
            "priorities_required": 5,
            "uses_components": False,
            "action_plan_theme": "2",
        },
        "themes": themes,
        "priorities": priorities,
        "action_plan": actions,
        "evidence": evidence,
        "case_study": "Our journey.\n\nWhat we learned: listen first.",
        "three_year_plan": "Year 1: ...\nYear 2: ...",
    }


def _scheme(framework_id: str) -> dict:
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework

    return shipped_framework(framework_id).scheme.model_dump(mode="json")


def _v2(snap: dict, framework_id: str) -> dict:
    """A format-2 dict from the format-1 one: the shipped scheme, renamed rating fields, texts."""
    from portfolio_builder.core.shape.portfolio_shape_v1 import upgrade_v1

    out = upgrade_v1(snap)
    out["scheme"] = _scheme(framework_id)
    out["texts"] = (
        {"case-study": snap["case_study"]}
        if framework_id == "family-partnership-award"
        else {"outline-plan": snap["three_year_plan"]}
    )
    return out


def fpa_snapshot_dict(draft: bool = False, descriptors_per_theme=(10, 0, 0, 0, 0, 0)) -> dict:
    """An FPA portfolio.json (format 2): theme 1 with 1a-1j, two key items each, ratings and best fit, no priorities."""
    snap = _v2(v1_snapshot_dict(draft, descriptors_per_theme), "family-partnership-award")
    snap["priorities"] = []
    for action in snap["action_plan"]:
        action["priority_number"] = None
    for item in snap["evidence"]:
        item["cover_sheets"], item["component"] = [], ""
    theme = snap["themes"][0]
    if theme["descriptors"]:
        theme["best_fit_history"] = [
            {
                "level": "developing",
                "label": "Developing",
                "colour": "#E3A21A",
                "on": "2025-09-20",
                "comment": "Start",
            },
            {
                "level": "embedded",
                "label": "Embedded",
                "colour": "#4F8A3C",
                "on": "2026-03-12",
                "comment": "Families shape the policy.",
            },
        ]
        theme["best_fit"] = theme["best_fit_history"][-1]
    return snap


def fpa_snapshot(draft: bool = False, descriptors_per_theme=(10, 0, 0, 0, 0, 0)):
    """The FPA portfolio as the typed shape documents read."""
    from portfolio_builder.core.shape.portfolio_shape import read_shape

    return read_shape(fpa_snapshot_dict(draft, descriptors_per_theme))


def iif_snapshot_dict(draft: bool = False) -> dict:
    """An Investors in Families portfolio.json: RAG, elements E1-E8, five priorities with cover sheets, components."""
    snap = _v2(
        v1_snapshot_dict(draft=draft, descriptors_per_theme=(4, 2, 0, 0, 0, 0)),
        "investors-in-families-secure",
    )
    colour = {
        "emergent": ("red", "Red"),
        "developing": ("amber", "Amber"),
        "embedded": ("green", "Green"),
    }
    for t_index, theme in enumerate(snap["themes"], start=1):
        theme["code"], theme["title"] = f"E{t_index}", f"Element {t_index} of the toolkit"
        for d in theme["descriptors"]:
            d["code"] = f"E{d['code']}"
            for r in d["rating_history"]:
                r["level"], r["label"] = colour[r["level"]]
            d["rating"] = d["rating_history"][-1]
    for item in snap["evidence"]:
        item["key_for"] = item["cross_reference_for"] = []
        item["component"] = (
            item["component"] if item["component"] in ("generic", "plan") else "activity"
        )
    for theme in snap["themes"]:
        for d in theme["descriptors"]:
            d["key_evidence"], d["cross_references"] = [], []
    for p in snap["priorities"]:
        p["descriptor_codes"] = ["E1a", "E2b"]
    for action in snap["action_plan"]:
        action["theme_code"], action["descriptor_code"] = None, None
    snap["themes"][0]["summative_comment"] = ""
    return snap


def iif_snapshot(draft: bool = False):
    """The Investors in Families portfolio as the typed shape."""
    from portfolio_builder.core.shape.portfolio_shape import read_shape

    return read_shape(iif_snapshot_dict(draft))


def empty_snapshot_dict() -> dict:
    """A new FPA portfolio: six themes without descriptors, no evidence, optional fields missing."""
    snap = fpa_snapshot_dict(descriptors_per_theme=(0, 0, 0, 0, 0, 0))
    snap["evidence"], snap["priorities"], snap["action_plan"] = [], [], []
    snap["texts"] = {}
    del snap["staff"]
    snap["setting"] = {"name": "New setting"}
    for theme in snap["themes"]:
        theme.pop("lead"), theme.pop("summative_comment")
    return snap


def empty_snapshot():
    """The new portfolio as the typed shape."""
    from portfolio_builder.core.shape.portfolio_shape import read_shape

    return read_shape(empty_snapshot_dict())

"""The checks behind readiness: the facts read in a few queries, then each rule the scheme's data asks for."""

from __future__ import annotations

from dataclasses import dataclass

from ..scheme.model import FinalCheck, Scheme
from .readiness_facts import DescriptorFacts, ReadinessFacts, ThemeFacts

# Where a problem is fixed: the desktop page (and the thing on it) a double-click takes the user to.
SETTING, FRAMEWORK, AUDIT, EVIDENCE, PLANNING, THEME_SHEET = (
    "setting",
    "framework",
    "audit",
    "evidence",
    "planning",
    "theme-sheet",
)


@dataclass(frozen=True)
class ReadinessIssue:
    """One thing missing or worth a look; `blocks` stops a final export, a warning does not."""

    kind: str
    subject: str  # a descriptor or theme code, an evidence id, a priority number, a text key, or ''
    message: str
    blocks: bool = True
    page: str = ""  # where it is fixed (one of the constants above)


def scheme_checks(facts: ReadinessFacts, scheme: Scheme, progress) -> list[ReadinessIssue]:
    """Every issue, in the order a setting would fix them: setting, themes, audit, evidence, plans, texts."""
    words, needs = scheme.words, set(scheme.final.requires)
    issues: list[ReadinessIssue] = []
    add = issues.append
    if "setting_context" in needs and not facts.setting["context"].strip():
        add(
            ReadinessIssue(
                "setting-context",
                "",
                "The setting's context is not written yet (Setting and team).",
                page=SETTING,
            )
        )
    if "setting_contact" in needs and not (
        facts.setting["contact_email"].strip() or facts.setting["phone"].strip()
    ):
        add(
            ReadinessIssue(
                "setting-contact",
                "",
                "The setting's contact email or phone is not filled in (Setting and team).",
                page=SETTING,
            )
        )
    if "award_level" in needs and not facts.setting["award_level"].strip():
        add(
            ReadinessIssue(
                "award-level",
                "",
                f"The {words.award_level.lower()} is not chosen (Setting and team).",
                page=SETTING,
            )
        )
    for theme in facts.themes:
        issues += _theme_issues(theme, facts.descriptors.get(theme.id, []), scheme, needs)
    issues += _priority_issues(facts, scheme, needs)
    for text in scheme.texts:
        if text.required and not facts.texts.get(text.key, "").strip():
            add(
                ReadinessIssue(
                    "text-empty", text.key, f"{text.title} is not written yet.", page=PLANNING
                )
            )
    for item_id, title, kind in facts.unconsented:
        add(
            ReadinessIssue(
                "consent-missing",
                str(item_id),
                unconsented_message(item_id, title, kind),
                blocks=False,
                page=EVIDENCE,
            )
        )
    for item_id, title in facts.unblurred:
        add(
            ReadinessIssue(
                "blur-missing",
                str(item_id),
                blur_missing_message(item_id, title),
                blocks=False,
                page=EVIDENCE,
            )
        )
    return issues


def unconsented_message(item_id: int, title: str, kind: str, included: bool = False) -> str:
    """What happens to an item without recorded consent: left out, or put in because the person chose to."""
    fate = (
        "it will go in the bundle, because photos, video and audio without recorded consent are included"
        if included
        else "it will be left out of the bundle"
    )
    return f"Consent is not recorded for {kind} '{title}' (item {item_id}); {fate}."


def blur_missing_message(item_id: int, title: str) -> str:
    """Why a photo whose consent is for a blurred version, with nothing marked to blur, stays out of the bundle."""
    return (
        f"Consent for '{title}' (item {item_id}) is for a blurred version, but nothing on it is marked to blur; "
        "it will be left out of the bundle until faces or details are marked (Evidence: Blur or block out)."
    )


def _theme_issues(
    theme: ThemeFacts, descriptors: list[DescriptorFacts], scheme: Scheme, needs: set[FinalCheck]
) -> list[ReadinessIssue]:
    words, rule = scheme.words, scheme.evidence_rule
    name = f"{words.theme} {theme.code}"
    out: list[ReadinessIssue] = []
    if theme.placeholder:
        out.append(
            ReadinessIssue(
                "placeholder",
                theme.code,
                f"{name} is still called '{theme.title}': rename it "
                f"as your {words.guidance} names it.",
                page=FRAMEWORK,
            )
        )
    if not descriptors:
        out.append(
            ReadinessIssue(
                "empty-theme",
                theme.code,
                f"{name} ({theme.title}) has no "
                f"{words.descriptors.lower()} yet: add them from your {words.guidance}.",
                blocks="themes_entered" in needs,
                page=FRAMEWORK,
            )
        )
        return out
    for d in descriptors:
        if d.ours:
            out.append(
                ReadinessIssue(
                    "our-wording",
                    d.code,
                    f"{words.descriptor} {d.code} shows our summary: "
                    f"replace it with your {words.guidance_possessive} wording.",
                    blocks=False,
                    page=FRAMEWORK,
                )
            )
        if not rule.evidenced(d.key_count):
            out.append(
                ReadinessIssue(
                    "evidence-short",
                    d.code,
                    f"{words.descriptor} {d.code} has {d.key_count} of "
                    f"{rule.min_key} key evidence items.",
                    blocks="descriptors_evidenced" in needs,
                    page=EVIDENCE,
                )
            )
        if d.level_key is None:
            out.append(
                ReadinessIssue(
                    "unrated",
                    d.code,
                    f"{words.descriptor} {d.code} has not been rated.",
                    blocks="descriptors_rated" in needs,
                    page=AUDIT,
                )
            )
    if scheme.best_fit is not None and theme.best_fit is None:
        out.append(
            ReadinessIssue(
                "best-fit",
                theme.code,
                f"{name} has no {scheme.best_fit.label.lower()} yet.",
                blocks="best_fit" in needs,
                page=AUDIT,
            )
        )
    for need, missing, what in (
        ("theme_lead", theme.lead_staff_id is None, words.theme_lead),
        ("theme_dates", not theme.started, words.gathering_started),
        ("theme_dates", not theme.ended, words.gathering_ended),
        ("theme_summary", not theme.summary.strip(), words.summative_comment),
    ):
        if need in needs and missing:
            out.append(
                ReadinessIssue(
                    need.replace("_", "-"),
                    theme.code,
                    f"{name}: '{what}' is not filled in.",
                    page=THEME_SHEET,
                )
            )
    return out


def _priority_issues(
    facts: ReadinessFacts, scheme: Scheme, needs: set[FinalCheck]
) -> list[ReadinessIssue]:
    words, wanted = scheme.words, scheme.priorities
    out: list[ReadinessIssue] = []
    if not wanted.used:
        return out
    chosen = len(facts.priorities)
    if chosen != wanted.count:
        out.append(
            ReadinessIssue(
                "priorities-count",
                "",
                f"{chosen} of {wanted.count} "
                f"{words.priorities.lower()} chosen; the scheme asks for exactly {wanted.count}.",
                page=PLANNING,
            )
        )
    for p in facts.priorities:
        if wanted.span_range and not p.codes:
            out.append(
                ReadinessIssue(
                    "priority-span",
                    str(p.number),
                    f"{words.priority} {p.number} ('{p.title}') "
                    f"names no {words.descriptor.lower()}.",
                    page=PLANNING,
                )
            )
        if "cover_sheet_diary" in needs and wanted.cover_sheets and not p.diary_entries:
            out.append(
                ReadinessIssue(
                    "cover-sheet-diary",
                    str(p.number),
                    f"The {words.cover_sheet} of "
                    f"{words.priority.lower()} {p.number} has no diary entry yet.",
                    page=PLANNING,
                )
            )
    if (
        wanted.span_range
        and chosen > 1
        and len({t for p in facts.priorities for t in p.theme_ids}) == 1
    ):
        out.append(
            ReadinessIssue(
                "priorities-range",
                "",
                f"All the {words.priorities.lower()} address one "
                f"{words.theme.lower()}; they should span a range of "
                f"{words.descriptors.lower()}.",
                blocks=False,
                page=PLANNING,
            )
        )
    leads = [p.lead_staff_id for p in facts.priorities if p.lead_staff_id is not None]
    if wanted.different_leads and len(leads) != len(set(leads)):
        out.append(
            ReadinessIssue(
                "priority-leads",
                "",
                f"Some {words.priorities.lower()} share a lead; it helps "
                "if a different member of staff leads each.",
                blocks=False,
                page=PLANNING,
            )
        )
    return out

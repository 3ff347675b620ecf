"""What an assessor records about one bundle: judgements per descriptor and theme, notes and the recommendation."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import BadInput

MET, NOT_YET_MET, NOT_SEEN = "met", "not-yet-met", "not-seen"
JUDGEMENTS = (MET, NOT_YET_MET, NOT_SEEN)
JUDGEMENT_LABELS = {MET: "Met", NOT_YET_MET: "Not yet met", NOT_SEEN: "Not seen"}

AWARD_MET, FURTHER_WORK = "award-met", "further-work"
RECOMMENDATIONS = ("", AWARD_MET, FURTHER_WORK)
RECOMMENDATION_LABELS = {
    "": "Not decided yet",
    AWARD_MET: "Award met",
    FURTHER_WORK: "Further work needed",
}

DESCRIPTOR, THEME = "descriptor", "theme"
SCOPES = (DESCRIPTOR, THEME)

# Free-text fields of the report, in the order the report prints them.
TEXT_FIELDS = (
    "assessor_name",
    "visit_date",
    "report_date",
    "visit_notes",
    "strengths",
    "areas_for_development",
    "recommendation",
    "recommendation_comment",
)
FIELD_LABELS = {
    "assessor_name": "Assessor's name",
    "visit_date": "Date of visit",
    "report_date": "Date of report",
    "visit_notes": "Visit notes",
    "strengths": "Strengths",
    "areas_for_development": "Areas for development",
    "recommendation": "Recommendation",
    "recommendation_comment": "Comment on the recommendation",
}
MAX_TEXT = 200_000


@dataclass
class Judgement:
    """The assessor's view of one descriptor or theme; judgement is one of JUDGEMENTS."""

    scope: str
    code: str
    judgement: str = NOT_SEEN
    comment: str = ""
    updated_at: str = ""

    @property
    def label(self) -> str:
        return JUDGEMENT_LABELS.get(self.judgement, self.judgement)


@dataclass
class Assessment:
    """Everything in one assessment file, read at one moment (plain data for the report)."""

    uuid: str
    setting: str = ""
    scheme: str = ""
    bundle_name: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    judgements: dict[tuple[str, str], Judgement] = field(default_factory=dict)

    def judgement(self, scope: str, code: str) -> Judgement:
        """The recorded judgement, or 'not seen' with no comment when nothing was recorded."""
        return self.judgements.get((scope, code)) or Judgement(scope, code)

    def text(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def recommendation_label(self) -> str:
        return RECOMMENDATION_LABELS.get(self.text("recommendation"), self.text("recommendation"))


def check_judgement(scope: str, code: str, judgement: str | None) -> None:
    """Refuse unknown scopes, codes that are not short text, or judgements outside the three allowed."""
    if scope not in SCOPES:
        raise BadInput(f"Unknown kind of judgement '{scope}': it must be a descriptor or a theme.")
    if not isinstance(code, str) or not code or len(code) > 100:
        raise BadInput("A judgement needs the code of its descriptor or theme.")
    if judgement is not None and judgement not in JUDGEMENTS:
        raise BadInput(f"'{judgement}' is not a judgement: choose met, not yet met or not seen.")


def check_field(name: str, value: str) -> None:
    """Refuse unknown fields, an unknown recommendation, and text too long to be typed by hand."""
    if name not in TEXT_FIELDS:
        raise BadInput(f"Unknown field of the assessment: '{name}'.")
    if not isinstance(value, str):
        raise BadInput(f"{FIELD_LABELS[name]} must be text.")
    if len(value) > MAX_TEXT:
        raise BadInput(f"{FIELD_LABELS[name]} is too long (over {MAX_TEXT:,} characters).")
    if name == "recommendation" and value not in RECOMMENDATIONS:
        raise BadInput("The recommendation must be 'award met' or 'further work needed'.")

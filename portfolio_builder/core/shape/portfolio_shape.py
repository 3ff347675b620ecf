"""portfolio.json as one typed shape: built from a portfolio, dumped into the bundle, validated once on reading.

The documents, the contents index, the assessor's pages and the Assessor's Report all read these
typed objects, so a misspelt field fails loudly instead of printing a blank. Every value read from
a received bundle has its type checked (strict: a number where text belongs is refused), because
whoever made the bundle also made its checksums. Dates travel as ISO strings.
"""

from __future__ import annotations

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
)

from ..scheme.model import Scheme
from .shape_check import FORMAT, FORMAT_VERSION, shape_problem_of

Text = StrictStr
Day = StrictStr | None  # an ISO date, or None
Number = StrictInt | StrictFloat | None


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Person(_Shape):
    name: Text = ""
    role: Text = ""


class Rating(_Shape):
    """One dated rating of a descriptor (or best-fit judgement of a theme) on the scheme's scale."""

    level: Text = ""
    label: Text = ""
    colour: Text = "#888888"
    score: Number = None
    on: Day = None
    comment: Text = ""
    gap: Text = ""
    by: Text = ""


class DescriptorShape(_Shape):
    code: Text
    text: Text = ""
    ours: StrictBool = False  # our summary, not the scheme's wording
    examples: list[Text] = []
    rating: Rating | None = None
    rating_history: list[Rating] = []  # oldest first; the baseline is the first
    key_evidence: list[StrictInt] = []
    cross_references: list[StrictInt] = []


class ThemeShape(_Shape):
    code: Text
    title: Text = ""
    description: Text = ""
    placeholder: StrictBool = False
    lead: Person | None = None
    gathering_started: Day = None
    gathering_ended: Day = None
    summative_comment: Text = ""
    best_fit: Rating | None = None
    best_fit_history: list[Rating] = []
    descriptors: list[DescriptorShape] = []


class DiaryEntryShape(_Shape):
    date: Day = None
    text: Text = ""
    author: Text = ""


class CoverSheetShape(_Shape):
    lead: Text = ""
    started_on: Day = None
    impact_summary: Text = ""
    diary: list[DiaryEntryShape] = []
    evidence: list[StrictInt] = []


class PriorityShape(_Shape):
    number: StrictInt
    title: Text = ""
    description: Text = ""
    lead: Text = ""
    descriptor_codes: list[Text] = []
    cover_sheet: CoverSheetShape | None = None


class ActionShape(_Shape):
    theme_code: Text | None = None
    descriptor_code: Text | None = None
    priority_number: StrictInt | None = None
    action: Text = ""
    lead: Text = ""
    resources: Text = ""
    starts_on: Day = None
    ends_on: Day = None
    due_on: Day = None  # by the scheme's own deadlines, when it has any
    monitoring: Text = ""
    success_criteria: Text = ""
    status: Text = ""


class RegionShape(_Shape):
    """A part of a photo blurred or blocked out when it leaves: fractions (0..1) of the upright photo."""

    x: StrictInt | StrictFloat
    y: StrictInt | StrictFloat
    w: StrictInt | StrictFloat
    h: StrictInt | StrictFloat
    mode: Text = "blur"  # blur / block
    shape: Text = "rectangle"  # rectangle / ellipse


class EvidenceShape(_Shape):
    id: StrictInt
    kind: Text
    title: Text
    included: StrictBool = True
    description: Text = ""
    source: Text = ""
    evidence_date: Day = None
    component: Text = ""
    consent: Text = ""
    url: Text = ""
    mime_type: Text = ""
    size: StrictInt | None = None
    sha256: Text | None = None
    taken_at: Day = None
    collected_by: Text = ""
    key_for: list[Text] = []
    cross_reference_for: list[Text] = []
    cover_sheets: list[StrictInt] = []
    path: Text | None = None  # set by export: where the file is in the bundle
    regions: list[
        RegionShape
    ] = []  # the portfolio's own record (show --json); a bundle carries none of them
    redacted: StrictBool = (
        False  # set by export: the file in the bundle has parts blurred or blocked out
    )


class SettingShape(_Shape):
    name: Text = ""
    kind: Text = ""
    address: Text = ""
    reference: Text = ""
    head: Text = ""
    contact_email: Text = ""
    phone: Text = ""
    context: Text = ""
    award_level: Text = ""


class StaffShape(_Shape):
    name: Text = ""
    role: Text = ""
    is_lead: StrictBool = False
    in_core_team: StrictBool = True


class LeftOut(_Shape):
    """How many items were left out of the bundle for one reason (the items themselves leave no trace)."""

    reason: Text = ""
    count: StrictInt = 0


class PortfolioShape(_Shape):
    """The whole portfolio as the bundle carries it."""

    format: Text = FORMAT
    format_version: StrictInt = FORMAT_VERSION
    app_version: Text = ""
    created_at: Day = None
    draft: StrictBool = False
    missing: list[Text] = []  # on a DRAFT: what a final export would still need
    setting: SettingShape = Field(default_factory=SettingShape)
    staff: list[StaffShape] = []
    scheme: Scheme
    themes: list[ThemeShape] = []
    priorities: list[PriorityShape] = []
    action_plan: list[ActionShape] = []
    evidence: list[EvidenceShape] = []
    texts: dict[Text, Text] = {}
    left_out: list[LeftOut] = []

    def to_json_dict(self) -> dict:
        """The JSON-ready dict written to portfolio.json."""
        return self.model_dump(mode="json")


def read_shape(value: dict) -> PortfolioShape:
    """The typed portfolio from a parsed portfolio.json (format 1 upgraded first); ValueError says what is wrong."""
    if value.get("format_version") == 1:
        from .portfolio_shape_v1 import upgrade_v1

        value = upgrade_v1(value)
    try:
        return PortfolioShape.model_validate(value)
    except ValidationError as exc:
        raise ValueError(shape_problem_of(exc)) from None

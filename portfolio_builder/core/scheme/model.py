"""A scheme's definition as typed data: its words, scale, evidence rule, priorities, texts and documents.

Everything that differs between the Family Partnership Award, Investors in Families, a local
authority's practice-quality framework, Signs of Safety accreditation or a setting's own scheme
lives here, read from the scheme's framework file; code asks the scheme, never which scheme it is.
Defaults are neutral words of ours; a shipped scheme overrides them with its source's words.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .evidence_rule import EvidenceRule
from .scale import Scale
from .scheme_data import Key, Label, SchemeData
from .scheme_rules import check_deadline, check_references


class Words(SchemeData):
    """What the scheme calls its parts; printed on pages and sheets and shown on the desktop's pages."""

    theme: str = "Theme"
    themes: str = "Themes"
    descriptor: str = "Descriptor"
    descriptors: str = "Descriptors"
    guidance: str = "framework document"  # where the setting finds its descriptors' wording
    rating: str = "Rating"
    audit: str = "Self-audit"
    audit_sheet: str = "Audit sheet"
    summary_sheet: str = "Evidence summary sheet"
    evidence_list: str = "Evidence list"
    comment: str = "Comment"
    gap: str = "Gaps and actions needed"
    key_evidence: str = "Key evidence"
    cross_reference: str = "Cross-reference"
    source_of_evidence: str = "Source of evidence"
    examples: str = "Examples of evidence"
    priority: str = "Priority"
    priorities: str = "Priorities"
    cover_sheet: str = "Cover sheet"
    cover_sheets: str = "Cover sheets"
    diary: str = "Diary of actions taken"
    impact: str = "Impact"
    action_plan: str = "Action plan"
    reviewer: str = "Assessor"
    award_level: str = "Award level applied for"
    theme_lead: str = "Lead person"
    theme_lead_role: str = "Job title / role"
    gathering_started: str = "Date evidence gathering began"
    gathering_ended: str = "Date evidence gathering ended"
    summative_comment: str = "Summative comment"
    team: str = "Core team"

    @property
    def guidance_possessive(self) -> str:
        """The guidance word as a possessive: "award pack's", "practice tools'"."""
        return self.guidance + ("'" if self.guidance.endswith("s") else "'s")


class BestFit(SchemeData):
    """An overall best-fit judgement per theme, dated, on the scheme's scale (FPA slide 16)."""

    label: str = Field(default="Overall best-fit judgement", min_length=1, max_length=80)


class Priorities(SchemeData):
    """The priorities a setting chooses after its audit: none, or exactly `count` of them."""

    count: int = Field(default=0, ge=0, le=20)
    span_range: bool = False  # together they should span a range of descriptors
    different_leads: bool = False  # ideally a different member of staff leads each
    cover_sheets: bool = (
        False  # each priority keeps a cover sheet: a dated diary with evidence and impact
    )

    @property
    def used(self) -> bool:
        return self.count > 0


class Component(SchemeData):
    """A component of the portfolio that evidence belongs to (IiF: activity-specific, generic, outline plan)."""

    key: Key
    title: str = Label
    note: str = ""


class TextPart(SchemeData):
    """A free-text part the setting writes (a case study, an outline plan, self-benchmarking ...)."""

    key: Key
    title: str = Label
    note: str = ""
    required: bool = False


class Award(SchemeData):
    """The award levels a setting applies for (Signs of Safety: bronze, silver, gold), if the scheme has them."""

    levels: list[str] = Field(default_factory=list, max_length=10)


class Deadline(SchemeData):
    """How soon an action must be done, by the source's own timescale (West Sussex: most within four weeks)."""

    when: str = Label
    days: int | None = Field(default=None, ge=1, le=3650)
    working_days: int | None = Field(default=None, ge=1, le=3650)
    level: str = ""  # the audit level it applies to ('' = every action)

    @model_validator(mode="after")
    def _one_length(self) -> Deadline:
        return check_deadline(self)


ACTION_FIELDS = (
    "theme",
    "descriptor",
    "priority",
    "action",
    "lead",
    "resources",
    "from",
    "to",
    "monitoring",
    "success",
    "status",
    "deadline",
)
ActionField = Literal[
    "theme",
    "descriptor",
    "priority",
    "action",
    "lead",
    "resources",
    "from",
    "to",
    "monitoring",
    "success",
    "status",
    "deadline",
]


class ActionColumn(SchemeData):
    """A column of the action plan and its heading."""

    field: ActionField
    label: str = Label


DEFAULT_ACTION_COLUMNS = (
    ("theme", "Theme"),
    ("action", "Action"),
    ("lead", "Lead"),
    ("resources", "Resources"),
    ("from", "From"),
    ("to", "To"),
    ("monitoring", "Monitoring"),
    ("success", "Success criteria"),
    ("status", "Status"),
)  # (field, heading)


class ActionPlan(SchemeData):
    """The action plan's columns, in the scheme's words."""

    columns: list[ActionColumn] = Field(
        min_length=2,
        default_factory=lambda: [
            ActionColumn(field=f, label=label) for f, label in DEFAULT_ACTION_COLUMNS
        ],
    )


PartKind = Literal[
    "contents",
    "themes",
    "audit_findings",
    "action_plan",
    "priorities",
    "cover_sheets",
    "evidence",
    "text",
    "assessor_first_page",
    "component",
]
ThemeSheet = Literal["audit_sheet", "evidence_summary_sheet", "evidence_list"]


class DocumentPart(SchemeData):
    """One part of the printed portfolio, in order; a component part groups the parts inside it."""

    part: PartKind
    title: str = ""
    sheets: list[ThemeSheet] = []  # for `themes`: which sheets each theme gets, in order
    inside_theme: str = ""  # print this part inside that theme, after its sheets (FPA: theme 2)
    page_per_theme: bool = (
        True  # for `themes`: each theme starts a page; False runs short themes on
    )
    component: str = ""  # for `component` and `evidence`: which component
    text: str = ""  # for `text`: which text part
    parts: list[DocumentPart] = []


FinalCheck = Literal[
    "setting_context",
    "setting_contact",
    "theme_lead",
    "theme_dates",
    "theme_summary",
    "best_fit",
    "cover_sheet_diary",
    "descriptors_rated",
    "descriptors_evidenced",
    "themes_entered",
    "award_level",
]


class Final(SchemeData):
    """What must be filled in before a final (not DRAFT) export; texts marked required count too."""

    requires: list[FinalCheck] = []


class Scheme(SchemeData):
    """The whole definition of a scheme (its themes and descriptors are the portfolio's own data)."""

    id: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    name: str = Field(min_length=1, max_length=200)
    awarding_body: str = ""
    version: str = "1"
    description: str = ""
    source: str = ""  # where the scheme's words come from
    words: Words = Field(default_factory=Words)
    scale: Scale
    best_fit: BestFit | None = None
    evidence_rule: EvidenceRule = Field(default_factory=EvidenceRule)
    priorities: Priorities = Field(default_factory=Priorities)
    components: list[Component] = []
    texts: list[TextPart] = []
    award: Award | None = None
    deadlines: list[Deadline] = []
    action_plan: ActionPlan = Field(default_factory=ActionPlan)
    documents: list[DocumentPart] = []
    final: Final = Field(default_factory=Final)

    @model_validator(mode="after")
    def _references(self) -> Scheme:
        return check_references(self)

    def component(self, key: str) -> Component | None:
        return next((c for c in self.components if c.key == key), None)

    def text(self, key: str) -> TextPart | None:
        return next((t for t in self.texts if t.key == key), None)

    @property
    def uses_components(self) -> bool:
        return bool(self.components)

    def document_parts(self) -> list[DocumentPart]:
        """The printed order: the file's [[documents]], or a plain order built from what the scheme has."""
        return list(self.documents) or default_documents(self)


def default_documents(scheme: Scheme) -> list[DocumentPart]:
    """A sensible order for a scheme whose file gives none (a setting's own scheme)."""
    sheets: list = ["audit_sheet"]
    if scheme.evidence_rule.per_descriptor:
        sheets.append("evidence_summary_sheet")
    sheets.append("evidence_list")
    parts = [
        DocumentPart(part="contents"),
        DocumentPart(part="themes", sheets=sheets),
        DocumentPart(part="audit_findings", title="Audit findings"),
        DocumentPart(part="action_plan", title=scheme.words.action_plan),
    ]
    if scheme.priorities.used:
        parts.append(DocumentPart(part="priorities", title=scheme.words.priorities))
        if scheme.priorities.cover_sheets:
            parts.append(DocumentPart(part="cover_sheets", title=scheme.words.cover_sheets))
    parts += [
        DocumentPart(part="evidence", component=c.key, title=c.title) for c in scheme.components
    ]
    parts += [DocumentPart(part="text", text=t.key, title=t.title) for t in scheme.texts]
    return parts

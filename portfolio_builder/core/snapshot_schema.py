"""The shape of portfolio.json as strict types, so a bundle whose JSON is malformed is refused at the door.

Read-only mode and the assessor's report read a received portfolio.json field by field; a
hand-made or tampered file with a number where a list belongs must be refused with a message, not
crash a page later. The checksums cannot catch it: whoever made the bundle made them too.
Pydantic (already here through SQLModel) checks every nested field; unknown fields are ignored.
"""

from __future__ import annotations

from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, StrictBool, StrictFloat, StrictInt, StrictStr, ValidationError

Text = Optional[StrictStr]
Number = Optional[Union[StrictInt, StrictFloat]]


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Person(_Shape):
    name: Text = ""
    role: Text = ""


class Rating(_Shape):
    level: Text = ""
    label: Text = ""
    colour: Text = ""
    score: Number = None
    rated_on: Text = None
    comment: Text = ""
    gap: Text = ""
    rated_by: Text = ""


class Descriptor(_Shape):
    code: StrictStr
    text: Text = ""
    examples: list[StrictStr] = []
    rating: Optional[Rating] = None
    rating_history: list[Rating] = []
    key_evidence: list[StrictInt] = []
    cross_references: list[StrictInt] = []


class Theme(_Shape):
    code: StrictStr
    title: Text = ""
    description: Text = ""
    lead: Optional[Person] = None
    gathering_started: Text = None
    gathering_ended: Text = None
    summative_comment: Text = ""
    descriptors: list[Descriptor]


class DiaryEntry(_Shape):
    date: Text = None
    text: Text = ""
    author: Text = ""


class CoverSheet(_Shape):
    lead: Text = ""
    started_on: Text = None
    impact_summary: Text = ""
    diary: list[DiaryEntry] = []
    evidence: list[StrictInt] = []


class PriorityShape(_Shape):
    number: StrictInt
    title: Text = ""
    description: Text = ""
    lead: Text = ""
    descriptor_codes: list[StrictStr] = []
    cover_sheet: Optional[CoverSheet] = None


class Action(_Shape):
    theme_code: Text = None
    descriptor_code: Text = None
    priority_number: Optional[StrictInt] = None
    action: Text = ""
    lead: Text = ""
    resources: Text = ""
    starts_on: Text = None
    ends_on: Text = None
    monitoring: Text = ""
    success_criteria: Text = ""
    status: Text = ""


class Evidence(_Shape):
    id: StrictInt
    kind: StrictStr
    title: StrictStr
    included: StrictBool
    description: Text = ""
    source: Text = ""
    evidence_date: Text = None
    component: Text = ""
    consent: Text = ""
    url: Text = ""
    original_name: Text = ""
    mime_type: Text = ""
    size: Optional[StrictInt] = None
    sha256: Text = None
    taken_at: Text = None
    collected_by: Text = ""
    has_location: Optional[Union[StrictBool, StrictInt]] = None
    key_for: list[StrictStr] = []
    cross_reference_for: list[StrictStr] = []
    cover_sheets: list[StrictInt] = []
    path: Text = None


class Level(_Shape):
    key: StrictStr
    label: Text = ""
    description: Text = ""
    colour: Text = ""
    score: Number = None


class Rule(_Shape):
    min_key: StrictInt = 2
    max_key: StrictInt = 2


class FrameworkShape(_Shape):
    id: Text = ""
    name: Text = ""
    awarding_body: Text = ""
    version: Text = ""
    description: Text = ""
    scale_name: Text = ""
    levels: list[Level] = []
    rule: Rule = Rule()
    priorities_required: Optional[StrictInt] = None
    uses_components: StrictBool = False
    action_plan_theme: Text = None


class Setting(_Shape):
    name: Text = ""
    kind: Text = ""
    address: Text = ""
    reference: Text = ""
    head: Text = ""
    contact_email: Text = ""
    phone: Text = ""
    context: Text = ""


class StaffMember(_Shape):
    name: Text = ""
    role: Text = ""
    is_lead: StrictBool = False
    in_core_team: StrictBool = True


class SnapshotShape(_Shape):
    setting: Setting
    staff: list[StaffMember]
    framework: FrameworkShape
    themes: list[Theme]
    priorities: list[PriorityShape]
    action_plan: list[Action]
    evidence: list[Evidence]
    draft: StrictBool = False
    app_version: Text = ""
    created_at: Text = None
    case_study: Text = ""
    three_year_plan: Text = ""


def shape_problem(value: dict) -> str | None:
    """Where and how a portfolio.json departs from the format, in words; None when every field has its type."""
    try:
        SnapshotShape.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
        return f"{where or 'the top level'}: {first['msg'].lower()} ({exc.error_count()} problem(s) in all)"
    return None

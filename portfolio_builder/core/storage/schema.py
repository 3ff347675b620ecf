"""The tables of a portfolio file (SQLModel), one row type per thing a setting records."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol

from sqlalchemy import Column, Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from ..vocabularies import CONSENT_STATES, EVIDENCE_KINDS  # noqa: F401 - their one home

SCHEMA_VERSION = (
    5  # 2: schemes as data; 3: redaction regions; 4: stored files over several rows; 5: team copies
)

COMPONENTS = ("activity", "generic", "plan")
LINK_ROLES = ("key", "cross")


def utc_now() -> datetime:
    """Timezone-aware now, stored as UTC."""
    return datetime.now(UTC).replace(microsecond=0)


class _HasId(Protocol):
    id: int | None


def stored_id(row: _HasId) -> int:
    """The id of a row read from the file or flushed to it (SQLModel types every id `int | None`: a row not
    yet written has none, which is a programming error here, never a user's)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet: it has not been written")
    return row.id


class SettingProfile(SQLModel, table=True):
    """The applying setting: a single row describing who is building the portfolio."""

    __tablename__ = "setting_profile"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: str = ""
    address: str = ""
    reference: str = ""
    head: str = ""
    contact_email: str = ""
    phone: str = ""
    context: str = ""
    award_level: str = (
        ""  # the level applied for, where the scheme has award levels (bronze / silver / gold)
    )
    licence: str = "all-rights-reserved"  # the bundle's licence (core/licences.py)
    created_at: datetime = Field(default_factory=utc_now)


class Staff(SQLModel, table=True):
    """A member of staff (or governor) who leads, rates or gathers evidence."""

    __tablename__ = "staff"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    role: str = ""
    email: str = ""
    is_lead: bool = False
    in_core_team: bool = True


class FrameworkInfo(SQLModel, table=True):
    """The portfolio's scheme definition (words, scale, rule, priorities, documents) as JSON: its one home."""

    __tablename__ = "framework_info"
    id: int | None = Field(default=None, primary_key=True)
    scheme: str  # core.scheme.model.Scheme as JSON; read through core.scheme.store


class ThemeRow(SQLModel, table=True):
    """A theme of the portfolio's framework copy, with its evidence-summary sheet fields."""

    __tablename__ = "theme"
    id: int | None = Field(default=None, primary_key=True)
    position: int
    code: str = Field(unique=True)
    title: str
    description: str = ""
    hint: str = ""  # set-up advice for the setting's eyes only, never printed
    placeholder: bool = (
        False  # the title is the scheme's placeholder ('Element 1') until the setting renames it
    )
    lead_staff_id: int | None = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    gathering_started: date | None = None
    gathering_ended: date | None = None
    summative_comment: str = ""


class DescriptorRow(SQLModel, table=True):
    """A descriptor (quality statement) of the portfolio's framework copy."""

    __tablename__ = "descriptor"
    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", index=True, ondelete="CASCADE")
    position: int
    code: str = Field(unique=True)
    text: str
    examples: str = ""  # one example per line
    ours: bool = False  # the text is our paraphrase, shown as such until the setting replaces it


class AuditRating(SQLModel, table=True):
    """One dated rating of a descriptor; the newest is current, the rest are its history."""

    __tablename__ = "audit_rating"
    id: int | None = Field(default=None, primary_key=True)
    descriptor_id: int = Field(foreign_key="descriptor.id", index=True, ondelete="CASCADE")
    level_key: str
    rated_on: date
    comment: str = ""
    gap: str = ""
    rated_by: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class ThemeJudgement(SQLModel, table=True):
    """One dated overall best-fit judgement of a theme; the newest is current, the rest its history."""

    __tablename__ = "theme_judgement"
    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", index=True, ondelete="CASCADE")
    level_key: str
    judged_on: date
    comment: str = ""
    judged_by: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class PortfolioText(SQLModel, table=True):
    """A free text the scheme asks for (case study, outline plan ...), keyed by the scheme's text key."""

    __tablename__ = "portfolio_text"
    key: str = Field(primary_key=True)
    body: str = ""


class Priority(SQLModel, table=True):
    """One of the setting's key priorities chosen after the audit."""

    __tablename__ = "priority"
    id: int | None = Field(default=None, primary_key=True)
    position: int
    title: str
    description: str = ""
    lead_staff_id: int | None = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")


class PriorityDescriptor(SQLModel, table=True):
    """Which descriptors a priority addresses (a priority may span several)."""

    __tablename__ = "priority_descriptor"
    priority_id: int = Field(foreign_key="priority.id", primary_key=True, ondelete="CASCADE")
    descriptor_id: int = Field(foreign_key="descriptor.id", primary_key=True, ondelete="CASCADE")


class ActionItem(SQLModel, table=True):
    """A row of the action plan, with the columns the award's action-plan table asks for."""

    __tablename__ = "action_item"
    id: int | None = Field(default=None, primary_key=True)
    position: int = 0
    theme_id: int | None = Field(default=None, foreign_key="theme.id", ondelete="SET NULL")
    descriptor_id: int | None = Field(
        default=None, foreign_key="descriptor.id", ondelete="SET NULL"
    )
    priority_id: int | None = Field(default=None, foreign_key="priority.id", ondelete="SET NULL")
    action: str
    lead: str = ""
    resources: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    monitoring: str = ""
    success_criteria: str = ""
    status: str = "planned"  # planned / in-progress / done


class CoverSheet(SQLModel, table=True):
    """A Priority Action Cover Sheet: the dated diary kept for one priority."""

    __tablename__ = "cover_sheet"
    id: int | None = Field(default=None, primary_key=True)
    priority_id: int = Field(foreign_key="priority.id", unique=True, ondelete="CASCADE")
    lead: str = ""
    started_on: date | None = None
    impact_summary: str = ""


class DiaryEntry(SQLModel, table=True):
    """One dated entry of a cover sheet's diary of actions taken."""

    __tablename__ = "diary_entry"
    id: int | None = Field(default=None, primary_key=True)
    cover_sheet_id: int = Field(foreign_key="cover_sheet.id", index=True, ondelete="CASCADE")
    entry_date: date
    text: str
    author: str = ""


class StoredFile(SQLModel, table=True):
    """An evidence file's bytes, stored once per SHA-256 however often referenced (read through evidence_store)."""

    __tablename__ = "stored_file"
    sha256: str = Field(primary_key=True)
    size: int
    data: bytes = Field(
        sa_column=Column(LargeBinary, nullable=False)
    )  # part 0: all of a file up to PART_BYTES


class StoredFilePart(SQLModel, table=True):
    """The rest of a file bigger than one part (SQLite caps a value at 1 GB), in order from part 1."""

    __tablename__ = "stored_file_part"
    sha256: str = Field(primary_key=True, foreign_key="stored_file.sha256", ondelete="CASCADE")
    part: int = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class EvidenceItem(SQLModel, table=True):
    """A piece of evidence: a stored file (document, photo, audio, video) or a web link."""

    __tablename__ = "evidence_item"
    __table_args__ = (Index("ix_evidence_sha", "sha256"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    title: str
    description: str = ""
    source: str = ""
    evidence_date: date | None = None
    component: str = "activity"
    consent: str = "missing"
    consent_note: str = ""
    sha256: str | None = Field(default=None, foreign_key="stored_file.sha256")
    url: str = ""
    original_name: str = ""
    mime_type: str = ""
    size: int = 0
    taken_at: datetime | None = None
    has_location: bool = False
    collected_by: str = ""
    added_at: datetime = Field(default_factory=utc_now)


class Thumbnail(SQLModel, table=True):
    """A small JPEG preview of a photo, keyed like its stored file."""

    __tablename__ = "thumbnail"
    sha256: str = Field(primary_key=True, foreign_key="stored_file.sha256", ondelete="CASCADE")
    width: int
    height: int
    jpeg: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class DescriptorLink(SQLModel, table=True):
    """Evidence presented for a descriptor: key evidence in slot 1..max, or a cross-reference."""

    __tablename__ = "descriptor_link"
    __table_args__ = (
        UniqueConstraint("evidence_id", "descriptor_id", name="uq_link_once"),
        Index(
            "uq_key_slot", "descriptor_id", "slot", unique=True, sqlite_where=text("role = 'key'")
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    evidence_id: int = Field(foreign_key="evidence_item.id", index=True, ondelete="CASCADE")
    descriptor_id: int = Field(foreign_key="descriptor.id", index=True, ondelete="CASCADE")
    role: str = "key"
    slot: int | None = None
    note: str = ""


class CoverSheetLink(SQLModel, table=True):
    """Evidence attached to a Priority Action Cover Sheet."""

    __tablename__ = "cover_sheet_link"
    cover_sheet_id: int = Field(foreign_key="cover_sheet.id", primary_key=True, ondelete="CASCADE")
    evidence_id: int = Field(foreign_key="evidence_item.id", primary_key=True, ondelete="CASCADE")


class RedactionRegion(SQLModel, table=True):
    """A part of a photo item to blur or block out when it leaves (core.redaction.Region, fractions of the upright
    photo); the stored photo itself is never changed."""

    __tablename__ = "redaction_region"
    id: int | None = Field(default=None, primary_key=True)
    evidence_id: int = Field(foreign_key="evidence_item.id", index=True, ondelete="CASCADE")
    position: int
    x: float
    y: float
    w: float
    h: float
    mode: str = "blur"  # blur / block
    shape: str = "rectangle"  # rectangle / ellipse


class TeamIdentity(SQLModel, table=True):
    """Which portfolio this file is and, in a team copy, whom the copy is for and its state when made (baseline)."""

    __tablename__ = "team_identity"
    id: int | None = Field(default=None, primary_key=True)
    portfolio_id: str  # the same in the lead's portfolio and every team copy of it
    copy_id: str = ""  # '' in the lead's portfolio
    copy_for: str = ""
    copy_made_at: datetime | None = None
    themes: str = ""  # the theme codes a copy was made for, comma-separated; '' for all
    baseline: str = (
        ""  # JSON: what the copy held when it was made (core.team.team_state), to find what changed
    )


class MergeLogEntry(SQLModel, table=True):
    """One change of a merged contribution pack and what became of it; a declined change is kept here whole."""

    __tablename__ = "merge_log"
    id: int | None = Field(default=None, primary_key=True)
    pack_id: str = Field(index=True)
    copy_id: str
    contributor: str
    merged_at: datetime = Field(default_factory=utc_now)
    change_id: str
    kind: str
    summary: str
    made_by: str = ""
    made_at: str = ""
    outcome: str  # applied / already-there / declined / refused
    change: str = ""  # the change as JSON, as the pack holds it

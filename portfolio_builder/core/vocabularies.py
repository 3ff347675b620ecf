"""The code vocabularies, in one place: consent states, evidence kinds and action statuses, with their words.

Each is a string enum (its members are the keys stored in the portfolio file and written in
portfolio.json, so `Consent.MISSING == "missing"`) with one label dictionary. Every writer (import,
edits, the command line), reader (readiness, the export plan) and page (documents, the desktop's
choices and tables) takes its keys and labels from here. A scheme's components are not a code
vocabulary: each scheme lists its own, with their titles (core.scheme.components).
"""

from __future__ import annotations

from enum import StrEnum


class Consent(StrEnum):
    """Whether the people seen or heard in an item agreed to it leaving (the four states)."""

    OBTAINED = "obtained"
    BLURRED = "blurred"  # agreed for a version with the marked regions blurred or blocked out
    NOT_NEEDED = "not-needed"
    MISSING = "missing"


class EvidenceKind(StrEnum):
    """What an evidence item is."""

    DOCUMENT = "document"
    PHOTO = "photo"
    AUDIO = "audio"
    VIDEO = "video"
    LINK = "link"


class ActionStatus(StrEnum):
    """Where an action of the action plan stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"


# the keys as plain strings, for code that stores or compares them
OBTAINED, BLURRED, NOT_NEEDED, MISSING = (state.value for state in Consent)

# key -> what a person reads; in the order a choice offers them
CONSENT_LABELS: dict[str, str] = {
    Consent.OBTAINED.value: "Obtained",
    Consent.BLURRED.value: "For a blurred version",
    Consent.NOT_NEEDED.value: "Not needed",
    Consent.MISSING.value: "Missing",
}
KIND_LABELS: dict[str, str] = {
    EvidenceKind.DOCUMENT.value: "Document",
    EvidenceKind.PHOTO.value: "Photo",
    EvidenceKind.AUDIO.value: "Audio",
    EvidenceKind.VIDEO.value: "Video",
    EvidenceKind.LINK.value: "Web link",
}
STATUS_LABELS: dict[str, str] = {
    ActionStatus.PLANNED.value: "Planned",
    ActionStatus.IN_PROGRESS.value: "In progress",
    ActionStatus.DONE.value: "Done",
}
CONSENT_STATES = tuple(state.value for state in Consent)
ACTION_STATUSES = tuple(status.value for status in ActionStatus)
EVIDENCE_KINDS = tuple(kind.value for kind in EvidenceKind)
# the kinds whose consent must be recorded before they leave (people can be seen or heard in them)
MEDIA_NEEDING_CONSENT = (
    EvidenceKind.PHOTO.value,
    EvidenceKind.VIDEO.value,
    EvidenceKind.AUDIO.value,
)
# the file types whose pixels can be blurred (core.redaction): only these may have consent for a blurred version
REDACTABLE_TYPES = ("image/jpeg", "image/png", "image/heic", "image/heif")


def consent_label(key: str) -> str:
    """The words for a consent state ('not-needed' -> 'Not needed'); an unknown key is shown as given."""
    return CONSENT_LABELS.get(key, key)


def kind_label(key: str) -> str:
    """The words for an evidence kind ('link' -> 'Web link'); an unknown key is shown as given."""
    return KIND_LABELS.get(key, key)


def status_label(key: str) -> str:
    """The words for an action's status ('in-progress' -> 'In progress'); an unknown key is shown as given."""
    return STATUS_LABELS.get(key, key)


def can_be_blurred(kind: str, mime_type: str) -> bool:
    """Whether an item is a photo whose pixels the redaction can paint (JPEG, PNG or HEIC)."""
    return kind == EvidenceKind.PHOTO and mime_type in REDACTABLE_TYPES


# the kinds of setting offered when a portfolio is made and on the Setting page (a setting may type its own)
SETTING_KINDS = (
    "Primary school",
    "Secondary school",
    "All-through school",
    "Special school",
    "Nursery",
    "Children's centre",
    "Secure children's home",
    "Secure training centre",
    "Young offender institution",
    "Children's services team",
    "Other",
)

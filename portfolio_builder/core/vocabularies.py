"""The consent vocabulary, in one place: the states an item's consent can be in, their words, and what each lets leave.

Every writer (import, edits, the command line), reader (readiness, the export plan) and page
(documents, the desktop's consent choice) takes its keys and labels from here.
"""

from __future__ import annotations

OBTAINED, BLURRED, NOT_NEEDED, MISSING = "obtained", "blurred", "not-needed", "missing"

# key -> what a person reads; in the order a choice offers them
CONSENT_LABELS = {
    OBTAINED: "Obtained",
    BLURRED: "For a blurred version",
    NOT_NEEDED: "Not needed",
    MISSING: "Missing",
}
CONSENT_STATES = tuple(CONSENT_LABELS)
# the kinds whose consent must be recorded before they leave (people can be seen or heard in them)
MEDIA_NEEDING_CONSENT = ("photo", "video", "audio")
# the file types whose pixels can be blurred (core.redaction): only these may have consent for a blurred version
REDACTABLE_TYPES = ("image/jpeg", "image/png", "image/heic", "image/heif")


def consent_label(key: str) -> str:
    """The words for a consent state ('not-needed' -> 'Not needed'); an unknown key is shown as given."""
    return CONSENT_LABELS.get(key, key)


def can_be_blurred(kind: str, mime_type: str) -> bool:
    """Whether an item is a photo whose pixels the redaction can paint (JPEG, PNG or HEIC)."""
    return kind == "photo" and mime_type in REDACTABLE_TYPES

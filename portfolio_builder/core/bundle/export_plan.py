"""What will leave the setting in a bundle, decided once: items in and out (with why), names, and what is cleaned.

The writer (bundle_export) writes exactly this plan, and the preview (the export page and
`export --dry-run`) shows it, so what a person approves is what leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..evidence.display_text import clean_display_text
from ..evidence.presentation import is_presented, presented_components
from ..privacy.document_privacy import needs_cleaning, refusal_before_reading
from ..shape.snapshot import build_snapshot
from ..storage.storage_limits import size_words
from ..vocabularies import BLURRED, MEDIA_NEEDING_CONSENT, can_be_blurred
from .bundle_layout import NameBook, bag_folder_name, evidence_path

HEIC_TYPES = (
    "image/heic",
    "image/heif",
)  # converted to JPEG in the bundle: cleaned, and viewable anywhere
NO_CONSENT = "consent is not recorded"
NOT_PRESENTED = "it is not presented for any descriptor or cover sheet (tagged to nothing)"
NO_FILE = "it has neither a stored file nor a link"
NO_REGIONS = "its consent is for a blurred version, and nothing on it is marked to blur"
NOT_BLURRABLE = "parts of it are marked to blur, but only JPEG, PNG and HEIC photos can be blurred"
REDACTED_WORDS = "everything but the pixels, orientation, capture date and colour profile (re-encoded after blurring)"
DOCUMENT_CACHE_BYTES = (
    128 * 1024 * 1024
)  # cleaned documents kept for the writer; beyond this they are cleaned again
Progress = Callable[[int, int, str], None]


@dataclass
class ExportPlan:
    """The decisions for one export; `snapshot` is the setting's full snapshot with each item's path decided."""

    snapshot: dict
    bag_folder: str
    draft: bool
    files: list[dict] = field(
        default_factory=list
    )  # evidence items written as files, each with its path
    links: list[dict] = field(default_factory=list)  # web links presented in the bundle
    left_out: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # (evidence id, title, reason)
    removed: dict[int, list[str]] = field(
        default_factory=dict
    )  # evidence id -> metadata removed, in words
    cleaned: dict[int, bytes] = field(default_factory=dict)  # evidence id -> cleaned document bytes
    licence: str = ""  # the setting's choice (core/licences.py), given to the RO-Crate root dataset
    documents_checked: bool = False
    photos_checked: bool = False

    def leave_out(self, item: dict, reason: str) -> None:
        """Take an item out of the bundle with its reason (a document found uncleanable, say)."""
        item["included"], item["path"] = False, None
        self.files = [f for f in self.files if f["id"] != item["id"]]
        self.left_out.append((item["id"], item["title"], reason))

    def total_bytes(self) -> int:
        """The evidence files' size as they will leave (cleaned documents as cleaned, where already known)."""
        return sum(
            len(self.cleaned[item["id"]]) if item["id"] in self.cleaned else item.get("size") or 0
            for item in self.files
        )

    def left_out_counts(self) -> list[dict]:
        """How many items were left out for each reason: all that a bundle says about them."""
        counts: dict[str, int] = {}
        for _id, _title, reason in self.left_out:
            counts[reason] = counts.get(reason, 0) + 1
        return [{"reason": reason, "count": count} for reason, count in counts.items()]


def _is_link(item: dict) -> bool:
    return not item.get("sha256") and (item["kind"] in ("link", "video") or bool(item.get("url")))


def plan_export(
    portfolio,
    *,
    draft: bool = False,
    include_unconsented: bool = False,
    include_untagged: bool | None = None,
) -> ExportPlan:
    """Decide each item's place in the bundle from the portfolio (SQL only, no file is read).

    Left out: media without recorded consent (unless include_unconsented), items presented nowhere
    (unless include_untagged, which defaults to True for a draft only), older Office files whose
    author fields cannot be emptied, and items with neither file nor link.
    """
    shape = build_snapshot(portfolio)
    snapshot = shape.to_json_dict()
    snapshot["draft"] = bool(draft)
    if draft:  # a draft says on every page what a final export would still need
        from ..planning.readiness import check_readiness

        snapshot["missing"] = check_readiness(portfolio).problems
    components = presented_components(shape.scheme)
    untagged_in = draft if include_untagged is None else include_untagged
    plan = ExportPlan(
        snapshot,
        bag_folder_name(snapshot["setting"]["name"], snapshot["scheme"]["name"], date.today()),
        bool(draft),
    )
    from ..framework.portfolio_setup import setting_profile

    plan.licence = setting_profile(portfolio).licence
    names = NameBook()
    for item in snapshot["evidence"]:
        item["title"] = clean_display_text(item["title"]) or f"Item {item['id']}"
        item["path"], item["included"] = None, True
        reason = None
        if not is_presented(item, components) and not untagged_in:
            reason = NOT_PRESENTED
        elif (
            item["consent"] == "missing"
            and item["kind"] in MEDIA_NEEDING_CONSENT
            and not include_unconsented
        ):
            reason = NO_CONSENT
        elif item["consent"] == BLURRED and not item.get("regions"):
            reason = NO_REGIONS  # never sent as it is, whatever the options: the family agreed to a blurred copy
        elif not _is_link(item) and not item.get("sha256"):
            reason = NO_FILE
        elif not _is_link(item) and (
            refusal := refusal_before_reading(item.get("mime_type") or "")
        ):
            reason = "its metadata cannot be removed safely: " + refusal
        elif item.get("regions") and not can_be_blurred(item["kind"], item.get("mime_type") or ""):
            reason = NOT_BLURRABLE
        if reason:
            item["included"] = False
            plan.left_out.append((item["id"], item["title"], reason))
        elif _is_link(item):
            plan.links.append(item)
        else:
            item["redacted"] = bool(
                item.get("regions")
            )  # the file leaves with its regions painted in
            if item.get("mime_type") in HEIC_TYPES:
                item["converted_from"], item["mime_type"] = item["mime_type"], "image/jpeg"
            item["path"] = evidence_path(item, snapshot, names)
            plan.files.append(item)
    return plan


def check_documents(
    portfolio,
    plan: ExportPlan,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Empty every document's metadata now: what cannot be cleaned is left out with its reason, what can is kept
    (within a memory budget) for the writer, and what was removed is recorded for the preview."""
    from ..errors import Cancelled
    from ..privacy.document_errors import CannotClean
    from ..privacy.document_privacy import clean_document
    from ..storage.evidence_store import read_stored_bytes

    documents = [item for item in plan.files if needs_cleaning(item.get("mime_type") or "")]
    budget = DOCUMENT_CACHE_BYTES
    with portfolio.raw_connection() as conn:
        for done, item in enumerate(documents, start=1):
            if cancel is not None and cancel():
                raise Cancelled("Export cancelled: no bundle was written.")
            try:
                cleaned = clean_document(read_stored_bytes(conn, item["sha256"]), item["mime_type"])
            except CannotClean as exc:
                plan.leave_out(item, f"its metadata cannot be removed safely: {exc.message}")
                continue
            except KeyError:
                continue  # the writer reports the missing file by name
            plan.removed[item["id"]] = cleaned.removed
            if len(cleaned.data) <= budget:
                plan.cleaned[item["id"]] = cleaned.data
                budget -= len(cleaned.data)
            if progress is not None:
                progress(done, len(documents), item["title"])
    plan.documents_checked = True


def check_photos(portfolio, plan: ExportPlan) -> None:
    """For the preview: what cleaning will remove from each photo (reads every photo once, writes nothing)."""
    from ..privacy.photo_privacy import photo_removals
    from ..storage.evidence_store import read_stored_bytes

    with portfolio.raw_connection() as conn:
        for item in plan.files:
            if item.get(
                "redacted"
            ):  # re-encoded from its painted pixels: nothing of the original's metadata is read
                plan.removed[item["id"]] = [REDACTED_WORDS]
            elif item["kind"] == "photo" or item.get("mime_type") in ("image/jpeg", "image/png"):
                try:
                    words = photo_removals(read_stored_bytes(conn, item["sha256"]))
                except KeyError:
                    continue
                if item.get("converted_from"):
                    words = [
                        "converted from HEIC to JPEG; everything but the pixels, date and colour profile"
                    ]
                plan.removed[item["id"]] = words
    plan.photos_checked = True


def preview_lines(plan: ExportPlan) -> list[str]:
    """The plan in words, one line each: every title with its bundle file name, what is removed, what stays out."""
    lines = [
        f"Bundle folder: {plan.bag_folder}{' (DRAFT)' if plan.draft else ''}",
        f"Leaving: {len(plan.files)} file(s) and {len(plan.links)} web link(s), with portfolio.json, "
        "portfolio.pdf, the Word sheets and the contents index.",
        f"Size: about {size_words(plan.total_bytes())} of evidence files, plus the documents.",
    ]
    for item in plan.files:
        removed = plan.removed.get(item["id"])
        lines.append(f"  {item['title']}  ->  data/{item['path']}")
        if item.get("redacted"):
            lines.append(f"      redacted: {redaction_words(item_regions(item))}")
        if removed:
            lines.append(f"      metadata removed: {', '.join(removed)}")
    for item in plan.links:
        lines.append(f"  {item['title']}  ->  web link {clean_display_text(item.get('url'))}")
    if plan.left_out:
        lines.append(f"Left out ({len(plan.left_out)}; the bundle only says how many, and why):")
        lines += [
            f"  {title} (item {item_id}): {reason}" for item_id, title, reason in plan.left_out
        ]
    else:
        lines.append("Left out: nothing.")
    return lines


def item_regions(item: dict) -> tuple:
    """An item's regions (core.redaction.Region) from the plan's snapshot."""
    from ..privacy.redaction.regions import Region

    return tuple(Region.from_dict(values) for values in item.get("regions") or ())


def redaction_words(regions) -> str:
    """What redaction does to a photo, in words: '2 parts blurred, 1 blocked out'."""
    blurred = sum(1 for r in regions if r.mode == "blur")
    blocked = len(regions) - blurred
    parts = ([f"{blurred} part{'s' if blurred != 1 else ''} blurred"] if blurred else []) + (
        [f"{blocked}{'' if blurred else ' part' + ('s' if blocked != 1 else '')} blocked out"]
        if blocked
        else []
    )
    return ", ".join(parts) or "nothing marked"


PRIVATE_ITEM_FIELDS = (
    "original_name",
    "has_location",
    "regions",
)  # regions: only the painted pixels leave


def public_snapshot(plan: ExportPlan) -> dict:
    """The portfolio as it leaves (portfolio.json and every document): items left out leave no trace but a count
    with the reason; no item keeps its original file name or location flag."""
    import copy

    snapshot = copy.deepcopy(plan.snapshot)
    kept = [item for item in snapshot["evidence"] if item.get("included")]
    ids = {item["id"] for item in kept}
    for item in kept:
        for name in PRIVATE_ITEM_FIELDS:
            item.pop(name, None)
    snapshot["evidence"] = kept
    for theme in snapshot["themes"]:
        for descriptor in theme["descriptors"]:
            descriptor["key_evidence"] = [i for i in descriptor["key_evidence"] if i in ids]
            descriptor["cross_references"] = [i for i in descriptor["cross_references"] if i in ids]
    for priority in snapshot["priorities"]:
        if priority.get("cover_sheet"):
            priority["cover_sheet"]["evidence"] = [
                i for i in priority["cover_sheet"]["evidence"] if i in ids
            ]
    snapshot["left_out"] = plan.left_out_counts()
    return snapshot

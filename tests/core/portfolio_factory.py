"""Builds small real portfolios for bundle tests: a ready one, and evidence rows straight into the tables."""

from __future__ import annotations

import io
from datetime import date

from sqlmodel import select

from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.framework.framework_service import add_descriptor
from portfolio_builder.core.storage.evidence_store import store_bytes
from portfolio_builder.core.storage.schema import (
    AuditRating,
    DescriptorLink,
    DescriptorRow,
    EvidenceItem,
    PortfolioText,
    Staff,
    ThemeJudgement,
    ThemeRow,
)

HOSTILE_TITLE = 'Newsletter <script>alert("x")</script> & "quotes" \'too\''
SERIAL = "SERIAL-0042-XYZ"
EXTRA_DESCRIPTORS = {"2": "2a", "3": "3a", "4": "4a", "5": "5a", "6": "6a"}


def new_oak_portfolio(path):
    """A new, open Family Partnership Award portfolio of Oak Primary School at path (the suite's usual one)."""
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework
    from tests.conftest import OAK

    framework_id, setting, lead = OAK
    return create_portfolio(path, shipped_framework(framework_id), setting, lead=lead)


def photo_with_gps(colour=(90, 140, 200), size=(320, 240)) -> bytes:
    """A JPEG carrying GPS, a camera make/model, a body serial number and an orientation."""
    from PIL import Image

    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "EOS 5D"
    exif[0x0112] = 1
    exif[0x0132] = "2025:10:01 10:00:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 12.5), "W", (0.0, 7.0, 39.0)
    sub = exif.get_ifd(0x8769)
    sub[0xA431] = SERIAL
    sub[0x9003] = "2025:10:01 10:00:00"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=85)
    return buffer.getvalue()


def add_file_evidence(
    portfolio,
    data: bytes,
    title: str,
    kind: str = "document",
    mime_type: str = "text/plain",
    original_name: str = "file.txt",
    consent: str = "not-needed",
    component: str = "",
    thumbnail: bytes | None = None,
) -> int:
    """Store bytes and add an evidence row for them (what the import module would do); returns its id."""
    with portfolio.raw_connection() as conn:
        sha256 = store_bytes(conn, data)
        if thumbnail is not None:
            conn.execute(
                "INSERT OR IGNORE INTO thumbnail (sha256, width, height, jpeg) VALUES (?, 32, 24, ?)",
                (sha256, thumbnail),
            )
        conn.commit()
    with portfolio.writing() as session:
        row = EvidenceItem(
            kind=kind,
            title=title,
            sha256=sha256,
            size=len(data),
            mime_type=mime_type,
            original_name=original_name,
            consent=consent,
            component=component,
            evidence_date=date(2025, 10, 1),
            collected_by="Ann Patel",
        )
        session.add(row)
        session.flush()
        return row.id


def add_link_evidence(portfolio, url: str, title: str, kind: str = "link") -> int:
    """A web link (or a video too big to store) as evidence; it has no file."""
    with portfolio.writing() as session:
        row = EvidenceItem(kind=kind, title=title, url=url, consent="not-needed")
        session.add(row)
        session.flush()
        return row.id


def make_ready(portfolio, photo_bytes: bytes | None = None) -> dict[str, list[int]]:
    """Turn a new FPA portfolio into a ready one: descriptors 1a, 1b and one per later theme, two key items
    each, every descriptor rated, each theme's best fit, lead, dates and summative comment, and the case
    study; returns evidence ids per descriptor."""
    with portfolio.writing() as session:
        for row in session.exec(
            select(DescriptorRow).where(DescriptorRow.code.not_in(["1a", "1b"]))
        ).all():
            session.delete(row)
    for theme, code in EXTRA_DESCRIPTORS.items():
        add_descriptor(portfolio, theme, code, f"Descriptor {code} typed in from the award pack.")
    codes = ["1a", "1b", *EXTRA_DESCRIPTORS.values()]
    evidence: dict[str, list[int]] = {}
    photo = photo_bytes or photo_with_gps()
    for index, code in enumerate(codes):
        if index == 0:
            first = add_file_evidence(
                portfolio,
                photo,
                "Welcome breakfast for new families",
                kind="photo",
                mime_type="image/jpeg",
                original_name="IMG_0001.JPG",
                consent="obtained",
                thumbnail=photo,
            )
        elif index == 1:
            first = add_file_evidence(
                portfolio,
                b"Family newsletter, autumn term.\n",
                HOSTILE_TITLE,
                original_name="newsletter.txt",
            )
        else:
            first = add_file_evidence(
                portfolio,
                f"Minutes for {code}.\n".encode(),
                f"Minutes of the forum ({code})",
                original_name=f"minutes-{code}.txt",
            )
        second = add_file_evidence(
            portfolio,
            f"Policy evidence for {code}: Zoë's notes.\n".encode(),
            f"Policy for {code}",
            original_name=f"CON.{code}.txt",
        )
        for evidence_id in (first, second):
            tag_evidence(portfolio, evidence_id, code)
        evidence[code] = [first, second]
    link = add_link_evidence(portfolio, "https://example.org/families", "Our families web page")
    tag_evidence(portfolio, link, "1a", cross_reference=True)
    with portfolio.writing() as session:
        for d in session.exec(select(DescriptorRow)).all():
            session.add(
                AuditRating(descriptor_id=d.id, level_key="developing", rated_on=date(2025, 9, 1))
            )
            session.add(
                AuditRating(
                    descriptor_id=d.id,
                    level_key="embedded",
                    rated_on=date(2026, 3, 1),
                    comment="Now part of everyday practice.",
                )
            )
        lead = session.exec(select(Staff)).first()
        for theme in session.exec(select(ThemeRow)).all():
            session.add(
                ThemeJudgement(theme_id=theme.id, level_key="embedded", judged_on=date(2026, 3, 1))
            )
            theme.lead_staff_id, theme.gathering_started, theme.gathering_ended = (
                lead.id,
                date(2025, 9, 1),
                date(2026, 6, 1),
            )
            theme.summative_comment = f"Theme {theme.code} is embedded."
            session.add(theme)
        session.add(
            PortfolioText(key="case-study", body="Our journey, from the audit to the award.")
        )
    generic = add_file_evidence(
        portfolio, b"Strategic plan.\n", "Strategic plan", component="", original_name="plan.txt"
    )
    tag_evidence(portfolio, generic, "2a", cross_reference=True)
    evidence["generic"] = [generic]
    evidence["link"] = [link]
    return evidence


def key_links(portfolio) -> int:
    """How many key-evidence links the portfolio has (a sanity check for tests)."""
    with portfolio.session() as session:
        return len(session.exec(select(DescriptorLink).where(DescriptorLink.role == "key")).all())


def ready_bundle(portfolio, folder, **options):
    """Make the portfolio ready and export it into folder; returns (ExportResult, evidence ids)."""
    from portfolio_builder.core.bundle.bundle_export import export_bundle

    evidence = make_ready(portfolio)
    return export_bundle(portfolio, folder, **options), evidence


def extract_all(bundle_path, into):
    """Unpack a bundle we trust (our own output) for the independent checkers; returns the bag folder."""
    import zipfile
    from pathlib import Path

    with zipfile.ZipFile(bundle_path) as archive:
        archive.extractall(into)
        top = archive.namelist()[0].split("/")[0]
    return Path(into) / top


def rewrite_member(bundle_path, target, member: str, edit) -> None:
    """Copy a bundle with one member's bytes changed by edit(bytes) -> bytes (headers recomputed)."""
    import zipfile

    with zipfile.ZipFile(bundle_path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info, edit(data) if info.filename.endswith(member) else data)

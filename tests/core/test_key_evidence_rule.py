"""The two-evidence rule: two key items per descriptor, no more; extra material is a cross-reference."""

import pytest
from sqlmodel import select

from portfolio_builder.core.errors import BadInput, RuleViolation
from portfolio_builder.core.evidence.evidence_links import tag_evidence, untag_evidence
from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage.evidence_store import store_bytes
from portfolio_builder.core.storage.schema import DescriptorLink, EvidenceItem


def add_item(portfolio, title, data=None):
    """Insert one stored document directly (the import pipeline is tested elsewhere)."""
    with portfolio.raw_connection() as conn, conn:
        sha = store_bytes(conn, data or title.encode())
    with portfolio.writing() as session:
        item = EvidenceItem(kind="document", title=title, sha256=sha, consent="not-needed")
        session.add(item)
        session.flush()
        return item.id


def links(portfolio):
    with portfolio.session() as session:
        return sorted(
            (k.evidence_id, k.descriptor_id, k.role, k.slot)
            for k in session.exec(select(DescriptorLink)).all()
        )


def test_two_key_items_fill_slots_one_and_two(fpa_portfolio):
    """The first two items tagged to a descriptor become key evidence 1 and 2."""
    a, b = add_item(fpa_portfolio, "Mission statement"), add_item(fpa_portfolio, "Prospectus")
    assert tag_evidence(fpa_portfolio, a, "1a") == 1
    assert tag_evidence(fpa_portfolio, b, "1a") == 2


def test_third_key_item_is_refused_naming_the_two(fpa_portfolio):
    """A third key item is refused with a message naming the two already there; nothing changes."""
    a, b, c = (add_item(fpa_portfolio, t) for t in ("Mission statement", "Prospectus", "Leaflet"))
    tag_evidence(fpa_portfolio, a, "1a")
    tag_evidence(fpa_portfolio, b, "1a")
    before = links(fpa_portfolio)
    with pytest.raises(RuleViolation) as caught:
        tag_evidence(fpa_portfolio, c, "1a")
    message = caught.value.message
    assert "'Mission statement'" in message and "'Prospectus'" in message and "1a" in message
    assert "cross-reference" in message
    assert links(fpa_portfolio) == before


def test_extra_material_is_a_cross_reference(fpa_portfolio):
    """Further material is signposted as a cross-reference, which does not count toward the two."""
    a, b, c = (add_item(fpa_portfolio, t) for t in ("One", "Two", "Three"))
    tag_evidence(fpa_portfolio, a, "1b")
    tag_evidence(fpa_portfolio, b, "1b")
    assert tag_evidence(fpa_portfolio, c, "1b", cross_reference=True) == 0
    descriptor = build_snapshot(fpa_portfolio).themes[0].descriptors[1]
    assert descriptor.key_evidence == [a, b] and descriptor.cross_references == [c]


def test_untagging_frees_a_slot_and_retagging_is_idempotent(fpa_portfolio):
    """Removing a key item frees its slot for another; tagging the same item twice changes nothing."""
    a, b, c = (add_item(fpa_portfolio, t) for t in ("One", "Two", "Three"))
    tag_evidence(fpa_portfolio, a, "1c")
    tag_evidence(fpa_portfolio, b, "1c")
    assert tag_evidence(fpa_portfolio, b, "1c") == 2
    untag_evidence(fpa_portfolio, a, "1c")
    assert tag_evidence(fpa_portfolio, c, "1c") == 1


def test_promoting_a_cross_reference_obeys_the_rule(fpa_portfolio):
    """A cross-reference promoted to key evidence is refused when both slots are taken."""
    a, b, c = (add_item(fpa_portfolio, t) for t in ("One", "Two", "Three"))
    tag_evidence(fpa_portfolio, c, "1d", cross_reference=True)
    tag_evidence(fpa_portfolio, a, "1d")
    tag_evidence(fpa_portfolio, b, "1d")
    with pytest.raises(RuleViolation):
        tag_evidence(fpa_portfolio, c, "1d")


def test_unknown_descriptor_code_is_refused(fpa_portfolio):
    """Tagging to a code that does not exist names the codes that do, and changes nothing."""
    a = add_item(fpa_portfolio, "One")
    with pytest.raises(BadInput, match="no evidence descriptor '9z'.*1a"):
        tag_evidence(fpa_portfolio, a, "9z")
    assert links(fpa_portfolio) == []


def test_one_item_may_be_key_evidence_for_two_descriptors(fpa_portfolio):
    """The same policy can be key evidence for 1e and 1f (cross-theme use is allowed)."""
    a = add_item(fpa_portfolio, "Policy")
    assert tag_evidence(fpa_portfolio, a, "1e") == 1
    assert tag_evidence(fpa_portfolio, a, "1f") == 1

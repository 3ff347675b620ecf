"""A lettered list pasted from an award pack becomes descriptors: previewed with its problems, added all or none."""

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.framework.descriptor_paste import (
    apply_paste,
    parse_pasted,
    preview_paste,
)
from portfolio_builder.core.framework.framework_service import add_descriptor
from portfolio_builder.core.shape.snapshot import build_snapshot

PACK = """a. Leaders and governors promote partnership
   with families in every plan.
b) The lead has time to coordinate the work.

2c The work is reviewed each term.
2d) Families sit on the review group.
(e) Governors receive a termly report.
2f. Staff are trained.
"""


def test_every_accepted_form_becomes_a_code_from_the_theme_and_the_letter():
    """'a.', 'b)', '2c', '2d)', '(e)' and '2f.' all read, continuation lines joined, blank lines ignored."""
    preview = parse_pasted(PACK, "2", 2)
    assert preview.ok and preview.problems == []
    assert [(i.code, i.line) for i in preview.items] == [
        ("2a", 1),
        ("2b", 3),
        ("2c", 5),
        ("2d", 6),
        ("2e", 7),
        ("2f", 8),
    ]
    assert (
        preview.items[0].text
        == "Leaders and governors promote partnership with families in every plan."
    )


def test_a_theme_code_prefixes_the_letter_and_its_number_is_accepted():
    """In an element coded E3 (the third theme), 'a.' becomes E3a and '3b' becomes E3b; upper-case letters go lower."""
    preview = parse_pasted("A. Visits are welcoming.\n3b Families are phoned.\n", "E3", 3)
    assert [i.code for i in preview.items] == ["E3a", "E3b"] and preview.ok


def test_duplicates_are_found_without_case_against_the_portfolio_and_each_other():
    """A code already in the portfolio (in another case) or pasted twice is a problem naming its line."""
    preview = parse_pasted("a. One.\nb. Two.\nB) Two again.\n", "2", 2, existing_codes=["2A"])
    assert preview.problems == [
        "line 1: 2a is already in this portfolio (as 2A)",
        "line 3: 2b is pasted twice (first on line 2)",
    ]
    assert not preview.ok


def test_unreadable_lines_and_wrong_numbers_are_problems():
    """A first line that starts no item, a number for another theme, an item without text: each is named."""
    preview = parse_pasted("Theme 2 descriptors\na. One.\n3b Belongs elsewhere.\nc.\n", "2", 2)
    assert preview.problems == [
        "line 1 starts no lettered item: 'Theme 2 descriptors'",
        "line 3 ('3b') is numbered for theme 3, not theme 2",
        "line 4: 2c has no text",
    ]
    assert "nothing to add" in parse_pasted("\n  \n", "2", 2).problems[0]


def test_sentences_that_merely_start_with_a_letter_are_continuations():
    """'e.g. leaflets', 'a family survey' and '10am meetings' continue the item above; they start no new one."""
    preview = parse_pasted(
        "a. Families are informed,\ne.g. leaflets\na family survey\n10am meetings\n", "1", 1
    )
    assert [i.code for i in preview.items] == ["1a"]
    assert (
        preview.items[0].text
        == "Families are informed, e.g. leaflets a family survey 10am meetings"
    )


def test_apply_adds_every_descriptor_or_none(fpa_portfolio):
    """A clean paste adds all its descriptors at the end of the theme in order; one duplicate adds none."""
    add_descriptor(fpa_portfolio, "3", "3a", "Typed in first.")
    assert [i.code for i in preview_paste(fpa_portfolio, "3", "b. Two.\nc. Three.\n").items] == [
        "3b",
        "3c",
    ]
    added = apply_paste(fpa_portfolio, "3", "b. Two.\nc. Three.\n")
    assert [i.code for i in added] == ["3b", "3c"]
    theme = build_snapshot(fpa_portfolio).themes[2]
    assert [(d.code, d.text) for d in theme.descriptors] == [
        ("3a", "Typed in first."),
        ("3b", "Two."),
        ("3c", "Three."),
    ]
    before = build_snapshot(fpa_portfolio).themes
    with pytest.raises(BadInput, match="Nothing was added to theme 3: line 2: 3b is already"):
        apply_paste(fpa_portfolio, "3", "d. Four.\nB. Two again.\n")
    assert build_snapshot(fpa_portfolio).themes == before

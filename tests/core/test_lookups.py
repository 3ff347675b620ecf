"""Themes, people, priorities and levels are found by what a person types, and refusals say what exists."""

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.framework.lookups import (
    id_ranges,
    level_by_name,
    priority_by_number,
    staff_by_name,
    theme_by_reference,
)
from portfolio_builder.core.framework.portfolio_setup import add_staff, list_staff
from portfolio_builder.core.planning.planning_service import add_priority


def test_a_theme_is_found_by_code_in_any_case_or_by_number(tmp_path):
    """In an IiF portfolio element 'E3' is found as 'e3' or as 3; an unknown one lists number, code and title."""
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework

    with (
        create_portfolio(
            tmp_path / "iif.portfolio",
            shipped_framework("investors-in-families-secure"),
            "HMYOI Northfield",
        ) as portfolio,
        portfolio.session() as session,
    ):
        assert (
            theme_by_reference(session, "e3").code == "E3"
            and theme_by_reference(session, "3").code == "E3"
        )
        with pytest.raises(
            BadInput, match=r"no element '9'\. Elements: 1 \(E1 Element 1\), 2 \(E2 Element 2\)"
        ):
            theme_by_reference(session, "9")


def test_people_are_found_by_name_in_any_case_and_a_new_lead_is_the_only_one(fpa_portfolio):
    """'  ben   JONES ' finds Ben Jones; an unknown name lists the staff; adding a lead makes them the only lead."""
    add_staff(fpa_portfolio, "Ben Jones", is_lead=True)
    assert [p.name for p in list_staff(fpa_portfolio) if p.is_lead] == ["Ben Jones"]
    with fpa_portfolio.session() as session:
        assert staff_by_name(session, "  ben   JONES ").name == "Ben Jones"
        with pytest.raises(
            BadInput, match=r"Nobody called 'Zed' is on the staff list \(Ann Patel, Ben Jones\)"
        ):
            staff_by_name(session, "Zed")
    with pytest.raises(BadInput, match="already on the staff list"):
        add_staff(fpa_portfolio, "ANN PATEL", unique_name=True)


def test_priorities_by_number_and_levels_by_key_or_label(fpa_portfolio, iif_portfolio):
    """Priority 2 is the second; a level is its key or label in any case; refusals list what exists."""
    for title in ("Forum", "Newsletter"):
        add_priority(iif_portfolio, title)
    with iif_portfolio.session() as session:
        assert priority_by_number(session, "2").title == "Newsletter"
        with pytest.raises(BadInput, match="no priority 3. Key priorities: 1 Forum; 2 Newsletter"):
            priority_by_number(session, 3)
    with fpa_portfolio.session() as session:
        assert level_by_name(session, "EMBEDDED").key == "embedded"
        with pytest.raises(BadInput, match=r"\(Emergent, Developing, Embedded\)"):
            level_by_name(session, "green")


def test_id_ranges_are_compact():
    """Evidence numbers are listed as ranges, so a refusal stays one short line."""
    assert id_ranges([9, 1, 2, 3, 7, 10, 2]) == "1-3, 7, 9-10" and id_ranges([]) == ""

"""A portfolio's framework copy can be edited: descriptors added, changed, reordered, exported."""

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.framework.framework_service import (
    add_descriptor,
    add_theme,
    delete_descriptor,
    move_descriptor,
    read_framework,
    update_descriptor,
)
from portfolio_builder.core.scheme.framework_file import load_framework, save_framework


def codes(portfolio, theme_index=0):
    with portfolio.session() as session:
        return [d.code for d in read_framework(session).themes[theme_index].descriptors]


def test_setting_adds_descriptors_from_its_award_pack(fpa_portfolio):
    """Theme 2's descriptors, typed in by the setting, are kept in order with their examples."""
    add_descriptor(
        fpa_portfolio, "2", "2a", "Leaders champion partnership.", ["Governors' minutes", ""]
    )
    add_descriptor(fpa_portfolio, "2", "2b", "Roles are clear.")
    with fpa_portfolio.session() as session:
        theme = read_framework(session).themes[1]
    assert [(d.code, d.examples) for d in theme.descriptors] == [
        ("2a", ["Governors' minutes"]),
        ("2b", []),
    ]


def test_descriptor_codes_stay_unique_and_valid(fpa_portfolio):
    """A duplicate or malformed code is refused, and the framework is unchanged."""
    with pytest.raises(BadInput, match="already used"):
        add_descriptor(fpa_portfolio, "2", "1a", "Duplicate")
    with pytest.raises(BadInput, match="not a valid code"):
        add_descriptor(fpa_portfolio, "2", "2 a", "Spaces")
    with pytest.raises(BadInput, match="no theme"):
        add_descriptor(fpa_portfolio, "9", "9a", "Nowhere")
    assert codes(fpa_portfolio, 1) == []


def test_reorder_edit_and_delete(fpa_portfolio):
    """Descriptors can be moved, renamed and removed."""
    move_descriptor(fpa_portfolio, 10, 0)  # 1j to the top
    assert codes(fpa_portfolio)[:2] == ["1j", "1a"]
    update_descriptor(fpa_portfolio, 10, code="1k", text="Renamed.")
    assert codes(fpa_portfolio)[0] == "1k"
    delete_descriptor(fpa_portfolio, 10)
    assert "1k" not in codes(fpa_portfolio) and len(codes(fpa_portfolio)) == 9


def test_framework_exported_from_a_portfolio_imports_elsewhere(fpa_portfolio, tmp_path):
    """A setting's edited framework can be shared as a file that another portfolio can start from."""
    add_theme(fpa_portfolio, "7", "Local priorities")
    add_descriptor(fpa_portfolio, "7", "7a", "A local descriptor.")
    with fpa_portfolio.session() as session:
        save_framework(read_framework(session), tmp_path / "ours.toml")
    loaded = load_framework(tmp_path / "ours.toml")
    assert (
        loaded.themes[-1].descriptors[0].code == "7a" and loaded.scheme.evidence_rule.max_key == 2
    )

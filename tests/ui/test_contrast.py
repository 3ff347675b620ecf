"""Text contrast over the app's own colours (WCAG 2.2 AA: 4.5:1 for text): every colour the code gives text, on
the background it is drawn on, in the light palette and in a high-contrast one; coloured levels of every shipped
scheme with the text written on them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from portfolio_builder.ui.contrast import AA_TEXT, contrast_ratio, readable_on, text_colour_on

UI = Path(__file__).resolve().parents[2] / "portfolio_builder" / "ui"
STYLE = re.compile(
    r"""(?:background(?:-color)?\s*:\s*(?P<bg>#[0-9A-Fa-f]{6})[^"']*?)?(?<![-\w])color\s*:\s*"""
    r"""(?P<fg>#[0-9A-Fa-f]{6}|[a-z]+)"""
)


def _light():
    """The palette the app shows text on when the platform gives none: Qt's own light one, as the app mends it."""
    from PySide6.QtWidgets import QApplication

    from portfolio_builder.ui.contrast import readable_palette

    return readable_palette(QApplication.style().standardPalette())


def _high_contrast():
    from portfolio_builder.ui.contrast import high_contrast_palette

    return high_contrast_palette()


def _backgrounds(palette: QPalette) -> list[QColor]:
    roles = QPalette.ColorRole
    return [palette.color(r) for r in (roles.Window, roles.Base, roles.AlternateBase)]


def stylesheet_colours() -> list[tuple[str, str, str | None]]:
    """(where, text colour, its background if the same style names one) for every `color:` in a style sheet or an
    HTML style the UI writes."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in STYLE.finditer(line):
                if "{" in match.group("fg"):
                    continue
                found.append(
                    (f"{path.relative_to(UI)}:{number}", match.group("fg"), match.group("bg"))
                )
    return found


def test_the_scan_finds_the_style_sheets():
    """The read-only banner, the PDF notice, the detail view's muted text ... are all in the scan."""
    where = {w.split(":")[0] for w, _fg, _bg in stylesheet_colours()}
    assert {
        "portfolio_view.py",
        "assessor/pdf_pane.py",
        "descriptor_detail_view.py",
        "new_portfolio_wizard.py",
    } <= where


def test_style_sheet_text_reads_on_its_background(qapp):
    """Each colour a style sheet gives text reaches 4.5:1 on the background it names, or else on every light
    background of the palette (window, fields, alternate rows)."""
    failing = []
    for where, fg, bg in stylesheet_colours():
        for background in [QColor(bg)] if bg else _backgrounds(_light()):
            ratio = contrast_ratio(QColor(fg), background)
            if ratio < AA_TEXT:
                failing.append(f"{where}: {fg} on {background.name()} is {ratio:.2f}:1")
    assert not failing, "\n".join(failing)


def test_coloured_text_in_models_and_tiles_reads(qapp):
    """Text coloured by state (evidence badges, missing consent, a damaged item) is 4.5:1 on light rows; the
    dashboard tiles' figures are made readable on whatever the window's background is, high contrast too."""
    from portfolio_builder.ui.assessor.contents_model import DAMAGED_BRUSH
    from portfolio_builder.ui.dashboard.summary_tiles import BAD, GOOD, PART
    from portfolio_builder.ui.models.evidence_table_model import MISSING_BRUSH
    from portfolio_builder.ui.models.framework_tree_model import FULL, NONE
    from portfolio_builder.ui.models.framework_tree_model import PART as TREE_PART

    failing = []
    for name, colour in (
        ("badge full", FULL),
        ("badge part", TREE_PART),
        ("badge none", NONE),
        ("consent missing", MISSING_BRUSH.color()),
        ("damaged", DAMAGED_BRUSH.color()),
    ):
        for background in _backgrounds(_light()):
            if contrast_ratio(colour, background) < AA_TEXT:
                failing.append(f"{name} {colour.name()} on {background.name()}")
    for palette in (_light(), _high_contrast()):
        for colour in (GOOD, PART, BAD):
            window = palette.color(QPalette.ColorRole.Window)
            if contrast_ratio(readable_on(colour, window), window) < AA_TEXT:
                failing.append(f"tile {colour} on {window.name()}")
    assert not failing, "\n".join(failing)


def _scheme_colours() -> list[tuple[str, str]]:
    from portfolio_builder.core.scheme.framework_catalog import shipped_frameworks

    return [
        (f"{f.id} {level.label}", level.colour)
        for f in shipped_frameworks()
        for level in f.scheme.scale.levels
    ]


@pytest.mark.parametrize("where,colour", _scheme_colours())
def test_text_on_each_scheme_level_colour_reads(qapp, where, colour):
    """A rating's label written on its level's colour (audit table, chips) reads at 4.5:1; its name written in
    its colour on the chart is made readable on light and high-contrast backgrounds."""
    assert contrast_ratio(text_colour_on(colour), colour) >= AA_TEXT, where
    for palette in (_light(), _high_contrast()):
        window = palette.color(QPalette.ColorRole.Window)
        assert contrast_ratio(readable_on(colour, window), window) >= AA_TEXT, (
            where,
            window.name(),
        )


def test_dashboard_chip_and_chart_colours_read(qapp):
    """The chips' codes on green, amber, red and grey; the timeline's 'Today' and the charts' placeholder words."""
    from portfolio_builder.ui.dashboard.action_timeline import TODAY
    from portfolio_builder.ui.dashboard.evidence_chips import FULL, NONE, PART, UNRATED

    for chip in (FULL, PART, NONE, UNRATED):
        assert contrast_ratio(text_colour_on(chip.name()), chip) >= AA_TEXT, chip.name()
    for palette in (_light(), _high_contrast()):
        window = palette.color(QPalette.ColorRole.Window)
        for colour in (TODAY, palette.color(QPalette.ColorRole.PlaceholderText)):
            assert contrast_ratio(readable_on(colour, window), window) >= AA_TEXT, (
                colour.name(),
                window.name(),
            )


def test_the_palettes_themselves_read(qapp):
    """Text, window text, button text, the selection and field hints on their backgrounds, light (as the app
    mends Qt's: its selection is 3.7:1) and high contrast."""
    roles = QPalette.ColorRole
    for palette in (_light(), _high_contrast()):
        for fg, bg in (
            (roles.WindowText, roles.Window),
            (roles.Text, roles.Base),
            (roles.ButtonText, roles.Button),
            (roles.HighlightedText, roles.Highlight),
            (roles.Text, roles.AlternateBase),
            (roles.PlaceholderText, roles.Base),
        ):
            assert (
                contrast_ratio(_as_drawn(palette.color(fg), palette.color(bg)), palette.color(bg))
                >= AA_TEXT
            ), (fg, bg)


def _as_drawn(colour: QColor, background: QColor) -> QColor:
    """A half-transparent colour (Qt's placeholder) as it shows on the background."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        *(c * a + b * (1 - a) for c, b in zip(colour.getRgbF()[:3], background.getRgbF()[:3]))
    )


def test_the_ratio_is_wcags():
    """Black on white is 21:1, a colour on itself 1:1, and #767676 on white just passes AA (4.54:1)."""
    assert round(contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0
    assert contrast_ratio("#2F6DB5", "#2F6DB5") == 1.0
    assert round(contrast_ratio("#767676", "#FFFFFF"), 2) == 4.54

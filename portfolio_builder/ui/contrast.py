"""WCAG 2.2 contrast: the ratio of two colours, the text colour that reads on a background, a colour made readable."""

from __future__ import annotations

from PySide6.QtGui import QColor

AA_TEXT = 4.5  # WCAG 2.2 AA, normal-size text


def luminance(colour) -> float:
    """Relative luminance (WCAG): 0 for black, 1 for white."""
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a, b) -> float:
    """From 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(background) -> str:
    """Black or white, whichever contrasts more with the background (at least 4.58:1 for any background)."""
    return (
        "#000000"
        if contrast_ratio("#000000", background) >= contrast_ratio("#FFFFFF", background)
        else "#FFFFFF"
    )


def readable_on(colour, background, ratio: float = AA_TEXT) -> QColor:
    """colour, darkened on a light background (lightened on a dark one) just enough to reach ratio, hue kept."""
    c, towards_dark = QColor(colour), luminance(background) > 0.18
    for _ in range(40):
        if contrast_ratio(c, background) >= ratio:
            return c
        h, s, lightness, a = c.getHslF()
        lightness = max(0.0, lightness - 0.03) if towards_dark else min(1.0, lightness + 0.03)
        c = QColor.fromHslF(max(h, 0.0), s, lightness, a)
    return QColor(text_colour_on(background))


def readable_palette(palette):
    """The platform's palette with any text pair under 4.5:1 mended (Qt's light selection, white on #308CC6, is
    3.7:1; its placeholder grey is faint): the selection darkened, hints made readable; good palettes untouched."""
    from PySide6.QtGui import QPalette

    roles, mended = QPalette.ColorRole, QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text, highlight = (
            palette.color(group, roles.HighlightedText),
            palette.color(group, roles.Highlight),
        )
        if contrast_ratio(text, highlight) < AA_TEXT:
            mended.setColor(group, roles.Highlight, readable_on(highlight, text))
        base, hint = palette.color(group, roles.Base), palette.color(group, roles.PlaceholderText)
        flat_hint = QColor(hint)
        flat_hint.setAlphaF(
            1.0
        )  # Qt's hint is the text colour at half opacity: judge it as drawn on the field
        shown = QColor.fromRgbF(
            *(
                h * hint.alphaF() + b * (1 - hint.alphaF())
                for h, b in zip(flat_hint.getRgbF()[:3], base.getRgbF()[:3])
            )
        )
        if contrast_ratio(shown, base) < AA_TEXT:
            mended.setColor(group, roles.PlaceholderText, readable_on(shown, base))
    return mended


def high_contrast_palette():
    """White on black, yellow highlight with black text, cyan links: the colours of a high-contrast theme."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#000000"),
        (roles.WindowText, "#FFFFFF"),
        (roles.Base, "#000000"),
        (roles.AlternateBase, "#1A1A1A"),
        (roles.Text, "#FFFFFF"),
        (roles.Button, "#000000"),
        (roles.ButtonText, "#FFFFFF"),
        (roles.Highlight, "#FFFF00"),
        (roles.HighlightedText, "#000000"),
        (roles.ToolTipBase, "#000000"),
        (roles.ToolTipText, "#FFFFFF"),
        (roles.PlaceholderText, "#C0C0C0"),
        (roles.Link, "#00FFFF"),
        (roles.BrightText, "#FFFFFF"),
        (roles.Light, "#FFFFFF"),
        (roles.Mid, "#C0C0C0"),
        (roles.Dark, "#FFFFFF"),
        (roles.Shadow, "#FFFFFF"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9E9E9E"))
    return palette

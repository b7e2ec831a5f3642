"""The stylesheet: care-card contrast and the printed leaflet."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT

CSS = (ROOT / "docs" / "stylesheets" / "leaflet.css").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", CSS))


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("level", ["routine", "urgent", "emergency"])
@pytest.mark.parametrize("part", ["title", "body"])
def test_care_card_text_contrast_is_at_least_4_5(level: str, part: str) -> None:
    foreground = COLOURS[f"--care-{level}-{part}-fg"]
    background = COLOURS[f"--care-{level}-{part}-bg"]
    assert contrast(foreground, background) >= 4.5


def test_page_text_contrast_is_at_least_4_5() -> None:
    assert contrast(COLOURS["--leaflet-text"], COLOURS["--leaflet-page"]) >= 4.5
    assert contrast(COLOURS["--leaflet-muted"], COLOURS["--leaflet-panel"]) >= 4.5
    assert contrast(COLOURS["--md-primary-bg-color"], COLOURS["--md-primary-fg-color"]) >= 4.5
    assert contrast(COLOURS["--md-typeset-a-color"], COLOURS["--leaflet-page"]) >= 4.5


def test_care_card_levels_look_different() -> None:
    routine, urgent, emergency = (
        (COLOURS[f"--care-{level}-title-bg"], COLOURS[f"--care-{level}-body-bg"])
        for level in ("routine", "urgent", "emergency")
    )
    assert len({routine, urgent, emergency}) == 3
    icons = re.findall(r"--care-(\w+)-icon:\s*url\('data:image/svg", CSS)
    assert icons == ["routine", "urgent", "emergency"]


def test_print_hides_navigation_and_keeps_contacts() -> None:
    print_rules = CSS[CSS.index("@media print") :]
    hidden = print_rules[: print_rules.index("display: none")]
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".md-tabs"):
        assert chrome in hidden
    assert ".leaflet-contacts" not in hidden
    assert ".leaflet-review" not in hidden

"""leaflet.formats.badge: one SVG per language, parsed as XML."""

from __future__ import annotations

import pytest
from lxml import etree

from leaflet.formats.badge import COLOURS, badge_file
from leaflet.model import LocaleCoverage
from samples import FRENCH, POLISH, REVIEWED

SVG = "{http://www.w3.org/2000/svg}"


def parsed(locale: LocaleCoverage) -> etree._Element:
    return etree.fromstring(badge_file(locale).encode("utf-8"))


@pytest.mark.parametrize(
    ("locale", "words", "colour"),
    [(REVIEWED, "100% ok", COLOURS["ok"]), (FRENCH, "60% fails", COLOURS["fails"]), (POLISH, "20% draft", COLOURS["draft"])],
)
def test_says_the_share_translated_and_the_verdict(locale: LocaleCoverage, words: str, colour: str) -> None:
    svg = parsed(locale)
    assert svg.tag == f"{SVG}svg"
    assert [text.text for text in svg.iter(f"{SVG}text")] == [locale.locale, words]
    assert svg.find(f"{SVG}title").text == svg.get("aria-label")
    assert svg.get("aria-label").startswith(f"{locale.locale}: {words.split()[0]} of messages translated")
    label, status = svg.findall(f"{SVG}rect")
    assert status.get("fill") == colour
    assert int(label.get("width")) + int(status.get("width")) == int(svg.get("width"))


def test_fetches_nothing() -> None:
    text = badge_file(FRENCH)
    assert "href" not in text
    assert "url(" not in text

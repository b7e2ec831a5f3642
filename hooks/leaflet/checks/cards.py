"""Care cards a safety section shows: the same levels, in the same order, in every language."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as etree
from collections.abc import Mapping

import markdown

from ..content.carecards import CareCardExtension
from ..content.includes import expand
from ..model import DOCS, Finding, Kind, Page, RequiredSection


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["admonition", "attr_list", "tables", CareCardExtension()])


@functools.lru_cache(maxsize=256)
def card_levels(markdown_text: str) -> tuple[tuple[str | None, str], ...]:
    """(section id, level) of every care card, in order. The English of a page is asked about once
    per required section and language: it is rendered once."""
    md = _converter()
    md.reset()
    root = etree.fromstring(f"<root>{md.convert(markdown_text)}</root>")
    found, section = [], None
    for element in root.iter():
        if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and element.get("id"):
            section = element.get("id")
        classes = (element.get("class") or "").split()
        if "care-card" in classes:
            found.append((section, classes[1]))
    return tuple(found)


def cards_differ(required: RequiredSection, page: Page, translations: Mapping[str, str], code: str) -> Finding | None:
    """``translations`` as written (current, even if QA rejects them): would they show other cards?

    Both sides are the page as built, the snippets it includes expanded in place.
    """
    def levels(text: str) -> list[str]:
        return [level for section, level in card_levels(text) if section == required.id]

    try:
        english = levels(expand(page, lambda unit: unit.text))
        rendered = levels(expand(page, lambda unit: translations.get(unit.text, unit.text)))
    except etree.ParseError:
        return None  # raw HTML the QA checks already report
    if english == rendered:
        return None
    heading = next((u.line for u in page.units if u.section == required.id and u.kind is Kind.HEADING), 1)
    return Finding(
        f"{DOCS}/{required.page}", heading, "care-cards-differ",
        f"{required.name} renders care cards {rendered!r} in {code} but {english!r} in English", code, required.id,
    )

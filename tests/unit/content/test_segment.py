"""Segmentation into translation units, and putting translations back."""

from __future__ import annotations

import re

import markdown
import pytest

from helpers import ROOT
from leaflet.content.carecards import CareCardExtension
from leaflet.content.segment import apply, segment
from leaflet.model import Kind

PAGES = sorted((ROOT / "docs").glob("*.md"))

SAMPLE = """---
title: A sample page
description: >-
  Every construct
  the pages use.
---

## First section {#first}

A paragraph that the author
wrapped over
three lines, with **bold** and a [link](other.md).

- an item
- an item that
  wraps
    1. a nested item
- an item with more

    A second paragraph in the item.

1. step one
2. step two

!!! urgent "Get help today if:"

    - your hip is hot
    - you have a fever of 38 °C

    Call {{ phone.in_hours }}.

!!! note

    A note without a title.

| Medicine | What it does |
|---|---|
| numbing medicine | works in minutes |
| steroid | calms swelling |

![An ultrasound probe on a hip](images/probe.png)

```text
## not a heading {#nope}
```

### A subheading without an id

Text under the subheading.

## Second section {#second}

Last words.
"""


def units(source: str = SAMPLE):
    return segment(source, "sample.md").units


def test_units_in_order_with_kinds_sections_and_cards() -> None:
    got = [(u.kind, u.text, u.section, u.card) for u in units()]
    assert got == [
        (Kind.TITLE, "A sample page", None, None),
        (Kind.DESCRIPTION, "Every construct the pages use.", None, None),
        (Kind.HEADING, "First section", "first", None),
        (Kind.PARAGRAPH, "A paragraph that the author wrapped over three lines, with **bold** and a [link](other.md).", "first", None),
        (Kind.LIST_ITEM, "an item", "first", None),
        (Kind.LIST_ITEM, "an item that wraps", "first", None),
        (Kind.LIST_ITEM, "a nested item", "first", None),
        (Kind.LIST_ITEM, "an item with more", "first", None),
        (Kind.PARAGRAPH, "A second paragraph in the item.", "first", None),
        (Kind.LIST_ITEM, "step one", "first", None),
        (Kind.LIST_ITEM, "step two", "first", None),
        (Kind.CARD_TITLE, "Get help today if:", "first", "urgent"),
        (Kind.LIST_ITEM, "your hip is hot", "first", "urgent"),
        (Kind.LIST_ITEM, "you have a fever of 38 °C", "first", "urgent"),
        (Kind.PARAGRAPH, "Call {{ phone.in_hours }}.", "first", "urgent"),
        (Kind.PARAGRAPH, "A note without a title.", "first", None),
        (Kind.TABLE_CELL, "Medicine", "first", None),
        (Kind.TABLE_CELL, "What it does", "first", None),
        (Kind.TABLE_CELL, "numbing medicine", "first", None),
        (Kind.TABLE_CELL, "works in minutes", "first", None),
        (Kind.TABLE_CELL, "steroid", "first", None),
        (Kind.TABLE_CELL, "calms swelling", "first", None),
        (Kind.IMAGE_ALT, "An ultrasound probe on a hip", "first", None),
        (Kind.HEADING, "A subheading without an id", "first", None),
        (Kind.PARAGRAPH, "Text under the subheading.", "first", None),
        (Kind.HEADING, "Second section", "second", None),
        (Kind.PARAGRAPH, "Last words.", "second", None),
    ]


def test_lines_are_those_of_the_file() -> None:
    lines = SAMPLE.splitlines()
    for unit in units():
        if unit.kind in (Kind.TITLE, Kind.DESCRIPTION):
            assert lines[unit.line - 1].startswith(f"{unit.kind.value}:")
            continue
        first_words = unit.text.split()[0].strip("*[!")
        assert first_words in lines[unit.line - 1], (unit, lines[unit.line - 1])


def test_no_block_structure_reaches_a_message() -> None:
    for page in PAGES:
        for unit in segment(page.read_text(encoding="utf-8"), page.name).units:
            assert not re.match(r"^(#|!!!|[-*+] |\d+\. |\||    )", unit.text), (page.name, unit.text)
            assert "{#" not in unit.text, (page.name, unit.text)
            assert "\n" not in unit.text, (page.name, unit.text)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_identity_catalog_gives_the_page_back_byte_for_byte(page) -> None:
    segmented = segment(page.read_text(encoding="utf-8"), page.name)
    assert apply(segmented, lambda unit: unit.text) == segmented.body


def test_identity_round_trip_of_the_sample() -> None:
    segmented = segment(SAMPLE, "sample.md")
    assert apply(segmented, lambda unit: unit.text) == segmented.body


def _structure(markdown_text: str) -> list[str]:
    """Tag names, ids and classes of the rendered page: its block structure."""
    html = markdown.markdown(
        markdown_text, extensions=["admonition", "attr_list", "tables", "pymdownx.superfences", CareCardExtension()]
    )
    return re.findall(r"<(\w+)(?: [^>]*?(?:id|class)=\"([^\"]*)\")?", html)


@pytest.mark.parametrize("page", [*PAGES, None], ids=lambda page: page.name if page else "sample")
def test_a_changed_translation_keeps_the_structure(page) -> None:
    source = page.read_text(encoding="utf-8") if page else SAMPLE
    segmented = segment(source, "page.md")
    translated = apply(segmented, lambda unit: "Traduit " + unit.text.upper())
    assert _structure(translated) == _structure(segmented.body)
    assert translated.count("Traduit ") == sum(
        1 for unit in segmented.units if unit.kind not in (Kind.TITLE, Kind.DESCRIPTION)
    )


def test_rewrapping_english_does_not_change_the_messages() -> None:
    rewrapped = SAMPLE.replace("A paragraph that the author\nwrapped over\nthree lines,", "A paragraph that the author wrapped\nover three lines,")
    assert [u.text for u in units(rewrapped)] == [u.text for u in units()]


def test_care_card_title_with_a_multi_line_translation_stays_on_its_line() -> None:
    segmented = segment(SAMPLE, "sample.md")
    translated = apply(segmented, lambda u: "Aide\naujourd'hui :" if u.kind is Kind.CARD_TITLE else u.text)
    assert '!!! urgent "Aide aujourd\'hui :"\n' in translated


def test_sources_in_the_front_matter_are_no_units() -> None:
    page = (
        "---\ntitle: A page\ndescription: Its summary.\nreview:\n  reviewed_by: Dr A\n"
        "sources:\n  - title: Steroid injections\n    publisher: NHS\n    url: https://www.nhs.uk/\n    year: 2023\n"
        "---\n\nText.\n"
    )
    assert [(unit.kind, unit.text) for unit in units(page)] == [
        (Kind.TITLE, "A page"), (Kind.DESCRIPTION, "Its summary."), (Kind.PARAGRAPH, "Text."),
    ]

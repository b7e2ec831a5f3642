"""Material's own Arabic interface strings, as the built Arabic pages show them:
the corrections in ``overrides/partials/language.html`` (listed under "Reported
upstream" in REVIEWING.md) replace Material's wording on every page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ROOT, language_pages, soup

#: Material key: (Material's wording, the reviewed one); the same list as REVIEWING.md's
CORRECTED = {
    "search": ("إبحث", "ابحث"),
    "select.language": ("إختر اللغة", "اختر اللغة"),
    "select.version": ("إختر الإصدار", "اختر الإصدار"),
    "header": ("عنوان العارضة", "رأس الصفحة"),
}
#: where Material's templates put each string in a page
ELEMENTS = {
    "search": "nav.md-search__options",
    "select.language": "button.md-header__button[aria-label]",
    "header": "nav.md-header__inner",
}


@pytest.fixture(scope="module")
def arabic(site: Path) -> list[Path]:
    pages = language_pages(site, "ar")
    assert pages, "no Arabic pages were built"
    return pages


def test_every_arabic_page_shows_the_reviewed_strings(arabic: list[Path]) -> None:
    for page in arabic:
        html = soup(page)
        labels = {key: [element.get("aria-label") for element in html.select(css)] for key, css in ELEMENTS.items()}
        for key, found in labels.items():
            assert CORRECTED[key][1] in found, f"{page}: {key} reads {found}"
        config = json.loads(html.select_one("script#__config").string)
        assert config["translations"]["select.version"] == CORRECTED["select.version"][1]


def test_no_arabic_page_keeps_materials_wording(arabic: list[Path]) -> None:
    for page in arabic:
        text = page.read_text(encoding="utf-8")
        for key, (wrong, _) in CORRECTED.items():
            escaped = json.dumps(wrong)[1:-1]  # as Material's configuration script writes it
            assert wrong not in text, f"{page}: Material's {key!r} ({wrong}) is still shown"
            assert escaped not in text, f"{page}: Material's {key!r} ({wrong}) is still in its configuration"


def test_each_correction_is_listed_for_reporting_upstream() -> None:
    reviewing = ROOT.joinpath("REVIEWING.md").read_text(encoding="utf-8")
    upstream = reviewing.split("## Reported upstream", 1)[1]
    for key, (wrong, right) in CORRECTED.items():
        assert f"| `{key}` | {wrong} | {right} |" in upstream

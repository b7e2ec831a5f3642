"""Search on each language's site finds that language's pages, and only them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from helpers import LANGUAGES, SOURCE

#: a whole word of each language's text about joint infection
QUERIES = {"en": "infection", "fr": "infection", "es": "infección", "de": "Infektion", "ar": "عدوى", "zh-Hans": "感染"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_returns_this_languages_pages_only(open_page, language: str) -> None:
    assert language in QUERIES, f"add a search word for {language!r}"
    start = "" if language == SOURCE else f"{language}/"
    page, visit = open_page(start, width=1280)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(QUERIES[language])
    search.press("End")  # Material searches on key events; an IME's text arrives without them
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert hrefs, f"no results for {QUERIES[language]!r}"
    others = [code for code in LANGUAGES if code not in (SOURCE, language)]
    for href in hrefs:
        path = urlsplit(href).path.strip("/")
        first = path.split("/")[0] if path else ""
        if language == SOURCE:
            assert first not in others, href
        else:
            assert first == language, href
    assert any("risks" in href or "get-help" in href for href in hrefs)
    visit.assert_clean()

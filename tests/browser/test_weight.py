"""What a page view asks the server for: no sitemap per language, and the
search machinery only once the reader opens search."""

from __future__ import annotations

import pytest

from helpers import SOURCE, TRANSLATED


def _view(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, requested


@pytest.mark.parametrize("language", [SOURCE, *TRANSLATED])
def test_a_page_view_asks_for_no_sitemap_and_no_search_index(browser, base_url: str, language: str) -> None:
    path = "risks/" if language == SOURCE else f"{language}/risks/"
    context, page, requested = _view(browser, base_url + path)
    try:
        assert [url for url in requested if url.endswith("sitemap.xml")] == []
        assert [url for url in requested if "search_index.json" in url or "/lunr/" in url] == []
        assert all(url.startswith(base_url) or url.startswith("data:") for url in requested), requested
        # Opening search loads this language's index.
        with page.expect_request(lambda request: "search_index.json" in request.url) as index:
            page.locator("input.md-search__input").click()
        assert index.value.url == base_url + ("" if language == SOURCE else f"{language}/") + "search/search_index.json"
    finally:
        context.close()

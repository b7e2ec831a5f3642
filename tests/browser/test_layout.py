"""What a patient sees on a phone, in every published language."""

from __future__ import annotations

import pytest

from helpers import LANGUAGES, SOURCE

PAGES = ["", "before/", "on-the-day/", "after/", "risks/", "get-help/", "questions/"]


def url(language: str, page: str) -> str:
    return page if language == SOURCE else f"{language}/{page}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scroll_at_360px_and_nothing_fails_to_load(open_page, language: str) -> None:
    for page_path in PAGES:
        page, visit = open_page(url(language, page_path), width=360)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url(language, page_path)} scrolls sideways by {overflow}px"
        visit.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_direction_follows_the_language(open_page, language: str) -> None:
    page, _ = open_page(url(language, "risks/"))
    expected = "rtl" if language in {"ar", "he", "fa", "ur"} else "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == expected
    assert page.evaluate("document.documentElement.lang") == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_numbers_read_left_to_right(open_page, language: str) -> None:
    page, _ = open_page(url(language, "get-help/"))
    links = page.locator('article a[href^="tel:+44"]')
    assert links.count() > 0
    for index in range(links.count()):
        link = links.nth(index)
        assert link.evaluate("a => getComputedStyle(a).direction") == "ltr"
        # The digit groups appear in reading order: 0161 left of 496 left of 0000.
        boxes = link.evaluate(
            """a => { const r = document.createRange(); const t = a.firstChild; const s = t.textContent;
                 return s.split(' ').map(part => { const i = s.indexOf(part); r.setStart(t, i); r.setEnd(t, i + part.length);
                 return r.getBoundingClientRect().left; }); }"""
        )
        assert boxes == sorted(boxes), (language, link.inner_text(), boxes)

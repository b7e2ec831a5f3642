"""What patients do: switch language, use a keyboard, print, read the cards."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import LANGUAGES, ROOT, SOURCE, TRANSLATED


def test_the_language_switcher_keeps_the_page(open_page) -> None:
    page, visit = open_page("fr/risks/", width=1280)
    for language in LANGUAGES:
        page.locator(".md-header__option .md-select button").first.hover()
        link = page.locator(f'a.md-select__link[hreflang="{language}"]')
        link.click()
        page.wait_for_load_state("networkidle")
        expected = "/risks/" if language == SOURCE else f"/{language}/risks/"
        assert page.url.endswith(expected), (language, page.url)
        assert page.evaluate("document.documentElement.lang") == language
        assert page.locator("#complications").count() == 1  # the same section, by its stable id
    visit.assert_clean()


def test_keyboard_users_get_a_skip_link_and_visible_focus(open_page) -> None:
    page, _ = open_page("get-help/", width=1280)
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const a = document.activeElement; const r = a.getBoundingClientRect();
        return {cls: a.className, href: a.getAttribute('href'), visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.bottom <= innerHeight}; }""")
    assert "md-skip" in skip["cls"], skip
    assert skip["href"].startswith("#"), skip
    assert skip["visible"], skip
    page.keyboard.press("Enter")
    # Every focusable element shows where the focus is.
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => { const a = document.activeElement; const s = getComputedStyle(a);
            return {tag: a.tagName, text: (a.textContent || '').trim().slice(0, 30),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none', underline: s.textDecorationLine.includes('underline'),
                    background: s.backgroundColor}; }""")
        if focus["tag"] == "BODY":
            continue
        seen += 1
        assert focus["outline"] or focus["shadow"], focus
    assert seen > 10


def test_print_shows_the_leaflet_without_navigation(open_page) -> None:
    page, visit = open_page("risks/", width=1280)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("article h1", ".leaflet-summary", ".care-card", ".leaflet-review", ".leaflet-contacts"):
        assert page.locator(shown).first.is_visible(), shown
    contacts = page.locator(".leaflet-contacts").inner_text()
    assert "0161 496 0000" in contacts
    assert "0161 496 0999" in contacts
    assert "999" in contacts
    assert re.search(r"Page last reviewed: .* Next review due: ", page.locator(".leaflet-review").inner_text())
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    visit.assert_clean()


@pytest.mark.parametrize("language", [SOURCE, "ar"])
def test_targets_are_at_least_24_px(open_page, language: str) -> None:
    """WCAG 2.5.8: every control and every link outside running text."""
    page, _ = open_page("get-help/" if language == SOURCE else f"{language}/get-help/", width=360)
    small = page.evaluate("""() => [...document.querySelectorAll('a[href], button, label[for], input, summary')]
        .filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}))
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth; })
        .filter(e => !e.closest('.md-typeset p, .md-typeset li, .md-typeset dd, .md-typeset td'))
        .map(e => { const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 80), Math.round(r.width), Math.round(r.height)]; })
        .filter(([, w, h]) => w < 24 || h < 24)""")
    assert small == []


def _schemes() -> list[str]:
    palette = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0].replace("!!python", "")).get("theme", {}).get("palette", {})
    entries = palette if isinstance(palette, list) else [palette]
    return [entry.get("scheme", "default") for entry in entries]


CONTRAST = """([fg, bg]) => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", _schemes())
@pytest.mark.parametrize("language", [SOURCE, *TRANSLATED])
def test_care_cards_keep_4_5_to_1_contrast(open_page, scheme: str, language: str) -> None:
    page, _ = open_page("get-help/" if language == SOURCE else f"{language}/get-help/", width=360)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', {scheme!r})")
    pairs = page.evaluate("""() => [...document.querySelectorAll('.care-card')].flatMap(card => {
        const title = card.querySelector('.admonition-title');
        const body = [...card.querySelectorAll('li, p:not(.admonition-title), a')];
        const bg = e => getComputedStyle(e).backgroundColor;
        return [[card.classList[1] + ' title', getComputedStyle(title).color, bg(title)],
                ...body.map(e => [card.classList[1] + ' ' + e.tagName, getComputedStyle(e).color, bg(card)])];
    })""")
    assert len({pair[0].split()[0] for pair in pairs}) == 3
    for name, fg, bg in pairs:
        ratio = page.evaluate(CONTRAST, [fg, bg])
        assert ratio >= 4.5, (scheme, name, fg, bg, round(ratio, 2))

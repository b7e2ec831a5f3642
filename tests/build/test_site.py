"""The English site as built by ``mkdocs build --strict``: assertions on the HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from helpers import ROOT, english_pages, soup
from leaflet.content.carecards import LEVELS
from leaflet.content.lookalikes import LOOKALIKES
from leaflet.content.sections import load_manifest

MANIFEST = load_manifest(ROOT / "required-sections.yml", "required-sections.yml")
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
CLINIC = CONFIG["extra"]["clinic"]


def built_page(site: Path, page: str) -> Path:
    """``before.md`` -> ``site/before/index.html``."""
    stem = page.removesuffix(".md")
    return site / "index.html" if stem == "index" else site / stem / "index.html"


def article(path: Path):
    return soup(path).select_one("article.md-content__inner")


def test_every_nav_page_is_built(site: Path) -> None:
    pages = [next(iter(item.values())) for item in CONFIG["nav"]]
    assert len(pages) == 7
    for page in pages:
        assert built_page(site, page).is_file(), page


@pytest.mark.parametrize("section", MANIFEST, ids=lambda s: f"{s.page}#{s.id}")
def test_required_section_is_a_heading_with_its_id(site: Path, section) -> None:
    heading = article(built_page(site, section.page)).find(id=section.id)
    assert heading is not None, f"{section.page} lacks #{section.id}"
    assert heading.name in {"h2", "h3"}
    assert heading.get_text(strip=True)


def test_safety_sections_are_marked_in_the_manifest() -> None:
    safety = {(s.page, s.id) for s in MANIFEST if s.safety}
    assert {("risks.md", "complications"), ("get-help.md", "get-help")} <= safety


def _cards(site: Path, page: str):
    return article(built_page(site, page)).select("div.admonition.care-card")


def test_get_help_has_a_care_card_at_each_level_with_its_label(site: Path) -> None:
    cards = _cards(site, "get-help.md")
    levels = [card["class"][1] for card in cards]
    assert levels == ["routine", "urgent", "emergency"]
    for card in cards:
        level = card["class"][1]
        title = card.select_one(".admonition-title")
        label = title.select_one("span.care-card__label")
        assert label.get_text() == LEVELS[level]
        # The label comes first, so a screen reader says it before the title.
        assert title.get_text().startswith(LEVELS[level] + " ")
        assert title["role"] == "heading"
        assert title["aria-level"] == "3"
        assert card.select("li"), "a care card lists what to look out for"


def test_complications_section_carries_an_urgent_care_card(site: Path) -> None:
    cards = _cards(site, "risks.md")
    assert [card["class"][1] for card in cards] == ["urgent"]
    # The card sits inside the complications section, after its heading.
    heading = article(built_page(site, "risks.md")).find(id="complications")
    assert cards[0] in heading.find_all_next("div")


def test_emergency_card_links_the_emergency_number(site: Path) -> None:
    emergency = _cards(site, "get-help.md")[2]
    links = [a["href"] for a in emergency.select("a[href]")]
    assert f"tel:{CLINIC['phones']['emergency']}" in links


def test_placeholders_are_replaced_with_tel_links(site: Path) -> None:
    tel_targets: set[str] = set()
    for path in english_pages(site):
        text = str(article(path)) + str(soup(path).head)
        assert not re.search(r"\{\{.*?\}\}", text), path
        tel_targets |= {a["href"] for a in article(path).select('a[href^="tel:"]')}
    assert tel_targets == {"tel:+441614960000", "tel:+441614960999", "tel:111", "tel:999"}


def test_placeholder_in_the_text_shows_the_clinic_number(site: Path) -> None:
    links = article(built_page(site, "get-help.md")).select('a[href="tel:+441614960999"]')
    assert links
    assert all(a.get_text() == "0161 496 0999" for a in links)


def test_every_page_shows_the_same_contacts_after_the_text(site: Path) -> None:
    boxes = []
    for path in english_pages(site):
        page = article(path)
        box = page.select_one("aside.leaflet-contacts")
        assert box is not None, path
        # Consistent help: the contacts close the page, after the review dates.
        assert box.find_previous_sibling("p", class_="leaflet-review") is not None, path
        boxes.append(str(box))
    assert len(set(boxes)) == 1
    box = soup(english_pages(site)[0]).select_one("aside.leaflet-contacts")
    text = box.get_text(" ", strip=True)
    hours = CLINIC["opening_hours"]
    for expected in (
        CLINIC["name"], CLINIC["address"], hours["days"], hours["opens"], "Out of hours", "If we cannot be reached",
        "Emergency",
    ):
        assert expected in text
    assert {a["href"] for a in box.select("a")} == {
        "tel:+441614960000",
        "tel:+441614960999",
        "tel:111",
        "tel:999",
        CLINIC["website"],
    }


def test_review_dates_are_shown_on_every_page(site: Path) -> None:
    for path in english_pages(site):
        review = article(path).select_one("p.leaflet-review")
        assert review is not None, path
        text = " ".join(review.get_text(" ", strip=True).split())
        assert re.search(r"Page last reviewed: \d{1,2} \w+ \d{4} \. Next review due: \d{1,2} \w+ \d{4} \.", text), text
        times = [t["datetime"] for t in review.select("time")]
        assert len(times) == 2
        assert times[0] < times[1]


def test_review_dates_match_the_front_matter(site: Path) -> None:
    review = article(built_page(site, "risks.md")).select_one("p.leaflet-review")
    assert "2 November 2026" in review.get_text()
    assert "2 November 2027" in review.get_text()
    assert "Dr Sam Example" in review.get_text()


def test_every_page_has_a_title_and_summary(site: Path) -> None:
    for path in english_pages(site):
        page = article(path)
        assert len(page.select("h1")) == 1, path
        summary = page.select_one("h1 + p.leaflet-summary")
        assert summary is not None, path
        assert summary.get_text(strip=True).endswith("."), path


def test_no_lookalike_punctuation_reaches_the_site(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8")
            found = sorted(set(text) & LOOKALIKES.keys())
            assert not found, f"{path}: {[f'U+{ord(c):04X}' for c in found]}"


def _is_local(url: str) -> bool:
    """Relative, inline, or the site's own address (its canonical link)."""
    parsed = urlparse(url)
    own = url.startswith(CONFIG["site_url"])
    return own or (not parsed.scheme and not parsed.netloc) or parsed.scheme == "data"


def test_no_third_party_url_in_link_script_img(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("source", "srcset")):
            for element in page.find_all(tag):
                url = element.get(attribute)
                if url:
                    assert _is_local(url), f"{path}: <{tag} {attribute}={url!r}>"
        for style in page.find_all(style=True):
            assert "url(" not in style["style"] or "url(data:" in style["style"], path


def test_no_third_party_url_in_css(site: Path) -> None:
    stylesheets = list(site.rglob("*.css"))
    assert any(path.name == "leaflet.css" for path in stylesheets)
    for path in stylesheets:
        css = path.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            assert _is_local(url), f"{path}: url({url})"
        assert "@import" not in css or "@import url(data:" in css, path
        assert "fonts.googleapis" not in css, path
        assert "fonts.gstatic" not in css, path


def test_no_google_fonts_and_no_generator_notice(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html
    assert "fonts.gstatic.com" not in html
    assert "Made with" not in html


def test_search_index_holds_the_pages(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "joint infection" in index.lower()

"""leaflet.formats.html: the progress page, parsed as a browser would read it."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from leaflet.formats.html import as_html, language_name
from leaflet.model import Finding, Report
from samples import CLEAN, FRENCH, PO_FR, PO_PL, POLISH, REPORT, with_findings

EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def page(report: Report = REPORT, to_root: str = "../") -> BeautifulSoup:
    return BeautifulSoup(as_html(report, to_root=to_root), "html.parser")


def language(soup: BeautifulSoup, code: str) -> BeautifulSoup:
    return soup.find("section", id=f"lang-{code}")


def test_is_self_contained() -> None:
    soup = page()
    assert soup.find("script") is None
    assert soup.find("link") is None
    assert soup.find("style").string.strip()
    for element in soup.find_all(attrs={"src": True}) + soup.find_all(attrs={"href": True}):
        assert not EXTERNAL.match(element.get("src") or element.get("href")), element
    assert "url(" not in as_html(REPORT)  # no stylesheet fetches a font or an image


def test_one_section_per_language_with_its_name_and_badge() -> None:
    soup = page()
    assert [s["id"] for s in soup.find_all("section", class_="language")] == ["lang-fr", "lang-pl"]
    heading = language(soup, "pl").find("h2")
    assert heading.get_text(" ", strip=True).startswith("Polish (polski) pl")
    assert "draft: incomplete (draft: not fatal)" in heading.get_text(" ", strip=True)
    assert heading.find("svg").find("title").string == "pl: 20% of messages translated, draft"
    assert language_name("xx") == "xx"


def test_safety_sections_come_first_with_a_bar_each() -> None:
    rows = language(page(), "fr").find("table").find("tbody").find_all("tr")
    names = [row.find("td").get_text(" ", strip=True) for row in rows]
    assert names == ["page.md#warning SAFETY", "page.md#plain"]
    bar = rows[0].find(class_="bar")
    assert bar["aria-label"] == "page.md#warning: 1 translated, 1 fuzzy, 1 not translated"
    widths = {span["class"][0]: float(span["style"].removeprefix("width:").removesuffix("%")) for span in bar.find_all("span")}
    assert widths == {"ok": 33.333, "fuzzy": 33.333, "gap": 33.333}
    assert rows[0].find_all("td")[1].get_text(strip=True) == "✗ not covered"


def test_a_bar_per_page_shows_translated_unsafe_fuzzy_and_missing() -> None:
    tables = language(page(), "fr").find_all("table")
    row = tables[1].find("tbody").find("tr")
    assert row.find("td").get_text(strip=True) == "page.md"
    assert [span["class"][0] for span in row.find_all("span", style=True)] == ["ok", "unsafe", "fuzzy", "gap"]
    assert row.find_all("td")[2].get_text(strip=True) == "2/5 · 1 rejected by a check, 1 fuzzy, 1 not translated"


def test_the_sign_off_and_the_english_changed_since() -> None:
    fr = dict(zip(*[[e.get_text(" ", strip=True) for e in language(page(), "fr").find_all(tag)] for tag in ("dt", "dd")], strict=True))
    assert fr == {
        "Translation": "translator T. Translator, language reviewer L. Reviewer",
        "Clinical review": "not yet: every page says so to its readers",
        "Signed-off English": "none",
        "English changed since": "no source version recorded",
    }
    de = language(page(CLEAN), "de")
    said = dict(zip([e.get_text(strip=True) for e in de.find_all("dt")], [e.get_text(strip=True) for e in de.find_all("dd")], strict=True))
    assert said["Clinical review"] == "Dr C on 2026-11-02"
    assert said["Signed-off English"] == "abc123"
    assert said["English changed since"] == "warning"


def test_every_finding_links_to_its_line_errors_first() -> None:
    soup = page(Report((POLISH, FRENCH)))
    items = language(soup, "fr").find("ol", class_="findings").find_all("li")
    assert [item.find("a")["href"] for item in items] == [f"../{PO_FR}#L12", f"../{PO_FR}#L1"]
    assert items[0].get_text(" ", strip=True).startswith(f"error {PO_FR}:12 fuzzy the fr translation is outdated")
    draft = language(soup, "pl").find("ol", class_="findings").find("li")
    assert draft.find(class_="level").string == "warning"
    assert draft.find("a")["href"] == f"../{PO_PL}#L30"
    assert page(REPORT, to_root="").find("ol", class_="findings").find("a")["href"] == f"{PO_FR}#L12"


def test_escapes_are_listed_and_text_is_escaped() -> None:
    odd = Finding(PO_FR, 3, "html-added", '<script>alert("x")</script> & more', "fr")
    soup = page(Report((with_findings(FRENCH, odd),)))
    assert soup.find("script") is None
    assert '<script>alert("x")</script> & more' in soup.find("ol", class_="findings").get_text()
    escapes = [li.get_text(" ", strip=True) for li in soup.find("h3", string="Escapes").find_next("ul").find_all("li")]
    assert escapes == [
        f"{PO_FR}:40 allow: identical-to-source — the same word in French",
        f"{PO_FR}:44 allow: number-changed (ignored: safety section)",
    ]


def test_no_catalogs_means_english_only() -> None:
    assert "No translation catalogs: English only." in page(Report(())).get_text()

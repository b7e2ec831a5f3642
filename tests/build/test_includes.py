"""A snippet written once and included in two pages, through a real ``mkdocs build``:
both built pages show it, in every language, translated once in the catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from helpers import Build, copy_project, run_build, soup
from leaflet.i18n import catalogs
from leaflet.i18n.po import read_catalog

NAME = "_snippets/build-test-card.md"
SNIPPET = """\
!!! urgent "Call {{ phone.in_hours }} today if:"

    - your hip is hot and red
    - you shiver all night
"""
#: (msgid, msgstr) the French catalog of the copy gets
FRENCH = {
    "your hip is hot and red": "votre hanche est chaude et rouge",
    "Call {{ phone.in_hours }} today if:": "Appelez le {{ phone.in_hours }} aujourd'hui si\u00a0:",
}
PAGES = {"risks.md": "complications", "get-help.md": "get-help"}


def include_after_heading(page: Path, section: str) -> None:
    """The include line right after the section's heading, so the card is in that section."""
    lines = page.read_text(encoding="utf-8").split("\n")
    heading = next(number for number, line in enumerate(lines) if line.startswith("#") and f"{{#{section}}}" in line)
    lines[heading + 1 : heading + 1] = ["", f'--8<-- "{NAME}"']
    page.write_text("\n".join(lines), encoding="utf-8")


def translate(po: Path, translations: dict[str, str]) -> None:
    """Translate messages as a translator's tool would (Babel reads and writes the catalog)."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for msgid, msgstr in translations.items():
        message = catalog.get(msgid)
        assert message is not None, msgid
        message.string = msgstr
        message.flags.discard("fuzzy")  # Babel may have guessed a translation from a like message
        message.previous_id = ()
    po.write_bytes(catalogs.render(catalog))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("includes"))
    (project / "docs" / NAME).parent.mkdir(exist_ok=True)
    (project / "docs" / NAME).write_text(SNIPPET, encoding="utf-8")
    for page, section in PAGES.items():
        include_after_heading(project / "docs" / page, section)
    catalogs.refresh(project)
    translate(catalogs.po_path(project, "fr"), FRENCH)
    # Not strict: the shipped pages may carry English no catalog translates yet.
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    return build


def card(build: Build, path: str) -> object:
    """The included card, by its own words."""
    html = soup(build.site / path / "index.html")
    cards = [c for c in html.select(".care-card.urgent") if "you shiver all night" in c.get_text()]
    assert len(cards) == 1, path
    return cards[0]


@pytest.mark.parametrize("page", list(PAGES))
def test_english_pages_show_the_card_as_written(built: Build, page: str) -> None:
    found = card(built, page.removesuffix(".md"))
    assert [li.get_text() for li in found.select("li")] == ["your hip is hot and red", "you shiver all night"]
    section = found.find_previous(re.compile("^h[1-6]$"), id=True)
    assert section["id"] == PAGES[page]


@pytest.mark.parametrize("page", list(PAGES))
def test_both_french_pages_show_the_one_translation(built: Build, page: str) -> None:
    found = card(built, f"fr/{page.removesuffix('.md')}")
    first, second = found.select("li")
    assert first.get_text() == "votre hanche est chaude et rouge"
    assert second.select_one(".leaflet-untranslated [lang=en]").get_text() == "you shiver all night"


@pytest.mark.parametrize("path", ["risks", "fr/risks", "get-help", "fr/get-help"])
def test_a_phone_in_a_care_card_title_is_a_working_link(built: Build, path: str) -> None:
    title = card(built, path).select_one(".admonition-title")
    (link,) = title.select("a")
    assert (link["href"], link.get_text()) == ("tel:+441614960000", "0161 496 0000")
    assert title.get_text(" ", strip=True).endswith("aujourd'hui si\u00a0:" if path.startswith("fr") else "today if:")


def test_the_snippet_is_no_page_in_any_language(built: Build) -> None:
    assert not [path for path in built.site.rglob("*") if "_snippets" in path.as_posix()]
    assert "_snippets" not in (built.site / "sitemap.xml").read_text(encoding="utf-8")
    # MkDocs and mkdocs-static-i18n leave it alone: no "not included in the nav", no page for it
    assert "_snippets" not in built.output, built.output


def test_a_translated_page_says_its_english_was_reviewed(built: Build) -> None:
    review = soup(built.site / "fr/risks/index.html").select_one("p.leaflet-review")
    text = " ".join(review.get_text(" ", strip=True).split())
    french = read_catalog(built.site.parent / "locales/fr/LC_MESSAGES/messages.po", "fr.po", "fr")
    said = french["The English version of this page was reviewed by %(name)s on %(date)s."].string
    assert text.startswith(" ".join(said.split("%(name)s")[0].split()))
    assert review.select_one("bdi").get_text().startswith("Dr Sam Example")
    english = soup(built.site / "risks/index.html").select_one("p.leaflet-review")
    assert english.select_one("bdi").get_text().startswith("Dr Sam Example")
    assert "Page last reviewed:" in english.get_text()


def test_the_contacts_name_the_urgent_advice_service(built: Build) -> None:
    contacts = soup(built.site / "fr/risks/index.html").select_one(".leaflet-contacts")
    rows = {dt.get_text(): dd.select_one("a")["href"] for dt, dd in zip(contacts("dt"), contacts("dd"), strict=True)
            if dd.select_one("a")}
    french = read_catalog(built.site.parent / "locales/fr/LC_MESSAGES/messages.po", "fr.po", "fr")
    assert rows[french["If we cannot be reached"].string] == "tel:111"

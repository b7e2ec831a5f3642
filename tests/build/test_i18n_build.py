"""The translated site, through real ``mkdocs build`` runs."""

from __future__ import annotations

import collections
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from helpers import MKDOCS, ROOT, SITE_URL, TRANSLATED, language_pages, run_build, soup
from leaflet.content.carecards import LEVELS
from leaflet.content.segment import segment
from leaflet.content.strings import CLINICAL_REVIEW_PENDING, UNTRANSLATED
from leaflet.i18n import catalogs

with catalogs.po_path(ROOT, "fr").open("rb") as _handle:
    FR = read_po(_handle)


def fr(msgid: str) -> str:
    message = FR.get(msgid)
    assert message is not None, msgid
    assert message.string, msgid
    return " ".join(message.string.split())  # as text() reads the page: no-break spaces are spaces


def page(site: Path, path: str):
    return soup(site / path / "index.html")


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def test_french_pages_carry_french_text(site: Path) -> None:
    risks = page(site, "fr/risks")
    assert text(risks.find(id="complications")) == fr("Possible complications")
    assert text(risks.find(id="side-effects")) == fr("Side effects")
    article = text(risks.select_one("article"))
    source = segment((ROOT / "docs/risks.md").read_text(encoding="utf-8"), "risks.md")
    for unit in source.units:
        plain = re.sub(r"\*\*|\[|\]\([^)]*\)|\{\{[^}]*\}\}", "", fr(unit.text)).split()
        assert " ".join(plain[:4]) in article, unit.text
    assert "Possible complications" not in article


def test_french_titles_nav_and_site_name(site: Path) -> None:
    before = page(site, "fr/before")
    assert before.title.get_text().startswith(fr("Before your injection"))
    assert text(before.select_one("article h1")) == fr("Before your injection")
    nav = [text(a) for a in before.select("nav.md-nav--primary > ul > li > a")]
    assert nav == [fr(title) for title in ("Overview", "Before your injection", "On the day", "After your injection", "Risks and side effects", "When to get help", "Questions and contacts")]
    assert fr("Hip joint injection") in text(before.select_one(".md-header__topic"))
    english = segment((ROOT / "docs/before.md").read_text(encoding="utf-8"), "before.md").meta["description"]
    assert before.select_one('meta[name="description"]')["content"] == fr(english)
    assert text(before.select_one(".leaflet-summary")) == fr(english)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translated_page_has_its_lang_and_alternates(site: Path, language: str) -> None:
    pages = language_pages(site, language)
    assert len(pages) == 7
    for path in pages:
        html = soup(path)
        assert html.html["lang"] == language
        alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"]')}
        assert set(alternates) == {"en", *TRANSLATED, "x-default"}
        assert alternates["x-default"] == alternates["en"]
        # Each alternate is the same page in the other language, at its address under site_url, and exists.
        for href in alternates.values():
            assert href.startswith(SITE_URL), (path, href)
            assert (site / href[len(SITE_URL):] / "index.html").is_file(), (path, href)


def test_english_pages_point_to_their_translations(site: Path) -> None:
    html = page(site, "risks")
    assert html.html["lang"] == "en"
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"]')}
    english = f"{SITE_URL}risks/"
    assert alternates == {"en": english, **{code: f"{SITE_URL}{code}/risks/" for code in TRANSLATED}, "x-default": english}
    # The switcher's links stay relative: the site works wherever it is hosted.
    switcher = {a["hreflang"]: a["href"] for a in html.select("a.md-select__link")}
    assert switcher == {"en": "./", **{code: f"../{code}/risks/" for code in TRANSLATED}}


def test_french_page_is_fully_translated_and_marked_unreviewed(site: Path) -> None:
    for path in language_pages(site, "fr"):
        html = soup(path)
        assert not html.select(".leaflet-untranslated"), path
        assert text(html.select_one(".leaflet-notice")) == fr(CLINICAL_REVIEW_PENDING)


def test_french_care_cards_labels_and_review_dates(site: Path) -> None:
    html = page(site, "fr/get-help")
    labels = [text(span) for span in html.select(".care-card__label")]
    assert labels == [fr(LEVELS[level]) for level in ("routine", "urgent", "emergency")]
    review = text(html.select_one(".leaflet-review"))
    assert "2 novembre 2026" in review
    assert "2 novembre 2027" in review
    # The clinician reviewed the English: the French page says so, naming them in <bdi>.
    said = "The English version of this page was reviewed by %(name)s on %(date)s."
    said = (FR.get(said) and FR.get(said).string) or said  # English until the translators have it
    assert said.split("%(name)s")[0].strip() in review
    assert html.select_one(".leaflet-review bdi").get_text().startswith("Dr Sam Example")
    contacts = html.select_one(".leaflet-contacts")
    assert fr("Contact us") == text(contacts.select_one("h2"))
    assert "du lundi au vendredi" in text(contacts)
    assert {a["href"] for a in contacts.select('a[href^="tel:"]')} == {
        "tel:+441614960000", "tel:+441614960999", "tel:111", "tel:999",
    }


def test_each_language_has_its_own_search_index(site: Path) -> None:
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    french = json.loads((site / "fr/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert french["config"]["lang"] == ["fr"]
    assert not any(doc["location"].startswith("fr/") for doc in english["docs"])
    english_text = " ".join(doc["text"] + doc["title"] for doc in english["docs"])
    french_text = " ".join(doc["text"] + doc["title"] for doc in french["docs"])
    assert "joint infection" in english_text
    assert fr("Possible complications") not in english_text
    assert fr("Possible complications") in french_text
    assert "Possible complications" not in french_text
    # Every heading has an id, so anchors are the same in every language.
    assert {doc["location"] for doc in french["docs"]} == {doc["location"] for doc in english["docs"]}
    assert "risks/#complications" in {doc["location"] for doc in french["docs"]}


def test_french_pages_search_from_their_own_root(site: Path) -> None:
    config = json.loads(page(site, "fr/before").select_one("#__config").string)
    assert config["base"] == "../../fr/"
    assert (site / "fr/before" / config["base"] / "search/search_index.json").resolve().is_file()


def test_one_sitemap_with_every_page_in_every_language(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>.*?</url>", sitemap, re.S)
    assert len(urls) == 7 * (1 + len(TRANSLATED))
    for url in urls:
        assert re.findall(r"<loc>([^<]+)</loc>", url)[0].startswith(SITE_URL)
        # Which pages translate which, the pages say (hreflang): said again here, it grew with languages².
        assert "hreflang" not in url
    # One sitemap: no copy in any page folder (the site grew with pages² × languages²).
    assert [path.relative_to(site).as_posix() for path in site.rglob("sitemap.xml")] == ["sitemap.xml"]


def test_the_search_dialog_has_an_accessible_name(site: Path) -> None:
    for language in ["en", *TRANSLATED]:
        for path in language_pages(site, language):
            dialog = soup(path).select_one('[data-md-component="search"][role="dialog"]')
            assert dialog is not None, path
            assert dialog.get("aria-label", "").strip(), path


# -- builds of changed copies ---------------------------------------------


def _set_msgstr(project: Path, msgid: str, msgstr: str, fuzzy: bool = False) -> None:
    path = catalogs.po_path(project, "fr")
    with path.open("rb") as handle:
        catalog = read_po(handle)
    message = catalog.get(msgid)
    message.string = msgstr
    if fuzzy:
        message.flags.add("fuzzy")
    path.write_bytes(catalogs.render(catalog))


@pytest.mark.parametrize("fuzzy", [False, True], ids=["blank", "fuzzy"])
def test_an_untranslated_block_shows_marked_english(project: Path, fuzzy: bool) -> None:
    english = "This is very rare."  # the nerve-damage item of the complications list
    msgid = next(m.id for m in FR if m.id and english in m.id)
    _set_msgstr(project, msgid, fr(msgid) if fuzzy else "", fuzzy=fuzzy)
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    html = soup(build.site / "fr/risks/index.html")
    markers = html.select(".leaflet-untranslated")
    assert len(markers) == 1
    assert text(markers[0].select_one(".leaflet-untranslated__label")) == fr(UNTRANSLATED)
    english_part = markers[0].select_one('[lang="en"]')
    assert english in text(english_part)
    assert markers[0].find_parent("li") is not None  # still the list item it was


def test_a_corrupt_catalog_fails_the_build_with_path_and_line(project: Path) -> None:
    path = catalogs.po_path(project, "fr")
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 20)
    lines[number] = lines[number].rstrip('"')
    path.write_text("\n".join(lines), encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    assert f"locales/fr/LC_MESSAGES/messages.po:{number + 1}: invalid-catalog not a valid PO file" in build.output
    assert "Traceback" not in build.output


def test_an_unknown_locale_is_a_clear_error(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('locale: "fr"', 'locale: "xx"'), encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    line = next(n for n, lang in enumerate(config.read_text().splitlines(), 1) if 'locale: "xx"' in lang)
    assert f"mkdocs.yml:{line}: invalid-locale plugins.i18n.languages.locale: 'xx' is not a locale Babel knows" in build.output


def test_a_published_language_without_a_catalog_is_a_clear_error(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('name: Français', 'name: Français\n        - locale: "it"\n          name: Italiano'), encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    assert "locales/it/LC_MESSAGES/messages.po:1: no-catalog no catalog for published language 'it'; start one with: make language LOCALE=it" in build.output


def test_catalogs_and_pages_are_read_once_per_build(project: Path) -> None:
    probe = project / "count.py"
    probe.write_text(
        "import sys, collections\n"
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        "import leaflet.i18n.catalogs, leaflet.content.segment\n"
        "def counted(name, function):\n"
        "    def wrapper(*args, **kwargs):\n"
        "        with open('reads.log', 'a') as log:  # from whichever process of the build reads\n"
        "            log.write(name + '\\n')\n"
        "        return function(*args, **kwargs)\n"
        "    return wrapper\n"
        "leaflet.i18n.catalogs.read_catalog = counted('catalog', leaflet.i18n.catalogs.read_catalog)\n"
        "leaflet.content.segment._Parser.__init__ = counted('segment', leaflet.content.segment._Parser.__init__)\n"
        "build(load_config('mkdocs.yml', site_dir='site'))\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(probe)], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = collections.Counter((project / "reads.log").read_text(encoding="utf-8").split())
    # Every catalog once (drafts too: the coverage check reports them), every page once.
    files = len(list((project / "docs").rglob("*.md")))  # every page, and every snippet, once
    assert counts == {"catalog": len(catalogs.discover(project)), "segment": files}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_rebuilds_when_a_catalog_changes(project: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/hip-injection/fr/risks/"

    def fetch() -> str:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(predicate, seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                body = fetch()
                if predicate(body):
                    return body
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError("the served page did not show the change")

    try:
        wait_for(lambda body: fr("Possible complications") in body)
        _set_msgstr(project, "Possible complications", "Complications éventuelles (modifié)")
        wait_for(lambda body: "Complications éventuelles (modifié)" in body)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_direction_is_set_per_language(project: Path) -> None:
    catalogs.init(project, "he")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("name: Français", 'name: Français\n        - locale: "he"\n          name: עברית'),
        encoding="utf-8",
    )
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    for language, direction in (("en", "ltr"), ("fr", "ltr"), ("zh-Hans", "ltr"), ("ar", "rtl"), ("he", "rtl")):
        for path in language_pages(build.site, language):
            html = soup(path)
            assert html.html["lang"] == language, path
            assert html.body["dir"] == direction, path
    # An empty catalog: every block shows in English, marked, in the reader's language voice switch.
    markers = soup(build.site / "he/risks/index.html").select(".leaflet-untranslated [lang='en']")
    assert len(markers) > 10


def _catalog(language: str):
    with catalogs.po_path(ROOT, language).open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_published_language_is_complete_on_every_page(site: Path, language: str) -> None:
    catalog = _catalog(language)

    def tr(msgid: str) -> str:
        return " ".join(catalog.get(msgid).string.split())

    rtl = language in {"ar", "he", "fa", "ur"}
    nav_titles = [tr(t) for t in ("Overview", "Before your injection", "On the day", "After your injection", "Risks and side effects", "When to get help", "Questions and contacts")]
    for path in language_pages(site, language):
        html = soup(path)
        assert html.html["lang"] == language
        assert html.body["dir"] == ("rtl" if rtl else "ltr")
        assert not html.select(".leaflet-untranslated"), f"{path}: a block shows in English"
        nav = [text(a) for a in html.select("nav.md-nav--primary > ul > li > a")]
        assert nav == nav_titles, path
        assert text(html.select_one(".md-header__topic")) == tr("Hip joint injection")
        assert text(html.select_one(".leaflet-notice")) == tr(CLINICAL_REVIEW_PENDING)
    risks = page(site, f"{language}/risks")
    assert text(risks.select_one("article h1")) == tr("Risks and side effects")
    assert text(risks.find(id="complications")) == tr("Possible complications")
    labels = [text(s) for s in page(site, f"{language}/get-help").select(".care-card__label")]
    assert labels == [tr(LEVELS[level]) for level in ("routine", "urgent", "emergency")]


def test_chinese_search_index_is_segmented_into_words(site: Path) -> None:
    index = json.loads((site / "zh-Hans/search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words = {word for doc in index["docs"] for word in separator.split(doc["text"] + " " + doc["title"]) if word}
    # jieba cut the text at build time: whole Chinese words are search terms,
    # not only the first characters of a run.
    assert {"感染", "注射", "关节"} <= words
    assert "\u200b" in "".join(doc["text"] for doc in index["docs"])


@pytest.mark.parametrize(
    ("language", "lang", "splits"),
    [("de", ["de"], "Hüfte (Gelenk)"), ("zh-Hans", ["en"], "关节\u200b感染"), ("ar", ["en"], "التهاب (عدوى)،")],
)
def test_each_language_index_uses_its_own_search_settings(site: Path, language: str, lang: list[str], splits: str) -> None:
    # German stems German words; Chinese and Arabic match whole words (segmented
    # at build time, or split on Arabic punctuation) without an English stemmer's
    # guesses mattering for them.
    index = json.loads((site / language / "search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == lang
    words = [word for word in re.split(index["config"]["separator"], splits) if word]
    assert len(words) == 2, words
    assert {doc["location"] for doc in index["docs"]} == {doc["location"] for doc in english["docs"]}


def test_the_chinese_skip_link_names_its_target(site: Path) -> None:
    # A language reviewer asked for 跳转至正文 ("skip to the text"); Material says only 跳转至.
    html = page(site, "zh-Hans/get-help")
    assert text(html.select_one("a.md-skip")) == "跳转至正文"
    assert text(page(site, "fr/get-help").select_one("a.md-skip")) != "跳转至正文"

"""leaflet.site: what the hooks do to the built site, on small site folders."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import material
import pytest

from leaflet.i18n.search import BRACKETS
from leaflet.site import (
    material_search_settings,
    relative_alternates,
    sitemap_beside_every_page,
    split_search_index,
    without_checkbox_autocomplete,
)

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


class TestCheckboxAutocomplete:
    def test_drops_autocomplete_from_material_toggles(self) -> None:
        html = (
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
        )
        assert without_checkbox_autocomplete(html) == (
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        )

    def test_keeps_autocomplete_where_html_allows_it(self) -> None:
        html = '<input type="text" class="md-search__input" autocomplete="off">'
        assert without_checkbox_autocomplete(html) == html


class TestRelativeAlternates:
    def test_links_under_the_site_path_become_relative(self) -> None:
        alternates = [
            {"name": "English", "link": "/hip-injection/", "lang": "en"},
            {"name": "Français", "link": "/hip-injection/fr/", "lang": "fr"},
            {"name": "Deutsch", "link": "../de/risks/", "lang": "de"},
        ]
        relative_alternates(alternates, "https://clinic.example/hip-injection/")
        assert [a["link"] for a in alternates] == ["./", "fr/", "../de/risks/"]

    def test_without_a_site_url_the_root_is_the_prefix(self) -> None:
        alternates = [{"link": "/fr/"}, {"link": "/"}, {}]
        relative_alternates(alternates, None)
        assert alternates == [{"link": "fr/"}, {"link": "./"}, {}]


def merged_index() -> dict:
    return {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+"},
        "docs": [
            {"location": "", "title": "Overview", "text": "hip"},
            {"location": "risks/#complications", "title": "Complications", "text": "infection"},
            {"location": "fr/", "title": "Présentation", "text": "hanche"},
            {"location": "fr/risks/#complications", "title": "Complications", "text": "infection"},
            {"location": "french-page/", "title": "Not French", "text": "x"},
        ],
    }


class TestSplitSearchIndex:
    def test_writes_one_index_per_language_under_its_root(self, tmp_path: Path) -> None:
        (tmp_path / "search").mkdir()
        (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged_index()), encoding="utf-8")
        split_search_index(tmp_path, ("en", "fr"), "en", {"fr": {"lang": ["fr"]}})
        english = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
        french = json.loads((tmp_path / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert [d["location"] for d in english["docs"]] == ["", "risks/#complications", "french-page/"]
        assert [d["location"] for d in french["docs"]] == ["", "risks/#complications"]
        assert french["docs"][0]["title"] == "Présentation"
        assert english["config"]["lang"] == ["en"]
        assert french["config"] == {"lang": ["fr"], "separator": "[\\s\\-]+"}

    def test_keeps_non_ascii_text_as_written(self, tmp_path: Path) -> None:
        (tmp_path / "search").mkdir()
        (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged_index()), encoding="utf-8")
        split_search_index(tmp_path, ("en", "fr"), "en", {})
        assert "Présentation" in (tmp_path / "fr" / "search" / "search_index.json").read_text(encoding="utf-8")

    def test_without_a_merged_index_does_nothing(self, tmp_path: Path) -> None:
        split_search_index(tmp_path, ("en", "fr"), "en", {})
        assert list(tmp_path.iterdir()) == []


class TestSitemaps:
    def test_copies_the_sitemap_beside_every_page_but_the_root(self, tmp_path: Path) -> None:
        (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
        for folder in ("", "risks", "fr", "fr/risks"):
            (tmp_path / folder).mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / "index.html").write_text("<html></html>", encoding="utf-8")
        (tmp_path / "assets").mkdir()
        sitemap_beside_every_page(tmp_path)
        copies = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("sitemap.xml"))
        assert copies == ["fr/risks/sitemap.xml", "fr/sitemap.xml", "risks/sitemap.xml", "sitemap.xml"]
        assert (tmp_path / "fr" / "risks" / "sitemap.xml").read_text(encoding="utf-8") == "<urlset/>"

    def test_without_a_sitemap_does_nothing(self, tmp_path: Path) -> None:
        (tmp_path / "risks").mkdir()
        (tmp_path / "risks" / "index.html").write_text("<html></html>", encoding="utf-8")
        sitemap_beside_every_page(tmp_path)
        assert not list(tmp_path.rglob("sitemap.xml"))


class TestMaterialSearchSettings:
    """Material's own language templates, loaded with Jinja as the theme loads them."""

    @staticmethod
    def settings(language: str) -> dict:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(MATERIAL_TEMPLATES))
        return material_search_settings(env, {"theme": {"language": language}})

    def test_english(self) -> None:
        settings = self.settings("en")
        assert settings["lang"] == ["en"]
        assert settings["pipeline"] == ["stopWordFilter"]
        assert settings["separator"] == "[\\s\\-" + BRACKETS + "]+"

    @pytest.mark.parametrize("language", ["fr", "de"])
    def test_each_language_gets_its_own_stemming(self, language: str) -> None:
        settings = self.settings(language)
        assert settings["lang"] == [language]
        assert settings["separator"].endswith(BRACKETS + "]+")

    def test_a_blank_pipeline_has_no_steps(self) -> None:
        assert self.settings("ar")["pipeline"] == []

    def test_a_language_s_own_separator_also_splits_on_brackets(self) -> None:
        separator = self.settings("zh")["separator"]
        assert separator.startswith("[\\s\\u200b\\u3000")
        assert separator.endswith(BRACKETS + "]+")

"""leaflet.site: what the hooks do to the built site, on small site folders."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import material
import pytest

from leaflet.i18n.search import BRACKETS
from leaflet.model import LeafletError
from leaflet.site import (
    BUNDLE_EDITS,
    absolute_hreflang,
    compact_languages,
    edit_material_scripts,
    material_search_settings,
    relative_alternates,
    split_search_index,
    theme_files_once,
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


class TestAbsoluteHreflang:
    def test_hreflang_links_resolve_against_the_page_address(self) -> None:
        html = (
            '<link rel="alternate" href="./" hreflang="en">'
            '<link rel="alternate" href="../fr/risks/" hreflang="fr">'
            '<a href="../fr/risks/" hreflang="fr" class="md-select__link">'
        )
        assert absolute_hreflang(html, "https://clinic.example/hip/risks/") == (
            '<link rel="alternate" href="https://clinic.example/hip/risks/" hreflang="en">'
            '<link rel="alternate" href="https://clinic.example/hip/fr/risks/" hreflang="fr">'
            '<a href="../fr/risks/" hreflang="fr" class="md-select__link">'
        )

    def test_without_a_site_url_links_stay_as_they_are(self) -> None:
        html = '<link rel="alternate" href="./" hreflang="en">'
        assert absolute_hreflang(html, None) == html


def _scripts(site: Path, bundle: str) -> Path:
    scripts = site / "assets" / "javascripts"
    (scripts / "workers").mkdir(parents=True)
    (scripts / "bundle.abc.min.js").write_text(bundle, encoding="utf-8")
    (scripts / "workers" / "search.def.min.js").write_text("material's worker", encoding="utf-8")
    return scripts


class TestMaterialScripts:
    MATERIAL = "".join(f"a;{old};b;" for old, _new, _why in BUNDLE_EDITS)

    def test_every_edit_applies_once_and_the_worker_moves_behind_a_shim(self, tmp_path: Path) -> None:
        scripts = _scripts(tmp_path, self.MATERIAL)
        edit_material_scripts(tmp_path)
        assert (scripts / "bundle.abc.min.js").read_text() == "".join(f"a;{new};b;" for _old, new, _why in BUNDLE_EDITS)
        assert (scripts / "workers" / "search.def.worker.min.js").read_text() == "material's worker"
        assert 'importScripts("search.def.worker.min.js")' in (scripts / "workers" / "search.def.min.js").read_text()

    def test_editing_twice_changes_nothing_more(self, tmp_path: Path) -> None:
        scripts = _scripts(tmp_path, self.MATERIAL)
        edit_material_scripts(tmp_path)
        once = {path.name: path.read_text() for path in scripts.rglob("*.js")}
        edit_material_scripts(tmp_path)
        assert {path.name: path.read_text() for path in scripts.rglob("*.js")} == once

    def test_a_material_release_without_the_text_stops_the_build(self, tmp_path: Path) -> None:
        _scripts(tmp_path, "a different script")
        with pytest.raises(LeafletError) as error:
            edit_material_scripts(tmp_path)
        assert error.value.code == "material-changed"
        assert error.value.file == "bundle.abc.min.js"

    def test_the_installed_material_has_every_text_once(self) -> None:
        bundle = next((MATERIAL_TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")).read_text()
        assert [bundle.count(old) for old, _new, _why in BUNDLE_EDITS] == [1] * len(BUNDLE_EDITS)

    def test_without_scripts_does_nothing(self, tmp_path: Path) -> None:
        edit_material_scripts(tmp_path)
        assert not list(tmp_path.rglob("*"))


def test_the_switcher_and_the_head_lose_their_spaces_and_nothing_else() -> None:
    html = (
        '<html><head>\n  <meta charset="utf-8">\n      \n      \n  <link rel="alternate" hreflang="fr">\n</head>'
        '<body><pre>keep\n    \nthis</pre><ul class="md-select__list">\n  \n    <li class="md-select__item">\n'
        '      <a href="../../fr/risks/" hreflang="fr" class="md-select__link">\n        Français\n      </a>\n'
        '    </li>\n    <li class="md-select__item">\n      <a href="./" hreflang="pt-BR" class="md-select__link">\n'
        "        Português (Brasil)\n      </a>\n    </li>\n</ul><p>a  b</p></body></html>"
    )
    compact = compact_languages(html)
    assert '<ul class="md-select__list"><li class="md-select__item"><a href="../../fr/risks/" hreflang="fr" ' \
        'class="md-select__link">Français</a></li><li class="md-select__item"><a href="./" hreflang="pt-BR" ' \
        'class="md-select__link">Português (Brasil)</a></li></ul>' in compact
    assert '<meta charset="utf-8">\n  <link rel="alternate" hreflang="fr">' in compact
    assert "<pre>keep\n    \nthis</pre>" in compact
    assert "<p>a  b</p>" in compact


def test_the_theme_files_are_listed_once_a_build_and_added_as_mkdocs_adds_them(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    (tmp_path / "docs" / "assets" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "images" / "favicon.png").write_bytes(b"ours")  # overrides the theme's
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: material\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    env = config.theme.get_env()
    calls = []

    def original(files: Files, env: object, config: object) -> None:
        calls.append(1)
        Files.add_files_from_theme(files, env, config)

    once, forget = theme_files_once(original, Files, File)

    def docs() -> Files:
        return Files([File("assets/images/favicon.png", str(tmp_path / "docs"), config.site_dir, True)])

    expected, first, second = docs(), docs(), docs()
    Files.add_files_from_theme(expected, env, config)
    once(first, env, config)
    once(second, env, config)
    listed = [(f.src_uri, f.src_dir, f.abs_dest_path) for f in expected]
    assert len(listed) > 10
    assert [(f.src_uri, f.src_dir, f.abs_dest_path) for f in first] == listed
    assert [(f.src_uri, f.src_dir, f.abs_dest_path) for f in second] == listed
    assert calls == [1], "listed once"
    # a pass whose static templates differ (the first language's has 404.html) gets what MkDocs gives it;
    # mkdocs-static-i18n names its sitemap's folder first again in every pass
    config.theme.static_templates.update({"sitemap.xml", "assets/javascripts/*"})
    config.theme.dirs.insert(0, config.theme.dirs[0])
    expected, third = docs(), docs()
    Files.add_files_from_theme(expected, env, config)
    once(third, env, config)
    assert [(f.src_uri, f.src_dir, f.abs_dest_path) for f in third] == [
        (f.src_uri, f.src_dir, f.abs_dest_path) for f in expected
    ]
    assert len(expected) < len(listed)
    assert calls == [1], "listed once for every pass"
    forget()
    once(docs(), env, config)
    assert calls == [1, 1], "listed again after a new build starts"

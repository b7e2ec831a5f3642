"""leaflet.settings.languages: the one reader of the i18n plugin's languages,
with the line of each error and the form expected."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from helpers import LANGUAGES, ROOT
from leaflet.model import LeafletError
from leaflet.settings.languages import (
    Language,
    Languages,
    catalog_code,
    interface_language,
    language_tag,
    parse_locale,
    read_languages,
)


def config(*entries: str, plugin: str = "i18n") -> str:
    """mkdocs.yml with the i18n plugin; each entry is one language's mapping, in flow style."""
    listed = "".join(f"        - {entry}\n" for entry in entries)
    return f"site_name: x\nplugins:\n  - search\n  - {plugin}:\n      languages:\n{listed}"


def error(text: str) -> LeafletError:
    with pytest.raises(LeafletError) as raised:
        read_languages(text)
    return raised.value


class TestRead:
    def test_the_shipped_settings(self) -> None:
        languages = read_languages((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        assert languages.source == LANGUAGES[0]
        assert list(languages.published) == LANGUAGES
        assert list(languages.translations) == LANGUAGES[1:]

    def test_source_first_then_built_translations_with_lines(self) -> None:
        text = config('{locale: "fr"}', '{locale: "en", default: true}', '{locale: "pl", build: false}')
        languages = read_languages(text)
        assert languages == Languages(
            "en", ("en", "fr"),
            (Language("fr", 6), Language("en", 7, default=True), Language("pl", 8, build=False)),
        )
        assert languages.translations == ("fr",)
        assert (languages.line_of("pl"), languages.line_of("de")) == (8, 1)

    def test_regional_and_script_codes_are_language_tags(self) -> None:
        languages = read_languages(config('{locale: "en", default: true}', '{locale: "pt-BR"}', '{locale: "zh-Hant"}'))
        assert languages.translations == ("pt-BR", "zh-Hant")

    def test_the_catalog_s_form_names_the_tag_to_write(self) -> None:
        found = error(config('{locale: "en", default: true}', '{locale: "pt_BR"}'))
        assert str(found) == (
            "mkdocs.yml:7: invalid-locale plugins.i18n.languages.locale: write 'pt_BR' as the language tag 'pt-BR', "
            "the form URLs, lang and hreflang use; its catalog folder is locales/pt_BR"
        )

    @pytest.mark.parametrize("text", ["site_name: x\n", "plugins:\n  - search\n", "plugins: search\n", ""])
    def test_without_the_plugin_english_is_the_only_language(self, text: str) -> None:
        assert read_languages(text) == Languages("en", ("en",))


class TestErrors:
    def test_exactly_one_default(self) -> None:
        found = error(config('{locale: "en", default: true}', '{locale: "fr", default: true}'))
        assert str(found) == (
            "mkdocs.yml:7: invalid-settings plugins.i18n.languages: expected exactly one language with "
            "default: true but received 2"
        )

    def test_no_default(self) -> None:
        found = error(config('{locale: "en"}', '{locale: "fr"}'))
        assert (found.line, found.code) == (6, "invalid-settings")
        assert found.message.endswith("but received 0")

    def test_an_empty_list_has_no_default(self) -> None:
        found = error("plugins:\n  - i18n:\n      languages: {}\n")
        assert (found.line, found.message[-10:]) == (1, "received 0")

    def test_a_language_needs_a_locale(self) -> None:
        found = error(config('{name: "Français"}'))
        assert str(found) == (
            'mkdocs.yml:6: invalid-locale plugins.i18n.languages.locale: every language needs a locale such as "fr"'
        )

    def test_an_unquoted_no_is_a_boolean_to_yaml(self) -> None:
        found = error(config('{locale: "en", default: true}', "{locale: no}"))
        assert str(found) == (
            "mkdocs.yml:7: invalid-locale plugins.i18n.languages.locale: YAML read the unquoted 'no' as False, "
            'not a locale code; quote it: locale: "no"'
        )

    def test_a_code_of_the_wrong_form(self) -> None:
        found = error(config('{locale: "en", default: true}', '{locale: "fr FR"}'))
        assert str(found) == (
            "mkdocs.yml:7: invalid-locale plugins.i18n.languages.locale: expected a locale code such as 'fr' "
            "or 'pt_BR' but received: 'fr FR'"
        )

    def test_a_code_babel_does_not_know(self) -> None:
        found = error(config('{locale: "en", default: true}', '{locale: "qq"}'))
        assert found.message == (
            "plugins.i18n.languages.locale: 'qq' is not a locale Babel knows; expected a code such as 'fr' or 'pt_BR'"
        )

    def test_broken_yaml_names_its_line(self) -> None:
        found = error("site_name: x\nplugins: [unclosed\n")
        assert found.code == "invalid-settings"
        assert found.line == 3
        assert found.message.startswith("not valid YAML: ")

    def test_errors_name_the_file_they_were_given(self) -> None:
        with pytest.raises(LeafletError) as raised:
            read_languages(config('{locale: "en"}'), "site/mkdocs.yml")
        assert raised.value.file == "site/mkdocs.yml"


class TestParseLocale:
    def test_gives_a_babel_locale(self) -> None:
        assert str(parse_locale("pt_BR")) == "pt_BR"
        assert str(parse_locale("zh-Hant")) == "zh_Hant"

    @pytest.mark.parametrize("code", [None, 3, "", "f", "fr/../x", "fr_"])
    def test_refuses_what_is_not_a_code(self, code: object) -> None:
        with pytest.raises(LeafletError) as raised:
            parse_locale(code, "language", "locales/x", 4)
        assert str(raised.value) == (
            f"locales/x:4: invalid-locale language: expected a locale code such as 'fr' or 'pt_BR' "
            f"but received: {code!r}"
        )


def test_build_false_is_read_as_yaml_reads_it() -> None:
    # Only a YAML true publishes nothing more: "false", no and off all keep a language out.
    for value in ("false", "no", "off"):
        text = config('{locale: "en", default: true}', f'{{locale: "fr", build: {value}}}')
        assert yaml.safe_load(text)["plugins"][1]["i18n"]["languages"][1]["build"] is False
        assert read_languages(text).published == ("en",)


# Material's interface files, as Material 9 names them (partials/languages/<name>.html)
MATERIAL = ("en", "fr", "pt", "pt-BR", "zh", "zh-Hant", "zh-TW", "ar", "sr")


@pytest.mark.parametrize(
    ("code", "tag", "catalog", "interface"),
    [
        ("fr", "fr", "fr", "fr"),
        ("pt-BR", "pt-BR", "pt_BR", "pt-BR"),
        ("pt_BR", "pt-BR", "pt_BR", "pt-BR"),
        ("pt-PT", "pt-PT", "pt_PT", "pt"),  # Material has no pt-PT: the base language
        ("zh-Hans", "zh-Hans", "zh_Hans", "zh"),
        ("zh_Hans", "zh-Hans", "zh_Hans", "zh"),
        ("zh-Hant", "zh-Hant", "zh_Hant", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant-TW", "zh_Hant_TW", "zh-TW"),
        ("zh-Hant-HK", "zh-Hant-HK", "zh_Hant_HK", "zh-Hant"),  # the script, not Simplified zh
        ("sr-Latn", "sr-Latn", "sr_Latn", "sr"),
        ("so", "so", "so", "en"),  # no Somali file in Material: English
    ],
)
def test_one_code_through_every_layer(code: str, tag: str, catalog: str, interface: str) -> None:
    assert (language_tag(code), catalog_code(code), interface_language(code, MATERIAL)) == (tag, catalog, interface)


def test_the_interface_languages_are_material_s_own_files() -> None:
    material = Path(importlib.util.find_spec("material").origin).parent  # the installed theme
    files = {p.stem for p in (material / "templates/partials/languages").glob("*.html")}
    assert {"pt-BR", "zh", "zh-Hant", "zh-TW"} <= files
    assert {interface_language(code, files) for code in LANGUAGES} <= files

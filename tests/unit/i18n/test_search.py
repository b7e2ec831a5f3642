"""leaflet.i18n.search: one search index per language, and separators that
split words on brackets in every script."""

from __future__ import annotations

import pytest

from leaflet.i18n.search import BRACKETS, split_index, split_on_brackets

INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Overview"},
        {"location": "before/#diabetes", "title": "Diabetes"},
        {"location": "fr", "title": "Présentation"},
        {"location": "fr/before/#diabetes", "title": "Diabète"},
        {"location": "zh/", "title": "概述"},
        {"location": "fresh/", "title": "A page whose name starts with fr"},
        {"title": "No location"},
    ],
}


class TestSplitIndex:
    def test_each_entry_goes_to_its_language_without_the_prefix(self) -> None:
        split = split_index(INDEX, ("en", "fr", "zh"), "en", {})
        assert [d["location"] for d in split["fr"]["docs"]] == ["", "before/#diabetes"]
        assert [d["location"] for d in split["zh"]["docs"]] == [""]
        assert [d["title"] for d in split["en"]["docs"]] == [
            "Overview", "Diabetes", "A page whose name starts with fr", "No location",
        ]

    def test_a_language_s_settings_override_the_merged_ones(self) -> None:
        split = split_index(INDEX, ("en", "fr"), "en", {"fr": {"lang": ["fr"], "separator": "[\\s]+"}})
        assert split["fr"]["config"] == {"lang": ["fr"], "separator": "[\\s]+", "pipeline": ["stopWordFilter"]}
        assert split["en"]["config"] == INDEX["config"]

    def test_entries_keep_their_other_fields(self) -> None:
        split = split_index(INDEX, ("en", "fr"), "en", {})
        assert split["fr"]["docs"][1] == {"location": "before/#diabetes", "title": "Diabète"}

    def test_a_language_without_pages_gets_an_empty_index(self) -> None:
        split = split_index({"docs": []}, ("en", "de"), "en", {})
        assert split == {"en": {"config": {}, "docs": []}, "de": {"config": {}, "docs": []}}


class TestSplitOnBrackets:
    def test_adds_brackets_and_arabic_punctuation_to_a_character_class(self) -> None:
        assert split_on_brackets("[\\s\\-]+") == "[\\s\\-" + BRACKETS + "]+"

    def test_is_idempotent(self) -> None:
        once = split_on_brackets("[\\s\\-]+")
        assert split_on_brackets(once) == once

    @pytest.mark.parametrize("separator", ["\\s+", "[\\s\\-]", "(\\s|-)+"])
    def test_leaves_other_separators_alone(self, separator: str) -> None:
        assert split_on_brackets(separator) == separator

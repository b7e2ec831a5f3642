"""leaflet.checks.status: the one predicate the build and the report share,
on messages read from a real PO file."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from leaflet.checks.source import Source, read_source
from leaflet.checks.status import is_current, problems_of, status_of, usable_translations
from leaflet.i18n.catalogs import read_catalog
from leaflet.model import Finding, Status

PAGE = """\
## Diet {#diet}

Eat 3 meals a day.

Drink water.

Walk for 10 minutes.

Sleep well.

## Warning {#warning}

Rest for 2 days.
"""
MANIFEST = "sections:\n  - page: a.md\n    id: diet\n  - page: a.md\n    id: warning\n    safety: true\n"
CATALOG = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Diet"
msgstr "Alimentation"

#, fuzzy
msgid "Eat 3 meals a day."
msgstr "Mangez 3 repas."

msgid "Drink water."
msgstr ""

msgid "Walk for 10 minutes."
msgstr "Marchez 20 minutes."

# allow: identical-to-source — the same words in both languages
msgid "Sleep well."
msgstr "Sleep well."

msgid "Warning"
msgstr "Attention"

# allow: number-changed — three days is right here
msgid "Rest for 2 days."
msgstr "Reposez-vous 3 jours."
"""
PO = "locales/fr/LC_MESSAGES/messages.po"


@pytest.fixture
def source(tmp_path: Path) -> Source:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "required-sections.yml").write_text(MANIFEST, encoding="utf-8")
    return read_source(tmp_path, frozenset(), frozenset())


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    (tmp_path / "fr.po").write_text(CATALOG, encoding="utf-8")
    return read_catalog(tmp_path / "fr.po", PO, "fr")


def line_of(msgid: str) -> int:
    return CATALOG.splitlines().index(f'msgid "{msgid}"') + 1


@pytest.mark.parametrize(
    ("msgid", "status"),
    [
        ("Diet", Status.TRANSLATED),
        ("Eat 3 meals a day.", Status.FUZZY),
        ("Drink water.", Status.UNTRANSLATED),
        ("Walk for 10 minutes.", Status.UNSAFE),
        ("Sleep well.", Status.TRANSLATED),  # escaped outside a safety section
        ("Rest for 2 days.", Status.UNSAFE),  # escapes never reach a safety section
        ("Not in the catalog.", Status.STALE),
    ],
)
def test_status_of(msgid: str, status: Status, catalog: Catalog, source: Source) -> None:
    assert status_of(catalog.get(msgid), "fr", source) is status


@pytest.mark.parametrize(
    ("message", "current"),
    [
        (None, False),
        (Message("Hip", "Hanche"), True),
        (Message("Hip", ""), False),
        (Message("Hip", "Hanche", flags=["fuzzy"]), False),
        (Message("", "header"), False),
    ],
)
def test_is_current(message: Message | None, current: bool) -> None:
    assert is_current(message) is current


class TestProblems:
    def test_name_the_catalog_line_and_the_section(self, catalog: Catalog, source: Source) -> None:
        assert problems_of(catalog.get("Walk for 10 minutes."), "fr", source, PO) == [Finding(
            PO, line_of("Walk for 10 minutes."), "number-changed", "expected number '10' but received '20'",
            "fr", "diet",
        )]

    def test_an_escape_outside_safety_sections_is_honoured(self, catalog: Catalog, source: Source) -> None:
        assert problems_of(catalog.get("Sleep well."), "fr", source, PO) == []

    def test_an_escape_inside_a_safety_section_is_ignored(self, catalog: Catalog, source: Source) -> None:
        (finding,) = problems_of(catalog.get("Rest for 2 days."), "fr", source, PO)
        line = line_of("Rest for 2 days.")
        assert str(finding) == f"{PO}:{line}: number-changed expected number '2' but received '3'"
        assert finding.section == "warning"

    def test_identical_ok_texts_may_stay_english(self, tmp_path: Path, catalog: Catalog, source: Source) -> None:
        message = Message("Diet", "Diet", lineno=4)
        assert [f.code for f in problems_of(message, "fr", source)] == ["identical-to-source"]
        allowed = read_source(tmp_path, frozenset(), frozenset({"Diet"}))
        assert problems_of(message, "fr", allowed) == []


def test_usable_translations_are_exactly_the_translated(catalog: Catalog, source: Source) -> None:
    assert usable_translations(catalog, "fr", source) == {
        "Diet": "Alimentation", "Sleep well.": "Sleep well.", "Warning": "Attention",
    }

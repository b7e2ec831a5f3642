"""leaflet.model: findings print in one shape, errors carry a finding, a report
is ok when its published languages are, and pages know their sections."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from leaflet.content.segment import segment
from leaflet.model import (
    Finding,
    Kind,
    LeafletError,
    LocaleCoverage,
    Report,
    RequiredSection,
    SectionCoverage,
    SignOff,
    Status,
)

PAGE = """\
---
title: A page
---

## First {#first}

One.

## Second {#second}

Two.

- three
"""


def locale(code: str, *, published: bool, ok: bool, findings: tuple[Finding, ...] = ()) -> LocaleCoverage:
    return LocaleCoverage(code, published, ok, (), SignOff(), None, findings, ())


class TestFinding:
    def test_prints_path_line_code_message(self) -> None:
        assert str(Finding("docs/a.md", 3, "fuzzy", "outdated", "fr", "risks")) == "docs/a.md:3: fuzzy outdated"

    @pytest.mark.parametrize(
        ("language", "section", "where"),
        [("fr", "complications", "[fr#complications]"), ("fr", None, "[fr]"), (None, None, ""), (None, "risks", "")],
    )
    def test_where_names_language_and_section(self, language: str | None, section: str | None, where: str) -> None:
        assert Finding("a.po", 1, "code", "message", language, section).where == where

    def test_is_frozen(self) -> None:
        finding = Finding("a.po", 1, "code", "message")
        with pytest.raises(dataclasses.FrozenInstanceError):
            finding.line = 2  # type: ignore[misc]


class TestLeafletError:
    def test_carries_its_finding(self) -> None:
        error = LeafletError("mkdocs.yml", 7, "expected a mapping", "invalid-settings")
        assert str(error) == "mkdocs.yml:7: invalid-settings expected a mapping"
        assert (error.file, error.line, error.code, error.message) == (
            "mkdocs.yml", 7, "invalid-settings", "expected a mapping",
        )
        assert error.finding == Finding("mkdocs.yml", 7, "invalid-settings", "expected a mapping")

    def test_code_defaults_to_invalid_input(self) -> None:
        assert LeafletError("a.po", 1, "broken").code == "invalid-input"


def test_status_values_are_the_words_the_report_uses() -> None:
    assert [status.value for status in Status] == ["translated", "fuzzy", "untranslated", "unsafe", "stale"]


class TestPage:
    def test_section_ids_are_the_heading_anchors(self) -> None:
        assert segment(PAGE, "a.md").section_ids == frozenset({"first", "second"})

    def test_units_of_a_section_in_order(self) -> None:
        page = segment(PAGE, "a.md")
        assert [(unit.kind, unit.text) for unit in page.units_of("second")] == [
            (Kind.HEADING, "Second"), (Kind.PARAGRAPH, "Two."), (Kind.LIST_ITEM, "three"),
        ]
        assert page.units_of("third") == []


def test_required_section_name_is_page_and_id() -> None:
    assert RequiredSection("risks.md", "complications", True, 4).name == "risks.md#complications"


@pytest.mark.parametrize(
    ("reviewer", "date", "reviewed"),
    [("Dr A", dt.date(2026, 1, 2), True), ("Dr A", None, False), (None, dt.date(2026, 1, 2), False), ("", None, False)],
)
def test_clinically_reviewed_needs_a_reviewer_and_a_date(
    reviewer: str | None, date: dt.date | None, reviewed: bool
) -> None:
    assert SignOff(clinical_reviewer=reviewer, reviewed_on=date).clinically_reviewed is reviewed


class TestReport:
    def test_ok_when_every_published_language_is_ok(self) -> None:
        report = Report((locale("fr", published=True, ok=True), locale("pl", published=False, ok=False)))
        assert report.ok

    def test_not_ok_when_a_published_language_fails(self) -> None:
        report = Report((locale("fr", published=True, ok=False), locale("de", published=True, ok=True)))
        assert not report.ok

    def test_findings_of_every_language_in_order(self) -> None:
        fr = Finding("fr.po", 1, "fuzzy", "x", "fr")
        pl = Finding("pl.po", 2, "untranslated", "y", "pl")
        report = Report((locale("fr", published=True, ok=False, findings=(fr,)),
                         locale("pl", published=False, ok=False, findings=(pl,))))
        assert report.findings == [fr, pl]

    def test_is_published(self) -> None:
        report = Report((locale("fr", published=True, ok=True), locale("pl", published=False, ok=True)))
        assert report.is_published("fr")
        assert not report.is_published("pl")
        assert not report.is_published("de")
        assert not report.is_published(None)

    def test_an_empty_report_is_ok(self) -> None:
        assert Report(()).ok
        assert Report(()).findings == []


def test_section_coverage_fields_are_the_json_contract() -> None:
    fields = [field.name for field in dataclasses.fields(SectionCoverage)]
    assert fields[:8] == ["id", "page", "safety", "total", "translated", "fuzzy", "untranslated", "missing"]
    assert "ok" in fields


def test_a_leaflet_error_crosses_between_processes_as_itself() -> None:
    import pickle

    error = LeafletError("locales/pl/LC_MESSAGES/messages.po", 7, "not a valid PO file", "invalid-catalog")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is LeafletError
    assert (again.file, again.line, again.message, again.code, str(again)) == (
        error.file, error.line, error.message, error.code, str(error),
    )

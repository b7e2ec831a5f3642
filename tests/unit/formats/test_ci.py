"""leaflet.formats.ci: GitHub workflow commands and JUnit XML, the latter validated against
the schema Jenkins' xUnit plugin uses (schemas/junit-10.xsd), with lxml."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from helpers import ROOT
from leaflet.formats.ci import GITHUB_SHOWN, as_github, as_junit
from leaflet.model import Finding, Report
from samples import CLEAN, DRAFT_GAP, FRENCH, FUZZY, PO_FR, PO_PL, POLISH, REPORT, STALE, with_findings

SCHEMA = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "junit-10.xsd")))


def junit(report: Report) -> etree._Element:
    return etree.fromstring(as_junit(report).encode("utf-8"))


class TestGithub:
    def test_errors_for_published_warnings_for_drafts(self) -> None:
        lines = as_github(REPORT).splitlines()
        assert lines[0] == f"::error file={PO_FR},line=12,title=fuzzy (fr)::the fr translation is outdated"
        assert lines[2] == f"::warning file={PO_PL},line=30,title=untranslated (pl)::no pl translation | yet"
        assert lines[-1] == "::notice title=locale-coverage::published languages have findings"

    def test_escapes_workflow_command_characters(self) -> None:
        odd = Finding("docs/a,b:c.md", 2, "code", "50% done\nnext: line", "fr")
        line = as_github(Report((with_findings(FRENCH, odd),))).splitlines()[0]
        assert line == "::error file=docs/a%2Cb%3Ac.md,line=2,title=code (fr)::50%25 done%0Anext: line"

    def test_clean_report_is_one_notice(self) -> None:
        assert as_github(CLEAN) == (
            "::notice title=locale-coverage::all published languages cover every required section\n"
        )


    def test_errors_come_before_warnings(self) -> None:
        report = Report((POLISH, FRENCH))  # the draft's warning comes first in the report
        levels = [line.split(" ", 1)[0] for line in as_github(report).splitlines()[:-1]]
        assert levels == ["::error", "::error", "::warning"]

    def test_the_notice_says_where_the_annotations_github_hides_are(self) -> None:
        gaps = [dataclasses.replace(DRAFT_GAP, line=n) for n in range(1, GITHUB_SHOWN + 3)]
        report = Report((FRENCH, with_findings(POLISH, *gaps)))
        assert as_github(report).splitlines()[-1] == (
            "::notice title=locale-coverage::published languages have findings; 2 errors and 12 warnings, "
            "of which GitHub shows 10 of each per step: the job summary lists every one"
        )
        assert "job summary" not in as_github(REPORT)


class TestJunit:
    @pytest.mark.parametrize("report", [REPORT, CLEAN, Report(()), Report((POLISH,))])
    def test_is_valid_against_jenkins_xunit_schema(self, report: Report) -> None:
        document = junit(report)
        assert SCHEMA.validate(document), SCHEMA.error_log

    def test_every_suite_and_case_carries_the_attributes_ci_systems_read(self) -> None:
        root = junit(REPORT)
        assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("time")) == ("6", "2", "0", "0")
        for suite in root.iter("testsuite"):
            assert {"name", "tests", "failures", "errors", "skipped", "time", "file"} <= set(suite.attrib)
            for case in suite.iter("testcase"):
                assert {"classname", "name", "time"} <= set(case.attrib)
        assert [s.get("file") for s in root.iter("testsuite")] == [PO_FR, PO_PL]

    def test_the_schema_refuses_a_file_on_a_test_case(self) -> None:
        # Why each finding's file is in the failure's text and each language's catalog on its suite:
        # Jenkins' xUnit plugin rejects a report whose test cases carry a file.
        root = junit(REPORT)
        next(root.iter("testcase")).set("file", PO_FR)
        assert not SCHEMA.validate(root)
        assert "'file' is not allowed" in str(SCHEMA.error_log)

    def test_one_suite_per_language_one_case_per_section(self) -> None:
        suites = junit(REPORT)
        assert [suite.get("name") for suite in suites] == ["locale-coverage.fr", "locale-coverage.pl"]
        fr = suites.find("testsuite")
        assert [case.get("name") for case in fr.findall("testcase")] == ["page.md#plain", "page.md#warning", "catalog"]
        assert (fr.get("tests"), fr.get("failures"), fr.get("skipped")) == ("3", "2", "0")
        warning, catalog = fr.findall("testcase")[1:]
        assert warning.find("failure").get("message") == "1 finding(s)"
        assert warning.find("failure").text == str(FUZZY)
        assert catalog.find("failure").text == str(STALE)
        assert fr.findall("testcase")[0].find("failure") is None

    def test_draft_failures_are_skipped_not_failed(self) -> None:
        pl = junit(REPORT).findall("testsuite")[1]
        assert (pl.get("failures"), pl.get("skipped")) == ("0", "2")
        plain, warning, catalog = pl.findall("testcase")
        assert plain.find("skipped").get("message") == "draft language: reported, not fatal"
        assert plain.find("skipped").text == str(DRAFT_GAP)
        assert warning.find("skipped") is not None
        assert catalog.find("skipped") is None

    def test_a_section_not_translated_fails_without_findings(self) -> None:
        suite = junit(Report((with_findings(FRENCH),))).find("testsuite")
        assert suite.findall("testcase")[1].find("failure").text == "not fully translated"

    def test_is_an_xml_document(self) -> None:
        assert as_junit(CLEAN).startswith(
            '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="locale-coverage" tests="3" failures="0"'
        )


def test_a_finding_message_with_markup_stays_text() -> None:
    odd = Finding(PO_FR, 3, "html-added", "<script> & ]]> is HTML", "fr", "plain")
    root = junit(Report((with_findings(FRENCH, odd),)))
    assert SCHEMA.validate(root)
    assert root.find("testsuite/testcase/failure").text == str(odd)

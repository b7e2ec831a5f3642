"""leaflet.report: one coverage model in every format (table, JSON, GitHub
annotations, Markdown job summary, JUnit XML)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import xml.etree.ElementTree as etree

from leaflet.model import Escape, Finding, LocaleCoverage, Report, SectionCoverage, SignOff
from leaflet.report import FORMATS, as_github, as_json, as_junit, as_markdown, as_table, to_data

PO_FR = "locales/fr/LC_MESSAGES/messages.po"
PO_PL = "locales/pl/LC_MESSAGES/messages.po"


def section(
    section_id: str, *, total: int = 2, translated: int = 2, fuzzy: int = 0, untranslated: int = 0, missing: int = 0,
    safety: bool = False, changed: bool | None = None,
) -> SectionCoverage:
    ok = translated == total
    return SectionCoverage(section_id, "page.md", safety, total, translated, fuzzy, untranslated, missing, ok, changed)


FUZZY = Finding(PO_FR, 12, "fuzzy", "the fr translation is outdated", "fr", "warning")
STALE = Finding(PO_FR, 1, "catalog-stale", "out of date: run make catalogs", "fr")
DRAFT_GAP = Finding(PO_PL, 30, "untranslated", "no pl translation | yet", "pl", "plain")
ESCAPE = Escape(PO_FR, 40, "identical-to-source", "OK", True)
IGNORED_ESCAPE = Escape(PO_FR, 44, "number-changed", "Rest for 2 days.", False)

FRENCH = LocaleCoverage(
    "fr", True, False,
    (section("plain"), section("warning", total=3, translated=1, fuzzy=1, untranslated=1, missing=0, safety=True)),
    SignOff(translator="T. Translator", language_reviewer="L. Reviewer"), "no source version recorded",
    (FUZZY, STALE), (ESCAPE, IGNORED_ESCAPE), {"total": 5, "translated": 3, "fuzzy": 1, "untranslated": 1},
)
POLISH = LocaleCoverage(
    "pl", False, False,
    (section("plain", translated=1, untranslated=1), section("warning", total=3, translated=0, missing=3, safety=True)),
    SignOff(), None, (DRAFT_GAP,), (),
)
REVIEWED = LocaleCoverage(
    "de", True, True,
    (section("plain", changed=False), section("warning", total=3, translated=3, safety=True, changed=True)),
    SignOff(clinical_reviewer="Dr C", reviewed_on=dt.date(2026, 11, 2), source_version="abc123"), None, (), (),
)
REPORT = Report((FRENCH, POLISH))


def with_findings(locale: LocaleCoverage, *findings: Finding) -> LocaleCoverage:
    return dataclasses.replace(locale, findings=findings)

CLEAN = Report((REVIEWED,))


class TestJson:
    def test_carries_the_contract_keys(self) -> None:
        data = json.loads(as_json(REPORT))
        assert set(data) >= {"ok", "locales", "findings"}
        assert data["ok"] is False
        fr = data["locales"][0]
        assert set(fr) >= {"locale", "published", "ok", "sections", "review"}
        assert (fr["locale"], fr["published"], fr["ok"]) == ("fr", True, False)
        assert fr["sections"][1] == {
            "id": "warning", "page": "page.md", "safety": True, "total": 3, "translated": 1, "fuzzy": 1,
            "untranslated": 1, "missing": 0, "ok": False, "changed_since_sign_off": None,
        }
        assert data["findings"][0] == {
            "file": PO_FR, "line": 12, "code": "fuzzy", "message": "the fr translation is outdated",
            "locale": "fr", "section": "warning",
        }

    def test_lists_every_language_s_findings_at_the_top(self) -> None:
        data = to_data(REPORT)
        assert [(f["locale"], f["code"]) for f in data["findings"]] == [
            ("fr", "fuzzy"), ("fr", "catalog-stale"), ("pl", "untranslated"),
        ]
        assert [f["code"] for f in data["locales"][1]["findings"]] == ["untranslated"]

    def test_review_escapes_and_message_counts(self) -> None:
        fr = to_data(REPORT)["locales"][0]
        assert fr["review"] == {
            "translator": "T. Translator", "language_reviewer": "L. Reviewer", "language_reviewed_on": None,
            "clinical_reviewer": None, "reviewed_on": None, "source_version": None, "clinically_reviewed": False,
            "note": "no source version recorded",
        }
        assert fr["escapes"][1] == {
            "file": PO_FR, "line": 44, "code": "number-changed", "msgid": "Rest for 2 days.", "applied": False,
        }
        assert fr["messages"] == {"total": 5, "translated": 3, "fuzzy": 1, "untranslated": 1}

    def test_a_reviewed_on_date_is_iso(self) -> None:
        review = to_data(CLEAN)["locales"][0]["review"]
        assert review["reviewed_on"] == "2026-11-02"
        assert review["clinically_reviewed"] is True

    def test_keeps_non_ascii_text(self) -> None:
        report = Report((with_findings(FRENCH, Finding(PO_FR, 3, "x", "fièvre ≥ 38 °C", "fr")),))
        assert "fièvre ≥ 38 °C" in as_json(report)


class TestTable:
    def test_one_row_per_section_one_column_per_language(self) -> None:
        lines = as_table(REPORT).splitlines()
        assert lines[0].split() == ["section", "fr", "pl", "(draft)"]
        assert set(lines[1]) == {"-", " "}
        assert lines[2].split("  ")[0] == "page.md#plain"
        assert "✓ 2/2" in lines[2]
        assert "✗ 1/2 (1 empty)" in lines[2]
        assert lines[3].startswith("page.md#warning (safety)")
        assert "✗ 1/3 (1 fuzzy, 1 empty)" in lines[3]
        assert "✗ 0/3 (3 missing)" in lines[3]

    def test_states_review_and_escapes(self) -> None:
        text = as_table(REPORT)
        assert (
            "fr (published): fails. Review: not yet clinically reviewed; "
            "translator T. Translator, language reviewer L. Reviewer; no source version recorded." in text
        )
        assert "pl (draft): incomplete (draft: not fatal). Review: not yet clinically reviewed." in text
        assert f"  escape {PO_FR}:40: allow-identical-to-source\n" in text
        assert f"  escape {PO_FR}:44: allow-number-changed (ignored: safety section)\n" in text

    def test_lists_findings_with_where_and_counts_them(self) -> None:
        text = as_table(REPORT)
        assert f"{PO_FR}:12: fuzzy the fr translation is outdated [fr#warning]" in text
        assert f"{PO_PL}:30: untranslated no pl translation | yet [pl#plain]" in text
        assert text.endswith("FAILED: 2 findings in published languages, 1 in drafts.\n")

    def test_clinical_review_and_changed_sections(self) -> None:
        text = as_table(CLEAN)
        assert (
            "de (published): ok. Review: clinically reviewed by Dr C on 2026-11-02; "
            "English changed since sign-off in: warning." in text
        )
        assert text.endswith("OK: 0 findings in published languages, 0 in drafts.\n")

    def test_one_finding_is_singular(self) -> None:
        report = Report((with_findings(FRENCH, FUZZY),))
        assert as_table(report).endswith("FAILED: 1 finding in published languages, 0 in drafts.\n")

    def test_no_catalogs_means_english_only(self) -> None:
        assert as_table(Report(())) == "No translation catalogs: English only.\n"
        assert as_markdown(Report(())) == "No translation catalogs: English only.\n"


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


class TestMarkdown:
    def test_summary_table_state_and_findings(self) -> None:
        lines = as_markdown(REPORT).splitlines()
        assert lines[0] == "## Translation coverage: ❌ findings"
        assert lines[2] == "| Section | `fr` | `pl` (draft) |"
        assert lines[3] == "|---|---|---|"
        assert lines[4] == "| `page.md#plain` | ✓ 2/2 | ✗ 1/2 (1 empty) |"
        assert lines[5].startswith("| `page.md#warning` **safety** | ✗ 1/3 (1 fuzzy, 1 empty) |")
        text = "\n".join(lines)
        assert "| `pl` | incomplete (draft: not fatal) | not yet clinically reviewed |" in text
        assert f"| `{PO_PL}:30` | `untranslated` (pl) | no pl translation \\| yet |" in text

    def test_clean_report_has_no_findings_table(self) -> None:
        text = as_markdown(CLEAN)
        assert text.startswith("## Translation coverage: ✅ ok\n")
        assert "| File | Code | Finding |" not in text


class TestJunit:
    def test_one_suite_per_language_one_case_per_section(self) -> None:
        suites = etree.fromstring(as_junit(REPORT).split("\n", 1)[1])
        assert [suite.get("name") for suite in suites] == ["locale-coverage.fr", "locale-coverage.pl"]
        fr = suites.find("testsuite")
        assert [case.get("name") for case in fr.findall("testcase")] == ["page.md#plain", "page.md#warning", "catalog"]
        assert (fr.get("tests"), fr.get("failures")) == ("3", "2")
        warning, catalog = fr.findall("testcase")[1:]
        assert warning.find("failure").get("message") == "1 finding(s)"
        assert warning.find("failure").text == str(FUZZY)
        assert catalog.find("failure").text == str(STALE)
        assert fr.findall("testcase")[0].find("failure") is None

    def test_draft_failures_are_skipped_not_failed(self) -> None:
        suites = etree.fromstring(as_junit(REPORT).split("\n", 1)[1])
        pl = suites.findall("testsuite")[1]
        assert pl.get("failures") == "0"
        plain, warning, catalog = pl.findall("testcase")
        assert plain.find("skipped").get("message") == "draft language: reported, not fatal"
        assert plain.find("skipped").text == str(DRAFT_GAP)
        assert warning.find("skipped") is not None
        assert catalog.find("skipped") is None

    def test_a_section_not_translated_fails_without_findings(self) -> None:
        gap = with_findings(FRENCH)
        suite = etree.fromstring(as_junit(Report((gap,))).split("\n", 1)[1]).find("testsuite")
        warning = suite.findall("testcase")[1]
        assert warning.find("failure").text == "not fully translated"

    def test_is_an_xml_document(self) -> None:
        assert as_junit(CLEAN).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="locale-coverage">')


def test_every_format_is_registered() -> None:
    assert set(FORMATS) == {"table", "json", "github", "junit", "markdown"}
    assert all(FORMATS[name](REPORT).endswith("\n") for name in FORMATS)

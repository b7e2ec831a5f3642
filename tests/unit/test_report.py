"""leaflet.report: one coverage model in every format (table, JSON, GitHub
annotations, Markdown job summary, JUnit XML)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from helpers import ROOT
from leaflet.model import Finding, Report
from leaflet.report import FORMATS, as_json, as_markdown, as_table, to_data
from samples import CLEAN, FRENCH, FUZZY, PO_FR, PO_PL, POLISH, REPORT, with_findings

SCHEMA = json.loads((ROOT / "schemas" / "locale-coverage.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


class TestJsonSchema:
    def test_the_schema_is_a_valid_json_schema(self) -> None:
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    @pytest.mark.parametrize("report", [REPORT, CLEAN, Report(()), Report((POLISH,))])
    def test_every_report_is_valid(self, report: Report) -> None:
        data = json.loads(as_json(report))
        assert data["schema_version"] == 1
        assert [error.message for error in VALIDATOR.iter_errors(data)] == []

    def test_the_schema_refuses_a_report_without_a_contract_field(self) -> None:
        for path in (("ok",), ("locales", 0, "sections", 0, "translated"), ("findings", 0, "line")):
            data = to_data(REPORT)
            *parents, key = path
            target = data
            for step in parents:
                target = target[step]
            del target[key]
            assert not VALIDATOR.is_valid(data), path

    def test_the_schema_refuses_another_version(self) -> None:
        assert not VALIDATOR.is_valid({**to_data(REPORT), "schema_version": 2})

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
            "reason": "",
        }
        assert fr["escapes"][0]["reason"] == "the same word in French"
        assert fr["messages"] == {"total": 5, "translated": 3, "fuzzy": 1, "untranslated": 1}
        assert fr["catalog"] == PO_FR
        assert fr["pages"] == [
            {"page": "page.md", "total": 5, "translated": 2, "unsafe": 1, "fuzzy": 1, "untranslated": 1, "missing": 0},
        ]

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
        assert f"  escape {PO_FR}:40: allow: identical-to-source — the same word in French\n" in text
        assert f"  escape {PO_FR}:44: allow: number-changed (ignored: safety section)\n" in text

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

    def test_lists_every_finding_errors_first(self) -> None:
        rows = [line for line in as_markdown(Report((POLISH, FRENCH))).splitlines() if line.startswith("| `locales/")]
        assert [row.split("`")[3] for row in rows] == ["fuzzy", "catalog-stale", "untranslated"]

    def test_clean_report_has_no_findings_table(self) -> None:
        text = as_markdown(CLEAN)
        assert text.startswith("## Translation coverage: ✅ ok\n")
        assert "| File | Code | Finding |" not in text


def test_every_format_is_registered() -> None:
    assert set(FORMATS) == {"table", "json", "github", "junit", "markdown", "html"}
    assert all(FORMATS[name](REPORT).endswith("\n") for name in FORMATS)

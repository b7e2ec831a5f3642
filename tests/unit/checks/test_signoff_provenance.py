"""Provenance as data: ``locales/<lang>/review.yml`` records the language review and
the clinical review, each with its date, and the English (git commit of docs/)
signed off; the report shows both dates and every section whose English changed
since that commit. Files written before ``language_reviewed_on`` stay valid."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, copy_project
from leaflet.checks.signoff import KEYS, read_sign_off, review_path
from leaflet.cli import main
from leaflet.i18n.catalogs import REVIEW_TEMPLATE, discover
from leaflet.model import LeafletError, LocaleCoverage, Report, SignOff
from leaflet.report import as_markdown, as_table, to_data

SIGNED = """\
translator: A. Translator
language_reviewer: B. Reviewer
language_reviewed_on: 2026-11-20
clinical_reviewer: Dr C. Clinician
reviewed_on: 2026-12-01
source_version: 3f2a9c1
"""
BOTH = SignOff("A. Translator", "B. Reviewer", "Dr C. Clinician", dt.date(2026, 12, 1), "3f2a9c1", dt.date(2026, 11, 20))


def write(root: Path, text: str) -> None:
    path = review_path(root, "fr")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class TestRead:
    def test_each_review_has_its_own_date(self, tmp_path: Path) -> None:
        write(tmp_path, SIGNED)
        assert read_sign_off(tmp_path, "fr") == BOTH

    def test_a_file_from_before_the_language_review_date_is_still_valid(self, tmp_path: Path) -> None:
        write(tmp_path, SIGNED.replace("language_reviewed_on: 2026-11-20\n", ""))
        assert read_sign_off(tmp_path, "fr") == dataclasses.replace(BOTH, language_reviewed_on=None)

    def test_a_language_review_date_that_is_not_a_date(self, tmp_path: Path) -> None:
        write(tmp_path, "language_reviewed_on: soon\n")
        with pytest.raises(LeafletError) as raised:
            read_sign_off(tmp_path, "fr")
        assert str(raised.value) == (
            "locales/fr/review.yml:1: invalid-sign-off language_reviewed_on: expected a date such as 2026-11-02 "
            "but received: 'soon'"
        )

    def test_a_new_language_gets_every_key(self) -> None:
        assert tuple(yaml.safe_load(REVIEW_TEMPLATE)) == KEYS

    @pytest.mark.parametrize("code", sorted(discover(ROOT)))
    def test_every_shipped_sign_off_records_every_key(self, code: str) -> None:
        assert set(yaml.safe_load(review_path(ROOT, code).read_text(encoding="utf-8"))) == set(KEYS)
        read_sign_off(ROOT, code)  # and reads


def locale(review: SignOff) -> LocaleCoverage:
    return LocaleCoverage("fr", True, True, (), review, None, (), ())


class TestReport:
    def test_json_has_both_dates(self) -> None:
        review = to_data(Report((locale(BOTH),)))["locales"][0]["review"]
        assert (review["language_reviewed_on"], review["reviewed_on"]) == ("2026-11-20", "2026-12-01")
        assert review["source_version"] == "3f2a9c1"

    def test_the_table_and_summary_show_both_dates(self) -> None:
        line = (
            "clinically reviewed by Dr C. Clinician on 2026-12-01; "
            "translator A. Translator, language reviewer B. Reviewer on 2026-11-20"
        )
        assert f"fr (published): ok. Review: {line}." in as_table(Report((locale(BOTH),)))
        assert f"| `fr` | ok | {line} |" in as_markdown(Report((locale(BOTH),)))

    def test_a_language_review_date_without_a_name_is_still_shown(self) -> None:
        text = as_table(Report((locale(SignOff(language_reviewed_on=dt.date(2026, 11, 20))),)))
        assert "Review: not yet clinically reviewed; language reviewer on 2026-11-20." in text


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_locale_coverage_reports_the_sections_changed_since_the_signed_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)

    def git(*args: str) -> str:
        command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
        return subprocess.run([*command, *args], cwd=project, capture_output=True, text=True, check=True).stdout.strip()

    git("init", "-q")
    git("add", "docs")
    git("commit", "-qm", "the English signed off")
    write(project, SIGNED.replace("3f2a9c1", git("rev-parse", "--short", "HEAD")))
    page = project / "docs" / "risks.md"
    page.write_text(page.read_text(encoding="utf-8").replace("This is very rare.", "This is very, very rare."))
    monkeypatch.chdir(project)
    main(["--locale", "fr", "--format", "json"])
    french = json.loads(capsys.readouterr().out)["locales"][0]
    assert (french["review"]["language_reviewed_on"], french["review"]["reviewed_on"]) == ("2026-11-20", "2026-12-01")
    changed = {section["id"] for section in french["sections"] if section["changed_since_sign_off"]}
    assert changed == {"complications"}
    main(["--locale", "fr"])
    assert "English changed since sign-off in: complications" in capsys.readouterr().out

"""Translate Toolkit's ``pocount``, run the way TRANSLATING.md says, reads every
catalog and counts what ``locale-coverage`` counts."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from helpers import ROOT
from leaflet.checks.coverage import check
from leaflet.settings import read_project

POCOUNT = str(Path(sys.executable).parent / "pocount")
DOCUMENTED = "pocount locales/*/LC_MESSAGES"


def test_translating_md_gives_the_command() -> None:
    assert DOCUMENTED in (ROOT / "TRANSLATING.md").read_text(encoding="utf-8")


def test_pocount_counts_every_catalog_as_the_report_does() -> None:
    folders = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob("locales/*/LC_MESSAGES"))
    result = subprocess.run(
        [POCOUNT, "--csv", *folders], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    rows = {row["Filename"]: row for row in csv.DictReader(result.stdout.splitlines())}
    report = check(read_project(ROOT))
    assert len(rows) == len(report.locales) == len(folders)
    for locale in report.locales:
        row = rows[locale.catalog]
        counted = {
            "total": int(row["Total Message"]), "translated": int(row["Translated Messages"]),
            "fuzzy": int(row["Fuzzy Messages"]), "untranslated": int(row["Untranslated Messages"]),
        }
        assert counted == dict(locale.messages), locale.locale

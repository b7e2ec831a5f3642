"""``locale-coverage``'s CI reports on the real project, with one French translation broken:
JUnit against Jenkins xUnit's schema, JSON against the report's schema, GitHub annotations
and job summary, the progress page and the badges, each read back by a real parser."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from helpers import ROOT, edit_translation

COMMAND = str(Path(sys.executable).parent / "locale-coverage")
PO = "locales/fr/LC_MESSAGES/messages.po"


@pytest.fixture
def broken(project: Path) -> tuple[Path, int]:
    """The project with a French safety translation whose number changed: one error, the draft's warnings."""
    line = edit_translation(project, "38", lambda text: text.replace("38", "39"), must_change=True)
    return project, line


def coverage(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_STEP_SUMMARY"}
    return subprocess.run(
        [COMMAND, *args], cwd=project, capture_output=True, text=True, timeout=120, env={**environment, **(env or {})}
    )


def findings(project: Path) -> list[dict]:
    result = coverage(project, "--format", "json")
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "locale-coverage.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == 1
    return data["findings"]


def test_junit_is_valid_for_jenkins_xunit(broken: tuple[Path, int]) -> None:
    project, line = broken
    result = coverage(project, "--format", "junit", "--output", "reports/locale-coverage.xml")
    assert result.returncode == 1, result.stderr
    document = etree.parse(str(project / "reports" / "locale-coverage.xml"))
    schema = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "junit-10.xsd")))
    assert schema.validate(document), schema.error_log
    failed = document.xpath("//testcase[failure]")
    assert {case.get("classname") for case in failed} == {"locale-coverage.fr"}  # the draft's gaps are skipped
    assert any(f"{PO}:{line}: number-changed" in case.find("failure").text for case in failed)


def test_github_annotates_errors_first_and_summarises_everything(broken: tuple[Path, int], tmp_path: Path) -> None:
    project, line = broken
    summary = tmp_path / "summary.md"
    result = coverage(project, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1, result.stderr
    annotations = result.stdout.splitlines()[:-1]
    levels = [annotation.split(" ", 1)[0] for annotation in annotations]
    assert levels == sorted(levels, key=lambda level: level != "::error")
    assert annotations[0].startswith(f"::error file={PO},line={line},title=number-changed (fr)::")
    everything = findings(project)
    assert len(annotations) == len(everything) > 10
    rows = [row for row in summary.read_text(encoding="utf-8").splitlines() if row.startswith("| `") and ":" in row]
    finding_rows = [row for row in rows if row.split("`")[1].rsplit(":", 1)[0].endswith((".po", ".md"))]
    assert len(finding_rows) == len(everything)
    assert "the job summary lists every one" in result.stdout.splitlines()[-1]


def test_the_progress_page_and_badges(broken: tuple[Path, int]) -> None:
    project, line = broken
    args = ("--format", "html", "--output", "reports/locale-coverage.html", "--badges", "reports/badges")
    assert coverage(project, *args).returncode == 1
    page = project / "reports" / "locale-coverage.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("script") is None
    links = [a["href"] for a in soup.select("ol.findings a")]
    assert len(links) == len(findings(project))
    for href in links:
        path, _, anchor = href.partition("#L")
        target = (page.parent / path).resolve()
        assert target.is_file(), href
        assert 1 <= int(anchor) <= len(target.read_text(encoding="utf-8").splitlines()), href
    assert f"../{PO}#L{line}" in links
    first_rows = [s.find("tbody").find("tr") for s in soup.find_all("section", class_="language")]
    assert all("SAFETY" in row.get_text() for row in first_rows)
    badges = sorted(path.name for path in (project / "reports" / "badges").iterdir())
    assert badges == [f"{section['id'].removeprefix('lang-')}.svg" for section in soup.find_all("section", class_="language")]
    french = etree.parse(str(project / "reports" / "badges" / "fr.svg")).getroot()
    assert french.find("{http://www.w3.org/2000/svg}title").text.endswith("fails")

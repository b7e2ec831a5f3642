"""Check results kept between runs (leaflet.checks.qacache): the same report warm as
cold, a changed translation or glossary checked anew, nothing kept when turned off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import copy_project, edit_translation
from leaflet.checks import qacache

COVERAGE = str(Path(sys.executable).parent / "locale-coverage")


def coverage(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COVERAGE, "--format", "json"], cwd=project, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env}, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("cache"))


def test_a_warm_run_reports_what_a_cold_run_does(project: Path) -> None:
    cold = coverage(project, LEAFLET_CACHE="0")
    assert not (project / qacache.FOLDER).exists()
    first, warm = coverage(project), coverage(project)
    assert [path.name[:3] for path in sorted((project / qacache.FOLDER).iterdir())] == ["qa-", "tem"]
    assert cold.stdout == first.stdout == warm.stdout
    assert cold.returncode == warm.returncode == 0


def test_a_changed_translation_is_checked_anew(project: Path) -> None:
    coverage(project)  # warm
    line = edit_translation(project, "for the first 6 hours", lambda text: text.replace("6", "9", 1), must_change=True)
    warm = coverage(project)
    assert warm.returncode == 1
    assert f'"line": {line}' in warm.stdout
    assert '"code": "number-changed"' in warm.stdout


def test_a_changed_glossary_starts_a_new_cache(project: Path) -> None:
    coverage(project)
    before = {path.name for path in (project / qacache.FOLDER).glob("qa-*.json")}
    glossary = project / "glossary/fr.tbx"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("</body>", "</body>\n"), encoding="utf-8")
    coverage(project)
    after = {path.name for path in (project / qacache.FOLDER).glob("qa-*.json")}
    assert len(after) == 1
    assert after != before  # the old file, for the old glossary, is gone


"""The Nu HTML Checker (vnu.jar, from the npm registry) on every built page."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from helpers import ROOT, missing

VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"))


def test_every_built_page_is_valid_html(site: Path) -> None:
    if not VNU_JAR.is_file():
        missing(f"the Nu HTML Checker is not at {VNU_JAR}; run: make checkers")
    java = shutil.which("java")
    if java is None:
        missing("java is not installed; the Nu HTML Checker needs it")
    pages = sorted(str(path) for path in site.rglob("*.html"))
    assert len(pages) >= 7 * 6
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *pages],
        capture_output=True, text=True, timeout=600,
    )
    errors = (result.stdout + result.stderr).strip()
    assert errors == "", errors.replace(str(site), "site")
    assert result.returncode == 0

"""The safety gate through real builds and real ``locale-coverage`` runs:
English that could mislead a patient, and gates that must hold at any log level."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, run_build, soup

COMMAND = str(Path(sys.executable).parent / "locale-coverage")


def coverage(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], cwd=project, capture_output=True, text=True, timeout=120)


def assert_both_gates_refuse(project: Path, expected: str) -> None:
    """English the site cannot be built from: the reviewer command exits 2, the build 1, both saying why."""
    result = coverage(project)
    assert result.returncode == 2
    assert expected in result.stderr
    build = run_build(project)
    assert build.returncode == 1
    assert expected in build.output


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first ``old``; return the 1-based line where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize("level", ["-q", "-v", None])
def test_the_strict_gate_holds_at_every_log_level(project: Path, level: str | None) -> None:
    # MkDocs' --quiet stops strict mode counting warnings (mkdocs issue 4126): the gate counts its own.
    replace_in(project / "docs/risks.md", "{#complications}", "{#complication-list}")
    build = run_build(project, args=(level,) if level else ())
    assert build.returncode == 1, build.output
    assert "strict build aborted:" in build.output


def test_a_clean_quiet_strict_build_passes(project: Path) -> None:
    build = run_build(project, args=("-q",))
    assert build.returncode == 0, build.output


def test_a_required_heading_inside_raw_html_is_an_error(project: Path) -> None:
    page = project / "docs/get-help.md"
    text = page.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if "{#get-help}" in line)
    line = replace_in(page, heading, f"<div markdown>\n\n{heading}\n\n</div>")
    expected = (
        f"docs/get-help.md:{line + 2}: section-in-html the heading of the required safety section 'get-help' "
        "is inside raw HTML"
    )
    assert_both_gates_refuse(project, expected)


def test_a_unit_naming_two_phone_numbers_is_an_error(project: Path) -> None:
    line = replace_in(
        project / "docs/_snippets/infection-card.md",
        "In working hours, call {{ phone.in_hours }}.\n\n    Out of hours,",
        "In working hours, call {{ phone.in_hours }}. Out of hours,",
    )
    expected = f"docs/_snippets/infection-card.md:{line}: phones-in-one-unit this paragraph names 2 phone numbers"
    assert_both_gates_refuse(project, expected)


def test_make_language_never_runs_a_locale_as_a_command(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    injected = 'x"; touch pwned; echo "'
    result = subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", "language", f"LOCALE={injected}"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env={**os.environ, "LOCALE": ""},
    )
    assert not (tmp_path / "pwned").exists()
    assert result.returncode != 0
    assert "expected a locale code such as 'fr' or 'pt_BR'" in result.stderr
    assert not (tmp_path / "locales").exists()


def test_a_translated_heading_keeps_its_section_id(project: Path) -> None:
    po = project / "locales/fr/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "Possible complications"')
    msgstr = text.index("msgstr ", start)
    end = text.index("\n\n", msgstr)
    po.write_text(text[:msgstr] + 'msgstr "Complications {#elsewhere}"' + text[end:], encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    page = soup(build.site / "fr/risks/index.html")
    assert page.find(id="complications") is not None
    assert page.find(id="elsewhere") is None

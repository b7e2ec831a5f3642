"""GNU gettext's own check, ``msgfmt -c``, on every catalog: it must pass with no
warning (a header still holding gettext's placeholders warns). The template
is checked too; it is allowed only the two warnings every template gets, as it
has no language and has never been revised."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, missing
from leaflet.i18n import catalogs

CATALOGS = sorted(catalogs.discover(ROOT).values())
TEMPLATE = ROOT / catalogs.TEMPLATE
#: what msgfmt -c says of any template, placeholders or not
TEMPLATE_ONLY = re.compile(
    r"^.*: warning: header field '(PO-Revision-Date' still has the initial default value|Language' missing in header)$"
)


def msgfmt(path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("msgfmt") is None:
        missing("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    command = ["msgfmt", "-c", "-o", "/dev/null", str(path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_every_catalog_passes_msgfmt_with_no_warning(path: Path) -> None:
    result = msgfmt(path)
    assert (result.returncode, result.stderr.strip()) == (0, ""), result.stderr


def test_the_template_passes_msgfmt_but_for_being_a_template() -> None:
    result = msgfmt(TEMPLATE)
    warnings = [line for line in result.stderr.splitlines() if line.strip() and not TEMPLATE_ONLY.match(line)]
    assert (result.returncode, warnings) == (0, []), result.stderr


@pytest.mark.parametrize("code", ["it", "ar", "pt_BR"])
def test_a_new_language_passes_msgfmt_from_the_start(project: Path, code: str) -> None:
    if code in catalogs.discover(project):
        shutil.rmtree(project / catalogs.LOCALES / code)
    result = msgfmt(catalogs.init(project, code))
    assert (result.returncode, result.stderr.strip()) == (0, ""), result.stderr


def test_arabic_uses_gettexts_standard_plural_formula(project: Path) -> None:
    standard = "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"
    shipped = catalogs.read_catalog(catalogs.po_path(ROOT, "ar"), "ar", "ar")
    shutil.rmtree(project / catalogs.LOCALES / "ar")
    started = catalogs.read_catalog(catalogs.init(project, "ar"), "ar", "ar")
    assert shipped.plural_forms == started.plural_forms == standard


def test_a_refresh_keeps_the_headers(project: Path) -> None:
    paths = [*catalogs.discover(project).values(), project / catalogs.TEMPLATE]
    before = {path: _header(path) for path in paths}
    catalogs.refresh(project)
    assert {path: _header(path) for path in paths} == before


def _header(path: Path) -> str:
    """The header entry without its dates, which a refresh may move on."""
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return re.sub(r'^"(POT-Creation-Date|PO-Revision-Date): .*$', "", header, flags=re.MULTILINE)

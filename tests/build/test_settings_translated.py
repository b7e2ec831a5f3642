"""A clinic setting that translators translate (the opening days) follows the rules of
page text: after the clinic changes it and refreshes the catalogs, every language shows
the new English marked as untranslated, the report names it, and the strict build stops
where it shows in a safety section; once translated, it shows translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import TRANSLATED, Build, copy_project, edit_translation, run_build, soup
from leaflet.i18n import catalogs

OLD, NEW = "Monday to Friday", "Monday to Saturday"
PAGES = ("get-help", "questions")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hours"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"days: {OLD}" in text
    config.write_text(text.replace(f"days: {OLD}", f"days: {NEW}"), encoding="utf-8")
    catalogs.refresh(project)  # make catalogs, as the README says
    return project


@pytest.fixture(scope="module")
def built(project: Path) -> Build:
    return run_build(project, strict=False)


def test_every_language_shows_the_new_english_marked(built: Build) -> None:
    assert built.returncode == 0, built.output
    for language in TRANSLATED:
        for name in PAGES:
            page = soup(built.site / language / name / "index.html")
            shown = page.find_all(string=lambda text: text and NEW in text)
            assert shown, (language, name)
            for text in shown:
                assert text.find_parent(attrs={"lang": "en"}) is not None, (language, name, text)
                assert text.find_parent(class_="leaflet-untranslated") is not None, (language, name, text)
            assert not page.find_all(string=lambda text: text and OLD in text)


def test_the_strict_build_and_the_report_name_each_catalog(project: Path) -> None:
    strict = run_build(project)
    assert strict.returncode == 1
    report = subprocess.run(
        [str(Path(sys.executable).parent / "locale-coverage")], cwd=project, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert report.returncode == 1
    for language in TRANSLATED:
        where = f"{catalogs.po_path(project, language).relative_to(project).as_posix()}:"
        expected = "translation of this clinic setting of get-help.md#get-help is outdated"
        for output in (strict.output, report.stdout):
            line = next((line for line in output.splitlines() if where in line and expected in line), None)
            assert line is not None, (language, output[-2000:])
            assert line.endswith(f"[{language}#get-help]")


def test_once_translated_the_days_show_translated(project: Path, tmp_path: Path) -> None:
    copy = copy_project(tmp_path)
    shutil.copy(project / "mkdocs.yml", copy / "mkdocs.yml")
    shutil.copytree(project / "locales", copy / "locales", dirs_exist_ok=True)
    edit_translation(copy, NEW, lambda _: "du lundi au samedi")
    build = run_build(copy, strict=False)
    page = soup(build.site / "fr/get-help/index.html")
    assert "du lundi au samedi" in page.get_text()
    assert not page.find_all(string=lambda text: text and NEW in text)

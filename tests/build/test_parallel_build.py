"""Languages built by several processes (leaflet.parallel): the same site, byte for byte,
as one process builds, with one sitemap of every language and the root's 404 page in English."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import LANGUAGES, SITE_URL, SOURCE, copy_project, english_pages, language_pages, run_build, soup

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def differences(left: Path, right: Path) -> list[str]:
    """Every file that is in one tree only or differs, by content."""
    found: list[str] = []

    def walk(compare: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{name}" for name in compare.left_only + compare.right_only + compare.funny_files)
        _same, differ, funny = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
        found.extend(f"{prefix}{name}" for name in differ + funny)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project built by one process and by two, the check cache off (both check everything)."""
    sites = []
    for jobs in ("1", "2"):
        project = copy_project(tmp_path_factory.mktemp(f"jobs-{jobs}"))
        build = run_build(project, env={"LEAFLET_JOBS": jobs, "LEAFLET_CACHE": "0", "SOURCE_DATE_EPOCH": "1764547200"})
        assert build.returncode == 0, build.output
        sites.append(build.site)
    return sites[0], sites[1]


def test_two_processes_build_the_same_site_as_one(both: tuple[Path, Path]) -> None:
    one, two = both
    assert differences(one, two) == []


def test_the_sitemap_lists_every_page_in_every_language(both: tuple[Path, Path]) -> None:
    site = both[1]
    urls = ET.fromstring((site / "sitemap.xml").read_bytes()).findall("s:url", NS)
    built = {
        path.parent.relative_to(site).as_posix() for language in LANGUAGES for path in language_pages(site, language)
    }
    listed = {url.findtext("s:loc", namespaces=NS).removeprefix(SITE_URL).strip("/") or "." for url in urls}
    assert len(urls) == len(english_pages(site)) * len(LANGUAGES)
    assert listed == built


def test_the_root_404_page_is_in_the_source_language(both: tuple[Path, Path]) -> None:
    for site in both:
        assert soup(site / "404.html").html["lang"] == SOURCE


def corrupt(catalog: Path) -> int:
    """A quote missing in the first msgid after the header: the line the error must name."""
    lines = catalog.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('msgid "') and line != 'msgid ""\n')
    lines[number] = lines[number].rstrip('"\n') + "\n"
    catalog.write_text("".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_draft_stops_the_build_at_its_line_from_any_process(tmp_path: Path, jobs: str) -> None:
    project = copy_project(tmp_path)
    line = corrupt(project / "locales/pl/LC_MESSAGES/messages.po")
    build = run_build(project, env={"LEAFLET_JOBS": jobs, "LEAFLET_CACHE": "0"})
    assert build.returncode == 1
    assert f"locales/pl/LC_MESSAGES/messages.po:{line}: invalid-catalog" in build.output
    assert "Traceback" not in build.output


def locale_coverage(project: Path, jobs: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "locale-coverage"), *args], cwd=project, capture_output=True, text=True,
        env={**os.environ, "LEAFLET_JOBS": jobs, "LEAFLET_CACHE": "0"}, timeout=300,
    )


def test_locale_coverage_names_a_broken_catalog_read_by_another_process(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    line = corrupt(project / "locales/zh_Hans/LC_MESSAGES/messages.po")
    result = locale_coverage(project, "2")
    assert result.returncode == 2
    assert f"locales/zh_Hans/LC_MESSAGES/messages.po:{line}: invalid-catalog" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_locale_coverage_reports_the_same_from_one_process_and_two(tmp_path: Path) -> None:
    """The template is extracted while the catalogs are checked: a catalog it makes stale is
    named whichever process extracted it."""
    project = copy_project(tmp_path)
    page = project / "docs/risks.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTell us if you notice anything else.\n", encoding="utf-8")
    one, two = (locale_coverage(project, jobs, "--format", "json") for jobs in ("1", "2"))
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert one.stdout == two.stdout
    assert '"catalog-stale"' in two.stdout


def test_locale_coverage_names_a_module_that_does_not_parse_from_another_process(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "hooks/leaflet/broken.py").write_text('x = _("Call us",\n', encoding="utf-8")
    result = locale_coverage(project, "2")
    assert result.returncode == 2
    assert result.stderr.startswith("error: hooks/leaflet/broken.py:2: extract-failed ")
    assert "Traceback" not in result.stderr



def test_when_english_fails_the_processes_started_early_stop_and_write_nothing_more(tmp_path: Path) -> None:
    """The other processes start while English is built; an error in English stops them."""
    project = copy_project(tmp_path)
    page = project / "docs/questions.md"
    text = page.read_text(encoding="utf-8").replace("title: Questions and contacts", 'title: "{{ clinic.nmae }}: q"')
    page.write_text(text, encoding="utf-8")
    build = run_build(project, env={"LEAFLET_JOBS": "2", "LEAFLET_CACHE": "0"})
    assert build.returncode == 1
    assert "docs/questions.md:2: unknown-placeholder unknown placeholder {{ clinic.nmae }}" in build.output
    assert "Traceback" not in build.output

    def written() -> list[tuple[str, int]]:
        return sorted((str(path), path.stat().st_mtime_ns) for path in build.site.rglob("*") if path.is_file())

    before = written()
    time.sleep(2)  # a process left behind would still be building languages into the site
    assert written() == before

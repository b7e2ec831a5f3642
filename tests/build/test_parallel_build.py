"""Languages built by several processes (leaflet.parallel): the same site, byte for byte,
as one process builds, with one sitemap of every language and the root's 404 page in English."""

from __future__ import annotations

import filecmp
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

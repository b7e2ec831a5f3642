"""``make offline``'s zip, unzipped and opened from ``file://`` with no server:
navigation, each language's own search and the language switcher, with no
failed request."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def unzipped(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    output = folder / "leaflet-offline.zip"
    made = subprocess.run(
        [sys.executable, "-m", "leaflet.hosting.offline", "--site", str(site), "--output", str(output)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[-1] == str(output.resolve())  # the zip's path, last
    with zipfile.ZipFile(output) as bundle:
        bundle.extractall(folder)
    return folder / "leaflet-offline"


@pytest.fixture
def file_page(browser, unzipped: Path) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    context.route("http*://**/*", lambda route: (problems.append(f"network: {route.request.url}"), route.abort()))
    page = context.new_page()
    # ERR_ABORTED is the browser dropping a request when the page is left (a lazy image), not a missing file
    page.on("requestfailed", lambda request: request.failure == "net::ERR_ABORTED"
            or problems.append(f"failed: {request.url} {request.failure}"))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.problems = problems
    yield page
    context.close()


def _search(page, word: str) -> list[str]:
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(word)
    search.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)
    return results.evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize(("language", "word"), [("fr", "infection"), ("ar", "عدوى")])
def test_search_from_a_file_finds_this_language_s_pages(file_page, unzipped: Path, language: str, word: str) -> None:
    file_page.goto((unzipped / language / "index.html").as_uri())
    hrefs = _search(file_page, word)
    assert hrefs
    for href in hrefs:
        assert href.startswith((unzipped / language).as_uri() + "/"), href
        assert "/index.html" in href, href
    file_page.locator(".md-search-result__item a").first.click()
    file_page.wait_for_load_state()
    assert file_page.url.startswith((unzipped / language).as_uri())
    assert file_page.locator("article h1").first.is_visible()
    assert file_page.problems == []


def test_navigation_and_the_language_switcher_work_from_a_file(file_page, unzipped: Path) -> None:
    file_page.goto((unzipped / "index.html").as_uri())
    file_page.locator(".md-nav--primary a[href$='risks/index.html']").first.click()
    file_page.wait_for_load_state()
    assert file_page.url == (unzipped / "risks" / "index.html").as_uri()
    file_page.locator(".md-header__option .md-select button").first.hover()
    file_page.locator('a.md-select__link[hreflang="fr"]').click()
    file_page.wait_for_load_state()
    assert file_page.url == (unzipped / "fr" / "risks" / "index.html").as_uri()
    assert file_page.locator("html").get_attribute("lang") == "fr"
    assert file_page.problems == []


def test_without_a_built_site_it_says_what_to_run(tmp_path: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "leaflet.hosting.offline", "--site", str(tmp_path / "site")],
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )
    assert made.returncode == 2
    assert made.stderr == (
        f"error: no built site in {tmp_path / 'site'}/: run make site first (then make leaflets for the PDFs)\n"
    )
    assert not (tmp_path / "dist").exists()

"""``make serve LOCALE=<code>``'s preview (``LEAFLET_PREVIEW``), through real builds:
English and that language only, a draft included, with every gap marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SOURCE, TRANSLATED, language_pages, run_build, soup
from leaflet.i18n import catalogs

DRAFTS = sorted(set(catalogs.discover(Path(__file__).resolve().parents[2])) - {SOURCE, *TRANSLATED})


@pytest.mark.skipif(not DRAFTS, reason="no draft catalog in locales/")
def test_a_draft_previews_with_its_banner_and_every_gap_marked(project: Path, monkeypatch) -> None:
    draft = DRAFTS[0]
    monkeypatch.setenv("LEAFLET_PREVIEW", draft)
    built = run_build(project, strict=False)
    assert built.returncode == 0, built.output
    # English and the draft: no other language is built.
    assert {path.name for path in built.site.iterdir() if (path / "search").is_dir()} == {draft}
    pages = language_pages(built.site, draft)
    assert len(pages) == len(language_pages(built.site, SOURCE))
    for path in pages:
        html = soup(path)
        assert html.html["lang"] == draft
        assert html.select_one(".leaflet-notice") is not None, path  # not checked by a clinician
        switcher = {a["hreflang"] for a in html.select("a.md-select__link")}
        assert switcher == {SOURCE, draft}
    risks = soup(built.site / draft / "risks" / "index.html")
    assert risks.select(".leaflet-untranslated"), "an untranslated block shows, marked"


def test_a_published_language_previews_alone(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("LEAFLET_PREVIEW", TRANSLATED[0])
    built = run_build(project, strict=False)
    assert built.returncode == 0, built.output
    assert {path.name for path in built.site.iterdir() if (path / "search").is_dir()} == {TRANSLATED[0]}


def test_the_strict_build_refuses_a_preview(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("LEAFLET_PREVIEW", TRANSLATED[0])
    built = run_build(project)
    assert built.returncode != 0
    assert "LEAFLET_PREVIEW" in built.output


def test_an_unknown_language_stops_the_preview_with_the_choices(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("LEAFLET_PREVIEW", "xx")
    built = run_build(project, strict=False)
    assert built.returncode != 0
    assert "unknown-locale" in built.output
    assert "received: 'xx'" in built.output

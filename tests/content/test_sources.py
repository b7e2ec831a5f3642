"""Gate on the shipped pages: every page records the evidence it is based on
(``sources:`` in its front matter), as the NHS standard for health content asks."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import ROOT
from leaflet.content.frontmatter import split_front_matter
from leaflet.content.includes import page_files
from leaflet.content.sources import parse_sources

PAGES = page_files(ROOT / "docs")


def sources(path):
    source = path.read_text(encoding="utf-8")
    return parse_sources(split_front_matter(source)[0], source, path.relative_to(ROOT).as_posix(), dt.date.today())


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_every_page_has_at_least_one_source(name: str, path) -> None:
    references, _ = sources(path)
    assert references, f"docs/{name} lists no well-formed source; run: make sources"


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_every_source_is_well_formed(name: str, path) -> None:
    _, findings = sources(path)
    assert [str(finding) for finding in findings] == []

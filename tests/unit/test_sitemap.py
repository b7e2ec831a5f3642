"""leaflet.sitemap: one sitemap for every language (the real one: tests/build/test_parallel_build.py)."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from leaflet import sitemap

SITE = "https://clinic.example/leaflet/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entry(path: str, language: str) -> sitemap.Entry:
    prefix = "" if language == "en" else f"{language}/"
    return sitemap.Entry(f"{SITE}{prefix}{path}", "2026-11-01")


def test_every_language_in_build_order_each_page_with_its_date(tmp_path) -> None:
    by_language = {"fr": [entry("risks/", "fr")], "en": [entry("", "en"), entry("risks/", "en")]}
    sitemap.write(tmp_path, by_language, ["en", "fr"])
    root = ET.fromstring((tmp_path / "sitemap.xml").read_bytes())
    urls = root.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [f"{SITE}", f"{SITE}risks/", f"{SITE}fr/risks/"]
    assert {u.findtext("s:lastmod", namespaces=NS) for u in urls} == {"2026-11-01"}
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == (tmp_path / "sitemap.xml").read_bytes()


def test_same_bytes_for_the_same_pages(tmp_path) -> None:
    by_language = {"en": [entry("", "en")]}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    sitemap.write(tmp_path / "a", by_language, ["en"])
    sitemap.write(tmp_path / "b", by_language, ["en"])
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()

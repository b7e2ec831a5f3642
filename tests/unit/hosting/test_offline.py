"""leaflet.hosting.offline: links that a browser follows from file://, and a zip
that is the same bytes for the same site."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaflet.hosting.offline import SHIM_PATH, file_link, main, page_for_files, search_for_files, write_zip


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("risks/", "risks/index.html"),
        ("../fr/risks/#complications", "../fr/risks/index.html#complications"),
        ("./", "./index.html"),
        (".", "./index.html"),
        ("..", "../index.html"),
        ("../before/?h=x", "../before/index.html?h=x"),
        ("#complications", "#complications"),
        ("tel:+441614960000", "tel:+441614960000"),
        ("https://riverside-clinic.example/", "https://riverside-clinic.example/"),
        ("../assets/stylesheets/main.57a0d79d.min.css", "../assets/stylesheets/main.57a0d79d.min.css"),
        ("/hip-injection/", "/hip-injection/"),
    ],
)
def test_folder_links_point_at_their_index(url: str, expected: str) -> None:
    assert file_link(url) == expected


def test_the_shim_loads_before_material_s_script() -> None:
    page = '<a href="risks/">x</a>\n    <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    changed = page_for_files(page)
    assert changed.index(f'src="../{SHIM_PATH}"') < changed.index("bundle.a5f9d56c")
    assert 'href="risks/index.html"' in changed


def test_search_results_open_files() -> None:
    index = {"config": {"lang": ["fr"]}, "docs": [{"location": ""}, {"location": "risks/#complications"}]}
    assert [d["location"] for d in search_for_files(index)["docs"]] == ["index.html", "risks/index.html#complications"]


def test_the_same_site_gives_the_same_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site" / "fr").mkdir(parents=True)
    (tmp_path / "site" / "fr" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764288000")
    write_zip(tmp_path / "site", tmp_path / "a.zip", "leaflet")
    (tmp_path / "site" / "fr" / "index.html").touch()
    write_zip(tmp_path / "site", tmp_path / "b.zip", "leaflet")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_without_a_site_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--site", str(tmp_path / "site"), "--output", str(tmp_path / "dist/x.zip")]) == 2
    assert "run make site first" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()

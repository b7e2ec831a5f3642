"""The printed leaflet's plain parts: QR codes, names, sizes, settings, fonts, the outline and dates."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import segno
import zxingcpp
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from leaflet.leaflets.compose import css_string
from leaflet.leaflets.links import file_size, show_link
from leaflet.leaflets.nav import anchor, nav_pages, page_path
from leaflet.leaflets.pdf import Metadata, finish, moment_of, pdf_date, retitle
from leaflet.leaflets.qr import page_qr_file, qr_svg, write_page_qr
from leaflet.leaflets.settings import LATIN, Font, fonts_for, read_leaflet_settings, script_of
from leaflet.leaflets.tools import MissingTool, require_fonts
from leaflet.model import LeafletError
from leaflet.settings import read_project

URL = "https://riverside-clinic.example/hip-injection/fr/risks/"


def test_the_qr_code_reads_back_as_the_address():
    # segno's own PNG writer (pure Python) draws the same matrix as the SVG the pages get.
    code = segno.make_qr(URL, error="m", boost_error=False)
    image = io.BytesIO()
    code.save(image, kind="ppm", scale=4, border=4)
    raw = image.getvalue()
    header_end = raw.index(b"255\n") + 4
    width = height = (code.symbol_size(scale=4, border=4))[0]
    rgb = zxingcpp.ImageView(raw[header_end:], width, height, zxingcpp.ImageFormat.RGB)
    assert [result.text for result in zxingcpp.read_barcodes(rgb)] == [URL]
    svg = qr_svg(URL, 'QR "code"')
    assert svg.startswith('<svg role="img" aria-label="QR &quot;code&quot;" ')
    assert "<title>QR &quot;code&quot;</title>" in svg


def test_each_page_has_its_qr_file_beside_it(tmp_path: Path):
    assert page_qr_file("fr/risks/index.html") == "index-qr.svg"
    assert page_qr_file("before.html") == "before-qr.svg"
    path = write_page_qr(tmp_path / "risks", "risks/index.html", URL, "QR")
    assert path == tmp_path / "risks" / "index-qr.svg"
    assert 'xmlns="http://www.w3.org/2000/svg"' in path.read_text(encoding="utf-8")


def test_pages_follow_the_nav_and_have_their_paths():
    config = {"nav": [{"Home": "index.md"}, {"Part": [{"A": "part/a.md"}, "part/index.md"]}, {"Out": "https://x.example"}]}
    assert nav_pages(config) == ["index.md", "part/a.md", "part/index.md"]
    assert [page_path(src) for src in nav_pages(config)] == ["", "part/a/", "part/"]
    assert page_path("risks.md", directory_urls=False) == "risks.html"
    assert anchor("part/a.md") == "page-part-a"
    with pytest.raises(LeafletError, match="lists no nav"):
        nav_pages({})


@pytest.mark.parametrize(
    ("size", "language", "shown"),
    [(412_345, "en", "412 kB"), (412_345, "fr", "412\u202fko"), (1_234_567, "de", "1,2 MB"), (200, "en", "1 kB")],
)
def test_the_size_is_written_the_readers_way(size: int, language: str, shown: str):
    assert file_size(size, language) == shown


def test_the_link_shows_once_its_pdf_is_made():
    page = (
        '<p class="leaflet-pdf" data-leaflet-pdf="leaflet-fr.pdf" hidden><a href="../leaflet-fr.pdf">PDF, '
        '<span class="leaflet-pdf__size"></span></a></p>'
    )
    shown = show_link(page, "leaflet-fr.pdf", "412 ko")
    assert shown == page.replace(" hidden>", ">").replace("></span>", ">412 ko</span>")
    assert show_link(shown, "leaflet-fr.pdf", "413 ko") == shown.replace("412", "413")
    assert show_link(page, "leaflet-de.pdf", "1 kB") == page


def test_paper_is_a_setting_with_its_line(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(
        (Path(__file__).parents[3] / "mkdocs.yml").read_text(encoding="utf-8").replace("paper: A4", "paper: A5"),
        encoding="utf-8",
    )
    project = read_project(tmp_path)
    with pytest.raises(LeafletError) as error:
        read_leaflet_settings(project)
    line = next(n for n, text in enumerate((tmp_path / "mkdocs.yml").read_text().splitlines(), 1) if "paper:" in text)
    assert str(error.value) == (
        f"mkdocs.yml:{line}: invalid-settings extra.leaflets.paper: expected one of: 'A4', 'Letter' but received: 'A5'"
    )
    assert read_leaflet_settings(project, "Letter").paper == "Letter"
    assert read_leaflet_settings(project, "Letter").site_url == "https://riverside-clinic.example/hip-injection/"


def test_each_script_has_its_noto_family():
    assert script_of("ar") == "Arab"
    assert fonts_for("ar") == (Font("Noto Sans Arabic", "fonts-noto-core"), LATIN)
    assert fonts_for("zh-Hans") == (Font("Noto Sans CJK SC", "fonts-noto-cjk"),)
    assert fonts_for("fr") == (LATIN,)
    assert fonts_for("hi")[0] == Font("Noto Sans Devanagari", "fonts-noto-core")


def test_a_missing_font_names_its_debian_package():
    needed = [*fonts_for("ar"), *fonts_for("zh-Hans")]
    with pytest.raises(MissingTool) as error:
        require_fonts(needed, {"Noto Sans"})
    assert str(error.value) == (
        "fonts Noto Sans Arabic, Noto Sans CJK SC not found: install Debian's fonts-noto-cjk and fonts-noto-core "
        "packages (apt-get install fonts-noto-cjk fonts-noto-core)"
    )
    require_fonts(needed, {"Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC"})


def test_css_strings_are_escaped():
    assert css_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


def test_dates_come_from_source_date_epoch():
    assert moment_of("1793577600") == dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    assert pdf_date(moment_of("1793577600")) == "D:20261102000000Z"
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert moment_of(None, now) == now
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH: expected whole seconds since 1970 but received: 'soon'"):
        moment_of("soon")


def _pdf_with_outline(*titles: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    parent = None
    for number, title in enumerate(titles):
        item = writer.add_outline_item(title=title, page_number=0, parent=parent)
        parent = item if number == 0 else parent
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_outline_reads_as_the_headings_and_the_bytes_repeat():
    printed = _pdf_with_outline("Before your injectionBefore your injection", "Tell us first", "Guided byGuided byultrasound")
    metadata = Metadata("Title", "fr", "Clinic", "About")
    moment = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    headings = ["Before your injection", "Tell us first", "Guided by ultrasound"]
    first = finish(printed, metadata, moment, headings)
    assert first == finish(printed, metadata, moment, headings)
    reader = PdfReader(io.BytesIO(first))
    top = reader.outline
    assert top[0].title == "Before your injection"
    assert [item.title for item in top[1]] == ["Tell us first", "Guided by ultrasound"]
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.metadata["/CreationDate"] == "D:20261102000000Z"
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])


def test_an_entry_that_is_no_heading_keeps_its_title():
    outline = DictionaryObject()
    entry = DictionaryObject({NameObject("/Title"): TextStringObject("Something else")})
    outline[NameObject("/First")] = entry
    retitle(outline, ["Before your injection"])
    assert entry["/Title"] == "Something else"

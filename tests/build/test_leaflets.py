"""make leaflets on the real built site: one PDF per published language, read back as a clinic would.

Text is extracted with PyMuPDF, QR codes are decoded with zxing-cpp from the
rendered pages, and the fonts, tags, outline and metadata are read with pypdf.
Chromium and the Noto fonts must be installed (CI installs them; locally
their absence skips these tests, with LEAFLET_REQUIRE_TOOLS=1 it fails them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
import zxingcpp
from pypdf import PdfReader

from helpers import LANGUAGES, SOURCE, language_pages, missing, soup
from leaflet.leaflets.links import file_size
from leaflet.leaflets.settings import fonts_for, pdf_name
from leaflet.leaflets.tools import MissingTool, chromium_path, installed_families, require_fonts

EPOCH = "1793577600"  # 2 November 2026, 00:00 UTC
ONLINE = "https://riverside-clinic.example/hip-injection/"
IN_HOURS = "0161 496 0000"


def root_of(site: Path, language: str) -> Path:
    return site if language == SOURCE else site / language


def leaflets(site: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``make leaflets`` on ``site``, from the project the site was built from."""
    return subprocess.run(
        [sys.executable, "-m", "leaflet.leaflets", "--site-dir", str(site), *args],
        cwd=site.parent, capture_output=True, text=True, timeout=600,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})},
    )


def copy_site(site: Path, target: Path) -> Path:
    """The built project beside a copy of its site, so printing never changes the shared site."""
    for name in ("mkdocs.yml", "required-sections.yml", "babel.cfg", "docs", "overrides", "hooks", "locales", "glossary"):
        source = site.parent / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    shutil.copytree(site, target / "site")
    return target / "site"


@pytest.fixture(scope="module")
def printed(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        chromium_path()
        require_fonts([font for language in LANGUAGES for font in fonts_for(language)], installed_families())
    except MissingTool as error:
        missing(str(error))
    copy = copy_site(site, tmp_path_factory.mktemp("printed"))
    result = leaflets(copy)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return copy


def pdf_of(site: Path, language: str) -> Path:
    return root_of(site, language) / pdf_name(language)


def text_of(path: Path) -> str:
    with pymupdf.open(path) as document:
        return "\n".join(page.get_text() for page in document)


def qr_codes(path: Path) -> list[str]:
    """Every QR code on every page, as a phone's camera would read it off the paper."""
    found = []
    with pymupdf.open(path) as document:
        for page in document:
            image = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
            samples = image.samples  # the view borrows these bytes: keep them alive while it is read
            view = zxingcpp.ImageView(samples, image.width, image.height, zxingcpp.ImageFormat.Lum, image.stride)
            found += [code.text for code in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)]
            del view, samples
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_has_the_complications_heading_and_the_in_hours_number(printed: Path, language: str) -> None:
    heading = soup(root_of(printed, language) / "risks" / "index.html").find(id="complications").get_text(strip=True)
    text = text_of(pdf_of(printed, language))
    assert heading in text
    assert IN_HOURS in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qr_codes_lead_to_the_leaflet_and_each_page_online(printed: Path, language: str) -> None:
    home = ONLINE if language == SOURCE else f"{ONLINE}{language}/"
    pages = [
        soup(path).find("link", rel="canonical")["href"] for path in language_pages(printed, language)
    ]
    codes = qr_codes(pdf_of(printed, language))
    assert codes[0] == home  # the title page
    assert sorted(codes[1:]) == sorted(pages)  # one on each section's first page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fonts_are_embedded(printed: Path, language: str) -> None:
    reader = PdfReader(pdf_of(printed, language))
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts[str(font.get("/BaseFont", font.get("/Name", id(font))))] = font
    for name, font in fonts.items():
        if font["/Subtype"] == "/Type3":
            continue  # glyphs drawn in the file: Skia writes CFF fonts (Noto CJK) this way
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
    families = {name.split("+", 1)[-1].split("-")[0] for name in fonts}
    for font in fonts_for(language):
        if font.package == "fonts-noto-core":
            assert font.family.replace(" ", "") in families


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_is_tagged_titled_outlined_and_in_its_language(printed: Path, language: str) -> None:
    reader = PdfReader(pdf_of(printed, language))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == language
    titles = [soup(path).find("h1").get_text(strip=True) for path in language_pages(printed, language)]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert sorted(outline[1:]) == sorted(titles)  # after the title page's, each page's title, said once
    assert reader.metadata.title == f"{outline[0]} – Riverside Hip and Joint Clinic"
    assert reader.metadata["/CreationDate"] == "D:20261102000000Z"


def test_care_cards_say_their_level_in_words_on_paper(printed: Path) -> None:
    text = " ".join(text_of(pdf_of(printed, SOURCE)).split())
    assert "Emergency: Call 999 now if you have:" in text
    assert "Urgent advice: Get help today if you have signs of infection:" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_its_pdf_with_its_size(printed: Path, site: Path, language: str) -> None:
    size = file_size(pdf_of(printed, language).stat().st_size, language)
    for path in language_pages(printed, language):
        link = soup(path).select_one("p.leaflet-pdf")
        assert not link.has_attr("hidden"), path
        assert (path.parent / link.a["href"]).resolve() == pdf_of(printed, language).resolve()
        assert link.select_one(".leaflet-pdf__size").get_text() == size
    # make site alone: the link is there, hidden, for there is no PDF yet
    for path in language_pages(site, language):
        assert soup(path).select_one("p.leaflet-pdf").has_attr("hidden"), path


def test_two_runs_give_the_same_bytes(printed: Path) -> None:
    before = {language: pdf_of(printed, language).read_bytes() for language in LANGUAGES}
    again = leaflets(printed, "--language", "en", "--language", "ar")
    assert again.returncode == 0, again.stderr
    assert pdf_of(printed, "en").read_bytes() == before["en"]
    assert pdf_of(printed, "ar").read_bytes() == before["ar"]


def test_us_letter_is_a_setting(printed: Path, tmp_path: Path) -> None:
    copy = copy_site(printed, tmp_path)
    result = leaflets(copy, "--paper", "Letter", "--language", "zh-Hans")
    assert result.returncode == 0, result.stderr
    box = PdfReader(pdf_of(copy, "zh-Hans")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_missing_chromium_names_the_debian_package(printed: Path) -> None:
    result = leaflets(printed, env={"CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode == 2
    assert result.stderr == (
        "error: Chromium not found at /nonexistent/chromium: install Debian's chromium package "
        "(apt-get install chromium), or set CHROMIUM to the path of a Chromium\n"
    )


def test_a_missing_font_names_the_debian_package(printed: Path, tmp_path: Path) -> None:
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', encoding="utf-8")
    result = leaflets(printed, env={"FONTCONFIG_FILE": str(empty)})
    assert result.returncode == 2
    assert result.stderr == (
        "error: fonts Noto Sans, Noto Sans Arabic, Noto Sans CJK SC not found: install Debian's fonts-noto-cjk "
        "and fonts-noto-core packages (apt-get install fonts-noto-cjk fonts-noto-core)\n"
    )


def test_without_a_built_site_it_says_to_run_make_site(printed: Path, tmp_path: Path) -> None:
    result = leaflets(printed.parent / "nowhere")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "no built site for en: run make site first" in result.stderr
    assert "Traceback" not in result.stderr

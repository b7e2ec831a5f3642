"""The browser's own print view of a page carries that page's QR code; the screen view never loads it."""

from __future__ import annotations

import pymupdf
import pytest
import zxingcpp

from helpers import LANGUAGES, SOURCE

ONLINE = "https://riverside-clinic.example/hip-injection/"


@pytest.mark.parametrize("language", [SOURCE, "ar"] if "ar" in LANGUAGES else [SOURCE])
def test_print_shows_the_pages_qr_code_and_the_screen_never_loads_it(browser, base_url: str, language: str) -> None:
    path = "risks/" if language == SOURCE else f"{language}/risks/"
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        page.mouse.wheel(0, 20000)  # the whole page on screen: a lazy image there would load now
        page.wait_for_load_state("networkidle")
        assert not [url for url in requested if url.endswith("-qr.svg")]
        # Printing loads the lazy image (a browser's print preview waits for it); wait for it here too.
        page.emulate_media(media="print")
        page.wait_for_function("() => [...document.querySelectorAll('.leaflet-print-qr img')]"
                               ".every(image => image.complete && image.naturalWidth > 0)", timeout=20_000)
        printed = page.pdf(format="A4")
    finally:
        context.close()
    codes = []
    with pymupdf.open(stream=printed, filetype="pdf") as document:
        for sheet in document:
            image = sheet.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
            samples = image.samples  # the view borrows these bytes
            view = zxingcpp.ImageView(samples, image.width, image.height, zxingcpp.ImageFormat.Lum, image.stride)
            codes += [code.text for code in zxingcpp.read_barcodes(view)]
    assert codes == [ONLINE + path]

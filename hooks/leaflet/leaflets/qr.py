"""QR codes as SVG, made with ``segno`` (pure Python): deterministic text for the same address."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

import segno


def qr_svg(url: str, label: str) -> str:
    """An SVG image of ``url``'s QR code, named ``label`` for screen readers and tagged PDFs.

    Error correction M survives a crease or a smudge; the quiet zone of four
    modules is the standard's, so a phone finds the code on a busy page.
    """
    code = segno.make_qr(url, error="m", boost_error=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="leaflet-qr__code")
    name = html.escape(label, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1).replace(
        ">", f"><title>{name}</title>", 1
    )


def page_qr_file(dest_uri: str) -> str:
    """The QR code's file beside the page's: ``index.html`` has ``index-qr.svg``."""
    return posixpath.splitext(posixpath.basename(dest_uri))[0] + "-qr.svg"


def write_page_qr(folder: Path, dest_uri: str, url: str, label: str) -> Path:
    """The page's QR code beside its HTML file, for the browser's print view only."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / page_qr_file(dest_uri)
    text = '<?xml version="1.0" encoding="utf-8"?>\n' + qr_svg(url, label).replace(
        "<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1
    )
    path.write_text(text + "\n", encoding="utf-8")
    return path

"""The site's link to each language's PDF, shown with its size once ``make leaflets`` has made it.

Every page carries the link hidden (``make site`` alone has no PDF to link
to); this shows it and writes the file's size into it, in the reader's way
of writing numbers and units (``412 kB``, ``412 ko``).
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.units import format_unit

from ..settings.languages import locale_of

_HIDDEN = re.compile(r'(<p class="leaflet-pdf" data-leaflet-pdf="(?P<name>[^"]+)")(?: hidden)?>')
_SIZE = re.compile(r'<span class="leaflet-pdf__size">[^<]*</span>')


def file_size(size: int, language: str) -> str:
    """``size`` bytes in kilobytes, or megabytes from 1 MB, written the language's way."""
    locale = locale_of(language)
    if size >= 1_000_000:
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=locale)
    return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)


def show_link(page: str, pdf: str, size: str) -> str:
    """The page's HTML with the link to ``pdf`` shown and ``size`` written in it; other links unchanged."""

    def shown(match: re.Match[str]) -> str:
        return match.group(1) + ">" if match.group("name") == pdf else match.group(0)

    if f'data-leaflet-pdf="{pdf}"' not in page:
        return page
    return _SIZE.sub(f'<span class="leaflet-pdf__size">{size}</span>', _HIDDEN.sub(shown, page))


def show_links(pages: list[Path], pdf: str, size: str) -> int:
    """Each page rewritten in place; the number of pages that link to ``pdf``."""
    count = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        updated = show_link(text, pdf, size)
        if updated != text or f'data-leaflet-pdf="{pdf}"' in text:
            count += 1
        if updated != text:
            path.write_text(updated, encoding="utf-8")
    return count

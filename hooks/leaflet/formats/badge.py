"""A status badge per language, as SVG: its code, the share of messages translated, its verdict.

Self-contained (no font, image or link to fetch), so a README, a CI artifact
or the progress page can show it as it is.
"""

from __future__ import annotations

from html import escape

from ..model import LocaleCoverage
from .words import percent

#: background colours: covered, failing (published), draft; white text reads on each (contrast 4.5:1 or more)
COLOURS = {"ok": "#1a7f37", "fails": "#cf222e", "draft": "#57606a"}
LABEL = "#24292f"
_CHAR, _PAD, _HEIGHT = 7, 10, 20  # an 11 px sans-serif character is about 7 px wide


def state_of(locale: LocaleCoverage) -> str:
    """``ok``, ``fails`` or ``draft``: the badge's word and colour."""
    if locale.ok:
        return "ok"
    return "fails" if locale.published else "draft"


def translated_share(locale: LocaleCoverage) -> int:
    messages = locale.messages
    return percent(messages.get("translated", 0), messages.get("total", 0))


def badge(locale: LocaleCoverage) -> str:
    """The badge of one language, ``<svg ...>`` (no XML declaration, so HTML can hold it as it is)."""
    word = state_of(locale)
    left, right = locale.locale, f"{translated_share(locale)}% {word}"
    said = f"{locale.locale}: {translated_share(locale)}% of messages translated, {word}"
    left_width, right_width = (len(text) * _CHAR + 2 * _PAD for text in (left, right))
    width = left_width + right_width
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{_HEIGHT}" role="img" '
        f'aria-label="{escape(said)}">'
        f"<title>{escape(said)}</title>"
        f'<rect width="{left_width}" height="{_HEIGHT}" fill="{LABEL}"/>'
        f'<rect x="{left_width}" width="{right_width}" height="{_HEIGHT}" fill="{COLOURS[word]}"/>'
        '<g fill="#fff" text-anchor="middle" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11">'
        f'<text x="{left_width / 2:g}" y="14">{escape(left)}</text>'
        f'<text x="{left_width + right_width / 2:g}" y="14">{escape(right)}</text>'
        "</g></svg>"
    )


def badge_file(locale: LocaleCoverage) -> str:
    """The badge as a file: ``<lang>.svg``."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + badge(locale) + "\n"

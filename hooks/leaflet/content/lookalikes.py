"""Punctuation that looks like ASCII punctuation but is not.

Copied text (the seed leaflet among it) carries such characters; screen
readers announce them by name and search does not match them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..model import Finding

#: character -> the ASCII character it poses as
LOOKALIKES: dict[str, str] = {
    "\u201a": ",",  # SINGLE LOW-9 QUOTATION MARK
    "\u2024": ".",  # ONE DOT LEADER
    "\u2025": "..",  # TWO DOT LEADER
    "\u205a": ":",  # TWO DOT PUNCTUATION
    "\u2236": ":",  # RATIO
    "\u0589": ":",  # ARMENIAN FULL STOP
    "\ua789": ":",  # MODIFIER LETTER COLON
    "\u037e": ";",  # GREEK QUESTION MARK
    "\u2044": "/",  # FRACTION SLASH
    "\u2215": "/",  # DIVISION SLASH
}


def find_lookalikes(text: str, path: str, first_line: int = 1) -> Iterator[Finding]:
    """Yield one finding per look-alike character, with its 1-based line."""
    for offset, line in enumerate(text.splitlines()):
        for char in sorted(set(line) & LOOKALIKES.keys()):
            yield Finding(
                path,
                first_line + offset,
                "lookalike-punctuation",
                f"U+{ord(char):04X} {unicodedata.name(char)} looks like "
                f"{LOOKALIKES[char]!r} but is not; type {LOOKALIKES[char]!r} instead",
            )

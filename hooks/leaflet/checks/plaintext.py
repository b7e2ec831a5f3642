"""Text that Markdown renders as itself, in any context a unit lands in.

For such text :func:`leaflet.checks.rendered.render` frames the text in
each context's HTML, read off the pipeline once, instead of running the
pipeline: what a patient sees is the same, by construction and by test
(``tests/unit/checks/test_plaintext.py`` compares the two for every
shipped message and for generated text).
"""

from __future__ import annotations

import re
import unicodedata

#: ASCII characters that start or take part in Markdown, HTML or an extension's syntax
_SYNTAX = frozenset('\\`*_[]{}<>&#|~+=^$"')
_LIST_NUMBER = re.compile(r"\d+[.)]")
#: letters, marks, digits, punctuation, symbols, and spaces (not line or paragraph separators)
_PLAIN = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
                    "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs"})


def plain(text: str) -> bool:
    """Text that no Markdown, HTML or extension syntax can touch, in any context: letters, marks,
    digits, spaces and punctuation other than :data:`_SYNTAX`, no control or format character
    (Markdown's own markers are control characters), beginning with a letter, a digit that starts
    no numbered list, or non-ASCII punctuation, with no space at either end and never two ASCII
    spaces together. Python-Markdown renders such text as itself, placed where the context puts
    its text."""
    if not text or text[0].isspace() or text[-1].isspace() or "  " in text or _LIST_NUMBER.match(text):
        return False
    first = unicodedata.category(text[0])[0]
    if not (first in "LN" or (first in "PS" and not text[0].isascii())):
        return False
    return all(c not in _SYNTAX and unicodedata.category(c) in _PLAIN for c in text)



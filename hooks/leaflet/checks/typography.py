"""Typography a translation must keep so that the page reads right: numbers that do
not wrap, French spacing, Chinese full-width punctuation.

Each check is ``(msgid, msgstr, locale) -> detail | None`` and names the offending
character by its code point (``U+0020 SPACE``), never shown raw. Group symbols come
from CLDR through Babel; CLDR has no rule for spacing before punctuation or for
full-width forms, so those are written here. Placeholders, link targets, URLs,
inline code and Python format fields (``%(date)s``) are left out first.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from babel import UnknownLocaleError
from babel.numbers import get_group_symbol

from ..settings.languages import locale_of
from .number_words import language_of
from .registry import check
from .text import describe, outside_markup

#: what markup is replaced by before a check reads the text: a character that is no space, letter or digit
_MASK = "\ufffc"
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\]\[)]+|%\([A-Za-z_]\w*\)[sdif]|<[^<>\n]+>|\{:?[^{}\n]*\}")
#: spaces that keep their neighbours on one line
_NO_BREAK = "\u00a0\u202f\u2007\u2060"
_BREAKING = rf"[^\S{_NO_BREAK}]"
_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\s\d{3})+(?!\d)")
_UNITS = "°C|℃|%|mg|ml|mL|kg|cm|mm"
_NUMBER_UNIT = re.compile(rf"(?<![\d.,])\d+(?:[.,]\d+)?({_BREAKING})({_UNITS})(?![A-Za-z])")
_NO_BREAK_ADVICE = "U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE"
#: French punctuation preceded by a no-break space; Canadian French spaces the colon only
_FRENCH_MARKS = {"fr_CA": ":"}
#: Chinese sentence punctuation: the ASCII mark and its full-width form
_FULL_WIDTH = dict(zip(",.:;!?()", "，。：；！？（）", strict=True))
_EMPHASIS = "*_~ \t"


def masked(text: str) -> str:
    """``text`` with placeholders, links, URLs, code, format fields and tags each replaced by one mark."""
    return _URL.sub(_MASK, outside_markup(text, _MASK))


@functools.lru_cache(maxsize=64)
def _group_symbol(locale: str) -> str | None:
    """The locale's digit group symbol in CLDR: U+202F in French, '.' in German."""
    try:
        return get_group_symbol(locale_of(locale))
    except (UnknownLocaleError, ValueError):
        return None


def _group_advice(locale: str) -> str:
    symbol = _group_symbol(locale)
    if symbol and symbol.isspace():
        return f"use {describe(symbol)}, the group symbol of {locale} in CLDR"
    shown = f", or the group symbol of {locale} in CLDR, {symbol!r}" if symbol else ""
    return f"use {_NO_BREAK_ADVICE}{shown}"


def _wraps(text: str) -> list[tuple[str, str]]:
    """Each number group or number and unit that a line could break inside: (as written, its breaking space)."""
    found = []
    for match in _GROUPS.finditer(text):
        space = next((char for char in match.group(0) if char.isspace() and char not in _NO_BREAK), None)
        if space:
            found.append((match.group(0), space))
    found += [(match.group(0), match.group(1)) for match in _NUMBER_UNIT.finditer(text)]
    return found


@check("number-may-wrap", "A number's digit groups, and a number and its unit, stay on one line.")
def check_number_wrap(msgid: str, msgstr: str, locale: str) -> str | None:
    english = masked(msgid)
    for written, space in _wraps(masked(msgstr)):
        if written in english:
            continue  # the English has it too: not the translation's doing
        if written[-1].isdigit():
            return f"{written!r} separates digit groups with {describe(space)}, where a line can break; " + (
                _group_advice(locale)
            )
        return (
            f"{written!r} has {describe(space)} between the number and its unit, where a line can break; "
            f"use {_NO_BREAK_ADVICE}, or no space"
        )
    return None


def _french_problem(text: str, index: int) -> str | None:
    """What is wrong before the punctuation at ``index``, or None."""
    mark, before = text[index], text[index - 1] if index else ""
    after = text[index + 1 : index + 2]
    if not before or before in ";:!?" or before in _NO_BREAK:
        return None  # the start, a run such as "?!" or "!!!", or the right space
    if (mark == ":" and after.isalnum()) or (mark == "!" and after == "["):
        return None  # a time (08:00), a scheme (data:, tel:) or an image (![...](...)): not punctuation
    if before.isspace():
        return f"{describe(before)} before {mark!r} lets the line break before it; use {_NO_BREAK_ADVICE}"
    return f"no space before {mark!r}; French puts {_NO_BREAK_ADVICE} before it"


@check("french-spacing", "In French, ; : ! ? follow a no-break space (U+00A0 or U+202F).")
def check_french_spacing(msgid: str, msgstr: str, locale: str) -> str | None:
    if language_of(locale) != "fr":
        return None
    marks = _FRENCH_MARKS.get(locale.replace("-", "_"), ";:!?")
    text = masked(msgstr)
    for index, char in enumerate(text):
        problem = _french_problem(text, index) if char in marks else None
        if problem:
            return f"{problem}: {text[max(0, index - 12) : index + 1].replace(_MASK, '…')!r}"
    return None


def _han(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _latin(char: str) -> bool:
    return (char.isascii() and char.isalpha()) or unicodedata.name(char, "").startswith("LATIN")


def _ascii_mark(text: str, index: int) -> bool:
    """Whether the ASCII mark at ``index`` stands next to Han text, outside a number or a Latin word."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    if (before.isdigit() and after.isdigit()) or any(_latin(char) for char in before + after):
        return False
    previous = text[:index].rstrip(_EMPHASIS)[-1:]
    following = text[index + 1 :].lstrip(_EMPHASIS)[:1]
    return any(_han(char) for char in previous + following)


@check("full-width-punctuation", "In Chinese, sentence punctuation next to Han text is full-width (，。：).")
def check_full_width(msgid: str, msgstr: str, locale: str) -> str | None:
    if language_of(locale) != "zh":
        return None
    text = masked(msgstr)
    for index, char in enumerate(text):
        if char in _FULL_WIDTH and _ascii_mark(text, index):
            context = text[max(0, index - 6) : index + 4].replace(_MASK, "…")
            return f"{describe(char)} in {context!r} is ASCII; Chinese text uses {describe(_FULL_WIDTH[char])}"
    return None


#: the typography checks, in the order they run; :data:`.qa.CHECKS` adds them
TYPOGRAPHY_CHECKS = (check_number_wrap, check_french_spacing, check_full_width)

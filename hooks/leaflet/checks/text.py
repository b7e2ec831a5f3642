"""Translation QA on the text as written: what a translator's keyboard can add.

These checks read the msgstr itself, before any rendering: placeholders,
inline code, look-alike punctuation, Markdown syntax the English lacks.
What the page then shows is checked on the rendering (:mod:`.rendered`,
used by :mod:`.qa`). Each check is ``(msgid, msgstr, locale) -> detail | None``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ..content.lookalikes import LOOKALIKES
from . import number_words
from .registry import check


class _Digits(dict[int, "str | int"]):
    """A ``str.translate`` table that reads every decimal digit as its ASCII digit, by its
    Unicode value: Arabic-Indic ٣, Persian ۳, Devanagari ३, Bengali ৩, fullwidth ３ are all 3.
    Filled as characters are met, so no table of scripts can miss one."""

    def __missing__(self, code: int) -> str | int:
        char = chr(code)
        self[code] = str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else code
        return self[code]


_DIGITS = _Digits()
_GROUP = "[,.\u00a0\u202f\u2009 '\u2019]"
_NUMBER = re.compile(rf"\d{{1,3}}(?:{_GROUP}\d{{3}})+(?![\d])|\d+(?:[.,]\d+)?")
PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)|<((?:https?|mailto|tel):[^>\s]+)>")
_CONTACT = re.compile(r"\b(tel|mailto):[^\s)\]>\"']+", re.IGNORECASE)
_CODE = re.compile(r"(`+)(.+?)\1")
_UNSAFE_URL = re.compile(r"(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
#: what a browser drops from a URL before reading its scheme
_CONTROLS_AND_SPACES = re.compile(r"[\x00-\x20]")
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: joiners some scripts need: allowed in those languages only
_JOINERS = {
    "\u200c": {"fa", "ps", "ur", "ckb", "ku", "hi", "bn", "mr", "ne", "ta", "te", "ml", "kn", "si"},
    "\u200d": {"hi", "bn", "mr", "ne", "si", "ml"},
}
#: attr_list's syntax (``{hidden}``, ``{: .class #id key=value}``), placeholders left out first
_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*[^{}\n ][^{}\n]*\}")
#: a reference-link definition, ``[id]: url``, wherever it stands
_REFERENCE = re.compile(r"\[[^\[\]\n]*\]:[ \t]*\S+")
#: characters that end a line for Python-Markdown or for Python's ``splitlines``; a bare
#: ``\n`` does not: the build joins a msgstr's lines with spaces
LINE_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_BLOCK_START = re.compile(r"^\s*(?:!!!|\?\?\?|#{1,6}\s|>|\||[-*+]\s|\d+[.)]\s|`{3}|~{3}|-{3}|\*{3}|_{3}|\{:)")


#: names Unicode gives control characters as aliases only
_CONTROL_NAMES = {
    "\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\x0b": "LINE TABULATION", "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN", "\x1c": "FILE SEPARATOR", "\x1d": "GROUP SEPARATOR", "\x1e": "RECORD SEPARATOR",
    "\x85": "NEXT LINE",
}


def describe(char: str) -> str:
    """``U+200F RIGHT-TO-LEFT MARK``: a character named, never shown raw."""
    return f"U+{ord(char):04X} {_CONTROL_NAMES.get(char) or unicodedata.name(char, 'UNNAMED')}"


def outside_markup(text: str, mark: str = " ") -> str:
    """Text with placeholders, link targets and code replaced by ``mark`` (their digits are not numbers)."""
    text = PLACEHOLDER.sub(mark, text)
    text = _LINK.sub("]", text)
    text = _CONTACT.sub(mark, text)
    return _CODE.sub(mark, text)


def numbers(text: str) -> Counter[str]:
    """The numbers in a text, as values: '10 000', '10,000' and the same in Arabic-Indic digits are all 10000."""
    return Counter(_numbers(text))


@functools.lru_cache(maxsize=16384)
def _numbers(text: str) -> dict[str, int]:
    text = outside_markup(text).translate(_DIGITS).replace("\u066c", ",").replace("\u066b", ".")
    found: Counter[str] = Counter()
    for match in _NUMBER.finditer(text):
        token = match.group(0)
        if re.fullmatch(rf"\d{{1,3}}(?:{_GROUP}\d{{3}})+", token):
            value = re.sub(r"\D", "", token)
        else:
            value = token.replace(",", ".")
        value = value.lstrip("0") or "0"
        if "." in value:
            value = value.rstrip("0").rstrip(".") or "0"
        found[value] += 1
    return dict(found)


def spelled(text: str, locale: str) -> Counter[str]:
    """The numbers ``text`` writes as words in its language: "deux", "两种", "يومين" (the dual) are all 2."""
    return Counter(_spelled(text, locale))


@functools.lru_cache(maxsize=16384)
def _spelled(text: str, locale: str) -> dict[str, int]:
    return dict(Counter(str(value) for value in number_words.values(outside_markup(text), locale)))


@functools.lru_cache(maxsize=16384)
def number_changes(english: str, translation: str, locale: str, source: str = "en") -> str | None:
    """The number check's comparison: the digits of both sides, where a number one side writes
    as a word stands for a digit the other side has. "for 2 days" and "لمدة يومين", "two
    medicines" and "2 médicaments" agree; a word with no digit to stand for ("entre deux
    injections" for "apart") is not a number the patient could misread, and is left alone.
    """
    if _numbers(english) == _numbers(translation):
        return None  # no number either side lacks: no word has one to stand for
    expected, received = numbers(english), numbers(translation)
    received += (expected - received) & spelled(translation, locale)
    expected += (received - expected) & spelled(english, source)
    return differ("number", expected, received)


def differ(kind: str, source: Counter[str], translation: Counter[str]) -> str | None:
    """Expected vs received, for two counts of the same kind of thing."""
    if source == translation:
        return None
    missing = sorted((source - translation).elements())
    added = sorted((translation - source).elements())
    expected = f"expected {kind} {', '.join(map(repr, missing))}"
    received = ", ".join(map(repr, added))
    if missing and added:
        return f"{expected} but received {received}"
    if missing:
        return f"{expected}, which the translation lacks"
    return f"received {kind} {received}, which the English lacks"


def placeholders(text: str) -> list[str]:
    """Clinic placeholders in the order written: ``['{{ phone.in_hours }}']``."""
    return [f"{{{{ {name} }}}}" for name in PLACEHOLDER.findall(text)]


@check("placeholder-changed", "Clinic placeholders such as {{ phone.in_hours }} are the same.")
def check_placeholders(msgid: str, msgstr: str, locale: str) -> str | None:
    return differ("placeholder", Counter(placeholders(msgid)), Counter(placeholders(msgstr)))


@check("code-changed", "Inline code is the same as in English.")
def check_code(msgid: str, msgstr: str, locale: str) -> str | None:
    def code(text: str) -> Counter[str]:
        return Counter(match.group(2) for match in _CODE.finditer(text))

    return differ("code", code(msgid), code(msgstr))


def check_unsafe_url(msgid: str, msgstr: str, locale: str) -> str | None:
    found = _UNSAFE_URL.search(msgstr)
    if found and not _UNSAFE_URL.search(msgid):
        return f"{found.group(0).strip()!r} can run code or hide content in a patient's browser"
    return None


def unsafe_urls(values: Iterable[str | None]) -> list[str]:
    """Values that are javascript:, vbscript: or data: URLs, read as a browser does (controls and spaces dropped)."""
    return [value for value in map(_cleaned, values) if _UNSAFE_URL.match(value)]


@functools.lru_cache(maxsize=16384)
def _cleaned(value: str | None) -> str:
    return _CONTROLS_AND_SPACES.sub("", value or "")


@check("attribute-list-added", "No attribute list ({hidden}, {: #id}) the English lacks.")
def check_attribute_list(msgid: str, msgstr: str, locale: str) -> str | None:
    """attr_list syntax sets attributes wherever it lands next to an element; where it does not,
    the patient reads braces. Either way the English has none."""
    def found(text: str) -> Counter[str]:
        return Counter(_ATTRIBUTE_LIST.findall(PLACEHOLDER.sub(" ", text)))

    added = sorted((found(msgstr) - found(msgid)).elements())
    return f"{added[0]!r} is an attribute list the English does not have" if added else None


def check_reference_text(msgid: str, msgstr: str, locale: str) -> str | None:
    added = sorted((Counter(_REFERENCE.findall(msgstr)) - Counter(_REFERENCE.findall(msgid))).elements())
    return f"{added[0]!r} is a reference-link definition the English does not have" if added else None


def _new_char(msgid: str, msgstr: str, chars: Iterable[str]) -> str | None:
    """The first of ``chars`` in the translation that the English does not have."""
    return next((char for char in msgstr if char in chars and char not in msgid), None)


@check("line-break-added", "No carriage return or line separator the English lacks.")
def check_line_breaks(msgid: str, msgstr: str, locale: str) -> str | None:
    char = _new_char(msgid, msgstr, LINE_BREAKS)
    return f"{describe(char)} starts a new line on the page, where the English has none" if char else None


def invisible(english: str, translation: str, locale: str) -> str | None:
    """The first bidi control or invisible character of ``translation`` that ``english`` lacks."""
    language = locale.split("_")[0].split("-")[0]
    known = set(english)
    for char in dict.fromkeys(translation):
        if char in known or language in _JOINERS.get(char, ()):
            continue
        if char in _BIDI or unicodedata.category(char) == "Cf":
            kind = "a bidi control" if char in _BIDI else "an invisible character"
            return f"{describe(char)} is {kind} the English does not have"
    return None


@check("lookalike-punctuation", "No look-alike punctuation that the English does not have.")
def check_lookalikes(msgid: str, msgstr: str, locale: str) -> str | None:
    char = _new_char(msgid, msgstr, LOOKALIKES)
    return f"{describe(char)} looks like {LOOKALIKES[char]!r} but is not" if char else None


@check("block-markup-added", "No block syntax (care card, heading, list) at the start the English lacks.")
def check_block_markup(msgid: str, msgstr: str, locale: str) -> str | None:
    """Block syntax at the start would turn the block into another kind
    (a care card, a heading, a list) on the page."""
    found = _BLOCK_START.match(msgstr)
    if found and not _BLOCK_START.match(msgid):
        return f"starts with {found.group(0).strip()!r}, which would make this block a different kind of block"
    return None


def has_words(text: str) -> bool:
    return any(char.isalpha() for char in outside_markup(text))


@check("identical-to-source", "The translation is not the English unchanged (allow-list names and numbers).")
def check_identical(msgid: str, msgstr: str, locale: str) -> str | None:
    if msgstr.strip() == msgid.strip() and has_words(msgid):
        return "the translation is the English text unchanged"
    return None

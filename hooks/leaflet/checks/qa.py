"""Translation QA: what a translation may not silently change.

Each check is a small pure function with a stable code and a plain
sentence. A check compares a message's translation (msgstr) with its English
(msgid), order-insensitively, so translators may reorder a sentence freely.

A translator may escape a check for one message with a gettext flag naming
it, ``#, allow-identical-to-source``. Escapes never apply to messages of a
safety section, and every escape is listed in the coverage report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..content.lookalikes import LOOKALIKES
from ..model import Finding

ESCAPE_PREFIX = "allow-"

# Digits of other scripts, read as ASCII digits.
_DIGITS = {ord(c): str(i) for block in ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "０１２３４５６７８９") for i, c in enumerate(block)}
_GROUP = "[,.\u00a0\u202f\u2009 '’]"
_NUMBER = re.compile(rf"\d{{1,3}}(?:{_GROUP}\d{{3}})+(?![\d])|\d+(?:[.,]\d+)?")
_PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)|<((?:https?|mailto|tel):[^>\s]+)>")
_CONTACT = re.compile(r"\b(tel|mailto):[^\s)\]>\"']+", re.IGNORECASE)
_CODE = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
_UNSAFE_URL = re.compile(r"(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: joiners some scripts need: allowed in those languages only
_JOINERS = {"\u200c": {"fa", "ps", "ur", "ckb", "ku", "hi", "bn", "mr", "ne", "ta", "te", "ml", "kn", "si"}, "\u200d": {"hi", "bn", "mr", "ne", "si", "ml"}}


@dataclass(frozen=True)
class Check:
    code: str
    sentence: str  # what it protects, for the report and the docs
    run: Callable[[str, str, str], str | None]  # (msgid, msgstr, locale) -> detail


def _outside_markup(text: str) -> str:
    """Text with placeholders, link targets and code removed (their digits are not numbers)."""
    text = _PLACEHOLDER.sub(" ", text)
    text = _LINK.sub("]", text)
    text = _CONTACT.sub(" ", text)
    return _CODE.sub(" ", text)


def numbers(text: str) -> Counter[str]:
    """The numbers in a text, as values: '10 000', '10,000' and '١٠٬٠٠٠' are all 10000."""
    text = _outside_markup(text).translate(_DIGITS).replace("\u066c", ",").replace("\u066b", ".")
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
    return found


def _differ(kind: str, source: Counter[str], translation: Counter[str]) -> str | None:
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


def check_numbers(msgid: str, msgstr: str, locale: str) -> str | None:
    return _differ("number", numbers(msgid), numbers(msgstr))


def check_links(msgid: str, msgstr: str, locale: str) -> str | None:
    def targets(text: str) -> Counter[str]:
        return Counter(a or b for a, b in _LINK.findall(text) if not (a or b).lower().startswith(("tel:", "mailto:")))

    return _differ("link target", targets(msgid), targets(msgstr))


def check_contacts(msgid: str, msgstr: str, locale: str) -> str | None:
    def targets(text: str) -> Counter[str]:
        return Counter(match.group(0).lower() for match in _CONTACT.finditer(text))

    return _differ("phone or e-mail link", targets(msgid), targets(msgstr))


def check_placeholders(msgid: str, msgstr: str, locale: str) -> str | None:
    def found(text: str) -> Counter[str]:
        return Counter("{{ %s }}" % name for name in _PLACEHOLDER.findall(text))

    return _differ("placeholder", found(msgid), found(msgstr))


def check_code(msgid: str, msgstr: str, locale: str) -> str | None:
    return _differ("code", Counter(m.group(2) for m in _CODE.finditer(msgid)), Counter(m.group(2) for m in _CODE.finditer(msgstr)))


def check_html(msgid: str, msgstr: str, locale: str) -> str | None:
    allowed = {tag.lower() for tag in _TAG.findall(msgid)}
    added = sorted({tag.lower() for tag in _TAG.findall(msgstr)} - allowed)
    return f"<{added[0]}> is HTML the English does not have" if added else None


def check_unsafe_url(msgid: str, msgstr: str, locale: str) -> str | None:
    found = _UNSAFE_URL.search(msgstr)
    if found and not _UNSAFE_URL.search(msgid):
        return f"{found.group(0).strip()!r} can run code or hide content in a patient's browser"
    return None


def check_invisible(msgid: str, msgstr: str, locale: str) -> str | None:
    language = locale.split("_")[0].split("-")[0]
    for char in msgstr:
        if char in msgid or language in _JOINERS.get(char, ()):
            continue
        if char in _BIDI or unicodedata.category(char) == "Cf":
            kind = "bidi control" if char in _BIDI else "invisible character"
            return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')} is a {kind} the English does not have"
    return None


def check_lookalikes(msgid: str, msgstr: str, locale: str) -> str | None:
    for char in msgstr:
        if char in LOOKALIKES and char not in msgid:
            return f"U+{ord(char):04X} {unicodedata.name(char)} looks like {LOOKALIKES[char]!r} but is not"
    return None


_BLOCK_START = re.compile(r"^\s*(?:!!!|\?\?\?|#{1,6}\s|>|\||[-*+]\s|\d+[.)]\s|`{3}|~{3}|-{3}|\*{3}|_{3}|\{:)")


def check_block_markup(msgid: str, msgstr: str, locale: str) -> str | None:
    """Block syntax at the start would turn the block into another kind
    (a care card, a heading, a list) on the page."""
    found = _BLOCK_START.match(msgstr)
    if found and not _BLOCK_START.match(msgid):
        return f"starts with {found.group(0).strip()!r}, which would make this block a different kind of block"
    return None


def _has_words(text: str) -> bool:
    return any(char.isalpha() for char in _outside_markup(text))


def check_identical(msgid: str, msgstr: str, locale: str) -> str | None:
    if msgstr.strip() == msgid.strip() and _has_words(msgid):
        return "the translation is the English text unchanged"
    return None


CHECKS: tuple[Check, ...] = (
    Check("number-changed", "Numbers (doses, times, rates, temperatures) are the same as in English.", check_numbers),
    Check("link-changed", "Link and image targets are the same as in English.", check_links),
    Check("phone-changed", "Phone (tel:) and e-mail (mailto:) targets are the same as in English.", check_contacts),
    Check("placeholder-changed", "Clinic placeholders such as {{ phone.in_hours }} are the same as in English.", check_placeholders),
    Check("code-changed", "Inline code is the same as in English.", check_code),
    Check("html-added", "No raw HTML that the English does not have.", check_html),
    Check("unsafe-url", "No javascript: or data: URL.", check_unsafe_url),
    Check("block-markup-added", "No Markdown block syntax (care card, heading, list, quote, table, code) at the start that the English lacks.", check_block_markup),
    Check("invisible-character", "No bidi override, zero-width or other invisible character that the English does not have.", check_invisible),
    Check("lookalike-punctuation", "No look-alike punctuation that the English does not have.", check_lookalikes),
    Check("identical-to-source", "The translation is not the English text unchanged (allow-list names and numbers).", check_identical),
)
CODES = {check.code for check in CHECKS}


def escapes(flags: Iterable[str]) -> set[str]:
    """Check codes a message's flags escape: ``allow-identical-to-source``."""
    return {flag[len(ESCAPE_PREFIX):] for flag in flags if flag.startswith(ESCAPE_PREFIX) and flag[len(ESCAPE_PREFIX):] in CODES}


def problems(
    msgid: str,
    msgstr: str,
    locale: str,
    allowed: Iterable[str] = (),
    identical_ok: Iterable[str] = (),
    *,
    file: str = "",
    line: int = 0,
    section: str | None = None,
) -> list[Finding]:
    """Every check that fails, except those ``allowed`` (escaped) for this message."""
    skip = set(allowed)
    if msgid in set(identical_ok):
        skip.add("identical-to-source")
    found = []
    for check in CHECKS:
        if check.code in skip:
            continue
        detail = check.run(msgid, msgstr, locale)
        if detail:
            found.append(Finding(file, line, check.code, detail, locale, section))
    return found

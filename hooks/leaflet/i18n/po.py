"""Reading PO files: the one place catalogs are read; a shim over Babel's reader.

Each file is first scanned as gettext reads it, with the line of every string.
Babel reads ``#|`` previous-msgid lines as translator comments and writes them
folded like comments, cutting through their quotes (python-babel/babel#206);
``#~|`` lines make it fail (python-babel/babel#566). So they are hidden from
Babel and set as ``Message.previous_id``; :mod:`.writer` writes them back as
gettext does. A ``#|`` line folded by Babel (``pybabel update --previous``)
is refused with the way out: refresh with ``make catalogs`` only. A
duplicate msgid (Babel keeps one silently), a charset other than UTF-8, a bad
``Plural-Forms`` header or a line break in a msgstr is an error naming its line.
"""

from __future__ import annotations

import codecs
import gettext
import io
import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, unescape

from ..model import LeafletError

DOMAIN = "messages"
INVALID, UNREADABLE, ENCODING, CHARSET = "invalid-catalog", "catalog-unreadable", "catalog-encoding", "catalog-charset"
PLURAL_FORMS, DUPLICATE, LINE_BREAK = "catalog-plural-forms", "duplicate-msgid", "catalog-line-break"
_KEYWORD = r"(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+)?"
_LINE = re.compile(_KEYWORD + r'(?P<string>"(?:[^"\\]|\\.)*")[ \t]*')
_PREVIOUS_LINE = re.compile(r"^[ \t]*#~?\|[^\n]*", re.MULTILINE)
_RANK = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}  # every msgstr ranks 3
#: what Python-Markdown or Python's ``splitlines`` take for the end of a line
_LINE_BREAKS = {"\r": "U+000D CARRIAGE RETURN", "\u2028": "U+2028 LINE SEPARATOR",
                "\u2029": "U+2029 PARAGRAPH SEPARATOR"}
_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+?)\s*;?")
_UTF8 = 'it must be UTF-8: set "Content-Type: text/plain; charset=UTF-8\\n"'
_FOLDED = (
    "a '#|' line (the English a fuzzy message was translated from) folded through its quotes, as "
    "'pybabel update --previous' writes them (python-babel/babel#206); delete the '#|' lines of this "
    "message, and refresh catalogs with 'make catalogs' only"
)

Key = tuple[bool, str | None, str]  # obsolete, msgctxt, msgid (singular): as Babel keys a message


# -- the file as gettext reads it -------------------------------------------


@dataclass(frozen=True)
class Field:
    """A keyword and its strings: ``msgstr`` and every quoted line under it."""

    keyword: str
    line: int  # 1-based line of the keyword
    parts: tuple[tuple[int, str], ...]  # (line, unescaped text) of each quoted string

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.parts)


@dataclass(frozen=True)
class Entry:
    """One entry as written: its fields, the ``#|`` fields above it, its key and msgid line."""

    fields: tuple[Field, ...]
    previous: tuple[Field, ...]
    key: Key
    line: int


class _Scanner:
    """Reads lines as gettext does: keywords, quoted strings, comments."""

    def __init__(self, display: str) -> None:
        self.display, self.entries, self.obsolete = display, [], False
        self.fields: list[Field] = []  # of the entry being read
        self.pending: list[Field] = []  # '#|' fields waiting for their entry
        self.previous: tuple[Field, ...] = ()  # those of the entry being read

    def feed(self, number: int, line: str) -> None:
        line = line.strip()
        if line.startswith(("#|", "#~|")):
            self.close()
            self._previous(number, line.partition("|")[2].strip())
        elif line.startswith("#~") and line[2:].strip()[:1] not in ("", ",", ".", ":"):
            self._string(number, line[2:].strip(), obsolete=True)
        elif line.startswith("#"):
            self.close()
        elif line:
            self._string(number, line, obsolete=False)

    def close(self) -> None:
        if not self.fields:
            return
        if (last := self.fields[-1]).keyword in _RANK:  # no msgstr yet
            raise self.error(last.line, f"the {last.keyword} on this line has no msgstr after it")
        named = {field.keyword: field for field in reversed(self.fields)}
        context = named["msgctxt"].text if "msgctxt" in named else None
        key = (self.obsolete, context, named["msgid"].text)
        self.entries.append(Entry(tuple(self.fields), self.previous, key, named["msgid"].line))
        self.fields = []

    def error(self, line: int, problem: str) -> LeafletError:
        return LeafletError(self.display, line, f"not a valid PO file: {problem}", INVALID)

    def _match(self, number: int, body: str) -> tuple[str | None, str]:
        if (match := _LINE.fullmatch(body)) is None:
            raise self.error(number, f"expected a keyword and a quoted string, but found {body[:60]!r}")
        return match.group("keyword"), unescape(match.group("string"))

    def _previous(self, number: int, body: str) -> None:
        if _LINE.fullmatch(body) is None:
            raise self.error(number, f"{_FOLDED} (found {body[:40]!r})")
        keyword, text = self._match(number, body)
        if keyword not in (None, *_RANK) or not (keyword or self.pending):
            raise self.error(number, f"a '#|' line holds a previous msgctxt, msgid or msgid_plural, not {body[:40]!r}")
        _add(self.pending, keyword, number, text)

    def _string(self, number: int, body: str, obsolete: bool) -> None:
        keyword, text = self._match(number, body)
        rank = -1 if keyword is None else _RANK.get(keyword, 3)  # -1: a string continuing the last keyword's
        if self.fields and 0 <= rank < 3 and rank <= _RANK.get(self.fields[-1].keyword, 3):
            self.close()  # the next entry starts (or this one lacks its msgstr)
        if (rank < 0 and not self.fields) or (rank >= 2 and not any(f.keyword == "msgid" for f in self.fields)):
            raise self.error(number, f"{keyword or 'a quoted string'} without a msgid before it")
        if not self.fields:
            self.previous, self.pending, self.obsolete = tuple(self.pending), [], obsolete
        _add(self.fields, keyword, number, text)


def _add(fields: list[Field], keyword: str | None, number: int, text: str) -> None:
    """A new keyword's field, or one more string for the last field."""
    if keyword is None:
        fields[-1] = Field(fields[-1].keyword, fields[-1].line, (*fields[-1].parts, (number, text)))
    else:
        fields.append(Field(keyword, number, ((number, text),)))


def scan(text: str, display: str) -> list[Entry]:
    """Every entry of a PO file, with its lines; a line gettext would reject raises."""
    scanner = _Scanner(display)
    for number, line in enumerate(text.split("\n"), start=1):
        scanner.feed(number, line)
    scanner.close()
    return scanner.entries


# -- reading -------------------------------------------------------------


def read_catalog(path: Path, display: str, locale: str | None = None) -> Catalog:
    """Read one PO file; a broken one raises with its path, 1-based line and code."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the catalog: {error.strerror}", UNREADABLE) from None
    if data.startswith(codecs.BOM_UTF8):
        problem = "the catalog starts with a byte order mark (U+FEFF): remove the byte order mark"
        raise LeafletError(display, 1, problem, ENCODING)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LeafletError(display, line, "the catalog is not valid UTF-8; save it as UTF-8", ENCODING) from None
    entries = scan(text, display)
    _check_header(entries[0] if entries and entries[0].key == (False, None, "") else None, display)
    _check_duplicates(entries, display)
    _check_line_breaks(entries, display)
    try:
        catalog = read_po(io.StringIO(_PREVIOUS_LINE.sub("", text)), locale=locale, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        problem = error.args[0].rsplit(" on ", 1)[0]
        raise LeafletError(display, error.lineno + 1, f"not a valid PO file: {problem}", INVALID) from None
    except (ValueError, UnknownLocaleError) as error:
        raise LeafletError(display, 1, f"not a valid PO file: {error}", INVALID) from None
    _restore_previous_ids(catalog, entries)
    return catalog


def _header_field(header: Entry | None, name: str) -> tuple[str | None, int]:
    """A header field's value and the line it starts on; None and the header's line when it is absent."""
    if header is None:
        return None, 1
    msgstr = header.fields[-1]
    if (match := re.search(rf"(?<![^\n])[ \t]*{name}[ \t]*:([^\n]*)", msgstr.text, re.IGNORECASE)) is None:
        return None, msgstr.line
    ends = accumulate(len(part) for _, part in msgstr.parts)  # where each string ends in the header
    line = next(line for (line, _), end in zip(msgstr.parts, ends, strict=True) if end > match.start())
    return match.group(1).strip(), line


def _check_header(header: Entry | None, display: str) -> None:
    content_type, line = _header_field(header, "Content-Type")
    match = re.search(r"charset\s*=\s*([^\s;]+)", content_type or "", re.IGNORECASE)
    declared = match.group(1) if match else None
    try:
        utf8 = bool(declared) and codecs.lookup(declared).name == "utf-8"
    except LookupError:
        utf8 = False
    if not utf8:
        said = f"declares charset={declared}" if declared else "declares no charset"
        raise LeafletError(display, line, f"the catalog {said}; {_UTF8}", CHARSET)
    value, line = _header_field(header, "Plural-Forms")
    if value is not None and (problem := _plural_forms_problem(value)):
        raise LeafletError(display, line, f"the Plural-Forms header {value!r} is not valid: {problem}", PLURAL_FORMS)


def _plural_forms_problem(value: str) -> str | None:
    if (match := _PLURAL_FORMS.fullmatch(value)) is None:
        return "expected the form 'nplurals=2; plural=(n != 1);'"
    count, expression = int(match.group(1)), match.group(2)
    try:
        choose = gettext.c2py(expression)
        wrong = next((n for n in range(200) if not 0 <= choose(n) < count), None)
    except (ValueError, ArithmeticError, RecursionError) as error:
        return f"plural={expression!r} is not an expression gettext can evaluate ({error})"
    return None if wrong is None else f"plural= gives form {choose(wrong)} for n={wrong}, but nplurals={count}"


def _check_duplicates(entries: list[Entry], display: str) -> None:
    """Babel keeps one of two entries with the same msgctxt and msgid silently; the other translation is lost."""
    first: dict[Key, int] = {}
    for entry in entries:
        if (line := first.setdefault(entry.key, entry.line)) != entry.line:
            _, context, msgid = entry.key
            shown = f"msgid {msgid if len(msgid) <= 60 else msgid[:59] + '…'!r}"
            shown += f" (msgctxt {context!r})" if context is not None else ""
            problem = f"{shown} is in the catalog twice: keep one entry with the right translation and delete the other"
            raise LeafletError(display, entry.line, f"{problem}; first entry on line {line}", DUPLICATE)


def _check_line_breaks(entries: list[Entry], display: str) -> None:
    """A carriage return or line separator in a msgstr would start a new Markdown line at build time."""
    for entry in entries:
        if entry.key[0] or not entry.key[2]:
            continue  # not shown: an obsolete entry or the header
        for line, text in (part for field in entry.fields if field.keyword not in _RANK for part in field.parts):
            if char := next((char for char in text if char in _LINE_BREAKS), None):
                problem = f"the msgstr contains {_LINE_BREAKS[char]}, which would start a new line on the page"
                raise LeafletError(display, line, f"{problem}: remove it", LINE_BREAK)


def _restore_previous_ids(catalog: Catalog, entries: list[Entry]) -> None:
    obsolete = {(message.context, singular(message)): message for message in catalog.obsolete.values()}
    for entry in entries:
        if ids := [field.text for field in entry.previous if field.keyword != "msgctxt"]:
            _, context, msgid = entry.key
            message = obsolete.get((context, msgid)) if entry.key[0] else catalog.get(msgid, context)
            if message is not None:
                message.previous_id = ids


def singular(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]

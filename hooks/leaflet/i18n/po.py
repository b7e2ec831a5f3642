"""Reading and writing PO files: the one place catalogs are read, and the one
shim over Babel's PO support.

Every file is first scanned the way gettext reads it, with the line of each
string (:func:`scan`), to catch what Babel misses or loses:

- ``#|`` previous-msgid lines: Babel reads them as translator comments and
  writes them folded like comments, cutting through their quotes
  (python-babel/babel#206); ``#~|`` lines make it fail (python-babel/babel#566).
  They are hidden from Babel, restored as ``Message.previous_id`` and written
  back by :func:`render` above the entry with the same msgctxt and msgid. A
  previous msgctxt is dropped: Babel's ``Message`` has no place for it.
- Babel writes obsolete (``#~``) entries without flags, so a fuzzy
  translation would come back as a finished one; :func:`render` keeps them.
- A duplicate msgid (Babel silently keeps one translation), a charset other
  than UTF-8, a bad ``Plural-Forms`` header and a line break inside a msgstr
  are errors naming their line. Babel also guesses ``python-format`` flags
  from ``%`` or ``{`` in prose; :func:`render` drops them where nothing
  formats the text.
"""

from __future__ import annotations

import codecs
import gettext
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, generate_po, normalize, read_po, unescape

from ..model import LeafletError

DOMAIN = "messages"
WIDTH = 76
INVALID, UNREADABLE, ENCODING = "invalid-catalog", "catalog-unreadable", "catalog-encoding"
CHARSET, PLURAL_FORMS, DUPLICATE, LINE_BREAK = "catalog-charset", "catalog-plural-forms", "duplicate-msgid", "catalog-line-break"
#: flags Babel guesses from '%' or '{' in prose; only templates and Python really format their strings
_FORMAT_FLAGS = {"python-format", "python-brace-format"}
_FORMATTED_SOURCES = (".html", ".py")
_KEYWORD = r"(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+)?"
_LINE = re.compile(_KEYWORD + r'(?P<string>"(?:[^"\\]|\\.)*")[ \t]*')
_PREVIOUS_LINE = re.compile(r"^[ \t]*#~?\|[^\n]*", re.MULTILINE)
_RANK = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}  # every msgstr ranks 3
#: what Python-Markdown or Python's ``splitlines`` take for the end of a line
_LINE_BREAKS = {"\r": "U+000D CARRIAGE RETURN", "\u2028": "U+2028 LINE SEPARATOR", "\u2029": "U+2029 PARAGRAPH SEPARATOR"}
_DECLARED_CHARSET = re.compile(rb"charset\s*=\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+?)\s*;?")
_UTF8 = 'it must be UTF-8: set "Content-Type: text/plain; charset=UTF-8\\n"'

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

    @property
    def obsolete(self) -> bool:
        return self.key[0]


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
        if (last := self.fields[-1]).keyword in _RANK:
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
        keyword, text = self._match(number, body)
        if keyword is None and self.pending:
            self.pending[-1] = replace(self.pending[-1], parts=(*self.pending[-1].parts, (number, text)))
        elif keyword in _RANK:
            self.pending.append(Field(keyword, number, ((number, text),)))
        else:
            raise self.error(number, f"a '#|' line holds a previous msgctxt, msgid or msgid_plural, not {body[:40]!r}")

    def _string(self, number: int, body: str, obsolete: bool) -> None:
        keyword, text = self._match(number, body)
        if keyword is None:
            if not self.fields:
                raise self.error(number, "a quoted string outside any msgctxt, msgid or msgstr")
            self.fields[-1] = replace(self.fields[-1], parts=(*self.fields[-1].parts, (number, text)))
            return
        rank = _RANK.get(keyword, 3)
        if self.fields and rank < 3 and rank <= _RANK.get(self.fields[-1].keyword, 3):
            self.close()  # the next entry starts (or this one lacks its msgstr)
        if rank >= 2 and not any(field.keyword == "msgid" for field in self.fields):
            raise self.error(number, f"{keyword} without a msgid before it")
        if not self.fields:
            self.previous, self.pending, self.obsolete = tuple(self.pending), [], obsolete
        elif obsolete != self.obsolete:
            raise self.error(number, "an entry mixes obsolete (#~) and current lines")
        self.fields.append(Field(keyword, number, ((number, text),)))


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
    text = _decode(data, display)
    entries = scan(text, display)
    header = entries[0] if entries and entries[0].key == (False, None, "") else None
    for check in (_check_charset, _check_plural_forms):
        check(header, display)
    for check in (_check_duplicates, _check_line_breaks):
        check(entries, display)
    try:
        catalog = read_po(io.StringIO(_PREVIOUS_LINE.sub("", text)), locale=locale, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        problem = error.args[0].rsplit(" on ", 1)[0]
        raise LeafletError(display, error.lineno + 1, f"not a valid PO file: {problem}", INVALID) from None
    except (ValueError, UnknownLocaleError) as error:
        raise LeafletError(display, 1, f"not a valid PO file: {error}", INVALID) from None
    _restore_previous_ids(catalog, entries)
    return catalog


def _decode(data: bytes, display: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        problem = "the catalog starts with a byte order mark (U+FEFF): remove the byte order mark"
        raise LeafletError(display, 1, f"{problem} (save it as UTF-8 without BOM)", ENCODING)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        declared = _DECLARED_CHARSET.search(data)
        said = f" (its header declares charset={declared.group(1).decode()})" if declared else ""
        raise LeafletError(display, line, f"the catalog is not valid UTF-8{said}; save it as UTF-8", ENCODING) from None


def _header_field(header: Entry | None, name: str) -> tuple[str | None, int]:
    """A header field's value and the line it starts on; None and the header's line when it is absent."""
    msgstr = next((field for field in header.fields if field.keyword == "msgstr"), None) if header else None
    if msgstr is None:
        return None, 1
    text, starts = "", []  # (offset in the header, line) where each string starts
    for line, part in msgstr.parts:
        starts.append((len(text), line))
        text += part
    offset = 0
    for field in text.split("\n"):
        key, _, value = field.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip(), next(line for start, line in reversed(starts) if start <= offset)
        offset += len(field) + 1
    return None, msgstr.line


def _check_charset(header: Entry | None, display: str) -> None:
    content_type, line = _header_field(header, "Content-Type")
    match = re.search(r"charset\s*=\s*([^\s;]+)", content_type or "", re.IGNORECASE)
    declared = match.group(1) if match else None
    try:
        if declared and codecs.lookup(declared).name == "utf-8":
            return
    except LookupError:
        pass
    said = f"declares charset={declared}" if declared else "declares no charset"
    raise LeafletError(display, line, f"the catalog {said}; {_UTF8}", CHARSET)


def _check_plural_forms(header: Entry | None, display: str) -> None:
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
            shown = (msgid if len(msgid) <= 60 else msgid[:59] + "…").replace("\n", "\\n")
            where = f" (msgctxt {context!r})" if context is not None else ""
            problem = "keep one entry with the right translation and delete the other"
            message = f"msgid {shown!r}{where} is in the catalog twice: {problem}; first entry on line {line}"
            raise LeafletError(display, entry.line, message, DUPLICATE)


def _check_line_breaks(entries: list[Entry], display: str) -> None:
    """A carriage return or line separator in a msgstr would start a new Markdown line at build time."""
    for entry in entries:
        if entry.obsolete or not entry.key[2]:
            continue  # not shown: an obsolete entry, the header
        for line, text in (part for field in entry.fields if field.keyword.startswith("msgstr") for part in field.parts):
            if char := next((char for char in text if char in _LINE_BREAKS), None):
                problem = f"the msgstr contains {_LINE_BREAKS[char]}, which would start a new line on the page"
                raise LeafletError(display, line, f"{problem}: remove it", LINE_BREAK)


def _restore_previous_ids(catalog: Catalog, entries: list[Entry]) -> None:
    obsolete = {(message.context, _singular(message)): message for message in catalog.obsolete.values()}
    for entry in entries:
        if ids := [field.text for field in entry.previous if field.keyword != "msgctxt"]:
            _, context, msgid = entry.key
            message = obsolete.get((context, msgid)) if entry.obsolete else catalog.get(msgid, context)
            if message is not None:
                message.previous_id = ids


def _singular(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


# -- writing -------------------------------------------------------------


def render(catalog: Catalog) -> bytes:
    """A catalog as UTF-8 bytes, with the project's fixed width and order."""
    for message in _all_messages(catalog):
        if not all(str(location[0]).endswith(_FORMATTED_SOURCES) for location in message.locations):
            message.flags -= _FORMAT_FLAGS
    text = "".join(generate_po(catalog, width=WIDTH, ignore_obsolete=False, include_previous=False))
    return _with_gettext_lines(text, catalog).encode("utf-8")


def _all_messages(catalog: Catalog) -> Iterable[Message]:
    yield from (message for message in catalog if message.id)
    yield from catalog.obsolete.values()


def _with_gettext_lines(text: str, catalog: Catalog) -> str:
    """Add what Babel leaves out above the entry with the same key, found by scanning Babel's output.

    Previous msgids as gettext writes them (``#|``, wrapped as strings, not
    as comments), and the flags and ``#~|`` lines of obsolete entries.
    """
    added: dict[Key, list[str]] = {}
    for message in catalog:
        if message.id and message.previous_id:
            added[(False, message.context, _singular(message))] = _previous_lines(message, "#|")
    for message in catalog.obsolete.values():
        flags = [f"#, {', '.join(sorted(message.flags))}"] if message.flags else []
        if flags or message.previous_id:
            added[(True, message.context, _singular(message))] = flags + _previous_lines(message, "#~|")
    if not added:
        return text
    lines = text.split("\n")
    for entry in reversed(scan(text, "<rendered catalog>")):
        at = entry.fields[0].line - 1
        lines[at:at] = added.get(entry.key, [])
    return "\n".join(lines)


def _previous_lines(message: Message, prefix: str) -> list[str]:
    ids = [message.previous_id] if isinstance(message.previous_id, str) else list(message.previous_id)
    lines = []
    for keyword, previous in zip(("msgid", "msgid_plural"), ids, strict=False):
        block = normalize(previous, prefix="", width=WIDTH).split("\n")
        lines += [f"{prefix} {keyword} {block[0]}", *(f"{prefix} {line}" for line in block[1:])]
    return lines

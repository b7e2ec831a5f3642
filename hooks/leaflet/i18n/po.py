"""Reading and writing PO files: the one place catalogs are read, and the
one shim over Babel's PO support.

Babel's reader forgives what gettext rejects and loses what gettext keeps,
so every file is first scanned here the way gettext reads it, with the line
of every string (:func:`scan`). The scan finds what Babel does not:

- ``#| msgid`` (previous msgid) lines: Babel reads them as translator
  comments and writes them folded like comments, cutting through their
  quotes (python-babel/babel#206, open since 2015); ``#~|`` lines make it
  fail (python-babel/babel#566). They are blanked before Babel parses the
  file, restored as ``Message.previous_id``, and written back by
  :func:`render` the way gettext writes them, beside the entry with the
  same msgctxt and msgid. A previous msgctxt is dropped: Babel has no
  place for it.
- Babel writes obsolete (``#~``) entries without their flags, so a fuzzy
  translation would come back as a finished one; :func:`render` keeps them.
- A duplicate msgid (Babel keeps one translation silently), a charset other
  than UTF-8 (Babel writes ``\\uXXXX`` escapes or fails), a bad
  ``Plural-Forms`` header and line breaks inside a msgstr are errors with
  the line that holds them.

Babel also guesses ``python-format`` flags from ``%`` or ``{`` in prose;
:func:`render` drops them where nothing formats the text.
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
# error codes
INVALID = "invalid-catalog"
UNREADABLE = "catalog-unreadable"
ENCODING = "catalog-encoding"
CHARSET = "catalog-charset"
PLURAL_FORMS = "catalog-plural-forms"
DUPLICATE = "duplicate-msgid"
LINE_BREAK = "catalog-line-break"
#: flags Babel guesses from '%' or '{' in prose; only templates and Python
#: really format their strings
_FORMAT_FLAGS = {"python-format", "python-brace-format"}
_FORMATTED_SOURCES = (".html", ".py")
_LINE = re.compile(r'(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+)?(?P<string>"(?:[^"\\]|\\.)*")[ \t]*')
_PREVIOUS_LINE = re.compile(r"^[ \t]*#~?\|[^\n]*", re.MULTILINE)
_RANK = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}  # every msgstr ranks 3
#: characters Python-Markdown or Python's ``splitlines`` take for the end of a line
_LINE_BREAKS = {"\r": "U+000D CARRIAGE RETURN", "\u2028": "U+2028 LINE SEPARATOR", "\u2029": "U+2029 PARAGRAPH SEPARATOR"}
_DECLARED_CHARSET = re.compile(rb"charset\s*=\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+?)\s*;?")


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
    """One entry as written in the file: its fields, previous-string fields and state."""

    fields: tuple[Field, ...]
    previous: tuple[Field, ...] = ()  # the '#|' lines above it
    obsolete: bool = False

    def field(self, keyword: str) -> Field | None:
        return next((field for field in self.fields if field.keyword == keyword), None)

    @property
    def msgid(self) -> Field:
        return next(field for field in self.fields if field.keyword == "msgid")

    @property
    def key(self) -> tuple[bool, str | None, str]:
        """What names the entry: obsolete or not, msgctxt, msgid (singular), as Babel keys it."""
        context = self.field("msgctxt")
        return self.obsolete, context.text if context else None, self.msgid.text


class _Scanner:
    """Reads lines as gettext does: keyword, quoted strings, comments."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.entries: list[Entry] = []
        self.fields: list[Field] = []  # of the entry being read
        self.pending: list[Field] = []  # '#|' fields waiting for their entry
        self.previous: tuple[Field, ...] = ()  # those of the entry being read
        self.obsolete = False

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
        last = self.fields[-1]
        if _RANK.get(last.keyword, 3) < 3:
            raise self.error(last.line, f"the {last.keyword} on this line has no msgstr after it")
        self.entries.append(Entry(tuple(self.fields), self.previous, self.obsolete))
        self.fields = []

    def error(self, line: int, problem: str) -> LeafletError:
        return LeafletError(self.display, line, f"not a valid PO file: {problem}", INVALID)

    def _match(self, number: int, body: str) -> tuple[str | None, str]:
        match = _LINE.fullmatch(body)
        if match is None:
            raise self.error(number, f"expected a keyword and a quoted string, but found {body[:60]!r}")
        return match.group("keyword"), unescape(match.group("string"))

    def _previous(self, number: int, body: str) -> None:
        keyword, text = self._match(number, body)
        if keyword is None and self.pending:
            self.pending[-1] = _extended(self.pending[-1], number, text)
        elif keyword in _RANK:
            self.pending.append(Field(keyword, number, ((number, text),)))
        else:
            raise self.error(number, f"a '#|' line holds the previous msgctxt, msgid or msgid_plural, not {body[:60]!r}")

    def _string(self, number: int, body: str, obsolete: bool) -> None:
        keyword, text = self._match(number, body)
        if keyword is None:
            if not self.fields:
                raise self.error(number, "a quoted string outside any msgctxt, msgid or msgstr")
            self.fields[-1] = _extended(self.fields[-1], number, text)
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


def _extended(field: Field, number: int, text: str) -> Field:
    return replace(field, parts=(*field.parts, (number, text)))


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
    _check_charset(header, display)
    _check_plural_forms(header, display)
    _check_duplicates(entries, display)
    _check_line_breaks(entries, display)
    try:
        catalog = read_po(io.StringIO(_PREVIOUS_LINE.sub("", text)), locale=locale, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        raise LeafletError(
            display, error.lineno + 1, f"not a valid PO file: {error.args[0].rsplit(' on ', 1)[0]}", INVALID
        ) from None
    except (ValueError, UnknownLocaleError) as error:
        raise LeafletError(display, 1, f"not a valid PO file: {error}", INVALID) from None
    _restore_previous_ids(catalog, entries)
    return catalog


def _decode(data: bytes, display: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        raise LeafletError(
            display, 1, "the catalog starts with a byte order mark (U+FEFF): remove the byte order mark "
            "(save it as UTF-8 without BOM)", ENCODING,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        declared = _DECLARED_CHARSET.search(data)
        said = f" (its header declares charset={declared.group(1).decode()})" if declared else ""
        raise LeafletError(display, line, f"the catalog is not valid UTF-8{said}; save it as UTF-8", ENCODING) from None


def _header_field(header: Entry | None, name: str) -> tuple[str | None, int]:
    """A header field's value and the line it starts on; None and the header's line when it is absent."""
    msgstr = header.field("msgstr") if header else None
    if msgstr is None:
        return None, 1
    text, starts = "", []
    for line, part in msgstr.parts:
        if part:
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
    raise LeafletError(
        display, line, f'the catalog {said}; it must be UTF-8: set "Content-Type: text/plain; charset=UTF-8\\n"', CHARSET
    )


def _check_plural_forms(header: Entry | None, display: str) -> None:
    value, line = _header_field(header, "Plural-Forms")
    problem = None if value is None else _plural_forms_problem(value)
    if problem:
        raise LeafletError(display, line, f"the Plural-Forms header {value!r} is not valid: {problem}", PLURAL_FORMS)


def _plural_forms_problem(value: str) -> str | None:
    match = _PLURAL_FORMS.fullmatch(value)
    if match is None:
        return "expected the form 'nplurals=2; plural=(n != 1);'"
    count = int(match.group(1))
    try:
        choose = gettext.c2py(match.group(2))
        wrong = next((n for n in range(1000) if not 0 <= choose(n) < count), None)
    except (ValueError, ArithmeticError, RecursionError) as error:
        return f"plural={match.group(2)!r} is not an expression gettext can evaluate ({error})"
    if wrong is not None:
        return f"plural= gives form {choose(wrong)} for n={wrong}, but nplurals={count}"
    return None


def _check_duplicates(entries: list[Entry], display: str) -> None:
    """Babel keeps one of two entries with the same msgctxt and msgid silently; the other translation is lost."""
    first: dict[tuple[bool, str | None, str], int] = {}
    for entry in entries:
        line = first.setdefault(entry.key, entry.msgid.line)
        if line != entry.msgid.line:
            _, context, msgid = entry.key
            shown = msgid if len(msgid) <= 60 else msgid[:59] + "…"
            where = f" (msgctxt {context!r})" if context is not None else ""
            raise LeafletError(
                display, entry.msgid.line, f"msgid {shown!r}{where} is in the catalog twice: keep one entry "
                f"with the right translation and delete the other; first entry on line {line}", DUPLICATE,
            )


def _check_line_breaks(entries: list[Entry], display: str) -> None:
    """A carriage return or line separator in a msgstr would start a new Markdown line at build time."""
    for line, text in _msgstr_parts(entries):
        char = next((char for char in text if char in _LINE_BREAKS), None)
        if char is not None:
            raise LeafletError(
                display, line, f"the msgstr contains {_LINE_BREAKS[char]}, which would start a new line on "
                "the page: remove it", LINE_BREAK,
            )


def _msgstr_parts(entries: list[Entry]) -> Iterable[tuple[int, str]]:
    for entry in entries:
        if entry.obsolete or not entry.msgid.text:
            continue
        for field in entry.fields:
            if field.keyword.startswith("msgstr"):
                yield from field.parts


def _restore_previous_ids(catalog: Catalog, entries: list[Entry]) -> None:
    obsolete = {(message.context, _singular(message)): message for message in catalog.obsolete.values()}
    for entry in entries:
        ids = [field.text for field in entry.previous if field.keyword != "msgctxt"]
        _, context, msgid = entry.key
        message = obsolete.get((context, msgid)) if entry.obsolete else catalog.get(msgid, context)
        if ids and message is not None:
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
    """Add the lines Babel leaves out, above the entry with the same msgctxt and msgid.

    Previous msgids as gettext writes them (``#|``, wrapped as strings), and
    the flags of obsolete entries with their ``#~|`` lines.
    """
    added: dict[tuple[bool, str | None, str], list[str]] = {}
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
    for keyword, previous in zip(("msgid", "msgid_plural"), ids):
        block = normalize(previous, prefix="", width=WIDTH).split("\n")
        lines += [f"{prefix} {keyword} {block[0]}", *(f"{prefix} {line}" for line in block[1:])]
    return lines

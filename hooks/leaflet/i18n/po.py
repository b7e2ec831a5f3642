"""Reading and writing PO files: the one place Babel's PO support is patched.

Babel reads ``#| msgid`` (previous msgid) lines as translator comments and
writes them folded like comments, cutting through their quotes
(python-babel/babel#206, open since 2015). :func:`read_catalog` turns them
back into ``Message.previous_id`` and :func:`render` writes them the way
GNU gettext does. Babel also guesses ``python-format`` flags from ``%`` or
``{`` in prose; :func:`render` drops them where nothing formats the text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, normalize, read_po, unescape, write_po

from ..model import LeafletError

DOMAIN = "messages"
WIDTH = 76
#: flags Babel guesses from '%' or '{' in prose; only templates and Python
#: really format their strings
_FORMAT_FLAGS = {"python-format", "python-brace-format"}
_FORMATTED_SOURCES = (".html", ".py")
_STRING = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(rf"^(?:#~ ?)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_STRING}[ \t]*$")


# -- reading -------------------------------------------------------------


def read_catalog(path: Path, display: str, locale: str | None = None) -> Catalog:
    """Read one PO file; a broken one raises with its path and 1-based line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the catalog: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LeafletError(display, line, "the catalog is not valid UTF-8; save it as UTF-8") from None
    _check_syntax(text, display)
    try:
        catalog = read_po(io.StringIO(text), locale=locale, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        raise LeafletError(display, error.lineno + 1, f"not a valid PO file: {error.args[0].rsplit(' on ', 1)[0]}") from None
    except (ValueError, UnknownLocaleError) as error:
        raise LeafletError(display, 1, f"not a valid PO file: {error}") from None
    for message in _all_messages(catalog):
        _restore_previous_id(message)
    return catalog


def _check_syntax(text: str, display: str) -> None:
    """Babel forgives lines gettext rejects (a missing quote); we do not."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith("#~")):
            continue
        if stripped.startswith("#~") and stripped[2:].strip()[:1] in ("", "|", ",", ".", ":"):
            continue  # an obsolete entry's comments
        if not _PO_LINE.match(stripped):
            raise LeafletError(
                display, number, f"not a valid PO file: expected a keyword and a quoted string, but found {stripped[:60]!r}"
            )


def _all_messages(catalog: Catalog) -> Iterable[Message]:
    yield from (message for message in catalog if message.id)
    yield from catalog.obsolete.values()


def _restore_previous_id(message: Message) -> None:
    """Babel reads ``#| msgid`` lines as user comments; make them previous ids again."""
    previous = [comment[1:].strip() for comment in message.user_comments if comment.startswith("|")]
    if not previous:
        return
    message.user_comments = [comment for comment in message.user_comments if not comment.startswith("|")]
    text, strings = " ".join(previous), []
    for part in re.split(r"\bmsgid(?:_plural)?\s+", text)[1:]:
        strings.append("".join(unescape(quoted) for quoted in re.findall(r'"(?:[^"\\]|\\.)*"', part)))
    message.previous_id = strings if len(strings) > 1 else strings[0] if strings else ()


# -- writing -------------------------------------------------------------


def render(catalog: Catalog) -> bytes:
    """A catalog as bytes, with the project's fixed width and order."""
    for message in _all_messages(catalog):
        if not all(str(location[0]).endswith(_FORMATTED_SOURCES) for location in message.locations):
            message.flags -= _FORMAT_FLAGS
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=WIDTH,
        sort_output=False,
        sort_by_file=False,
        ignore_obsolete=False,
        include_previous=False,
    )
    return _with_previous_ids(buffer.getvalue().decode("utf-8"), catalog).encode("utf-8")


def _with_previous_ids(text: str, catalog: Catalog) -> str:
    """Add ``#| msgid`` lines as gettext writes them.

    Babel folds a long previous msgid like a comment, cutting through its
    quotes, which gettext tools then reject; these lines are wrapped as strings.
    """
    entries = text.split("\n\n")
    messages = [message for message in catalog if message.id] + list(catalog.obsolete.values())
    # entries[0] is the header; the rest follow the catalog's order
    for index, message in enumerate(messages, start=1):
        if not message.previous_id or index >= len(entries):
            continue
        previous = message.previous_id if isinstance(message.previous_id, str) else message.previous_id[0]
        block = normalize(previous, prefix="", width=WIDTH).split("\n")
        lines = ["#| msgid " + block[0], *("#| " + line for line in block[1:])]
        entry = entries[index].split("\n")
        at = next(i for i, line in enumerate(entry) if line.startswith(("msgctxt", "msgid", "#~ msg")))
        entries[index] = "\n".join(entry[:at] + lines + entry[at:])
    return "\n\n".join(entries)

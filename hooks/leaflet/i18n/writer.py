"""Writing PO files exactly as GNU gettext's ``msgcat`` writes them.

Translators' tools rewrite a catalog in gettext's layout: ``msgcat``,
``msgmerge`` and ``msgattrib`` (so Weblate), and Poedit, which wraps as
gettext does. A catalog the project writes in any other layout comes back
from them with hundreds of lines changed and no word of it edited. So the
project writes what ``msgcat`` writes, by piping the catalog through it, as
the Python documentation's ``powrap`` does: gettext's line breaks follow the
Unicode line-breaking rules (Chinese breaks between characters, a no-break
space never breaks), which only gettext itself gets exactly right.

Babel writes the catalog first, unwrapped, its header fields put in
msgmerge's order. Its output lacks what gettext keeps and Babel drops,
added here above the entry with the same key:
``#|`` previous-msgid lines (Babel folds them like comments, through their
quotes: python-babel/babel#206) and obsolete entries' flags. Babel's guessed
``python-format`` flags on prose are dropped, and old-form escape flags,
which ``msgcat`` would delete, become comments (:mod:`.escapes`). ``msgcat``
also drops obsolete entries without a translation, as ``msgmerge`` does:
they hold nothing a translator wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import generate_po, normalize

from ..model import LeafletError
from .escapes import move_flags
from .po import Key, scan, singular

MSGCAT = "msgcat"
NO_GETTEXT, GETTEXT_FAILED = "gettext-missing", "gettext-failed"
#: wide enough that Babel wraps nothing, comments included: msgcat wraps strings, and keeps comments as written
_UNWRAPPED = 1_000_000
#: flags Babel guesses from '%' or '{' in prose; only templates and Python really format their strings
_FORMAT_FLAGS = {"python-format", "python-brace-format"}
_FORMATTED_SOURCES = (".html", ".py")
#: the header fields in the order msgmerge writes them; others follow in their own order
_HEADER_ORDER = (
    "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator",
    "Language-Team", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms",
)
_INSTALL = (
    "GNU gettext's msgcat is not installed, and catalogs are written the way it writes them: "
    "install Debian's gettext package (apt-get install gettext; elsewhere, your system's gettext package)"
)


def render(catalog: Catalog, display: str = "<catalog>") -> bytes:
    """A catalog as UTF-8 bytes, exactly as ``msgcat`` writes it. ``display`` names it in an error."""
    messages = [*(message for message in catalog if message.id), *catalog.obsolete.values()]
    for message in messages:
        move_flags(message)
        if not all(str(location[0]).endswith(_FORMATTED_SOURCES) for location in message.locations):
            message.flags -= _FORMAT_FLAGS
    catalog.charset = "UTF-8"  # as msgmerge spells it
    text = "".join(generate_po(catalog, width=_UNWRAPPED, ignore_obsolete=False, include_previous=False))
    return msgcat(_with_gettext_lines(_in_gettext_order(text), catalog).encode("utf-8"), display)


def msgcat(content: bytes, display: str) -> bytes:
    """``content`` in gettext's layout: what ``msgcat`` prints for it."""
    program = shutil.which(MSGCAT)
    if program is None:
        raise LeafletError(display, 1, _INSTALL, NO_GETTEXT)
    # LC_ALL=C: msgcat's messages in English; the layout does not depend on the locale
    result = subprocess.run(
        [program, "--force-po", "--output-file=-", "-"], input=content, capture_output=True, timeout=120, check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit {result.returncode}"]
        raise LeafletError(display, 1, f"msgcat could not write the catalog: {said[0]}", GETTEXT_FAILED)
    return result.stdout


def _in_gettext_order(text: str) -> str:
    """The header's fields in msgmerge's order, so that msgmerge (Weblate's add-on) moves none of them."""
    start = text.find('msgid ""\nmsgstr ""\n')
    if start < 0:
        return text  # no header
    start += len('msgid ""\nmsgstr ""\n')
    end = text.find("\n\n", start)
    fields = text[start:end].split("\n")
    rank = {name: index for index, name in enumerate(_HEADER_ORDER)}
    fields.sort(key=lambda field: rank.get(field[1:].partition(":")[0], len(rank)))
    return text[:start] + "\n".join(fields) + text[end:]


def _with_gettext_lines(text: str, catalog: Catalog) -> str:
    """Add what Babel leaves out (``#|`` lines written as strings, not as comments; obsolete
    entries' flags) above the entry with the same key, found by scanning Babel's output."""
    added: dict[Key, list[str]] = {}
    for message in catalog:
        if message.id and message.previous_id:
            added[(False, message.context, singular(message))] = _previous_lines(message, "#|")
    for message in catalog.obsolete.values():
        flags = [f"#, {', '.join(sorted(message.flags))}"] if message.flags else []
        if flags or message.previous_id:
            added[(True, message.context, singular(message))] = flags + _previous_lines(message, "#~|")
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
        block = normalize(previous, prefix="", width=_UNWRAPPED).split("\n")
        lines += [f"{prefix} {keyword} {block[0]}", *(f"{prefix} {line}" for line in block[1:])]
    return lines

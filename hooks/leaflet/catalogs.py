"""Gettext catalogs: the template, one catalog per language, and the only
place catalogs are read.

One catalog per language for the whole site (``locales/<lang>/LC_MESSAGES/
messages.po``): a translator opens one file, a Weblate component is one file,
and a sentence that appears on two pages (the infection signs do) is
translated once and reads the same on both.

Refreshing never loses a translation: Babel's update keeps changed messages
as fuzzy with their old translation and moves removed ones to obsolete
(``#~``) entries. Files are rewritten only when a message changed, so an
unchanged tree leaves every file as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import PoFileError, normalize, read_po, unescape, write_po

from .findings import LeafletError

DOMAIN = "messages"
LOCALES = "locales"
TEMPLATE = f"{LOCALES}/{DOMAIN}.pot"
MAPPING = "babel.cfg"
SOURCE_LOCALE = "en"
PROJECT = "Hip joint injection patient information"
WIDTH = 76
#: flags Babel guesses from '%' or '{' in prose; only templates and Python
#: really format their strings
_FORMAT_FLAGS = {"python-format", "python-brace-format"}
_FORMATTED_SOURCES = (".html", ".py")
REVIEW_TEMPLATE = """\
# Sign-off for this translation. Until a clinical reviewer and a date are
# recorded here, every page in this language tells readers that the
# translation has not yet been checked by a clinician.
translator: null
language_reviewer: null
clinical_reviewer: null
reviewed_on: null
source_version: null
"""
_STRING = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(rf"^(?:#~ ?)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_STRING}[ \t]*$")
_DATE_HEADERS = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


def po_path(root: Path, locale: str) -> Path:
    return root / LOCALES / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def discover(root: Path) -> dict[str, Path]:
    """Every language that has a catalog, published or draft."""
    found = sorted((root / LOCALES).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return {path.parent.parent.name: path for path in found}


def parse_locale(code: str, where: str = "locale", path: str = "mkdocs.yml", line: int = 1) -> Locale:
    """A Babel locale, or an error that shows the expected form."""
    if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*", code):
        raise LeafletError(path, line, f"{where}: expected a locale code such as 'fr' or 'pt_BR' but received: {code!r}")
    try:
        return Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError):
        raise LeafletError(
            path, line, f"{where}: {code!r} is not a locale Babel knows; expected a code such as 'fr' or 'pt_BR'"
        ) from None


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


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write unless only the header dates differ; True when written."""
    if path.is_file() and _DATE_HEADERS.sub(b"", path.read_bytes()) == _DATE_HEADERS.sub(b"", content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


# -- extracting, refreshing, adding a language ----------------------------


def extract_template(root: Path) -> Catalog:
    """Extract every message from ``docs/``, ``mkdocs.yml`` and the theme overrides."""
    with (root / MAPPING).open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, MAPPING)
    template = Catalog(project=PROJECT, version="1", copyright_holder=PROJECT, fuzzy=False)
    for filename, line, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        template.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    return template


def refresh(root: Path) -> list[Path]:
    """Extract, then update every catalog; return the files written."""
    template = extract_template(root)
    written = []
    if _write_if_changed(root / TEMPLATE, render(template)):
        written.append(root / TEMPLATE)
    for locale, path in discover(root).items():
        catalog = read_catalog(path, path.relative_to(root).as_posix(), locale)
        previous = {message.id: message.previous_id for message in catalog if message.id and message.previous_id}
        catalog.update(template, update_header_comment=False, keep_user_comments=True)
        for message in catalog:
            # A still-fuzzy message keeps the English it was translated from.
            if message.fuzzy and not message.previous_id and message.id in previous:
                message.previous_id = previous[message.id]
        if _write_if_changed(path, render(catalog)):
            written.append(path)
    return written


def init(root: Path, code: str) -> Path:
    """Start a language from the template; an existing catalog is never replaced."""
    locale = parse_locale(code, "language")
    path = po_path(root, code)
    if path.exists():
        raise LeafletError(
            path.relative_to(root).as_posix(), 1, f"{code!r} already has a catalog; refresh it instead of starting again"
        )
    template = extract_template(root)
    catalog = Catalog(locale=locale, domain=DOMAIN, project=PROJECT, version="1", copyright_holder=PROJECT, fuzzy=False)
    catalog.revision_date = dt.datetime.now(dt.timezone.utc)
    for message in template:
        if message.id:
            catalog.add(message.id, "", message.locations, auto_comments=message.auto_comments, context=message.context)
    _write_if_changed(path, render(catalog))
    sign_off = path.parent.parent / "review.yml"
    if not sign_off.exists():
        sign_off.write_text(REVIEW_TEMPLATE, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leaflet.catalogs", description="Translation catalogs.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("refresh", help="extract messages from docs/ and update every catalog")
    start = commands.add_parser("init", help="start a catalog for a new language")
    start.add_argument("language", help="a locale code such as 'pl' or 'pt_BR'")
    args = parser.parse_args(argv)
    root = Path.cwd()
    try:
        if args.command == "refresh":
            written = refresh(root)
            for path in written:
                print(f"updated {path.relative_to(root).as_posix()}")
            if not written:
                print("catalogs already up to date")
        else:
            path = init(root, args.language)
            print(f"created {path.relative_to(root).as_posix()}")
    except LeafletError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

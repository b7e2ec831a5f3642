"""Gettext catalogs: the template, one catalog per language, and the only
place catalogs are found, refreshed and started.

One catalog per language for the whole site (``locales/<lang>/LC_MESSAGES/
messages.po``): a translator opens one file, a Weblate component is one file,
and a sentence that appears on two pages (the infection signs do) is
translated once and reads the same on both.

Refreshing never loses a translation: Babel's update keeps changed messages
as fuzzy with their old translation and moves removed ones to obsolete
(``#~``) entries. Every catalog is read and checked before any file is
written, so a catalog Babel would damage (a duplicate msgid loses a
translation, another charset garbles one) stops the refresh and nothing
changes. Files are written as GNU msgcat writes them (:mod:`.writer`), so
msgcat, msgmerge, Poedit and Weblate change no line of them, and only when a
message changed, so an unchanged tree leaves every file as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from tokenize import TokenError

from babel.core import Locale
from babel.messages.catalog import DEFAULT_HEADER, Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.util import pathmatch

from ..model import DOCS, SNIPPETS, LeafletError
from ..settings.languages import catalog_code, language_tag, parse_locale
from .po import DOMAIN, read_catalog
from .writer import render

__all__ = [
    "DOMAIN", "LOCALES", "BrokenCatalogs", "catalog_code", "discover", "extract_template", "init", "po_path",
    "read_all", "read_catalog", "refresh", "render",
]

LOCALES = "locales"
TEMPLATE = f"{LOCALES}/{DOMAIN}.pot"
MAPPING = "babel.cfg"
PROJECT = "Hip joint injection patient information"
REVIEW_TEMPLATE = """\
# Sign-off for this translation. Until a clinical reviewer and a date are
# recorded here, every page in this language tells readers that the
# translation has not yet been checked by a clinician.
translator: null
language_reviewer: null
language_reviewed_on: null   # the language review's date
clinical_reviewer: null
reviewed_on: null            # the clinical review's date
source_version: null         # the git commit of docs/ (the English) signed off
"""
_HEADER_COMMENT = "\n".join(line for line in DEFAULT_HEADER.split("\n") if "FIRST AUTHOR" not in line)
#: gettext's standard Plural-Forms where Babel's, derived from CLDR, differ from it
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
}
_DATE_HEADERS = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


class BrokenCatalogs(LeafletError):
    """Every broken catalog at once: the first one's error, the others in ``errors``."""

    def __init__(self, errors: list[LeafletError]) -> None:
        first = errors[0]
        super().__init__(first.file, first.line, first.message, first.code)
        self.errors = tuple(errors)


def po_path(root: Path, locale: str) -> Path:
    """A language's catalog; its folder has gettext's form of the code (``zh-Hans``: ``zh_Hans``)."""
    return root / LOCALES / catalog_code(locale) / "LC_MESSAGES" / f"{DOMAIN}.po"


def discover(root: Path) -> dict[str, Path]:
    """Every language that has a catalog, published or draft, by its language tag."""
    found = sorted((root / LOCALES).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    languages: dict[str, Path] = {}
    for path in found:
        folder = path.parent.parent.name
        where = f"{LOCALES}/{folder}"
        parse_locale(folder, "locale folder", where, 1)
        if folder != catalog_code(folder):
            raise LeafletError(
                where, 1, f"locale folder: name it {catalog_code(folder)!r}, gettext's form of {folder!r} "
                f"(as Poedit and Weblate name it)", "invalid-locale",
            )
        languages[language_tag(folder)] = path
    return languages


def no_catalog(root: Path, code: str) -> LeafletError:
    """The error for a published language without a catalog."""
    path = po_path(root, code).relative_to(root).as_posix()
    return LeafletError(
        path, 1, f"no catalog for published language {code!r}; start one with: make language LOCALE={code}",
        "no-catalog",
    )


def _differs(path: Path, content: bytes) -> bool:
    """Whether the file is missing or differs from ``content`` in more than the header dates."""
    return not path.is_file() or _DATE_HEADERS.sub(b"", path.read_bytes()) != _DATE_HEADERS.sub(b"", content)


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write unless only the header dates differ; True when written."""
    if not _differs(path, content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


# -- extracting, refreshing, adding a language ----------------------------


def new_catalog(locale: Locale | None = None) -> Catalog:
    """An empty catalog (a template without a locale) whose header ``msgfmt -c`` passes: no
    "FIRST AUTHOR" line, and Last-Translator, Language-Team and Report-Msgid-Bugs-To empty
    rather than gettext's placeholders (a translator's tool fills them in)."""
    catalog = Catalog(
        locale=locale, domain=DOMAIN, header_comment=_HEADER_COMMENT, project=PROJECT,
        version="1", copyright_holder=PROJECT, fuzzy=False,
    )
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = ""
    if locale is not None and locale.language in PLURAL_FORMS:
        catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[locale.language])]
    return catalog


def extract_template(root: Path) -> Catalog:
    """Extract every message from ``docs/``, ``mkdocs.yml`` and the theme overrides."""
    try:
        with (root / MAPPING).open(encoding="utf-8") as mapping:
            method_map, options_map = parse_mapping_cfg(mapping, MAPPING)
    except OSError as error:
        raise LeafletError(
            MAPPING, 1, f"cannot read the extraction settings: {error.strerror}; run this in the project's folder",
            "no-mapping",
        ) from None
    template = new_catalog()
    current = [MAPPING]  # the file being read, to name in an error

    def reading(filename: str, *_: object) -> None:
        current[0] = filename

    try:
        for filename, line, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True, callback=reading, directory_filter=_folders(root, method_map),
        ):
            template.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    except (SyntaxError, TokenError) as error:  # a Python file that does not parse
        line = error.lineno if isinstance(error, SyntaxError) else error.args[1][0]
        problem = f"cannot extract messages: {error.args[0]}"
        raise LeafletError(current[0], line or 1, problem, "extract-failed") from None
    return template


def _folders(root: Path, method_map: list[tuple[str, str]]) -> Callable[[str], bool]:
    """Babel's rule for the folders it reads (none whose name starts with a dot or an
    underscore, none a mapping ignores), except that ``docs/_snippets`` is read."""
    ignored = [pattern for pattern, method in method_map if method == "ignore"]
    snippets = f"{DOCS}/{SNIPPETS}"

    def read(dirpath: str) -> bool:
        relative = Path(os.path.relpath(dirpath, root)).as_posix()
        if Path(dirpath).name.startswith((".", "_")) and relative != snippets:
            return False
        return not any(pathmatch(pattern, relative) for pattern in ignored)

    return read


def read_all(root: Path) -> dict[str, Catalog]:
    """Every catalog, read and checked; all broken ones are reported together."""
    catalogs: dict[str, Catalog] = {}
    errors: list[LeafletError] = []
    for locale, path in discover(root).items():
        try:
            catalogs[locale] = read_catalog(path, path.relative_to(root).as_posix(), catalog_code(locale))
        except LeafletError as error:
            errors.append(error)
    if errors:
        raise BrokenCatalogs(errors)
    return catalogs


def refresh(root: Path) -> list[Path]:
    """Extract, then update every catalog; return the files written. Nothing is written unless all are sound."""
    template = extract_template(root)
    catalogs = read_all(root)
    # The template is rendered first: that drops the format flags Babel guessed, before catalogs copy them.
    contents = {root / TEMPLATE: render(template, TEMPLATE)}
    if not _differs(root / TEMPLATE, contents[root / TEMPLATE]):
        # The template stays as it is; the catalogs keep its date, which msgmerge would copy to them.
        template.creation_date = read_catalog(root / TEMPLATE, TEMPLATE).creation_date
    for locale, catalog in catalogs.items():
        path = po_path(root, locale)
        contents[path] = render(_updated(catalog, template), path.relative_to(root).as_posix())
    return [path for path, content in contents.items() if _write_if_changed(path, content)]


def _updated(catalog: Catalog, template: Catalog) -> Catalog:
    previous = {(m.id, m.context): m.previous_id for m in catalog if m.id and m.previous_id}
    catalog.update(template, update_header_comment=False, keep_user_comments=True)
    for message in catalog:
        # A still-fuzzy message keeps the English it was translated from.
        if message.fuzzy and not message.previous_id and (message.id, message.context) in previous:
            message.previous_id = previous[(message.id, message.context)]
    return catalog


def init(root: Path, code: str) -> Path:
    """Start a language from the template; an existing catalog is never replaced."""
    locale = parse_locale(code, "language", LOCALES)  # before anything is written
    code = language_tag(code)
    path = po_path(root, code)
    if path.exists():
        raise LeafletError(
            path.relative_to(root).as_posix(), 1,
            f"{code!r} already has a catalog; refresh it instead of starting again", "catalog-exists",
        )
    template = extract_template(root)
    catalog = new_catalog(locale)
    catalog.revision_date = dt.datetime.now(dt.UTC)
    for message in template:
        if message.id:
            catalog.add(message.id, "", message.locations, auto_comments=message.auto_comments, context=message.context)
    _write_if_changed(path, render(catalog, path.relative_to(root).as_posix()))
    sign_off = path.parent.parent / "review.yml"
    if not sign_off.exists():
        sign_off.write_text(REVIEW_TEMPLATE, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leaflet.i18n.catalogs", description="Translation catalogs.")
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
            print(f'to publish it, list it in mkdocs.yml: - locale: "{language_tag(args.language)}"')
    except LeafletError as error:
        for each in getattr(error, "errors", (error,)):
            print(f"error: {each}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Snippets: text written once, in ``docs/_snippets/``, that pages include.

A line of a page that holds only ::

    --8<-- "_snippets/infection-card.md"

(pymdownx.snippets' one-line syntax) stands for that file, every line of it
indented as the include line is. A snippet is segmented as its own file, so
its units keep its file and line: they are extracted once and translated
once, and every page that includes it shows them in the section (and the
care card) of the include (:attr:`leaflet.model.Page.shown`). Snippets do not
include others, and MkDocs does not publish them (``exclude_docs`` in
``mkdocs.yml``).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from ..model import DOCS, SNIPPETS, Include, LeafletError, Page, Unit
from .segment import apply, segment

#: a docs-relative path -> the file's text, or None when there is no such file
Read = Callable[[str], "str | None"]
EXAMPLE = f'--8<-- "{SNIPPETS}/infection-card.md"'
#: a line that starts like an include but is not one (unquoted, or the block form)
_STRAY = re.compile(r"^-+8<-")


def is_snippet(name: str) -> bool:
    """Whether a docs-relative path is a snippet's rather than a page's."""
    return PurePosixPath(name).parts[:1] == (SNIPPETS,)


def read_page(path: Path, display: str) -> str:
    """A page or snippet as text; unreadable or not UTF-8 raises, naming the file (and line)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the page: {error.strerror}", "unreadable") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LeafletError(display, line, "the page is not valid UTF-8; save it as UTF-8", "unreadable") from None


def page_files(docs: Path) -> list[tuple[str, Path]]:
    """(docs-relative name, path) of every page MkDocs builds, snippets left out."""
    found = ((path.relative_to(docs).as_posix(), path) for path in sorted(docs.rglob("*.md")))
    return [(name, path) for name, path in found if not is_snippet(name)]


def reader(docs: Path) -> Read:
    """Reads docs-relative files under ``docs``."""

    def read(name: str) -> str | None:
        path = docs / name
        return read_page(path, f"{DOCS}/{name}") if path.is_file() else None

    return read


def resolve(page: Page, read: Read) -> Page:
    """The page with the snippets it includes segmented (``page.snippets``).

    An include of a file that is not there, not in ``_snippets/``, or that
    includes another, raises naming the file and line.
    """
    _no_stray_markers(page)
    snippets: dict[str, Page] = {}
    for include in page.includes:
        if include.path not in snippets:
            snippets[include.path] = _snippet(page, include, read)
    return dataclasses.replace(page, snippets=snippets) if snippets else page


def _no_stray_markers(page: Page) -> None:
    """A ``--8<--`` the segmenter did not take for an include would show on the page."""
    for unit in page.units:
        if _STRAY.match(unit.text):
            raise LeafletError(
                f"{DOCS}/{page.path}", unit.line,
                f"expected an include on a line of its own, such as {EXAMPLE}, but received: {unit.text!r}",
                "include-invalid",
            )


def _snippet(page: Page, include: Include, read: Read) -> Page:
    where = f"{DOCS}/{page.path}"
    if not is_snippet(include.path) or posixpath.normpath(include.path) != include.path:
        raise LeafletError(
            where, include.line,
            f"expected a file in {DOCS}/{SNIPPETS}/, such as {EXAMPLE}, but received: {include.path!r}",
            "include-invalid",
        )
    text = read(include.path)
    if text is None:
        raise LeafletError(
            where, include.line, f"the included file {DOCS}/{include.path} does not exist", "include-missing"
        )
    snippet = segment(text, include.path)
    if snippet.includes:
        raise LeafletError(
            f"{DOCS}/{include.path}", snippet.includes[0].line,
            f"a snippet cannot include another ({snippet.includes[0].path!r}); includes do not nest: "
            f"include both in {where} instead",
            "include-nested",
        )
    if snippet.meta:
        raise LeafletError(
            f"{DOCS}/{include.path}", 1, "a snippet has no front matter: its text stands inside a page",
            "include-invalid",
        )
    return snippet


def expand(page: Page, translate: Callable[[Unit], str]) -> str:
    """The body of a resolved page with each unit replaced by ``translate(unit)`` and each
    include by its snippet, translated the same way and indented as the include line."""
    inserted = {
        include.index: _indented(apply(page.snippets[include.path], translate).strip("\n"), include.indent)
        for include in page.includes
        if include.path in page.snippets
    }
    return apply(page, translate, inserted)


def _indented(text: str, indent: str) -> str:
    return "\n".join(indent + line if line.strip() else "" for line in text.split("\n"))


def included_by(pages: dict[str, Page]) -> dict[str, list[tuple[str, Include]]]:
    """For each snippet, the pages that include it (docs-relative name) and where."""
    found: dict[str, list[tuple[str, Include]]] = {}
    for name, page in pages.items():
        for include in page.includes:
            found.setdefault(include.path, []).append((name, include))
    return found


def segment_pages(docs: Path) -> Iterator[tuple[str, Page]]:
    """Every page of ``docs`` segmented (includes not resolved), by docs-relative name."""
    for name, path in page_files(docs):
        yield name, segment(read_page(path, f"{DOCS}/{name}"), name)

"""Babel extraction methods, registered as ``babel.extractors`` entry points.

``leaflet_markdown`` yields one message per translation unit of a page
(see :mod:`leaflet.content.segment`). A snippet (``docs/_snippets/``) is
extracted as its own file, once, each message's comment naming the sections
that include it; a page's include line is no message. ``leaflet_mkdocs`` yields the site name and
description, the nav titles and the clinic's opening days from
``mkdocs.yml``. The project's mapping (``babel.cfg``) names both, so plain
``pybabel extract -F babel.cfg`` uses them too. ``leaflet_python`` is
Babel's own Python extractor, run only on the files that call a keyword:
tokenizing every module of the hooks was most of the extraction's time.

A message whose English uses a glossary term gets a second comment naming
the terms and the glossary files (``glossary: steroid → see glossary/<lang>.tbx``):
the template serves every language, so it names no rendering.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path, PurePath
from typing import IO, Any

import yaml
from babel.messages.extract import extract_python as babel_extract_python

from ..content.includes import included_by, is_snippet, segment_pages
from ..content.segment import segment
from ..model import Include, Kind, Unit
from .glossary import Term, english_terms, files, hint
from .tbx import read_glossaries

#: (line, function name, message, comments), as Babel expects
Extracted = tuple[int, str | None, str, list[str]]


def describe(page: str, unit: Unit, where: str | None = None) -> str:
    """The extracted comment: where a message belongs, for translators.

    ``where`` names the places of a snippet's unit (the sections that include it).
    """
    where = where or (f"{page}#{unit.section}" if unit.section else page)
    what = unit.kind.value
    if unit.card and unit.kind is not Kind.CARD_TITLE:
        what += f" in a {unit.card} care card"
    elif unit.card:
        what = f"{unit.card} care-card title"
    return f"{where}: {what}"


def page_name(filename: str, docs_dir: str = "docs") -> str:
    """``/repo/docs/sub/a.md`` -> ``sub/a.md`` (the manifest's form)."""
    parts = PurePath(filename).parts
    if docs_dir in parts:
        index = len(parts) - 1 - parts[::-1].index(docs_dir)
        return PurePath(*parts[index + 1 :]).as_posix()
    return PurePath(filename).name


def docs_root(filename: str, docs_dir: str = "docs") -> Path | None:
    """``/repo/docs/sub/a.md`` -> ``/repo/docs``; None when the path has no ``docs_dir``."""
    parts = PurePath(filename).parts
    if docs_dir not in parts:
        return None
    return Path(*parts[: len(parts) - parts[::-1].index(docs_dir)])


def extract_markdown(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    filename = getattr(fileobj, "name", "page.md")
    docs_dir = options.get("docs_dir", "docs")
    page = page_name(filename, docs_dir)
    docs = docs_root(filename, docs_dir)
    terms = glossary_terms(docs.parent if docs else None)
    if not is_snippet(page):
        for unit in segment(source, page).units:
            yield unit.line, None, unit.text, _comments(describe(page, unit), unit.text, terms)
        return
    includes = included_by(dict(segment_pages(docs))).get(page, []) if docs else []
    for unit in segment(source, page).units:
        yield unit.line, None, unit.text, _comments(_describe_included(page, unit, includes), unit.text, terms)


def _comments(where: str, text: str, terms: tuple[Term, ...]) -> list[str]:
    """Where the message belongs, then the glossary terms its English uses."""
    return [where, *filter(None, [hint(text, terms)])]


def glossary_terms(root: Path | None) -> tuple[Term, ...]:
    """The English terms of the project's glossaries, read again only when a file changed."""
    if root is None:
        return ()
    return _terms(str(root), tuple((path.name, path.stat().st_mtime_ns) for path in files(root)))


@functools.lru_cache(maxsize=4)
def _terms(root: str, _versions: tuple[tuple[str, int], ...]) -> tuple[Term, ...]:
    return english_terms(read_glossaries(Path(root)).values())


def _describe_included(snippet: str, unit: Unit, includes: list[tuple[str, Include]]) -> str:
    """``risks.md#complications, get-help.md#get-help: list item in a urgent care card``."""
    if not includes:
        return describe(snippet, unit, f"{snippet} (included in no page)")
    where = ", ".join(dict.fromkeys(f"{page}#{i.section}" if i.section else page for page, i in includes))
    card = unit.card or includes[0][1].card
    return describe(snippet, Unit(unit.kind, unit.text, unit.line, unit.section, card), where)


def extract_mkdocs(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    # Composing keeps line numbers and reads MkDocs' !!python tags as nodes.
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    if not isinstance(root, yaml.MappingNode):
        return
    top = {key.value: value for key, value in root.value}
    terms = glossary_terms(Path(getattr(fileobj, "name", "mkdocs.yml")).parent)
    for key, comment in (("site_name", "site name"), ("site_description", "site description")):
        node = top.get(key)
        if isinstance(node, yaml.ScalarNode) and node.value.strip():
            yield node.start_mark.line + 1, None, node.value, _comments(comment, node.value, terms)
    yield from _nav(top.get("nav"))
    days = _find(top.get("extra"), "clinic", "opening_hours", "days")
    if isinstance(days, yaml.ScalarNode):
        yield days.start_mark.line + 1, None, days.value, ["clinic opening days (extra.clinic.opening_hours.days)"]


def _nav(node: yaml.Node | None) -> Iterator[Extracted]:
    if not isinstance(node, yaml.SequenceNode):
        return
    for item in node.value:
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                target = value.value if isinstance(value, yaml.ScalarNode) else "section"
                yield key.start_mark.line + 1, None, key.value, [f"navigation title ({target})"]
                yield from _nav(value)


def _find(node: yaml.Node | None, *keys: str) -> yaml.Node | None:
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for name, value in node.value if name.value == key), None)
    return node


def extract_python(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """What Babel's extractor finds, which is nothing in a file where no keyword is followed by
    an opening parenthesis (spaces, line continuations and comments allowed between)."""
    if _calls(tuple(keywords)).search(fileobj.read()):
        fileobj.seek(0)
        yield from babel_extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=8)
def _calls(keywords: tuple[str, ...]) -> re.Pattern[bytes]:
    names = b"|".join(re.escape(k.encode()) for k in sorted(keywords, key=len, reverse=True))
    return re.compile(rb"\b(?:" + names + rb")\s*(?:(?:\\|#[^\n]*)\s*)*\(")

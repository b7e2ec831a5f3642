"""Babel extraction methods, registered as ``babel.extractors`` entry points.

``leaflet_markdown`` yields one message per translation unit of a page
(see :mod:`leaflet.segment`); ``leaflet_mkdocs`` yields the site name and
description, the nav titles and the clinic's opening days from
``mkdocs.yml``. The project's mapping (``babel.cfg``) names both, so plain
``pybabel extract -F babel.cfg`` uses them too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import PurePath
from typing import IO, Any

import yaml

from ..content.segment import segment
from ..model import Kind, Unit

#: (line, function name, message, comments), as Babel expects
Extracted = tuple[int, str | None, str, list[str]]


def describe(page: str, unit: Unit) -> str:
    """The extracted comment: where a message belongs, for translators."""
    where = f"{page}#{unit.section}" if unit.section else page
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


def extract_markdown(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    page = page_name(getattr(fileobj, "name", "page.md"), options.get("docs_dir", "docs"))
    for unit in segment(source, page).units:
        yield unit.line, None, unit.text, [describe(page, unit)]


def extract_mkdocs(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    # Composing keeps line numbers and reads MkDocs' !!python tags as nodes.
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    if not isinstance(root, yaml.MappingNode):
        return
    top = {key.value: value for key, value in root.value}
    for key, comment in (("site_name", "site name"), ("site_description", "site description")):
        node = top.get(key)
        if isinstance(node, yaml.ScalarNode) and node.value.strip():
            yield node.start_mark.line + 1, None, node.value, [comment]
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

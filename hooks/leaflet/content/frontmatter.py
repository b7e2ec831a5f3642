"""Front matter, split the way MkDocs splits it (YAML between ``---`` lines)."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.DOTALL)


def split_front_matter(source: str) -> tuple[dict[str, Any], str, int]:
    """``(meta, body, body_first_line)``; the line is 1-based in the source."""
    match = _FRONT.match(source)
    if not match:
        return {}, source, 1
    meta = yaml.safe_load(match.group(1) or "") or {}
    if not isinstance(meta, dict):
        meta = {}
    # MkDocs drops the blank lines after the front matter too.
    start = len(source) - len(source[match.end():].lstrip("\n"))
    return meta, source[start:], source.count("\n", 0, start) + 1


def front_matter_line(source: str, key: str) -> int:
    """1-based line of ``key:`` in a page's front matter (1 when absent)."""
    match = re.search(rf"^\s*{re.escape(key)}\s*:", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def front_matter_node(source: str) -> yaml.Node | None:
    """The front matter composed, keeping where each value is written:
    ``node.start_mark.line + 1`` is its 1-based line in the page file."""
    match = _FRONT.match(source)
    if not match:
        return None
    # One blank line in place of the opening ``---`` keeps the lines the file's.
    return yaml.compose("\n" + (match.group(1) or ""), Loader=yaml.SafeLoader)

"""``mkdocs.yml`` read without MkDocs, and where a key stands in it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..model import CONFIG, LeafletError

IDENTICAL_OK = "locales/identical-ok.txt"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def parse_config(text: str, display: str = CONFIG) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_Loader)  # safe: _Loader is a SafeLoader
    except yaml.YAMLError as error:
        raise yaml_error(display, error, "invalid-settings") from None
    if not isinstance(data, dict):
        raise LeafletError(display, 1, "expected the MkDocs settings", "invalid-settings")
    return data


def yaml_line(config_text: str, dotted_key: str) -> int:
    """1-based line of the deepest part of ``dotted_key`` present in the YAML."""
    found = _walk(config_text, dotted_key)
    return found[-1][0].start_mark.line + 1 if found else 1


def yaml_node(config_text: str, dotted_key: str) -> yaml.Node | None:
    """The node at ``dotted_key`` itself, or None when the text does not have it.

    A node keeps the text as written: the value of an unquoted
    ``+441614960000`` is that text, where loading gives the int 441614960000.
    """
    found = _walk(config_text, dotted_key)
    return found[-1][1] if len(found) == len(dotted_key.split(".")) else None


def _walk(config_text: str, dotted_key: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """(key node, value node) for each part of ``dotted_key`` found, outermost first."""
    node, found = _compose(config_text), []
    for part in dotted_key.split("."):
        if not isinstance(node, yaml.MappingNode):
            break
        pair = next(((k, v) for k, v in node.value if k.value == part), None)
        if pair is None:
            break
        found.append(pair)
        node = pair[1]
    return found


@lru_cache(maxsize=4)
def _compose(config_text: str) -> yaml.Node | None:
    """Composing (not loading) reads MkDocs' ``!!python/name`` tags as well.

    Cached because one settings check asks for several keys of the same text;
    callers only read the nodes.
    """
    try:
        return yaml.compose(config_text, Loader=yaml.SafeLoader) if config_text else None
    except yaml.YAMLError:
        return None


def identical_ok(root: Path) -> frozenset[str]:
    """English texts that may stay the same in a translation (names, numbers)."""
    path = root / IDENTICAL_OK
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def yaml_error(display: str, error: yaml.YAMLError, code: str) -> LeafletError:
    """A YAML syntax error as the project reports it: the file, the line, the problem."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else 1
    return LeafletError(display, line, f"not valid YAML: {getattr(error, 'problem', None) or error}", code)

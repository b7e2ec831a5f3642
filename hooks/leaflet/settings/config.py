"""``mkdocs.yml`` read without MkDocs, and where a key stands in it."""

from __future__ import annotations

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
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader subclass)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise LeafletError(display, line, f"not valid YAML: {getattr(error, 'problem', error)}", "invalid-settings") from None
    if not isinstance(data, dict):
        raise LeafletError(display, 1, "expected the MkDocs settings", "invalid-settings")
    return data


def yaml_line(config_text: str, dotted_key: str) -> int:
    """1-based line of the deepest part of ``dotted_key`` present in the YAML.

    Composing (not loading) reads MkDocs' ``!!python/name`` tags as well.
    """
    try:
        node = yaml.compose(config_text) if config_text else None
    except yaml.YAMLError:
        return 1
    line = 1
    for part in dotted_key.split("."):
        if not isinstance(node, yaml.MappingNode):
            break
        found = next(((k, v) for k, v in node.value if k.value == part), None)
        if found is None:
            break
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def identical_ok(root: Path) -> frozenset[str]:
    """English texts that may stay the same in a translation (names, numbers)."""
    path = root / IDENTICAL_OK
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))

"""One bad clinic setting, and the text YAML was given for a value.

Values are the text written in ``mkdocs.yml``, whatever YAML makes of it:
YAML reads an unquoted ``+441614960000`` as the int 441614960000, so the
text is taken from the composed node. Where the number cannot give the text
back (``000`` is 0, ``0161`` is octal 113, ``1_000`` is 1000) the setting is
refused with the quoted form to write instead.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .config import yaml_node

# An unquoted number written like this loses only its plus in YAML: the digits survive.
_INT_KEEPS_TEXT = re.compile(r"^\+?(?:0|[1-9][0-9]*)$")
_INT_TAG = "tag:yaml.org,2002:int"


class Invalid(Exception):
    """One bad setting: its dotted key and what was expected."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def written(value: Any, key: str, config_text: str, example: str) -> str:
    """An int setting as written: its digits, or an error asking to quote it.

    ``example`` is what to expect, in words, when the value is no number at all.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise Invalid(key, f"expected {example} but received: {value!r}")
    node = yaml_node(config_text, key)
    if not isinstance(node, yaml.ScalarNode) or node.style is not None or node.tag != _INT_TAG:
        return str(value)
    if _INT_KEEPS_TEXT.match(node.value):
        return node.value
    name = key.rsplit(".", 1)[-1]
    raise Invalid(
        key,
        f'expected a quoted number such as {name}: "{node.value}" but received: {node.value} unquoted, '
        f"which YAML read as the number {value!r}; quote it",
    )


def scalar_text(value: Any, key: str, config_text: str) -> str:
    """The text of a scalar as written in ``mkdocs.yml`` (``3.50`` stays ``3.50``), else ``str(value)``."""
    node = yaml_node(config_text, key)
    return node.value if isinstance(node, yaml.ScalarNode) and node.style is None else str(value)

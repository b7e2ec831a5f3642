"""The one shape every problem takes: ``path:line: code message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """A quality problem in the content: reported, never raised."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


class LeafletError(Exception):
    """Input the site cannot be built from: bad settings, a broken file.

    The hooks turn it into a PluginError, the reviewer command into exit 2.
    """

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message

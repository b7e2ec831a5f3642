"""``mkdocs.yml`` as the core needs it: read and checked in one place.

The hooks and the reviewer command both call :func:`read_project`, so a
setting that stops the build also stops ``locale-coverage`` (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import CONFIG, LeafletError
from .clinic import Clinic, parse_clinic
from .config import identical_ok, parse_config
from .languages import Languages, read_languages


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: str  # repo-relative, for messages
    config: dict[str, Any]
    languages: Languages
    clinic: Clinic
    identical_ok: frozenset[str]


def read_project(root: Path, config_file: Path | None = None) -> Project:
    path = config_file or root / CONFIG
    try:
        display = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        display = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the site settings: {error.strerror}", "invalid-settings") from None
    except UnicodeDecodeError:
        raise LeafletError(display, 1, "the site settings are not valid UTF-8", "invalid-settings") from None
    config = parse_config(text, display)
    return Project(
        root,
        display,
        config,
        read_languages(text, display),
        parse_clinic(config.get("extra") or {}, display, text),
        identical_ok(root),
    )

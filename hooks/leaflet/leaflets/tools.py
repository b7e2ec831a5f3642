"""The programs and fonts a leaflet is printed with, found or named with the Debian package to install."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from .settings import Font

CHROMIUM = "/usr/bin/chromium"


class MissingTool(Exception):
    """A program or font the leaflets need is not installed: ``make leaflets`` exits 2 with this sentence."""


def chromium_path() -> str:
    """Debian's Chromium, or the one ``CHROMIUM`` names."""
    path = os.environ.get("CHROMIUM", CHROMIUM)
    found = shutil.which(path) or (path if Path(path).is_file() else None)
    if found is None:
        raise MissingTool(
            f"Chromium not found at {path}: install Debian's chromium package (apt-get install chromium), "
            f"or set CHROMIUM to the path of a Chromium"
        )
    return found


def installed_families() -> set[str]:
    """Every font family fontconfig knows (Chromium finds its fonts through it)."""
    if shutil.which("fc-list") is None:
        raise MissingTool("fc-list not found: install Debian's fontconfig package (apt-get install fontconfig)")
    listed = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True, text=True, check=False)
    return {name.strip() for line in listed.stdout.splitlines() for name in line.split(",") if name.strip()}


def require_fonts(needed: Iterable[Font], installed: set[str]) -> None:
    """Stop before printing when a language's font is missing: Chromium would fall back silently."""
    missing = sorted({font for font in needed if font.family not in installed}, key=lambda font: font.family)
    if missing:
        packages = sorted({font.package for font in missing})
        fonts = f"font{'s' if len(missing) > 1 else ''} {', '.join(font.family for font in missing)}"
        named = f"Debian's {' and '.join(packages)} package{'s' if len(packages) > 1 else ''}"
        raise MissingTool(f"{fonts} not found: install {named} (apt-get install {' '.join(packages)})")

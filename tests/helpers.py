"""Helpers shared by the tests: the project's layout, real builds, parsing HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from leaflet.i18n import catalogs
from leaflet.settings.languages import read_languages

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "required-sections.yml", "babel.cfg", "docs", "overrides", "hooks", "locales", "glossary")
# The published languages as the project decides them (the one reader the build uses).
_LANGUAGES = read_languages((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SOURCE = _LANGUAGES.source
LANGUAGES = list(_LANGUAGES.published)
TRANSLATED = list(_LANGUAGES.translations)
MKDOCS = [sys.executable, "-m", "mkdocs"]
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str  # stdout and stderr together, as a person sees them
    site: Path


def run_build(
    project: Path, *, strict: bool = True, args: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> Build:
    site = project / "site"
    command = [*MKDOCS, "build", "--clean", "--site-dir", str(site), *args]
    if strict:
        command.append("--strict")
    result = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(target: Path) -> Path:
    """A private copy of the project's source files."""
    for name in PROJECT_FILES:
        _copy(ROOT / name, target / name)
    return target


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copy2(source, target)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def english_pages(site: Path) -> list[Path]:
    """Every built English content page (not the 404 page, not a translation)."""
    return language_pages(site, SOURCE)


def language_pages(site: Path, language: str) -> list[Path]:
    """Every built content page of one language."""
    root = site if language == SOURCE else site / language
    # A language root is a folder with its own search index.
    others = {path.parent.parent.name for path in site.glob("*/search/search_index.json")}
    return sorted(
        path
        for path in root.rglob("index.html")
        if language != SOURCE or path.relative_to(site).parts[0] not in others
    )


REQUIRED = os.environ.get("LEAFLET_REQUIRE_TOOLS") == "1"


def missing(reason: str) -> None:
    """A browser, a checker or GNU gettext is not there: skip locally, fail where required (CI)."""
    if REQUIRED:
        pytest.fail(f"{reason} (LEAFLET_REQUIRE_TOOLS=1: tests that need a tool may not skip)")
    pytest.skip(reason)


def edit_translation(
    project: Path,
    msgid_part: str,
    change: Callable[[str], str],
    *,
    fuzzy: bool = False,
    flags: tuple[str, ...] = (),
    comments: tuple[str, ...] = (),
    locale: str = "fr",
    must_change: bool = False,
) -> int:
    """Rewrite the msgstr of the message containing ``msgid_part`` through Babel, as a
    translator's tool would, with any ``flags`` and translator ``comments`` (an escape:
    ``allow: <check> — <reason>``) added; return the catalog line the findings name. An attack
    (``must_change``) that would leave the translation as it was is a broken test."""
    path = catalogs.po_path(project, locale)
    with path.open("rb") as handle:
        catalog = read_po(handle)
    message = next(m for m in catalog if isinstance(m.id, str) and msgid_part in m.id)
    changed = change(message.string)
    assert changed != message.string or not must_change, "the attack must change the translation"
    message.string = changed
    if fuzzy:
        message.flags.add("fuzzy")
    else:
        message.flags.discard("fuzzy")
        message.previous_id = ()
    message.flags.update(flags)
    message.user_comments.extend(comments)
    path.write_bytes(catalogs.render(catalog))
    with path.open("rb") as handle:
        return next(m for m in read_po(handle) if m.id == message.id).lineno


class Recorder:
    """A leaflet.processes.Keeper that records what was done, in any process, in ``done``."""

    def __init__(self) -> None:
        self.done: list[str] = []

    def mark(self) -> int:
        return len(self.done)

    def added(self, mark: int) -> list[str]:
        return self.done[mark:]

    def merge(self, added: list[str]) -> None:
        self.done.extend(added)

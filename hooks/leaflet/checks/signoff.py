"""Per-language sign-off, recorded beside each catalog in ``locales/<lang>/review.yml``.

    translator: A. Translator
    language_reviewer: B. Reviewer
    language_reviewed_on: 2026-11-20   # date of the language review (optional)
    clinical_reviewer: null            # until a clinician signs off
    reviewed_on: null                  # date of the clinical sign-off
    source_version: null               # the English (git commit of docs/) they reviewed

Until a clinical reviewer and a date are recorded, every page of the language
says it has not yet been checked by a clinician. ``language_reviewed_on`` came
later: a file without it is still valid.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from collections.abc import Callable
from pathlib import Path

import yaml

from ..content.includes import resolve
from ..content.segment import segment
from ..i18n.catalogs import LOCALES
from ..model import DOCS, LeafletError, RequiredSection, SignOff
from ..settings.config import yaml_error
from ..settings.languages import catalog_code
from .source import Source

REVIEW_FILE = "review.yml"
_CODE = "invalid-sign-off"
KEYS = ("translator", "language_reviewer", "language_reviewed_on", "clinical_reviewer", "reviewed_on", "source_version")
DATES = ("language_reviewed_on", "reviewed_on")


def review_path(root: Path, locale: str) -> Path:
    return root / LOCALES / catalog_code(locale) / REVIEW_FILE


def read_sign_off(root: Path, locale: str) -> SignOff:
    """The language's sign-off; a missing file means nobody has signed."""
    path = review_path(root, locale)
    display = path.relative_to(root).as_posix()
    if not path.is_file():
        return SignOff()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise yaml_error(display, error, _CODE) from None
    if not isinstance(data, dict):
        raise LeafletError(display, 1, f"expected keys {', '.join(KEYS)}", _CODE)
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise LeafletError(display, 1, f"unknown key {unknown[0]!r}; expected only: {', '.join(KEYS)}", _CODE)
    dates = {key: _date(data.get(key), key, display) for key in DATES}
    return SignOff(**dates, **{key: _name(data.get(key)) for key in KEYS if key not in DATES})


def _date(value: object, key: str, display: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    message = f"{key}: expected a date such as 2026-11-02 but received: {value!r}"
    raise LeafletError(display, 1, message, _CODE)


def _name(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def changed_since(review: SignOff, source: Source) -> tuple[dict[tuple[str, str], bool | None], str | None]:
    """For each required section, whether its English (the snippets it includes too)
    changed since the sign-off."""
    if not review.source_version:
        return {}, "no source version recorded"
    changed: dict[tuple[str, str], bool | None] = {}
    version = review.source_version

    @functools.cache
    def show(name: str) -> str | None:
        # Several sections share a page, and every page shares the snippets: one git show each.
        return _git_show(source.root, version, f"{DOCS}/{name}")

    for required in source.present():
        old = show(required.page)
        if old is None:
            return {}, f"source version {version!r} not found in git"
        now = [u.text for u in source.pages[required.page].units_of(required.id)]
        changed[(required.page, required.id)] = _shown_then(old, required, show) != now
    return changed, None


def _shown_then(old: str, required: RequiredSection, show: Callable[[str], str | None]) -> list[str] | None:
    """The texts a section showed at the signed-off version, its snippets' included; a
    snippet that version lacks reads as empty, so the sections that include it now have changed."""

    def read(name: str) -> str:
        return show(name) or ""

    try:
        return [unit.text for unit in resolve(segment(old, required.page), read).units_of(required.id)]
    except LeafletError:  # that version's includes were broken: whatever it showed, it was not this
        return None


def _git_show(root: Path, revision: str, path: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None

"""Per-language sign-off, recorded beside each catalog in ``locales/<lang>/review.yml``.

    translator: A. Translator
    language_reviewer: B. Reviewer
    clinical_reviewer: null        # until a clinician signs off
    reviewed_on: null              # date of the clinical sign-off
    source_version: null           # the English (git revision) they reviewed

Until a clinical reviewer and a date are recorded, every page of the language
says it has not yet been checked by a clinician.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogs import LOCALES
from .findings import LeafletError

REVIEW_FILE = "review.yml"
KEYS = ("translator", "language_reviewer", "clinical_reviewer", "reviewed_on", "source_version")


@dataclass(frozen=True)
class LocaleReview:
    translator: str | None = None
    language_reviewer: str | None = None
    clinical_reviewer: str | None = None
    reviewed_on: dt.date | None = None
    source_version: str | None = None

    @property
    def clinically_reviewed(self) -> bool:
        return bool(self.clinical_reviewer and self.reviewed_on)


def review_path(root: Path, locale: str) -> Path:
    return root / LOCALES / locale / REVIEW_FILE


def read_review(root: Path, locale: str) -> LocaleReview:
    """The language's sign-off; a missing file means nobody has signed."""
    path = review_path(root, locale)
    display = path.relative_to(root).as_posix()
    if not path.is_file():
        return LocaleReview()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise LeafletError(display, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise LeafletError(display, 1, f"expected keys {', '.join(KEYS)}")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise LeafletError(display, 1, f"unknown key {unknown[0]!r}; expected only: {', '.join(KEYS)}")
    reviewed_on = data.get("reviewed_on")
    if reviewed_on is not None and not isinstance(reviewed_on, dt.date):
        raise LeafletError(display, 1, f"reviewed_on: expected a date such as 2026-11-02 but received: {reviewed_on!r}")
    names = {key: (str(data[key]).strip() or None) if data.get(key) is not None else None for key in KEYS if key != "reviewed_on"}
    return LocaleReview(reviewed_on=reviewed_on, **names)

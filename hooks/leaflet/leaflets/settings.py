"""What ``make leaflets`` needs to know: the paper, the fonts of each language, the files it writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.core import get_global

from ..model import LeafletError
from ..settings import Project
from ..settings.config import yaml_line
from ..settings.languages import language_tag, locale_of

#: ``extra.leaflets.paper`` in mkdocs.yml: the name Chromium prints to
PAPERS = ("A4", "Letter")
_KEY = "extra.leaflets.paper"


@dataclass(frozen=True)
class Font:
    """A font family the leaflet names in its stylesheet, and the Debian package that ships it."""

    family: str
    package: str


LATIN = Font("Noto Sans", "fonts-noto-core")
_BY_SCRIPT = {
    "Latn": LATIN,
    "Cyrl": LATIN,
    "Grek": LATIN,
    "Hans": Font("Noto Sans CJK SC", "fonts-noto-cjk"),
    "Hant": Font("Noto Sans CJK TC", "fonts-noto-cjk"),
    "Jpan": Font("Noto Sans CJK JP", "fonts-noto-cjk"),
    "Kore": Font("Noto Sans CJK KR", "fonts-noto-cjk"),
}


def fonts_for(language: str) -> tuple[Font, ...]:
    """The families a language's leaflet is set in, its own script's first.

    Latin text (addresses, web addresses) appears in every language, so
    Noto Sans always follows; the CJK families carry Latin letters themselves.
    Other scripts use Noto's family for the script (``Noto Sans Arabic``).
    """
    script = script_of(language)
    own = _BY_SCRIPT.get(script) or Font(f"Noto Sans {Locale('en').scripts.get(script, script)}", "fonts-noto-core")
    return (own,) if own == LATIN or own.package == "fonts-noto-cjk" else (own, LATIN)


def script_of(language: str) -> str:
    """The script a language is written in: its own (``zh-Hans``) or CLDR's likely one (``ar``: Arab)."""
    locale = locale_of(language)
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language, "")
    # Babel's parse drops a script it takes as given (ar_Arab_EG reads ar_EG): read the subtag itself.
    return next((part for part in likely.split("_") if len(part) == 4 and part.istitle()), "Latn")


@dataclass(frozen=True)
class LeafletSettings:
    paper: str
    site_url: str  # ends in /


def read_leaflet_settings(project: Project, paper: str | None = None) -> LeafletSettings:
    """``extra.leaflets.paper`` (A4 unless set), overridden by ``paper``; ``site_url``, which the QR codes need."""
    text = (project.root / project.config_file).read_text(encoding="utf-8")
    extra = project.config.get("extra") or {}
    chosen = paper or (extra.get("leaflets") or {}).get("paper", "A4")
    if chosen not in PAPERS:
        line = 1 if paper else yaml_line(text, _KEY)
        where = "--paper" if paper else _KEY
        raise LeafletError(
            project.config_file, line, f"{where}: expected one of: 'A4', 'Letter' but received: {chosen!r}",
            "invalid-settings",
        )
    site_url = project.config.get("site_url")
    if not isinstance(site_url, str) or not site_url.startswith(("https://", "http://")):
        raise LeafletError(
            project.config_file, yaml_line(text, "site_url"),
            f"site_url: the QR codes need the address the site is published at, such as "
            f"'https://clinic.example/hip-injection/', but received: {site_url!r}", "invalid-settings",
        )
    return LeafletSettings(chosen, site_url.rstrip("/") + "/")


def language_root(site_dir: Path, language: str, source: str) -> Path:
    return site_dir if language == source else site_dir / language_tag(language)


def pdf_name(language: str) -> str:
    """``leaflet-fr.pdf``, at the language's root: the same name wherever a clinic hosts the site."""
    return f"leaflet-{language_tag(language)}.pdf"

"""What the hooks do to the built site: per-language search indexes, sitemap
copies, language links and markup fixes. Plain Python over files and strings."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .i18n.search import split_index, split_on_brackets

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def without_checkbox_autocomplete(html: str) -> str:
    """Material's drawer and search toggles are checkboxes with autocomplete,
    which HTML does not allow on checkboxes (the Nu HTML Checker says so)."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def material_search_settings(theme_env: Any, config: Any) -> dict[str, Any]:
    """Material's own search settings for the language of this pass."""
    template = theme_env.get_template("partials/language.html", None, {"config": config})
    language = template.module
    return {
        "lang": [language.t("search.config.lang")],
        "separator": split_on_brackets(language.t("search.config.separator")),
        "pipeline": [step for step in language.t("search.config.pipeline").split(",") if step.strip()],
    }


def material_languages(theme_env: Any) -> list[str]:
    """The languages Material has interface strings for: ``partials/languages/<code>.html``."""
    folder = "partials/languages/"
    return [name[len(folder):-5] for name in theme_env.list_templates(extensions=["html"]) if name.startswith(folder)]


def relative_alternates(alternates: Sequence[dict[str, Any]], site_url: str | None) -> None:
    """Language links relative to the page, as for every other page.

    mkdocs-static-i18n links home pages absolutely (``/hip-injection/fr/``),
    which breaks when a clinic hosts the site under another path.
    """
    prefix = urlsplit(site_url or "").path or "/"
    for alternate in alternates:
        link = alternate.get("link", "")
        if link.startswith(prefix):
            alternate["link"] = link[len(prefix):] or "./"


def split_search_index(
    site: Path, languages: Sequence[str], default: str, configs: Mapping[str, Mapping[str, Any]]
) -> None:
    """One search index per language, each under its language's root."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, index in split_index(merged, languages, default, configs).items():
        target = site / ("" if language == default else language) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def sitemap_beside_every_page(site: Path) -> None:
    """Material fetches ``sitemap.xml`` beside its base and beside every
    ``<link rel=alternate>`` of a page; serve the one sitemap at each place so
    no page load makes a failing request."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    for page in site.rglob("index.html"):
        if page.parent != site:
            shutil.copyfile(sitemap, page.parent / "sitemap.xml")

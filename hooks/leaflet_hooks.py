"""MkDocs hooks: unpack each event, call the core in ``leaflet``, log or raise.

Warnings go to the ``mkdocs.plugins.leaflet`` logger, so ``mkdocs build
--strict`` fails on them; unusable input raises ``PluginError``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from leaflet.carecards import CareCardExtension
from leaflet.findings import Finding, LeafletError
from leaflet.frontmatter import split_front_matter
from leaflet.lookalikes import find_lookalikes
from leaflet.placeholders import substitute
from leaflet.review import key_line, parse_review
from leaflet.sections import load_manifest, missing_sections
from leaflet.settings import Clinic, parse_clinic

log = logging.getLogger("mkdocs.plugins.leaflet")

MANIFEST = "required-sections.yml"


class _State:
    """What the hooks compute once per build and share between events."""

    clinic: Clinic
    root: Path
    docs_display: str
    reviews: dict[str, dict[str, str]]


state = _State()


def _rel(path: str | Path) -> str:
    """Repo-relative path with forward slashes, for messages."""
    try:
        return Path(path).resolve().relative_to(state.root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _warn(findings: Iterable[Finding]) -> None:
    for finding in findings:
        log.warning(str(finding))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.root = Path(config.config_file_path).resolve().parent
    state.docs_display = _rel(config.docs_dir)
    state.reviews = {}
    try:
        config_text = Path(config.config_file_path).read_text(encoding="utf-8")
        state.clinic = parse_clinic(config.extra, _rel(config.config_file_path), config_text)
    except LeafletError as error:
        raise PluginError(str(error)) from None
    # Runs after ``admonition`` (listed in mkdocs.yml) adds its tree.
    config.markdown_extensions.append(CareCardExtension())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    manifest_path = state.root / MANIFEST
    try:
        manifest = load_manifest(manifest_path, _rel(manifest_path))
    except LeafletError as error:
        raise PluginError(str(error)) from None
    pages = {file.src_uri: file.content_string for file in files.documentation_pages()}
    _warn(missing_sections(manifest, pages, _rel(manifest_path), state.docs_display))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = _rel(page.file.abs_src_path or page.file.src_path)
    source = page.file.content_string
    _, _, first_line = split_front_matter(source)
    _warn(find_lookalikes(source, path))
    review, findings = parse_review(page.meta, source, path, dt.date.today())
    _warn(findings)
    if review is not None:
        state.reviews[page.file.src_uri] = review.display(state.clinic.locale)
    try:
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                line = key_line(source, key)
                page.meta[key] = substitute(page.meta[key], state.clinic, path, line, links=False)
        if isinstance(page.meta.get("title"), str):
            page.title = page.meta["title"]
        return substitute(markdown, state.clinic, path, first_line)
    except LeafletError as error:
        raise PluginError(str(error)) from None


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.add_extension("jinja2.ext.i18n")
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.globals["clinic"] = state.clinic
    return env


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    context["review"] = state.reviews.get(page.file.src_uri)
    return context

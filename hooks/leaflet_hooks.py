"""MkDocs hooks: unpack each event, call the core in ``leaflet``, log or raise.

mkdocs-static-i18n runs the whole build once per language, so every event
below fires once per language; the language being built is the i18n
plugin's ``current_language``. Catalogs are read once per build, in the first
pass. Warnings go to the ``mkdocs.plugins.leaflet`` logger, so ``mkdocs build
--strict`` fails on them; unusable input raises ``PluginError``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import posixpath
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from leaflet import catalogs, coverage
from leaflet.carecards import LEVELS, CareCardExtension
from leaflet.findings import Finding, LeafletError
from leaflet.frontmatter import split_front_matter
from leaflet.locales import LocaleReview, read_review
from leaflet.lookalikes import find_lookalikes
from leaflet.placeholders import substitute
from leaflet.review import key_line, parse_review
from leaflet.search import split_index, split_on_brackets
from leaflet.segment import apply, segment
from leaflet.settings import Clinic, parse_clinic
from leaflet.strings import CLINICAL_REVIEW_PENDING
from leaflet.translate import Translations, mark_untranslated, untranslated_label

log = logging.getLogger("mkdocs.plugins.leaflet")

MANIFEST = "required-sections.yml"
SOURCE_LANGUAGE = "en"


class _Build:
    """What the hooks work out once per build and share between passes."""

    root: Path
    clinic: Clinic
    site_name: str
    site_description: str | None
    languages: list[str]
    translations: dict[str, Translations]
    sign_off: dict[str, LocaleReview]
    reviews: dict[str, dict[str, str]]
    search_configs: dict[str, dict[str, Any]]
    catalogs: dict[str, Any]
    source: coverage.Source
    care_cards = CareCardExtension()


build = _Build()


def _rel(path: str | Path) -> str:
    """Repo-relative path with forward slashes, for messages."""
    try:
        return Path(path).resolve().relative_to(build.root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _warn(findings: Iterable[Finding]) -> None:
    for finding in findings:
        log.warning(str(finding))


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _language(config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    return (i18n.current_language if i18n else None) or SOURCE_LANGUAGE


def _first_pass(config: MkDocsConfig) -> bool:
    i18n = _i18n(config)
    return i18n is None or not i18n.building


def _translations(config: MkDocsConfig) -> Translations:
    return build.translations.get(_language(config), Translations(SOURCE_LANGUAGE))


# -- configuration -------------------------------------------------------


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        if _first_pass(config):
            _start_build(config)
        translations = _translations(config)
    except LeafletError as error:
        raise PluginError(str(error)) from None
    # Right to left for Arabic-script and Hebrew locales, per language (Babel knows which).
    rtl = Locale.parse(_language(config)).character_order == "right-to-left"
    config.theme["direction"] = "rtl" if rtl else "ltr"
    config.site_name = translations.gettext(build.site_name)
    if build.site_description:
        config.site_description = translations.gettext(build.site_description)
    build.care_cards.labels.update({level: translations.gettext(label) for level, label in LEVELS.items()})
    build.search_configs[_language(config)] = _search_config(config)
    if build.care_cards not in config.markdown_extensions:
        # Runs after ``admonition`` (listed in mkdocs.yml) has built its tree.
        config.markdown_extensions.append(build.care_cards)
    return config


def _search_config(config: MkDocsConfig) -> dict[str, Any]:
    """Material's own search settings for the language of this pass."""
    template = config.theme.get_env().get_template("partials/language.html", None, {"config": config})
    language = template.module
    return {
        "lang": [language.t("search.config.lang")],
        "separator": split_on_brackets(language.t("search.config.separator")),
        "pipeline": [step for step in language.t("search.config.pipeline").split(",") if step.strip()],
    }


def _start_build(config: MkDocsConfig) -> None:
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its dictionary banner is not news
    build.root = Path(config.config_file_path).resolve().parent
    config_path = _rel(config.config_file_path)
    config_text = Path(config.config_file_path).read_text(encoding="utf-8")
    build.clinic = parse_clinic(config.extra, config_path, config_text)
    build.site_name, build.site_description = config.site_name, config.site_description
    build.reviews = {}
    i18n = _i18n(config)
    codes = [language.locale for language in i18n.config.languages] if i18n else [SOURCE_LANGUAGE]
    for code in codes:
        line = next((n for n, text in enumerate(config_text.splitlines(), 1) if "locale:" in text and code in text), 1)
        catalogs.parse_locale(code, "plugins.i18n.languages.locale", config_path, line)
    build.languages = codes
    build.translations, build.sign_off, build.search_configs, build.catalogs = {}, {}, {}, {}
    build.source = coverage.read_source(build.root)
    available = catalogs.discover(build.root)
    for code in codes:
        if code == SOURCE_LANGUAGE:
            continue
        if code not in available:
            path = _rel(catalogs.po_path(build.root, code))
            raise LeafletError(
                path, 1, f"no catalog for published language {code!r}; start one with: make language LOCALE={code}"
            )
        catalog = catalogs.read_catalog(available[code], _rel(available[code]), code)
        build.catalogs[code] = catalog
        # Only current, QA-clean translations are ever rendered; the rest show marked English.
        build.translations[code] = Translations(code, coverage.usable_translations(catalog, code, build.source))
        build.sign_off[code] = read_review(build.root, code)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _first_pass(config):
        # The manifest and the pages were read once, for the whole build, in on_config.
        _warn(build.source.missing())
    return files


@event_priority(-150)  # after mkdocs-static-i18n has rebuilt the nav for the language
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    translations = _translations(config)
    for item in _walk(nav.items):
        if item.title:
            item.title = translations.gettext(item.title)
    return nav


def _walk(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


# -- pages ---------------------------------------------------------------


def _translate_body(page: Page, markdown: str, translate: Any) -> str:
    """The page's Markdown with each block translated.

    mkdocs-static-i18n drops the file's final newline; apart from that the
    text is the file's, so the segmentation made for extraction and coverage
    (cached) serves every language pass.
    """
    segmented = segment(page.file.content_string, page.file.src_uri)
    trailing = markdown[len(markdown.rstrip("\n")):]
    if segmented.body.rstrip("\n") != markdown.rstrip("\n"):
        segmented = segment(page.file.content_string, page.file.src_uri, markdown)
    return apply(segmented, translate).rstrip("\n") + trailing


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = _rel(page.file.abs_src_path or page.file.src_path)
    source = page.file.content_string
    language = _language(config)
    translations = _translations(config)
    if _first_pass(config):
        _warn(find_lookalikes(source, path))
    review, findings = parse_review(page.meta, source, path, dt.date.today())
    if _first_pass(config):
        _warn(findings)
    if review is not None:
        locale = build.clinic.locale if language == SOURCE_LANGUAGE else Locale.parse(language)
        build.reviews[page.file.src_uri] = review.display(locale)
    if language != SOURCE_LANGUAGE:
        label = untranslated_label(translations)
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                english = " ".join(page.meta[key].split())
                page.meta[key] = translations.get(english) or english
        markdown = _translate_body(page, markdown, lambda unit: translations.get(unit.text) or mark_untranslated(unit, label))
    clinic = _clinic_for(translations)
    try:
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = substitute(page.meta[key], clinic, path, key_line(source, key), links=False)
        return substitute(markdown, clinic, path, split_front_matter(source)[2])
    except LeafletError as error:
        raise PluginError(str(error)) from None


def _clinic_for(translations: Translations) -> Clinic:
    return dataclasses.replace(build.clinic, opening_hours=translations.gettext(build.clinic.opening_hours))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    translations = _translations(config)
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals["clinic"] = _clinic_for(translations)
    env.globals["source_language"] = build.languages[0]
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = _language(config)
    _relative_alternates(config)
    if language != build.languages[0]:
        # Material's search (and its sitemap fetch) start from ``base``: point
        # it at the language's root so each language loads its own index.
        context["base_url"] = posixpath.join(context["base_url"], language) + "/"
    context["review"] = build.reviews.get(page.file.src_uri)
    sign_off = build.sign_off.get(language)
    pending = sign_off is not None and not sign_off.clinically_reviewed
    context["translation_notice"] = _translations(config).gettext(CLINICAL_REVIEW_PENDING) if pending else None
    return context


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Material's drawer and search toggles are checkboxes with autocomplete,
    # which HTML does not allow on checkboxes (the Nu HTML Checker says so).
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The same for the pages built from a template alone (404.html).
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output_content) if template_name.endswith(".html") else output_content


def _relative_alternates(config: MkDocsConfig) -> None:
    """Language links relative to the page, as for every other page.

    mkdocs-static-i18n links home pages absolutely (``/hip-injection/fr/``),
    which breaks when a clinic hosts the site under another path.
    """
    prefix = urlsplit(config.site_url or "").path or "/"
    # mkdocs-static-i18n sets the attribute, which templates read before the key.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in alternates:
        link = alternate.get("link", "")
        if link.startswith(prefix):
            alternate["link"] = link[len(prefix):] or "./"


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    # A translator saving a catalog sees the page rebuild in the browser.
    server.watch(str(build.root / catalogs.LOCALES))
    server.watch(str(build.root / MANIFEST))
    return server


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not _first_pass(config):
        return  # a language pass inside the i18n plugin's loop
    site = Path(config.site_dir)
    _split_search_index(site)
    _sitemap_beside_every_page(site)
    _check_coverage()


def _check_coverage() -> None:
    """Once per build, after every language: coverage and QA of each catalog."""
    try:
        report = coverage.check(build.root, loaded=build.catalogs, source=build.source)
    except LeafletError as error:
        raise PluginError(str(error)) from None
    published = [issue for issue in report.findings if issue.locale in build.languages]
    for issue in report.findings:
        if issue.locale in build.languages:
            log.warning(f"{issue} [{issue.locale}]")
        else:
            log.debug(f"{issue} [{issue.locale}, draft]")
    drafts = [locale for locale in report.locales if not locale.published]
    summary = (
        f"locale coverage: {len(published)} finding{'s' if len(published) != 1 else ''} in published languages "
        f"({', '.join(build.languages[1:]) or 'none'})"
        + (
            f"; drafts not built: {', '.join(f'{d.locale} ({len(d.findings)} gaps)' for d in drafts)}, see locale-coverage"
            if drafts else ""
        )
    )
    (log.warning if published else log.info)(summary)


def _split_search_index(site: Path) -> None:
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default = build.languages[0]
    for language, index in split_index(merged, build.languages, default, build.search_configs).items():
        target = site / ("" if language == default else language) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def _sitemap_beside_every_page(site: Path) -> None:
    """Material fetches ``sitemap.xml`` beside its base and beside every
    ``<link rel=alternate>`` of a page; serve the one sitemap at each place so
    no page load makes a failing request."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    for page in site.rglob("index.html"):
        if page.parent != site:
            shutil.copyfile(sitemap, page.parent / "sitemap.xml")

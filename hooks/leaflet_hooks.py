"""MkDocs hooks: unpack each event, call the core in ``leaflet``, log or raise.

mkdocs-static-i18n runs the whole build once per language, so every event
fires once per language (the i18n plugin's ``current_language``). A build's
state lives on one :class:`SiteBuild`, made anew in the first pass of every
build, ``mkdocs serve`` rebuilds included. The strict gate counts its own
findings, whatever the log level.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import mkdocs.utils
import mkdocs_static_i18n.plugin
from babel import Locale
from jinja2 import Environment
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.config import I18nPluginLanguage
from mkdocs_static_i18n.utils import I18nLoggingFilter

from leaflet import hosting, parallel, site, sitemap
from leaflet.build import PageInput, SiteBuild, summary
from leaflet.content.carecards import CareCardExtension
from leaflet.i18n.catalogs import LOCALES
from leaflet.leaflets import qr
from leaflet.leaflets.settings import pdf_name
from leaflet.leaflets.strings import PAGE_QR
from leaflet.model import MANIFEST, Finding, LeafletError
from leaflet.settings.languages import interface_language, locale_of

log = logging.getLogger("mkdocs.plugins.leaflet")
#: set by ``make serve LOCALE=<code>``: preview English and that language only
PREVIEW = "LEAFLET_PREVIEW"


class LeafletHooks:
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.care_cards = CareCardExtension()
        self.search: dict[str, dict[str, Any]] = {}
        self.sitemap: dict[str, list[sitemap.Entry]] = {}
        self.interface_files: list[str] = []
        self.command: str | None = None
        self.i18n: Any = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command  # mkdocs serve builds its languages in one process

    @staticmethod
    def _first_pass(config: MkDocsConfig) -> bool:
        i18n = config.plugins.get("i18n")
        return i18n is None or not i18n.building

    def _state(self, config: MkDocsConfig) -> tuple[SiteBuild, str]:
        assert self.build is not None, "on_config makes the build first"
        i18n = config.plugins.get("i18n")
        return self.build, (i18n.current_language if i18n else None) or self.build.languages.source

    def _warn(self, findings: list[Finding]) -> None:
        for finding in findings:
            log.warning(f"{finding} {finding.where}".rstrip())

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has set the language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            if self._first_pass(config):
                logging.getLogger("jieba").setLevel(logging.WARNING)  # its dictionary banner is not news
                _forget_theme_files()
                config_file = Path(config.config_file_path).resolve()
                preview = _preview(config)
                self.build = SiteBuild(config_file.parent, config_file, preview=preview)
                self.search, self.sitemap = {}, {}
                self.interface_files = site.material_languages(config.theme.get_env())  # listed once a build
                if preview:
                    _build_only(config, self.build.languages.published)
                self._share_out(config, serving=self.command == "serve" or preview is not None)
                self._warn(self.build.findings)  # required sections the English lacks
            build, language = self._state(config)
            translations = build.translations_for(language)  # the language's catalog read and checked
        except LeafletError as error:
            raise PluginError(str(error)) from None
        config.theme["direction"] = "rtl" if build.is_rtl(language) else "ltr"
        # Material's interface strings: its file for the language, else a related one (zh-Hans reads zh).
        config.theme["language"] = interface_language(language, self.interface_files)
        config.site_name = translations.gettext(build.project.config["site_name"])
        if build.project.config.get("site_description"):
            config.site_description = translations.gettext(build.project.config["site_description"])
        self.care_cards.labels.update(build.care_card_labels(language))
        self.search[language] = site.material_search_settings(config.theme.get_env(), config)
        if self.i18n is not None:
            # One sitemap, written at the end (leaflet.sitemap); the root's 404 page in the source language.
            config.theme.static_templates.discard(sitemap.TEMPLATE)
            (config.theme.static_templates.add if language == build.languages.source
             else config.theme.static_templates.discard)("404.html")
        if self.care_cards not in config.markdown_extensions:
            config.markdown_extensions.append(self.care_cards)  # runs after admonition's tree
        return config

    @event_priority(-150)  # after mkdocs-static-i18n has rebuilt the nav for the language
    def on_nav(self, nav: Any, config: MkDocsConfig, files: Any) -> Any:
        build, language = self._state(config)
        build.translate_titles(nav.items, language)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
        build, language = self._state(config)
        path = build.rel(page.file.abs_src_path or page.file.src_path)
        page_input = PageInput(path, page.file.src_uri, page.file.content_string, markdown, page.meta)
        before = len(build.findings)
        try:
            markdown = build.page_markdown(page_input, language, self._first_pass(config))
        except LeafletError as error:
            raise PluginError(str(error)) from None
        self._warn(build.findings[before:])
        return markdown

    def on_env(self, env: Environment, config: MkDocsConfig, files: Any) -> Environment:
        build, language = self._state(config)
        env.bytecode_cache = site.TEMPLATES  # compiled once, not once per language
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(build.translations_for(language), newstyle=True)  # type: ignore[attr-defined]
        env.globals["clinic"] = build.clinic_for(language, marked=True)
        env.globals["source_language"] = build.languages.source
        env.globals["language_tag"] = language  # lang and hreflang, whichever interface file Material reads
        return env

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        build, language = self._state(config)
        # mkdocs-static-i18n sets the attribute, which templates read before the key.
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
        site.relative_alternates(alternates, config.site_url)
        if language != build.languages.source:
            # Material's search starts from ``base``: each language loads its own index.
            context["base_url"] = posixpath.join(context["base_url"], language) + "/"
        context["review"] = build.reviews.get(page.file.src_uri)
        context["translation_notice"] = build.translation_notice(language)
        # The printed leaflet's link (shown once make leaflets has made it) and the page's QR code, for print.
        context["leaflet_pdf"] = posixpath.join(context["base_url"], pdf_name(language))
        context["leaflet_pdf_name"], context["leaflet_qr"] = pdf_name(language), qr.page_qr_file(page.file.dest_uri)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        build, language = self._state(config)
        if page.file.abs_dest_path and page.canonical_url:
            label = build.translations_for(language).gettext(PAGE_QR)
            qr.write_page_qr(Path(page.file.abs_dest_path).parent, page.file.dest_uri, page.canonical_url, label)
        page_url = posixpath.join(config.site_url, page.url) if config.site_url else None
        output = site.compact_languages(site.without_checkbox_autocomplete(output))
        output = site.absolute_hreflang(output, page_url)
        return hosting.in_page(output, _policy_in_pages(config))

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # The same for the pages built from a template alone (404.html).
        if not template_name.endswith(".html"):
            return output_content
        return hosting.in_page(site.without_checkbox_autocomplete(output_content), _policy_in_pages(config))

    @event_priority(-200)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self._first_pass(config):  # the site folder cleaned: other languages begin while English is built
            parallel.start(config, _as_the_i18n_loop)
        return files

    def on_build_error(self, error: Exception) -> None:
        parallel.abandon()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # A translator saving a catalog sees the page rebuild in the browser.
        root = Path(config.config_file_path).resolve().parent
        server.watch(str(root / LOCALES))
        server.watch(str(root / MANIFEST))
        return server

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self._state(config)[0]
        self._sitemap(config)
        if not self._first_pass(config):
            return  # a language pass inside the i18n plugin's loop
        try:
            report = build.finish(Path(config.site_dir), self.search)
        except LeafletError as error:
            raise PluginError(str(error)) from None
        policy = hosting.finish(Path(config.site_dir), [Path(d) for d in config.theme.dirs], "leaflet", build.rel)
        build.findings.extend(policy.findings)
        published = [*build.published_findings(report), *policy.findings]
        self._warn(published)
        for finding in set(report.findings) - set(published):
            log.debug(f"{finding} {finding.where} (draft)")
        (log.warning if published else log.info)(summary(build, report))
        if config.strict and build.findings:
            count = len(build.findings)
            raise PluginError(f"strict build aborted: {count} finding{'s' if count != 1 else ''} (listed above)")

    def _sitemap(self, config: MkDocsConfig) -> None:
        """Each pass keeps its language's pages; after the last, the one sitemap is written."""
        if self.i18n is None:
            return  # the theme's own sitemap
        first_pass = self._first_pass(config)
        # After its loop, mkdocs-static-i18n's language is the last it built, not this pass's.
        language = self.i18n.default_language if first_pass else self.i18n.current_language
        pages = self.i18n.i18n_files_per_language.get(language, [])
        self.sitemap[language] = sitemap.entries(pages, config.site_url or "")
        if first_pass:
            order = [language, *(code for code in self.i18n.build_languages if code != language)]
            sitemap.write(Path(config.site_dir), self.sitemap, order)

    # -- the languages other processes build (leaflet.parallel) ------------------------

    def _share_out(self, config: MkDocsConfig, serving: bool) -> None:
        self.i18n = config.plugins.get("i18n")
        if self.i18n is not None:
            later = [code for code in self.i18n.build_languages if code != self.i18n.current_language]
            # Material's search cuts Chinese into words with jieba as it builds, and loading jieba's
            # dictionary alone takes about as long as building another language: Chinese goes first.
            chinese = [code for code in later if locale_of(code).language == "zh"]
            build = self._state(config)[0]  # what the end of the build needs goes out with the languages
            tasks = {f"draft:{code}": functools.partial(build.check_draft, code) for code in build.drafts()}
            tasks["template:"] = build.template_ids
            handover = parallel.Handover(self.i18n, build, self.search, self.sitemap)
            parallel.plan(later, handover, serving=serving, stopped=PluginError, first=chinese, tasks=tasks)


def _as_the_i18n_loop(i18n: Any) -> None:
    """What mkdocs-static-i18n's loop does before its first build: the site folder, which holds
    every language, is never cleaned; MkDocs' per-build log lines are left out."""
    i18n.building = True
    mkdocs.utils.clean_directory = lambda _path: None
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes |= {"Documentation built in", "Building documentation to directory"}
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)


def _policy_in_pages(config: MkDocsConfig) -> bool:
    """extra.hosting.policy_in_pages: hosts that set no headers (GitHub Pages) get the policy in each page."""
    return (config.extra.get("hosting") or {}).get("policy_in_pages") is True


def _preview(config: MkDocsConfig) -> str | None:
    """The language ``make serve LOCALE=<code>`` previews (``LEAFLET_PREVIEW``), if any."""
    code = os.environ.get(PREVIEW, "").strip()
    if code and config.strict:
        raise PluginError(f"{PREVIEW}={code} previews one language; a strict build builds every one: unset it")
    if code:
        log.info(f"previewing {code}: English and {code} only ({PREVIEW}); make site builds every published language")
    return code or None


def _build_only(config: MkDocsConfig, codes: tuple[str, ...]) -> None:
    """Have mkdocs-static-i18n build ``codes`` (a draft among them) and switch between them alone.

    Its switcher was made in its own ``on_config`` from the ``build`` flags: it is made
    again here from the new ones, as it makes it.
    """
    i18n = config.plugins["i18n"]
    base = urlsplit(config.site_url or "").path.rstrip("/")
    for code in set(codes) - {language.locale for language in i18n.config.languages}:
        i18n.config.languages.append(_draft(code))
    for language in i18n.config.languages:
        language.build = language.locale in codes
    i18n.extra_alternate = [
        {"name": language.name, "link": language.fixed_link or f"{base}{language.link}", "lang": language.locale}
        for language in i18n.config.languages if language.build
    ]
    config.extra["alternate"] = copy.deepcopy(i18n.extra_alternate)


def _draft(code: str) -> I18nPluginLanguage:
    """mkdocs-static-i18n's entry for a draft, named in its own language."""
    language = I18nPluginLanguage()
    language.load_dict({"locale": code, "name": Locale.parse(code).get_display_name(code) or code})
    failed, _warnings = language.validate()
    if failed:
        raise PluginError(f"{PREVIEW}={code}: {failed[0][1]}")
    return language


_hooks = LeafletHooks()
# The theme's files, listed once a build rather than once per language.
Files.add_files_from_theme, _forget_theme_files = site.theme_files_once(Files.add_files_from_theme, Files, File)
# mkdocs-static-i18n builds each language after the first with this call: shared out between processes.
mkdocs_static_i18n.plugin.build = parallel.language_build(mkdocs_build)  # type: ignore[attr-defined]
on_startup = _hooks.on_startup
on_config, on_nav, on_env = _hooks.on_config, _hooks.on_nav, _hooks.on_env
on_page_markdown, on_page_context, on_post_page = _hooks.on_page_markdown, _hooks.on_page_context, _hooks.on_post_page
on_post_template, on_serve, on_post_build = _hooks.on_post_template, _hooks.on_serve, _hooks.on_post_build
on_files, on_build_error = _hooks.on_files, _hooks.on_build_error

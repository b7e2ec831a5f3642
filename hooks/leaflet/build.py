"""One build of the site: what the hooks work out once and share between passes.

mkdocs-static-i18n runs the whole build once per language. The hooks make
one :class:`SiteBuild` at the start of each build (``mkdocs serve`` makes a
new one for every rebuild) and ask it, for the language being built, what
to render. It counts its own findings, so a strict build fails on them at
any log level (MkDocs' ``--quiet`` stops strict mode counting warnings,
mkdocs issue 4126).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog

from . import site
from .checks import qacache
from .checks.coverage import check, check_catalog, load_source, read_catalog, template_ids
from .checks.signoff import read_sign_off
from .checks.source import Source
from .checks.status import usable_translations
from .content.carecards import LEVELS
from .content.frontmatter import front_matter_line, split_front_matter
from .content.includes import Read, expand, reader, resolve
from .content.lookalikes import find_lookalikes
from .content.placeholders import PLACEHOLDER, require_known, substitute, values
from .content.review import parse_review
from .content.segment import segment
from .content.sources import parse_sources
from .content.strings import CLINICAL_REVIEW_PENDING
from .i18n import catalogs
from .i18n.translate import ByLanguage, Translations, mark_untranslated, untranslated_label
from .model import DOCS, Finding, Kind, Page, Report, SignOff, Unit
from .settings import Project, read_project
from .settings.clinic import Clinic
from .settings.languages import locale_of, previewed

META_KEYS = ("title", "description")


class SiteBuild:
    """The state of one build: settings, source, catalogs, findings."""

    def __init__(
        self, root: Path, config_file: Path, today: dt.date | None = None, preview: str | None = None
    ) -> None:
        project = read_project(root, config_file)
        self.available = catalogs.discover(root)  # every catalog, by language
        if preview:
            drafts = set(self.available) - set(project.languages.published)
            project = dataclasses.replace(project, languages=previewed(project.languages, preview, drafts))
        self.project: Project = project
        self.root, self.languages = root, self.project.languages
        self.preview = preview
        self.today = today or dt.date.today()
        qacache.open_store(root)  # check results kept between builds, by content
        self.source: Source = load_source(self.project, template=False)  # extracted when asked (template_ids)
        self.extracted: frozenset[str] | None = None
        self.drafts_read: dict[str, Catalog] = {}  # by check_draft, wherever it ran
        self.catalogs: dict[str, Catalog] = {}  # read when first asked for (catalog)
        # Only current, QA-clean translations are ever rendered; the rest show marked English.
        # Checked when a language is first asked for: by whichever process builds it (leaflet.parallel).
        self.translations: Mapping[str, Translations] = ByLanguage(
            self.languages.translations,
            lambda code: Translations(code, usable_translations(self.catalog(code), code, self.source)),
        )
        self.sign_off: dict[str, SignOff] = {}
        self.reviews: dict[str, dict[str, Any]] = {}
        self.findings: list[Finding] = list(self.source.missing())
        self.read: Read = reader(root / DOCS)
        self._checked_snippets: set[str] = set()
        for code in self.languages.translations:
            if code not in self.available:
                raise catalogs.no_catalog(root, code)

    def catalog(self, code: str) -> Catalog:
        """A built language's catalog, read the first time it is asked for, by the process
        that builds the language (which hands it back, :class:`leaflet.parallel.Handover`)."""
        if code not in self.catalogs:
            self.catalogs[code] = read_catalog(self.root, self.available[code], code)
        return self.catalogs[code]

    def rel(self, path: str | Path) -> str:
        """Repo-relative path with forward slashes, for messages."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    # -- per language ---------------------------------------------------------

    def translations_for(self, language: str) -> Translations:
        return self.translations.get(language, Translations(self.languages.source))

    def is_rtl(self, language: str) -> bool:
        """Right to left for Arabic-script and Hebrew locales (Babel knows which)."""
        return locale_of(language).character_order == "right-to-left"

    def care_card_labels(self, language: str) -> dict[str, str]:
        translations = self.translations_for(language)
        return {level: translations.gettext(label) for level, label in LEVELS.items()}

    def clinic_for(self, language: str, *, marked: bool = False) -> Clinic:
        """The clinic as a language shows it: its days translated, its times in that language's style.

        Days not (or no longer) translated stay English; ``marked``, for the theme's templates,
        wraps them as any untranslated text is marked (pages mark the whole unit instead).
        """
        clinic = self.project.clinic
        if language == self.languages.source:
            return clinic
        translations = self.translations_for(language)
        days = translations.get(clinic.opening_days)
        if days is None and marked:
            setting = Unit(Kind.SETTING, clinic.opening_days, 1, None, None)
            days = mark_untranslated(setting, untranslated_label(translations))
        return dataclasses.replace(clinic, opening_days=days or clinic.opening_days, locale=locale_of(language))

    def translate_titles(self, items: Iterable[Any], language: str) -> None:
        """Navigation titles, in place: pages, sections and their children."""
        translations = self.translations_for(language)
        for item in items:
            if item.title:
                item.title = translations.gettext(item.title)
            self.translate_titles(getattr(item, "children", None) or [], language)

    def translation_notice(self, language: str) -> str | None:
        if language in self.languages.translations and language not in self.sign_off:
            self.sign_off[language] = read_sign_off(self.root, language)  # read when first asked for
        sign_off = self.sign_off.get(language)
        if sign_off is None or sign_off.clinically_reviewed:
            return None
        return self.translations_for(language).gettext(CLINICAL_REVIEW_PENDING)

    # -- pages ----------------------------------------------------------------

    def page_markdown(self, page: PageInput, language: str, first_pass: bool) -> str:
        """The page's Markdown for ``language``: translated, snippets included, placeholders filled.

        ``page.meta`` (title, description) is translated in place.
        """
        english = segmented(page.source, page.src_uri, page.markdown, self.read)
        self._check_placeholders(english, page.path)
        if first_pass:
            self.findings.extend(self._english_findings(page, english))
        review, findings = parse_review(page.meta, page.source, page.path, self.today)
        if first_pass:
            self.findings.extend(findings)
        if review is not None:
            source = language == self.languages.source
            locale = self.project.clinic.locale if source else locale_of(language)
            # A translated page says that its English was reviewed, not the translation.
            self.reviews[page.src_uri] = {**review.display(locale), "translated": not source}
        markdown = _trailing_as(page.markdown, expand(english, self._translator(page, language)))
        clinic = self.clinic_for(language)
        for key in META_KEYS:
            if isinstance(page.meta.get(key), str):
                line = front_matter_line(page.source, key)
                page.meta[key] = substitute(page.meta[key], clinic, page.path, line, links=False)
        return substitute(markdown, clinic, page.path, split_front_matter(page.source)[2])

    def _check_placeholders(self, english: Page, path: str) -> None:
        """An unknown placeholder stops the build at its line, in the page or a snippet it
        includes (once included, lines no longer count from either file's)."""
        known = values(self.project.clinic)
        require_known(english.body, known, path, english.body_line)
        for snippet in english.snippets.values():
            require_known(snippet.body, known, f"{DOCS}/{snippet.path}", snippet.body_line)

    def _english_findings(self, page: PageInput, english: Page) -> list[Finding]:
        """What the strict build counts in the English itself: look-alike punctuation
        (in each snippet once), a page with no sources."""
        found = list(find_lookalikes(page.source, page.path))
        for name, snippet in english.snippets.items():
            if name not in self._checked_snippets:
                self._checked_snippets.add(name)
                found += find_lookalikes(snippet.body, f"{DOCS}/{name}", snippet.body_line)
        return found + parse_sources(page.meta, page.source, page.path, self.today)[1]

    def _translator(self, page: PageInput, language: str) -> Callable[[Unit], str]:
        """What each unit becomes in ``language``; the title and description are translated in place."""
        if language == self.languages.source:
            return lambda unit: unit.text
        translations = self.translations_for(language)
        label = untranslated_label(translations)
        for key in META_KEYS:
            if isinstance(page.meta.get(key), str):
                english = " ".join(page.meta[key].split())
                page.meta[key] = translations.get(english) or english
        settings = self.source.placeholder_texts

        def translate(unit: Unit) -> str:
            # A unit whose setting (the opening days) is not translated shows in English, marked, whole.
            brought = (settings.get(name.strip()) for name in PLACEHOLDER.findall(unit.text))
            if any(text is not None and translations.get(text) is None for text in brought):
                return mark_untranslated(unit, label)
            return translations.get(unit.text) or mark_untranslated(unit, label)

        return translate

    # -- the end ----------------------------------------------------------------

    def finish(self, site_dir: Path, search: Mapping[str, Mapping[str, Any]]) -> Report:
        """After every language: search indexes, Material's script, then coverage and QA.

        The published languages' findings join the build's own, so the gate
        counts them whatever the log level.
        """
        site.split_search_index(site_dir, self.languages.published, self.languages.source, search)
        site.edit_material_scripts(site_dir)
        # A preview checks the language it shows; the full build checks every catalog.
        only = self.languages.translations if self.preview else None
        source = dataclasses.replace(self.source, template_ids=self.template_ids())
        report = check(self.project, only=only, loaded={**self.catalogs, **self.drafts_read}, source=source)
        self.findings.extend(self.published_findings(report))
        return report

    # -- what any process of the build may do while languages are built (leaflet.parallel) ----

    def template_ids(self) -> frozenset[str]:
        """The messages a refresh of the catalogs would give, extracted the first time they are asked for."""
        if self.extracted is None:
            self.extracted = template_ids(self.project)
        return self.extracted

    def drafts(self) -> list[str]:
        """Catalogs the build checks but does not publish; a preview checks none."""
        return [] if self.preview else sorted(set(self.available) - set(self.languages.published))

    def check_draft(self, code: str) -> None:
        """A draft's catalog read and checked, for the report at the end."""
        self.drafts_read[code] = check_catalog(self.root, self.available[code], code, self.source)

    def published_findings(self, report: Report) -> list[Finding]:
        return [f for f in report.findings if f.locale in self.languages.published]


@dataclasses.dataclass
class PageInput:
    """What the build needs of one MkDocs page."""

    path: str  # repo-relative, for messages
    src_uri: str  # relative to docs/
    source: str  # the file as written, front matter included
    markdown: str  # the body as MkDocs hands it over
    meta: dict[str, Any]


def segmented(source: str, src_uri: str, markdown: str, read: Read | None = None) -> Page:
    """The page segmented, and given ``read``, the snippets it includes too.

    mkdocs-static-i18n drops the file's final newline; apart from that the
    text is the file's, so the segmentation made for extraction and coverage
    (cached) serves every language pass.
    """
    page = segment(source, src_uri)
    if page.body.rstrip("\n") != markdown.rstrip("\n"):
        page = segment(source, src_uri, markdown)
    return resolve(page, read) if read is not None else page


def translate_body(
    source: str, src_uri: str, markdown: str, translate: Callable[[Unit], str], read: Read | None = None
) -> str:
    """The page's Markdown with each unit translated and, given ``read``, each include
    replaced by its snippet, translated the same way."""
    return _trailing_as(markdown, expand(segmented(source, src_uri, markdown, read), translate))


def _trailing_as(markdown: str, text: str) -> str:
    """``text`` ending in the newlines ``markdown`` ends in (MkDocs' text may have none)."""
    return text.rstrip("\n") + markdown[len(markdown.rstrip("\n")):]


def summary(build: SiteBuild, report: Report) -> str:
    """One line for the build log: findings in published languages, drafts."""
    published = build.published_findings(report)
    drafts = [locale for locale in report.locales if not locale.published]
    text = (
        f"locale coverage: {len(published)} finding{'s' if len(published) != 1 else ''} in published languages "
        f"({', '.join(build.languages.translations) or 'none'})"
    )
    if drafts:
        listed = ", ".join(f"{d.locale} ({len(d.findings)} gaps)" for d in drafts)
        text += f"; drafts not built: {listed}, see locale-coverage"
    return text


"""Coverage of the required sections in every language, and translation QA.

Computed from the current English in ``docs/`` (segmented now, not read
from the committed template) and each language's catalog. A required section
is covered in a language only when every block in it has a current,
non-fuzzy, QA-clean translation; a safety section must also render the same
care cards as English.

The build (hooks) and the reviewer command (``locale-coverage``) both call
:func:`check`; the build also renders only what :func:`usable` accepts.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from babel.messages.catalog import Catalog, Message

from . import catalogs, project, qa
from .carecards import CareCardExtension
from .findings import Finding, LeafletError
from .locales import LocaleReview, read_review
from .sections import RequiredSection, load_manifest, missing_sections
from .segment import Kind, Page, apply, segment
from .translate import is_current

MANIFEST = "required-sections.yml"
DOCS = "docs"


@dataclass(frozen=True)
class Place:
    """Where a message's English stands: page and section."""

    page: str
    section: str | None
    safety: bool
    line: int


@dataclass(frozen=True)
class Issue:
    """One finding of the report, in the project's message shape."""

    file: str
    line: int
    code: str
    message: str
    locale: str
    section: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"


@dataclass(frozen=True)
class Escape:
    file: str
    line: int
    code: str
    msgid: str
    applied: bool  # False when the message is in a safety section


@dataclass(frozen=True)
class SectionCoverage:
    id: str
    page: str
    safety: bool
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    missing: int
    ok: bool
    changed_since_sign_off: bool | None


@dataclass(frozen=True)
class LocaleCoverage:
    locale: str
    published: bool
    ok: bool
    sections: tuple[SectionCoverage, ...]
    review: LocaleReview
    review_note: str | None
    findings: tuple[Issue, ...]
    escapes: tuple[Escape, ...]
    messages: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    locales: tuple[LocaleCoverage, ...]

    @property
    def ok(self) -> bool:
        return all(locale.ok for locale in self.locales if locale.published)

    @property
    def findings(self) -> list[Issue]:
        return [issue for locale in self.locales for issue in locale.findings]


# -- the source ------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """The English as it is now: pages, required sections, where each message stands."""

    root: Path
    pages: Mapping[str, Page]
    manifest: tuple[RequiredSection, ...]
    places: Mapping[str, tuple[Place, ...]]
    template_ids: frozenset[str]
    identical_ok: frozenset[str]

    def is_safety(self, msgid: str) -> bool:
        return any(place.safety for place in self.places.get(msgid, ()))

    def section_of(self, msgid: str) -> str | None:
        places = self.places.get(msgid, ())
        required = [p for p in places if p.section and self._required(p.page, p.section)]
        chosen = (required or list(places) or [None])[0]
        return chosen.section if chosen else None

    def _required(self, page: str, section: str) -> bool:
        return any(s.page == page and s.id == section for s in self.manifest)

    def missing(self) -> list[Finding]:
        """A finding for each required section the English lacks (the build warns)."""
        return list(missing_sections(list(self.manifest), {name: page.body for name, page in self.pages.items()}, MANIFEST, DOCS))

    def present(self) -> list[RequiredSection]:
        """The required sections the English has."""
        lacking = {finding.line for finding in self.missing()}
        return [section for section in self.manifest if section.line not in lacking]

    def require_all(self) -> None:
        """Raise for the first required section the English lacks."""
        present = self.present()
        for section in self.manifest:
            if section not in present:
                what = "safety section" if section.safety else "section"
                raise LeafletError(
                    MANIFEST, section.line, f"required {what} {section.page}#{section.id} is not in {DOCS}/{section.page}"
                )


def _read_page(path: Path, display: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the page: {error.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LeafletError(display, line, "the page is not valid UTF-8; save it as UTF-8") from None


def read_source(root: Path) -> Source:
    manifest = tuple(load_manifest(root / MANIFEST, MANIFEST))
    pages = {}
    for path in sorted((root / DOCS).rglob("*.md")):
        name = path.relative_to(root / DOCS).as_posix()
        pages[name] = segment(_read_page(path, f"{DOCS}/{name}"), name)
    safety = {(s.page, s.id) for s in manifest if s.safety}
    places: dict[str, list[Place]] = {}
    for name, page in pages.items():
        for unit in page.units:
            place = Place(name, unit.section, (name, unit.section) in safety, unit.line)
            places.setdefault(unit.text, []).append(place)
    template = catalogs.extract_template(root)
    return Source(
        root,
        pages,
        manifest,
        {key: tuple(value) for key, value in places.items()},
        frozenset(m.id for m in template if isinstance(m.id, str) and m.id),
        project.identical_ok(root),
    )


# -- the predicate the build shares -----------------------------------------


def problems_of(message: Message, locale: str, source: Source) -> list[qa.Problem]:
    escaped = set() if source.is_safety(message.id) else qa.escapes(message.flags)
    return qa.problems(message.id, message.string, locale, escaped, source.identical_ok)


def usable(message: Message | None, locale: str, source: Source) -> bool:
    """A current, non-fuzzy, QA-clean translation: the only kind ever rendered."""
    return is_current(message) and not problems_of(message, locale, source)


def usable_translations(catalog: Catalog, locale: str, source: Source) -> dict[str, str]:
    return {m.id: m.string for m in catalog if isinstance(m.id, str) and usable(m, locale, source)}


# -- the check ---------------------------------------------------------------


def check(
    root: Path,
    *,
    only: Iterable[str] | None = None,
    loaded: Mapping[str, Catalog] | None = None,
    source: Source | None = None,
) -> Report:
    """Coverage and QA of every language with a catalog, published or draft."""
    config = project.read_config(root)
    published = project.published_languages(config)
    default = published[0]
    available = catalogs.discover(root)
    for code in published[1:]:
        if code not in available:
            raise LeafletError(
                catalogs.po_path(root, code).relative_to(root).as_posix(), 1,
                f"no catalog for published language {code!r}; start one with: make language LOCALE={code}",
            )
    languages = sorted(set(available) - {default})
    if only is not None:
        wanted = list(only)
        unknown = [code for code in wanted if code not in languages]
        if unknown:
            raise LeafletError(
                catalogs.LOCALES, 1,
                f"unknown locale {unknown[0]!r}; expected one of: {', '.join(languages) or 'none (no catalogs yet)'}",
            )
        languages = [code for code in languages if code in wanted]
    for code in languages:
        catalogs.parse_locale(code, "locale folder", f"{catalogs.LOCALES}/{code}", 1)
    if source is None:
        source = read_source(root)
        source.require_all()
    results = []
    for code in languages:
        path = available[code]
        display = path.relative_to(root).as_posix()
        catalog = (loaded or {}).get(code) or catalogs.read_catalog(path, display, code)
        results.append(_locale(code, code in published, catalog, display, source))
    return Report(tuple(results))


def _locale(code: str, published: bool, catalog: Catalog, display: str, source: Source) -> LocaleCoverage:
    issues: list[Issue] = []
    escapes: list[Escape] = []
    unsafe: set[str] = set()
    for message in catalog:
        if not isinstance(message.id, str) or not message.id or not is_current(message):
            continue
        line = message.lineno or 1
        for flag_code in sorted(qa.escapes(message.flags)):
            escapes.append(Escape(display, line, flag_code, message.id, not source.is_safety(message.id)))
        for problem in problems_of(message, code, source):
            unsafe.add(message.id)
            issues.append(Issue(display, line, problem.code, problem.message, code, source.section_of(message.id)))
    stale = _stale(catalog, source)
    if stale:
        issues.append(Issue(display, 1, "catalog-stale", stale, code))
    review = read_review(source.root, code)
    changed, review_note = _changed_since(review, source)
    sections = []
    for required in source.present():
        units = [u for u in source.pages[required.page].units if u.section == required.id]
        counts = {"translated": 0, "fuzzy": 0, "untranslated": 0, "missing": 0}
        section_issues: list[Issue] = []
        for unit in units:
            message = catalog.get(unit.text)
            if message is None:
                counts["missing"] += 1
                section_issues.append(Issue(
                    f"{DOCS}/{required.page}", unit.line, "not-extracted",
                    f"this {unit.kind.value} of {required.page}#{required.id} is not in the {code} catalog; run: make catalogs",
                    code, required.id,
                ))
            elif message.fuzzy and message.string:
                counts["fuzzy"] += 1
                section_issues.append(Issue(
                    display, message.lineno or 1, "fuzzy",
                    f"the {code} translation of this {unit.kind.value} of {required.page}#{required.id} is outdated: "
                    "its English changed since; update it and remove the fuzzy flag",
                    code, required.id,
                ))
            elif not message.string:
                counts["untranslated"] += 1
                section_issues.append(Issue(
                    display, message.lineno or 1, "untranslated",
                    f"this {unit.kind.value} of {required.page}#{required.id} has no {code} translation",
                    code, required.id,
                ))
            else:
                counts["translated"] += 1
        cards = _care_cards_differ(required, source, catalog, code) if required.safety else None
        if cards:
            section_issues.append(Issue(f"{DOCS}/{required.page}", cards[0], "care-cards-differ", cards[1], code, required.id))
        issues.extend(_dedupe(section_issues, issues))
        clean = not section_issues and not any(u.text in unsafe for u in units)
        sections.append(SectionCoverage(
            required.id, required.page, required.safety, len(units), counts["translated"], counts["fuzzy"],
            counts["untranslated"], counts["missing"], clean and counts["translated"] == len(units),
            changed.get((required.page, required.id)),
        ))
    ids = [m for m in catalog if isinstance(m.id, str) and m.id]
    summary = {
        "total": len(ids),
        "translated": sum(1 for m in ids if is_current(m)),
        "fuzzy": sum(1 for m in ids if m.fuzzy and m.string),
        "untranslated": sum(1 for m in ids if not m.string),
    }
    return LocaleCoverage(
        code, published, not issues, tuple(sections), review, review_note, tuple(issues), tuple(escapes), summary
    )


def _dedupe(new: list[Issue], existing: list[Issue]) -> list[Issue]:
    seen = {(i.file, i.line, i.code) for i in existing}
    out = []
    for issue in new:
        if (issue.file, issue.line, issue.code) not in seen:
            seen.add((issue.file, issue.line, issue.code))
            out.append(issue)
    return out


def _stale(catalog: Catalog, source: Source) -> str | None:
    """What a refresh would change in the catalog's messages, in words."""
    present = {m.id for m in catalog if isinstance(m.id, str) and m.id}
    added = len(source.template_ids - present)
    retired = len(present - source.template_ids)
    if not added and not retired:
        return None
    parts = []
    if added:
        parts.append(f"{added} new English message{'s' if added != 1 else ''} missing")
    if retired:
        parts.append(f"{retired} message{'s' if retired != 1 else ''} no longer in the English")
    return "the catalog is out of date with docs/ (" + ", ".join(parts) + "); run: make catalogs"


# -- care cards ----------------------------------------------------------------


def _card_levels(markdown_text: str) -> list[tuple[str | None, str]]:
    """(section id, level) of every care card, in order."""
    md = markdown.Markdown(extensions=["admonition", "attr_list", "tables", CareCardExtension()])
    root = etree.fromstring(f"<root>{md.convert(markdown_text)}</root>")
    found, section = [], None
    for element in root.iter():
        if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and element.get("id"):
            section = element.get("id")
        classes = (element.get("class") or "").split()
        if "care-card" in classes:
            found.append((section, classes[1]))
    return found


def _care_cards_differ(required: RequiredSection, source: Source, catalog: Catalog, code: str) -> tuple[int, str] | None:
    page = source.pages[required.page]
    # The translation as written (current, even if QA rejects it): would it show other cards?
    translations = {m.id: m.string for m in catalog if isinstance(m.id, str) and is_current(m)}
    translated = apply(page, lambda unit: translations.get(unit.text, unit.text))
    try:
        english = [level for section, level in _card_levels(page.body) if section == required.id]
        rendered = [level for section, level in _card_levels(translated) if section == required.id]
    except etree.ParseError:
        return None  # raw HTML the QA checks already report
    if english == rendered:
        return None
    heading = next((u.line for u in page.units if u.section == required.id and u.kind is Kind.HEADING), 1)
    return heading, (
        f"{required.page}#{required.id} renders care cards {rendered!r} in {code} "
        f"but {english!r} in English"
    )


# -- sign-off --------------------------------------------------------------------


def _changed_since(review: LocaleReview, source: Source) -> tuple[dict[tuple[str, str], bool | None], str | None]:
    """For each required section, whether its English changed since the sign-off."""
    if not review.source_version:
        return {}, "no source version recorded"
    changed: dict[tuple[str, str], bool | None] = {}
    for required in source.present():
        old = _git_show(source.root, review.source_version, f"{DOCS}/{required.page}")
        if old is None:
            return {}, f"source version {review.source_version!r} not found in git"
        before = [u.text for u in segment(old, required.page).units if u.section == required.id]
        now = [u.text for u in source.pages[required.page].units if u.section == required.id]
        changed[(required.page, required.id)] = before != now
    return changed, None


def _git_show(root: Path, revision: str, path: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None

"""Coverage of the required sections in every language, with translation QA.

Computed from the current English in ``docs/`` (segmented now, not read
from the committed template) and each language's catalog. A required section
is covered in a language only when every unit in it has the status
``TRANSLATED``; a safety section must also render the same care cards as
English. The build and ``locale-coverage`` both call :func:`check`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog

from .. import processes
from ..content.carecards import LEVELS
from ..content.strings import CLINICAL_REVIEW_PENDING
from ..i18n import catalogs
from ..model import (
    DOCS,
    Escape,
    Finding,
    LeafletError,
    LocaleCoverage,
    PageCoverage,
    Report,
    RequiredSection,
    SectionCoverage,
    Status,
)
from ..settings import Project
from ..settings.languages import catalog_code
from . import escapes as escape_checks
from . import qacache
from .cards import cards_differ
from .signoff import changed_since, read_sign_off
from .source import Source, read_source
from .status import catalog_summary, is_current, problems_of, stale_against, status_of

#: the item of the work shared out that extracts the template (no catalog code has a colon)
_TEMPLATE = "template:"


def load_source(project: Project, *, template: bool = True) -> Source:
    """The English now; pages are read (and their encoding checked) before Babel extracts them.
    Without ``template``, the template's messages are left for :func:`template_ids` (none yet)."""
    hours = {"clinic.opening_days": project.clinic.opening_days}
    safety = (CLINICAL_REVIEW_PENDING, *LEVELS.values())
    source = read_source(project.root, frozenset(), project.identical_ok, hours, safety)
    return dataclasses.replace(source, template_ids=template_ids(project)) if template else source


def template_ids(project: Project) -> frozenset[str]:
    """The messages a refresh of the catalogs would give (kept by :mod:`.qacache`)."""
    def extract() -> frozenset[str]:
        return frozenset(m.id for m in catalogs.extract_template(project.root) if isinstance(m.id, str) and m.id)

    return qacache.template_ids(project.root, extract)


def check_catalog(root: Path, path: Path, code: str, source: Source) -> Catalog:
    """``code``'s catalog at ``path``, read, with the checks of every current message done:
    the report then reads their results (hand it the catalog as ``loaded``)."""
    catalog = read_catalog(root, path, code)
    _check_messages(catalog, code, source)
    return catalog


def read_catalog(root: Path, path: Path, code: str) -> Catalog:
    """``code``'s catalog at ``path``, named in messages by its path in the project."""
    return catalogs.read_catalog(path, path.relative_to(root).as_posix(), catalog_code(code))


def check(
    project: Project,
    *,
    only: Iterable[str] | None = None,
    loaded: Mapping[str, Catalog] | None = None,
    source: Source | None = None,
) -> Report:
    """Coverage and QA of every language with a catalog, published or draft."""
    root, languages = project.root, project.languages
    available = catalogs.discover(root)
    for code in languages.translations:
        if code not in available:
            raise catalogs.no_catalog(root, code)
    codes = _wanted(sorted(set(available) - {languages.source}), only)
    qacache.use_store(root)
    extract = source is None  # the template then extracted while catalogs are checked
    if source is None:
        source = load_source(project, template=False)
        source.require_all()
    read = {code: catalog for code, catalog in (loaded or {}).items() if code in codes}
    extracted: dict[str, frozenset[str]] = {}

    def work(item: str) -> None:
        if item == _TEMPLATE:
            extracted[item] = template_ids(project)
            return
        read[item] = check_catalog(root, available[item], item, source)

    # The catalogs not handed in (the build hands in those it checked as it built), read and
    # checked at once, one process per processor; the report then reads their checks' results.
    unread = [code for code in codes if code not in read]
    processes.each([*unread, *[_TEMPLATE] * extract], work, _Handover(read, extracted))
    if extract:
        source = dataclasses.replace(source, template_ids=extracted[_TEMPLATE])
    results = [
        _locale(code, code in languages.published, read[code], available[code].relative_to(root).as_posix(), source)
        for code in codes
    ]
    qacache.save()
    return Report(tuple(results))


class _Handover:
    """What another process read or extracted, and what its checks found (:class:`leaflet.processes.Keeper`)."""

    def __init__(self, *kept: dict[str, Any]) -> None:
        self.kept = kept

    def mark(self) -> tuple[int, tuple[frozenset[str], ...]]:
        return qacache.mark(), tuple(frozenset(kept) for kept in self.kept)

    def added(self, mark: tuple[int, tuple[frozenset[str], ...]]) -> tuple[Any, tuple[dict[str, Any], ...]]:
        results, known = mark
        pairs = zip(self.kept, known, strict=True)
        return qacache.added_since(results), tuple({k: v for k, v in new.items() if k not in old} for new, old in pairs)

    def merge(self, added: tuple[Any, tuple[dict[str, Any], ...]]) -> None:
        results, kept = added
        qacache.merge(results)
        for mine, theirs in zip(self.kept, kept, strict=True):
            mine.update(theirs)


def _check_messages(catalog: Catalog, code: str, source: Source) -> None:
    for message in catalog:
        if isinstance(message.id, str) and message.id and is_current(message):
            problems_of(message, code, source)


def _wanted(codes: list[str], only: Iterable[str] | None) -> list[str]:
    if only is None:
        return codes
    wanted = list(only)
    unknown = [code for code in wanted if code not in codes]
    if unknown:
        raise LeafletError(
            catalogs.LOCALES, 1,
            f"unknown locale {unknown[0]!r}; expected one of: {', '.join(codes) or 'none (no catalogs yet)'}",
            "unknown-locale",
        )
    return [code for code in codes if code in wanted]


def _locale(code: str, published: bool, catalog: Catalog, display: str, source: Source) -> LocaleCoverage:
    findings, escapes, unsafe = _message_findings(catalog, code, display, source)
    stale = stale_against(catalog, source.template_ids)
    if stale:
        findings.append(Finding(display, 1, "catalog-stale", stale, code))
    review = read_sign_off(source.root, code)
    changed, review_note = changed_since(review, source)
    statuses = _Statuses(catalog, code, source)
    written = {m.id: m.string for m in catalog if isinstance(m.id, str) and is_current(m)}
    sections = []
    for required in source.present():
        section_findings = _section_findings(required, catalog, display, statuses, written)
        findings.extend(_dedupe(section_findings, findings))
        sections.append(_section(required, source, statuses, not section_findings, unsafe, changed))
    return LocaleCoverage(
        code, published, not findings, tuple(sections), review, review_note, tuple(findings), tuple(escapes),
        catalog_summary(catalog), _pages(source, statuses), display,
    )


class _Statuses(dict[str, Status]):
    """Each English message's status in one catalog, decided once: the report asks for it per
    page and per section."""

    def __init__(self, catalog: Catalog, code: str, source: Source) -> None:
        super().__init__()
        self.catalog, self.code, self.source = catalog, code, source

    def __missing__(self, msgid: str) -> Status:
        self[msgid] = status = status_of(self.catalog.get(msgid), self.code, self.source)
        return status


def _pages(source: Source, statuses: _Statuses) -> tuple[PageCoverage, ...]:
    """Every page's messages by status, in the order of the pages' paths."""
    out = []
    for path, page in sorted(source.pages.items()):
        counts = Counter(statuses[unit.text] for unit in page.shown)
        out.append(PageCoverage(path, len(page.shown), *(counts[status] for status in _PAGE_COUNTS)))
    return tuple(out)


def _message_findings(
    catalog: Catalog, code: str, display: str, source: Source
) -> tuple[list[Finding], list[Escape], set[str]]:
    """QA findings and escapes of every current message, malformed escapes of any, and the ids the checks reject."""
    findings: list[Finding] = []
    escapes: list[Escape] = []
    unsafe: set[str] = set()
    for message in catalog:
        if not isinstance(message.id, str) or not message.id:
            continue
        findings.extend(escape_checks.findings(message, display, code, source.section_of(message.id)))
        if not is_current(message):
            continue
        escapes.extend(escape_checks.listed(message, display, not source.is_safety(message.id)))
        problems = problems_of(message, code, source, display)
        if problems:
            unsafe.add(message.id)
            findings.extend(problems)
    return findings, escapes, unsafe


#: PageCoverage's counts after the total, in its order
_PAGE_COUNTS = (Status.TRANSLATED, Status.UNSAFE, Status.FUZZY, Status.UNTRANSLATED, Status.STALE)
_GAPS = {
    Status.FUZZY: (
        "fuzzy", "the {code} translation of this {what} of {where} is outdated: "
        "its English changed since; update it and remove the fuzzy flag",
    ),
    Status.UNTRANSLATED: ("untranslated", "this {what} of {where} has no {code} translation"),
    Status.STALE: ("not-extracted", "this {what} of {where} is not in the {code} catalog; run: make catalogs"),
}


def _section_findings(
    required: RequiredSection, catalog: Catalog, display: str, statuses: _Statuses, written: Mapping[str, str]
) -> list[Finding]:
    found = []
    code, source = statuses.code, statuses.source
    page = source.pages[required.page]
    for unit in source.units_of(required):
        message = catalog.get(unit.text)
        status = statuses[unit.text]
        if status not in _GAPS:
            continue
        name, sentence = _GAPS[status]
        text = sentence.format(code=code, what=unit.kind.value, where=required.name)
        english = f"{DOCS}/{unit.file or required.page}"  # a snippet's unit names the snippet
        file, line = (english, unit.line) if message is None else (display, message.lineno or 1)
        found.append(Finding(file, line, name, text, code, required.id))
    if required.safety:
        cards = cards_differ(required, page, written, code)
        if cards:
            found.append(cards)
    return found


def _section(
    required: RequiredSection, source: Source, statuses: _Statuses, clean: bool,
    unsafe_ids: set[str], changed: Mapping[tuple[str, str], bool | None],
) -> SectionCoverage:
    units = source.units_of(required)
    counts = Counter(statuses[unit.text] for unit in units)
    unsafe = any(unit.text in unsafe_ids for unit in units)
    translated = counts[Status.TRANSLATED] + counts[Status.UNSAFE]
    return SectionCoverage(
        required.id, required.page, required.safety, len(units), translated, counts[Status.FUZZY],
        counts[Status.UNTRANSLATED], counts[Status.STALE],
        clean and not unsafe and counts[Status.TRANSLATED] == len(units),
        changed.get((required.page, required.id)),
    )


def _dedupe(new: list[Finding], existing: list[Finding]) -> list[Finding]:
    seen = {(f.file, f.line, f.code) for f in existing}
    out = []
    for finding in new:
        if (finding.file, finding.line, finding.code) not in seen:
            seen.add((finding.file, finding.line, finding.code))
            out.append(finding)
    return out

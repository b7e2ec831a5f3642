"""The data model every layer shares: findings, errors, status, units, sections.

It depends on nothing else in the package. Everything is a frozen
dataclass or an enum, so what one part computes another cannot change.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: the language the pages are written in, when no configuration says otherwise
DEFAULT_SOURCE = "en"
DOCS = "docs"
MANIFEST = "required-sections.yml"
#: the folder in docs/ of the snippets pages include; MkDocs does not publish it (exclude_docs)
SNIPPETS = "_snippets"
CONFIG = "mkdocs.yml"


# -- findings and errors -----------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One problem, in the one shape every part prints: ``file:line: code message``.

    ``locale`` and ``section`` say which language and which required section
    it concerns, when it concerns one.
    """

    file: str
    line: int
    code: str
    message: str
    locale: str | None = None
    section: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"

    @property
    def where(self) -> str:
        """``[fr#complications]``, ``[fr]`` or nothing: the same in the log and the table."""
        if self.locale is None:
            return ""
        return f"[{self.locale}{'#' + self.section if self.section else ''}]"


class LeafletError(Exception):
    """Input the site cannot be built from: bad settings, a broken file.

    The hooks turn it into a PluginError, the reviewer command into exit 2.
    """

    def __init__(self, file: str, line: int, message: str, code: str = "invalid-input") -> None:
        self.finding = Finding(file, line, code, message)
        self.file, self.line, self.code, self.message = file, line, code, message
        super().__init__(str(self.finding))

    def __reduce__(self) -> tuple[type[LeafletError], tuple[str, int, str, str]]:
        """Picklable as itself: a process of the build hands it to the first (:mod:`leaflet.processes`)."""
        return type(self), (self.file, self.line, self.message, self.code)


# -- status of one translation -----------------------------------------------


class Status(StrEnum):
    """Where one English unit stands in one language.

    Only ``TRANSLATED`` is ever rendered; the build and the report ask the
    same function (:func:`leaflet.checks.status.status_of`) for it.
    """

    TRANSLATED = "translated"  # current, not fuzzy, passes every check
    FUZZY = "fuzzy"  # translated from an older English
    UNTRANSLATED = "untranslated"  # in the catalog, no translation yet
    UNSAFE = "unsafe"  # translated, but a check rejects what it would show
    STALE = "stale"  # the English is not in the catalog yet (not extracted)


# -- content: pages and their units -------------------------------------------


class Kind(StrEnum):
    TITLE = "title"
    DESCRIPTION = "description"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    TABLE_CELL = "table cell"
    CARD_TITLE = "care-card title"
    ADMONITION_TITLE = "admonition title"
    IMAGE_ALT = "image alt text"
    SETTING = "clinic setting"  # text from mkdocs.yml a placeholder puts in a section


FRONT_MATTER_KINDS = (Kind.TITLE, Kind.DESCRIPTION)


@dataclass(frozen=True)
class Unit:
    """One translation unit: a Markdown block, its text the msgid."""

    kind: Kind
    text: str  # the msgid
    line: int  # 1-based line in the page file, front matter included
    section: str | None  # id of the section it belongs to
    card: str | None  # care-card level when inside (or titling) a care card
    span: tuple[int, int, int, int] = field(default=(0, 0, 0, 0), compare=False)
    # (first line, first column, last line, end column) in the body's lines;
    # front-matter units have no span.
    anchor: str | None = field(default=None, compare=False)  # a heading's own {#id}
    # docs-relative file the unit is written in when a page shows it from a snippet; None on its own page
    file: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Include:
    """A line ``--8<-- "_snippets/infection-card.md"``: the snippet's text stands there."""

    path: str  # relative to docs/, as written
    line: int  # 1-based line in the page file
    index: int  # 0-based line in the page's body
    indent: str  # the whitespace before the marker: every line of the snippet gets it
    section: str | None  # the section the snippet's units join
    card: str | None  # the care card the include line stands in, if any


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, as in the manifest: "risks.md"
    meta: Mapping[str, Any]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    units: tuple[Unit, ...]
    raw_headings: tuple[tuple[int, str], ...] = ()  # (line, id) of headings inside raw HTML
    includes: tuple[Include, ...] = ()
    # the snippets of ``includes``, segmented, by path: empty until resolved (content.includes.resolve)
    snippets: Mapping[str, Page] = field(default_factory=dict, compare=False)

    @functools.cached_property
    def shown(self) -> tuple[Unit, ...]:
        """The units the page shows: its own, and each resolved snippet's where it is
        included, in the section and card of the include, naming the snippet's file."""
        at = [(-1 if unit.kind in FRONT_MATTER_KINDS else unit.span[0], [unit]) for unit in self.units]
        at += [(i.index, self._placed(i)) for i in self.includes if i.path in self.snippets]
        return tuple(unit for _, units in sorted(at, key=lambda entry: entry[0]) for unit in units)

    def _placed(self, include: Include) -> list[Unit]:
        snippet = self.snippets[include.path]
        return [
            dataclasses.replace(
                unit, section=unit.section or include.section, card=unit.card or include.card, file=snippet.path
            )
            for unit in snippet.units
        ]

    @property
    def section_ids(self) -> frozenset[str]:
        """Every section a Markdown heading of the page (or a snippet it includes) opens."""
        return frozenset(u.anchor for u in self.shown if u.kind is Kind.HEADING and u.anchor)

    def units_of(self, section: str) -> list[Unit]:
        """The units the page shows in a section, its snippets' included."""
        return [unit for unit in self.shown if unit.section == section]


@dataclass(frozen=True)
class RequiredSection:
    page: str  # relative to docs/, forward slashes
    id: str
    safety: bool
    line: int  # where the manifest lists it

    @property
    def name(self) -> str:
        """``risks.md#complications``: how messages and reports name the section."""
        return "#".join((self.page, self.id))


# -- coverage ----------------------------------------------------------------


@dataclass(frozen=True)
class Escape:
    """A translator's escape (``# allow: <code> — <reason>``), listed in every report."""

    file: str
    line: int
    code: str
    msgid: str
    applied: bool  # False when the message is in a safety section
    reason: str = ""  # empty only for the old flag form, which gives none


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
class PageCoverage:
    """How far one page's messages are translated in one language (the progress page's bars).

    ``translated`` counts current translations that pass every check; ``unsafe`` those a
    check rejects; ``missing`` English the catalog does not know yet.
    """

    page: str
    total: int
    translated: int
    unsafe: int
    fuzzy: int
    untranslated: int
    missing: int


@dataclass(frozen=True)
class SignOff:
    """A language's sign-off, from ``locales/<lang>/review.yml``."""

    translator: str | None = None
    language_reviewer: str | None = None
    clinical_reviewer: str | None = None
    reviewed_on: Any = None  # a datetime.date: the clinical review's
    source_version: str | None = None  # the git commit of docs/ signed off
    language_reviewed_on: Any = None  # a datetime.date: the language review's

    @property
    def clinically_reviewed(self) -> bool:
        return bool(self.clinical_reviewer and self.reviewed_on)


@dataclass(frozen=True)
class LocaleCoverage:
    locale: str
    published: bool
    ok: bool
    sections: tuple[SectionCoverage, ...]
    review: SignOff
    review_note: str | None
    findings: tuple[Finding, ...]
    escapes: tuple[Escape, ...]
    messages: Mapping[str, int] = field(default_factory=dict)
    pages: tuple[PageCoverage, ...] = ()
    catalog: str | None = None  # the catalog's path, repo-relative


@dataclass(frozen=True)
class Report:
    locales: tuple[LocaleCoverage, ...]

    @property
    def ok(self) -> bool:
        return all(locale.ok for locale in self.locales if locale.published)

    @property
    def findings(self) -> list[Finding]:
        return [finding for locale in self.locales for finding in locale.findings]

    def is_published(self, code: str | None) -> bool:
        return any(locale.published for locale in self.locales if locale.locale == code)

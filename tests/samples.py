"""A coverage report to write in every format: a published language with findings, a draft, a
clean reviewed language (the report formats' tests share it)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from leaflet.model import Escape, Finding, LocaleCoverage, PageCoverage, Report, SectionCoverage, SignOff

PO_FR = "locales/fr/LC_MESSAGES/messages.po"
PO_PL = "locales/pl/LC_MESSAGES/messages.po"


def section(
    section_id: str, *, total: int = 2, translated: int = 2, fuzzy: int = 0, untranslated: int = 0, missing: int = 0,
    safety: bool = False, changed: bool | None = None,
) -> SectionCoverage:
    ok = translated == total
    return SectionCoverage(section_id, "page.md", safety, total, translated, fuzzy, untranslated, missing, ok, changed)


FUZZY = Finding(PO_FR, 12, "fuzzy", "the fr translation is outdated", "fr", "warning")
STALE = Finding(PO_FR, 1, "catalog-stale", "out of date: run make catalogs", "fr")
DRAFT_GAP = Finding(PO_PL, 30, "untranslated", "no pl translation | yet", "pl", "plain")
ESCAPE = Escape(PO_FR, 40, "identical-to-source", "OK", True, "the same word in French")
IGNORED_ESCAPE = Escape(PO_FR, 44, "number-changed", "Rest for 2 days.", False)  # the old flag form: no reason

FRENCH = LocaleCoverage(
    "fr", True, False,
    (section("plain"), section("warning", total=3, translated=1, fuzzy=1, untranslated=1, missing=0, safety=True)),
    SignOff(translator="T. Translator", language_reviewer="L. Reviewer"), "no source version recorded",
    (FUZZY, STALE), (ESCAPE, IGNORED_ESCAPE), {"total": 5, "translated": 3, "fuzzy": 1, "untranslated": 1},
    (PageCoverage("page.md", 5, 2, 1, 1, 1, 0),), PO_FR,
)
POLISH = LocaleCoverage(
    "pl", False, False,
    (section("plain", translated=1, untranslated=1), section("warning", total=3, translated=0, missing=3, safety=True)),
    SignOff(), None, (DRAFT_GAP,), (), {"total": 5, "translated": 1, "fuzzy": 0, "untranslated": 4},
    (PageCoverage("page.md", 5, 1, 0, 0, 1, 3),), PO_PL,
)
REVIEWED = LocaleCoverage(
    "de", True, True,
    (section("plain", changed=False), section("warning", total=3, translated=3, safety=True, changed=True)),
    SignOff(clinical_reviewer="Dr C", reviewed_on=dt.date(2026, 11, 2), source_version="abc123"), None, (), (),
    {"total": 5, "translated": 5, "fuzzy": 0, "untranslated": 0}, (), "locales/de/LC_MESSAGES/messages.po",
)
REPORT = Report((FRENCH, POLISH))


def with_findings(locale: LocaleCoverage, *findings: Finding) -> LocaleCoverage:
    return dataclasses.replace(locale, findings=findings)


CLEAN = Report((REVIEWED,))

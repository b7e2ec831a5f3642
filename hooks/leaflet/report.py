"""The coverage report in every format, from one model (see :mod:`leaflet.model`)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .formats.ci import as_github, as_junit
from .formats.html import as_html
from .formats.words import cell, level, review_line, state, verdict, verdict_of
from .model import Escape, Finding, LocaleCoverage, Report, SectionCoverage

#: the JSON report's shape (schemas/locale-coverage.schema.json): a new field keeps the version,
#: a field removed, renamed or given another meaning increments it
SCHEMA_VERSION = 1


def to_data(report: Report) -> dict[str, Any]:
    """The JSON contract: schema_version, ok, locales[], sections[], findings[]."""
    return {
        "schema_version": SCHEMA_VERSION,
        "ok": report.ok,
        "locales": [_locale_data(locale) for locale in report.locales],
        "findings": [_issue_data(issue) for issue in report.findings],
    }


def _locale_data(locale: LocaleCoverage) -> dict[str, Any]:
    review = locale.review
    return {
        "locale": locale.locale,
        "catalog": locale.catalog,
        "published": locale.published,
        "ok": locale.ok,
        "messages": dict(locale.messages),
        "review": {
            "translator": review.translator,
            "language_reviewer": review.language_reviewer,
            "language_reviewed_on": _iso(review.language_reviewed_on),
            "clinical_reviewer": review.clinical_reviewer,
            "reviewed_on": _iso(review.reviewed_on),
            "source_version": review.source_version,
            "clinically_reviewed": review.clinically_reviewed,
            "note": locale.review_note,
        },
        "sections": [_section_data(section) for section in locale.sections],
        "pages": [dataclasses.asdict(page) for page in locale.pages],
        "findings": [_issue_data(issue) for issue in locale.findings],
        "escapes": [dataclasses.asdict(escape) for escape in locale.escapes],
    }


def _iso(date: Any) -> str | None:
    return date.isoformat() if date else None


def _section_data(section: SectionCoverage) -> dict[str, Any]:
    return dataclasses.asdict(section)  # the fields are the JSON contract's


def _issue_data(issue: Finding) -> dict[str, Any]:
    return dataclasses.asdict(issue)


def as_json(report: Report) -> str:
    return json.dumps(to_data(report), indent=2, ensure_ascii=False) + "\n"


def as_table(report: Report) -> str:
    if not report.locales:
        return "No translation catalogs: English only.\n"
    out = [*_grid(report), ""]
    for locale in report.locales:
        out.append(f"{state(locale)}. Review: {review_line(locale)}.")
        out += [_escape_line(escape) for escape in locale.escapes]
    if report.findings:
        out += ["", *(f"{finding} {finding.where}" for finding in report.findings)]
    return "\n".join([*out, "", verdict(report)]) + "\n"


def _grid(report: Report) -> list[str]:
    """The locale x section table, columns padded to their widest cell."""
    header = ["section", *(f"{lang.locale}{'' if lang.published else ' (draft)'}" for lang in report.locales)]
    rows = [
        [f"{s.page}#{s.id}{' (safety)' if s.safety else ''}", *(cell(lang.sections[i]) for lang in report.locales)]
        for i, s in enumerate(report.locales[0].sections)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(text.ljust(widths[i]) for i, text in enumerate(row)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def _escape_line(escape: Escape) -> str:
    note = "" if escape.applied else " (ignored: safety section)"
    why = f" — {escape.reason}" if escape.reason else ""
    return f"  escape {escape.file}:{escape.line}: allow: {escape.code}{why}{note}"


def as_markdown(report: Report) -> str:
    """A job summary: the table, the review state, every finding (errors first)."""
    if not report.locales:
        return "No translation catalogs: English only.\n"
    out = [f"## Translation coverage: {'✅ ok' if report.ok else '❌ findings'}", ""]
    header = ["Section", *(f"`{lang.locale}`{'' if lang.published else ' (draft)'}" for lang in report.locales)]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for i, section in enumerate(report.locales[0].sections):
        name = f"`{section.page}#{section.id}`" + (" **safety**" if section.safety else "")
        out.append("| " + " | ".join([name, *(cell(lang.sections[i]) for lang in report.locales)]) + " |")
    out += ["", "| Language | State | Review |", "|---|---|---|"]
    for locale in report.locales:
        out.append(f"| `{locale.locale}` | {verdict_of(locale)} | {review_line(locale)} |")
    if report.findings:
        out += ["", "| File | Code | Finding |", "|---|---|---|"]
        for issue in sorted(report.findings, key=lambda finding: level(report, finding) != "error"):
            message = issue.message.replace("|", "\\|")
            out.append(f"| `{issue.file}:{issue.line}` | `{issue.code}` ({issue.locale}) | {message} |")
    return "\n".join(out) + "\n"


FORMATS = {
    "table": as_table, "json": as_json, "github": as_github, "junit": as_junit, "markdown": as_markdown,
    "html": as_html,
}

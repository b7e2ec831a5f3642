"""The coverage report in every format, from one model (see :mod:`leaflet.model`)."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as etree
from typing import Any

from .model import Escape, Finding, LocaleCoverage, Report, SectionCoverage, SignOff

YES, NO = "✓", "✗"


def to_data(report: Report) -> dict[str, Any]:
    """The JSON contract: ok, locales[], sections[], findings[]."""
    return {
        "ok": report.ok,
        "locales": [_locale_data(locale) for locale in report.locales],
        "findings": [_issue_data(issue) for issue in report.findings],
    }


def _locale_data(locale: LocaleCoverage) -> dict[str, Any]:
    review = locale.review
    return {
        "locale": locale.locale,
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


def _cell(section: SectionCoverage) -> str:
    mark = YES if section.ok else NO
    detail = f"{section.translated}/{section.total}"
    counts = ((section.fuzzy, "fuzzy"), (section.untranslated, "empty"), (section.missing, "missing"))
    extra = [f"{n} {what}" for n, what in counts if n]
    return f"{mark} {detail}" + (f" ({', '.join(extra)})" if extra else "")


def _state(locale: LocaleCoverage) -> str:
    kind = "published" if locale.published else "draft"
    verdict = "ok" if locale.ok else ("fails" if locale.published else "incomplete (draft: not fatal)")
    return f"{locale.locale} ({kind}): {verdict}"


def _review_line(locale: LocaleCoverage) -> str:
    review = locale.review
    if review.clinically_reviewed:
        state = f"clinically reviewed by {review.clinical_reviewer} on {review.reviewed_on}"
    else:
        state = "not yet clinically reviewed"
    names = _names(review)
    changed = [s.id for s in locale.sections if s.changed_since_sign_off]
    parts = [state] + ([names] if names else [])
    if changed:
        parts.append("English changed since sign-off in: " + ", ".join(changed))
    elif locale.review_note:
        parts.append(locale.review_note)
    return "; ".join(parts)


def _names(review: SignOff) -> str:
    """Who translated and who reviewed the language, with the language review's date."""
    language = review.language_reviewer or ""
    if review.language_reviewed_on:
        language = f"{language} on {review.language_reviewed_on}".strip()
    return ", ".join(
        f"{label} {value}" for label, value in (("translator", review.translator), ("language reviewer", language))
        if value
    )


def as_table(report: Report) -> str:
    if not report.locales:
        return "No translation catalogs: English only.\n"
    out = [*_grid(report), ""]
    for locale in report.locales:
        out.append(f"{_state(locale)}. Review: {_review_line(locale)}.")
        out += [_escape_line(escape) for escape in locale.escapes]
    if report.findings:
        out += ["", *(f"{finding} {finding.where}" for finding in report.findings)]
    return "\n".join([*out, "", _verdict(report)]) + "\n"


def _grid(report: Report) -> list[str]:
    """The locale x section table, columns padded to their widest cell."""
    header = ["section", *(f"{lang.locale}{'' if lang.published else ' (draft)'}" for lang in report.locales)]
    rows = [
        [f"{s.page}#{s.id}{' (safety)' if s.safety else ''}", *(_cell(lang.sections[i]) for lang in report.locales)]
        for i, s in enumerate(report.locales[0].sections)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def _escape_line(escape: Escape) -> str:
    note = "" if escape.applied else " (ignored: safety section)"
    return f"  escape {escape.file}:{escape.line}: allow-{escape.code}{note}"


def _verdict(report: Report) -> str:
    published = sum(1 for finding in report.findings if report.is_published(finding.locale))
    drafts = len(report.findings) - published
    return (
        f"{'OK' if report.ok else 'FAILED'}: {published} finding{'s' if published != 1 else ''} "
        f"in published languages, {drafts} in drafts."
    )


def _escape_property(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(report: Report) -> str:
    """Workflow commands: one annotation per finding, on its file and line."""
    lines = []
    for issue in report.findings:
        level = "error" if report.is_published(issue.locale) else "warning"
        title = _escape_property(f"{issue.code} ({issue.locale})")
        where = f"file={_escape_property(issue.file)},line={issue.line},title={title}"
        lines.append(f"::{level} {where}::{_escape_data(issue.message)}")
    ok = "all published languages cover every required section"
    verdict = ok if report.ok else "published languages have findings"
    lines.append(f"::notice title=locale-coverage::{verdict}")
    return "\n".join(lines) + "\n"


def as_markdown(report: Report) -> str:
    """A job summary: the table, the review state, the findings."""
    if not report.locales:
        return "No translation catalogs: English only.\n"
    out = [f"## Translation coverage: {'✅ ok' if report.ok else '❌ findings'}", ""]
    header = ["Section", *(f"`{lang.locale}`{'' if lang.published else ' (draft)'}" for lang in report.locales)]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for i, section in enumerate(report.locales[0].sections):
        name = f"`{section.page}#{section.id}`" + (" **safety**" if section.safety else "")
        out.append("| " + " | ".join([name, *(_cell(lang.sections[i]) for lang in report.locales)]) + " |")
    out += ["", "| Language | State | Review |", "|---|---|---|"]
    for locale in report.locales:
        out.append(f"| `{locale.locale}` | {_state(locale).split(': ', 1)[1]} | {_review_line(locale)} |")
    if report.findings:
        out += ["", "| File | Code | Finding |", "|---|---|---|"]
        for issue in report.findings:
            message = issue.message.replace("|", "\\|")
            out.append(f"| `{issue.file}:{issue.line}` | `{issue.code}` ({issue.locale}) | {message} |")
    return "\n".join(out) + "\n"


def as_junit(report: Report) -> str:
    """One test suite per language, one test case per required section."""
    suites = etree.Element("testsuites", name="locale-coverage")
    for locale in report.locales:
        suite = etree.SubElement(suites, "testsuite", name=f"locale-coverage.{locale.locale}")
        cases = [(f"{s.page}#{s.id}", s) for s in locale.sections] + [("catalog", None)]
        failures = sum(_junit_case(suite, locale, name, section) for name, section in cases)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(failures))
    etree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(suites, encoding="unicode") + "\n"


def _junit_case(suite: etree.Element, locale: LocaleCoverage, name: str, section: SectionCoverage | None) -> bool:
    """Add one test case; True when it counts as a failure (published and not covered)."""
    case = etree.SubElement(suite, "testcase", classname=f"locale-coverage.{locale.locale}", name=name)
    findings = [f for f in locale.findings if f.section == (section.id if section else None)]
    if not findings and (section is None or section.ok):
        return False
    if not locale.published:
        skipped = etree.SubElement(case, "skipped", message="draft language: reported, not fatal")
        skipped.text = "\n".join(str(f) for f in findings)
        return False
    failure = etree.SubElement(case, "failure", message=f"{len(findings)} finding(s)")
    failure.text = "\n".join(str(f) for f in findings) or "not fully translated"
    return True


FORMATS = {"table": as_table, "json": as_json, "github": as_github, "junit": as_junit, "markdown": as_markdown}

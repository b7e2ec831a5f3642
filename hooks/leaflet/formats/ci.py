"""The formats CI systems read: GitHub workflow commands and JUnit XML.

JUnit follows the schema Jenkins' xUnit plugin validates against
(``schemas/junit-10.xsd``), which GitLab reads too: every ``testsuite`` has
``name``, ``tests``, ``failures``, ``errors``, ``skipped``, ``time`` and
``file`` (the language's catalog); every ``testcase`` ``classname``, ``name``
and ``time``. The schema allows no ``file`` on a test case, so each
failure's text names its findings as ``path:line: code message``. Times are
0: the check is one pass over every language, not timed per section.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter

from ..model import LocaleCoverage, Report, SectionCoverage
from .words import level

#: GitHub shows this many annotations of each level per step; the job summary shows the rest
GITHUB_SHOWN = 10
_SUITE_COUNTS = ("tests", "failures", "errors", "skipped")


def _escape_property(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(report: Report) -> str:
    """Workflow commands: one annotation per finding, on its file and line, errors first."""
    findings = sorted(report.findings, key=lambda issue: level(report, issue) != "error")
    lines = []
    for issue in findings:
        title = _escape_property(f"{issue.code} ({issue.locale})")
        where = f"file={_escape_property(issue.file)},line={issue.line},title={title}"
        lines.append(f"::{level(report, issue)} {where}::{_escape_data(issue.message)}")
    ok = "all published languages cover every required section"
    verdict = ok if report.ok else "published languages have findings"
    levels = Counter(level(report, issue) for issue in findings)
    if max(levels.values(), default=0) > GITHUB_SHOWN:
        verdict += (
            f"; {levels['error']} errors and {levels['warning']} warnings, of which GitHub shows "
            f"{GITHUB_SHOWN} of each per step: the job summary lists every one"
        )
    lines.append(f"::notice title=locale-coverage::{_escape_data(verdict)}")
    return "\n".join(lines) + "\n"


def as_junit(report: Report) -> str:
    """One test suite per language, one test case per required section, and one for the catalog."""
    suites = etree.Element("testsuites", name="locale-coverage", **dict.fromkeys(("tests", "failures", "errors"), "0"))
    suites.set("time", "0")
    totals: Counter[str] = Counter()
    for locale in report.locales:
        name = f"locale-coverage.{locale.locale}"
        suite = etree.SubElement(suites, "testsuite", name=name, **dict.fromkeys(_SUITE_COUNTS, "0"))
        suite.set("time", "0")
        suite.set("file", locale.catalog or "")
        cases = [(f"{s.page}#{s.id}", s) for s in locale.sections] + [("catalog", None)]
        counts = Counter(_junit_case(suite, locale, case, section) for case, section in cases)
        counts["tests"] = len(cases)
        for key in _SUITE_COUNTS:
            suite.set(key, str(counts[key]))
        totals.update(counts)
    for key in ("tests", "failures", "errors"):
        suites.set(key, str(totals[key]))
    etree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(suites, encoding="unicode") + "\n"


def _junit_case(suite: etree.Element, locale: LocaleCoverage, name: str, section: SectionCoverage | None) -> str:
    """Add one test case; its outcome: ``failures`` (published, not covered), ``skipped`` (a draft's gap)
    or ``passed``."""
    case = etree.SubElement(suite, "testcase", classname=f"locale-coverage.{locale.locale}", name=name, time="0")
    findings = [f for f in locale.findings if f.section == (section.id if section else None)]
    if not findings and (section is None or section.ok):
        return "passed"
    if not locale.published:
        skipped = etree.SubElement(case, "skipped", message="draft language: reported, not fatal")
        skipped.text = "\n".join(str(f) for f in findings)
        return "skipped"
    failure = etree.SubElement(case, "failure", message=f"{len(findings)} finding(s)", type="locale-coverage")
    failure.text = "\n".join(str(f) for f in findings) or "not fully translated"
    return "failures"

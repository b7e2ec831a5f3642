"""The evidence record of each page: ``sources:`` in its front matter.

    sources:
      - title: Steroid injections
        publisher: NHS
        url: https://www.nhs.uk/tests-and-treatments/steroid-injections/
        year: 2023

The NHS standard for creating health content asks for an evidence record per
page. The sources are for reviewers, not shown on the page: ``make sources``
(``python -m leaflet.content.sources``) prints each page's review record and
its sources, and exits 1 naming the file and line of a page with no sources
(``sources-missing``) or a malformed entry (``sources-invalid``); the strict
build warns on the same findings. They are never translation units: only a
page's title and description are.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model import Finding, LeafletError
from .frontmatter import front_matter_line, front_matter_node, split_front_matter
from .includes import page_files, read_page
from .review import parse_review

KEYS = ("title", "publisher", "url", "year")
EXAMPLE = "{title: ..., publisher: ..., url: https://..., year: 2023}"
FIRST_YEAR = 1900


@dataclass(frozen=True)
class Reference:
    """One source a page is based on."""

    title: str
    publisher: str
    year: int | None  # None for a body of material with no one date (leaflets surveyed)
    url: str | None = None

    def __str__(self) -> str:
        title = self.title if self.title[-1:] in ".?!" else f"{self.title}."
        year = f", {self.year}" if self.year else ""
        return f"{title} {self.publisher}{year}." + (f" {self.url}" if self.url else "")


def parse_sources(
    meta: Mapping[str, Any], source: str, path: str, today: dt.date | None = None
) -> tuple[list[Reference], list[Finding]]:
    """The page's sources, and a finding for none or for each malformed entry."""
    entries = meta.get("sources")
    line = front_matter_line(source, "sources")
    if entries is None or entries == []:
        return [], [Finding(
            path, line, "sources-missing",
            f"front matter has no 'sources:'; list the evidence the page is based on, each as {EXAMPLE}",
        )]
    if not isinstance(entries, list):
        return [], [Finding(path, line, "sources-invalid", f"sources: expected a list of {EXAMPLE} but received: "
                            f"{entries!r}")]
    lines = _entry_lines(source, len(entries), line)
    found, findings = [], []
    for number, (entry, entry_line) in enumerate(zip(entries, lines, strict=True), start=1):
        try:
            found.append(_reference(entry, (today or dt.date.today()).year))
        except ValueError as error:
            findings.append(Finding(path, entry_line, "sources-invalid", f"sources[{number}]: {error}"))
    return found, findings


def _entry_lines(source: str, count: int, default: int) -> list[int]:
    """The 1-based line of each entry of ``sources:``."""
    root = front_matter_node(source)
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    node = next((value for key, value in pairs if key.value == "sources"), None)
    if isinstance(node, yaml.SequenceNode) and len(node.value) == count:
        return [item.start_mark.line + 1 for item in node.value]
    return [default] * count


def _reference(entry: Any, this_year: int) -> Reference:
    if not isinstance(entry, Mapping):
        raise ValueError(f"expected {EXAMPLE} but received: {entry!r}")
    unknown = sorted(set(map(str, entry)) - set(KEYS))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; expected only: {', '.join(KEYS)}")
    title, publisher = _words(entry, "title"), _words(entry, "publisher")
    return Reference(title, publisher, _year(entry.get("year"), this_year), _url(entry.get("url")))


def _words(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key}: expected a non-empty text but received: {value!r}")
    return " ".join(value.split())


def _year(year: Any, this_year: int) -> int | None:
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
        raise ValueError(f"year: expected the year it was published, such as 2023, but received: {year!r}")
    return year


def _url(url: Any) -> str | None:
    if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        raise ValueError(f"url: expected an address starting with https:// but received: {url!r}")
    return url


# -- the reviewer command -------------------------------------------------------


def record(name: str, source: str, today: dt.date) -> tuple[list[str], list[Finding]]:
    """One page's evidence record, as lines to print, and its findings."""
    try:
        meta = split_front_matter(source)[0]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # the front matter starts on the file's second line
        problem = getattr(error, "problem", None) or error
        raise LeafletError(name, line, f"front matter is not valid YAML: {problem}", "invalid-front-matter") from None
    review, _ = parse_review(meta, source, name, today)
    references, findings = parse_sources(meta, source, name, today)
    lines = [name]
    if review is None:
        lines.append("  review: none recorded")
    else:
        lines.append(
            f"  reviewed by {review.reviewed_by} on {review.last_reviewed}; next review due {review.next_review}"
        )
    lines.append(f"  sources ({len(references)}):" if references else "  sources: none")
    lines += [f"    - {reference}" for reference in references]
    return lines, findings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m leaflet.content.sources",
        description="Each page's review record and the sources it is based on; exits 1 when a page has "
        "no sources or a malformed entry, 2 on a page that cannot be read.",
    )
    parser.add_argument("docs", nargs="?", default="docs", type=Path)
    args = parser.parse_args(argv)
    findings: list[Finding] = []
    try:
        for name, path in page_files(args.docs):
            display = f"{args.docs.as_posix()}/{name}"
            lines, found = record(display, read_page(path, display), dt.date.today())
            print("\n".join(lines))
            findings += found
    except LeafletError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for finding in findings:
        print(f"error: {finding}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())

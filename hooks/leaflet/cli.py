"""``locale-coverage``: the reviewer command.

Run from the repository root. Exit 0 when every published language covers
every required section with no QA finding, 1 on findings, 2 on usage or
configuration errors or unreadable input. The report goes to stdout,
diagnostics to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .checks.coverage import check
from .formats.badge import badge_file
from .formats.html import as_html
from .model import CONFIG, LeafletError, Report
from .report import FORMATS, as_markdown
from .settings import read_project

#: the file GitHub Actions shows as the job's summary
STEP_SUMMARY = "GITHUB_STEP_SUMMARY"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog="locale-coverage",
        description="Does every published language cover every required section, safely?",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="table", help="output format (default: table)")
    parser.add_argument("--locale", action="append", metavar="CODE", help="only this language (repeatable)")
    parser.add_argument("--output", type=Path, help="write the report to this file instead of stdout")
    parser.add_argument("--badges", type=Path, metavar="DIR", help="also write each language's badge, DIR/<lang>.svg")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if not (root / CONFIG).is_file():
        print(f"error: {CONFIG}:1: not found; run locale-coverage from the repository root", file=sys.stderr)
        return 2
    try:
        report = check(read_project(root), only=args.locale)
    except LeafletError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        write_reports(report, args, os.environ.get(STEP_SUMMARY))
    except OSError as error:
        print(f"error: {error.filename}:1: cannot write the report: {error.strerror}", file=sys.stderr)
        return 2
    return 0 if report.ok else 1


def write_reports(report: Report, args: argparse.Namespace, step_summary: str | None) -> None:
    """The report to stdout or ``--output``; the badges; with ``--format github`` on GitHub, the
    whole report as the job summary too (GitHub shows only 10 annotations of each level per step)."""
    if args.format == "html":
        folder = (args.output.parent if args.output else Path()).resolve()
        text = as_html(report, to_root=_to_root(folder))
    else:
        text = FORMATS[args.format](report)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.badges:
        args.badges.mkdir(parents=True, exist_ok=True)
        for locale in report.locales:
            (args.badges / f"{locale.locale}.svg").write_text(badge_file(locale), encoding="utf-8")
    if args.format == "github" and step_summary:
        with open(step_summary, "a", encoding="utf-8") as summary:
            summary.write(as_markdown(report))


def _to_root(folder: Path) -> str:
    """The relative way from ``folder`` to the repository root (the working directory): ``../``."""
    relative = Path(os.path.relpath(Path.cwd().resolve(), folder)).as_posix()
    return "" if relative == "." else relative + "/"


if __name__ == "__main__":
    raise SystemExit(main())

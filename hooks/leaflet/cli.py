"""``locale-coverage``: the reviewer command.

Run from the repository root. Exit 0 when every published language covers
every required section with no QA finding, 1 on findings, 2 on usage or
configuration errors or unreadable input. The report goes to stdout,
diagnostics to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks.coverage import check
from .model import CONFIG, LeafletError
from .report import FORMATS
from .settings import read_project


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
    text = FORMATS[args.format](report)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

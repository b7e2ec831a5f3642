"""The registry of translation checks: each is a pure function with a stable code.

A check takes ``(msgid, msgstr, locale)`` and returns what is wrong, in a
plain sentence, or None. :func:`check` marks a function with its code and
what it protects; :data:`leaflet.checks.qa.CHECKS` lists them in order.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import LeafletError

Run = Callable[[str, str, str], "str | None"]


@dataclass(frozen=True)
class Check:
    code: str
    sentence: str  # what it protects, for the report and the docs
    run: Run  # (msgid, msgstr, locale) -> detail


def check(code: str, sentence: str) -> Callable[[Run], Run]:
    """Mark ``run`` as the check ``code``."""

    def mark(run: Run) -> Run:
        run.check = Check(code, sentence, run)  # type: ignore[attr-defined]
        return run

    return mark


# -- the table of codes in REVIEWING.md ---------------------------------------------

#: the marker comments between which REVIEWING.md holds :func:`markdown`'s table
BEGIN = "<!-- checks table: written by python -m leaflet.checks.registry --update REVIEWING.md -->"
END = "<!-- end of checks table -->"


def markdown(checks: Iterable[tuple[str, str]]) -> str:
    """The table of ``(code, sentence)`` pairs, in the order given, as REVIEWING.md shows it."""
    rows = ["| code | what the check protects |", "|---|---|"]
    rows += ["| `{}` | {} |".format(code, sentence.replace("|", "\\|")) for code, sentence in checks]
    return "\n".join(rows) + "\n"


def documented() -> list[tuple[str, str]]:
    """Every translation check, in the order they run, the glossary's last."""
    from . import glossary, qa  # they register their checks as they are imported, and import this module

    return [(c.code, c.sentence) for c in qa.CHECKS] + sorted(glossary.SENTENCES.items())


def updated(document: str, table: str, name: str = "REVIEWING.md") -> str:
    """``document`` with the part between :data:`BEGIN` and :data:`END` replaced by ``table``."""
    lines = document.splitlines(keepends=True)
    try:
        start, end = lines.index(BEGIN + "\n"), lines.index(END + "\n")
    except ValueError:
        raise LeafletError(name, 1, f"expected the lines {BEGIN!r} and {END!r}", "invalid-input") from None
    return "".join([*lines[: start + 1], table, *lines[end:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m leaflet.checks.registry", description="The table of translation checks, from the registry."
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--markdown", action="store_true", help="print the table")
    group.add_argument("--update", type=Path, metavar="FILE", help="rewrite the table between the markers in FILE")
    args = parser.parse_args(argv)
    table = markdown(documented())
    if args.markdown:
        sys.stdout.write(table)
        return 0
    try:
        text = updated(args.update.read_text(encoding="utf-8"), table, args.update.as_posix())
    except (LeafletError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    args.update.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

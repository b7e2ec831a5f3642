"""The registry of translation checks: each is a pure function with a stable code.

A check takes ``(msgid, msgstr, locale)`` and returns what is wrong, in a
plain sentence, or None. :func:`check` marks a function with its code and
what it protects; :data:`leaflet.checks.qa.CHECKS` lists them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

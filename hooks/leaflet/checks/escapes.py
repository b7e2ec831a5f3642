"""Which checks a message's escapes skip, and the escapes that skip none.

A translator escapes a check for one message with a comment
(``# allow: number-changed — <reason>``, :mod:`leaflet.i18n.escapes`). An
escape that names no check, or gives no reason, skips nothing and is an
``invalid-escape`` finding on the message's line: otherwise the check it was
meant to skip fails with nothing pointing at the escape.
"""

from __future__ import annotations

import difflib

from babel.messages.catalog import Message

from ..i18n.escapes import FORM, Written, written
from ..model import Escape, Finding
from .qa import ESCAPABLE

INVALID = "invalid-escape"


def escaped(message: Message) -> set[str]:
    """The checks this message's well-formed escapes skip."""
    return {code for escape in written(message) if _problem(escape) is None for code in escape.codes}


def listed(message: Message, file: str, applied: bool) -> list[Escape]:
    """Each check a well-formed escape skips, as the report lists it."""
    return [
        Escape(file, message.lineno or 1, code, message.id, applied, escape.reason)
        for escape in written(message) if _problem(escape) is None for code in escape.codes
    ]


def findings(message: Message, file: str, locale: str, section: str | None) -> list[Finding]:
    """An ``invalid-escape`` finding for each escape that skips nothing."""
    return [
        Finding(file, message.lineno or 1, INVALID, f"{escape.text!r} above this message skips no check: {problem}",
                locale, section)
        for escape in written(message) if (problem := _problem(escape))
    ]


def _problem(escape: Written) -> str | None:
    if escape.problem:
        return escape.problem
    for code in escape.codes:
        if code not in ESCAPABLE:
            near = difflib.get_close_matches(code, sorted(ESCAPABLE), n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"the checks are listed in REVIEWING.md; {FORM!r}"
            return f"there is no check {code!r}; {hint}"
    return None

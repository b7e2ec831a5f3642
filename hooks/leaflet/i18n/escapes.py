"""Escapes as a catalog holds them: a translator comment in a fixed form.

    # allow: number-changed — "une demi-heure" is the English's 30 minutes

skips one check for that message and says why. Translator comments are the
one kind of comment every PO tool keeps: GNU msgcat, msgmerge and msgattrib
(so Weblate's msgmerge add-on), Poedit, Babel. The first form, a flag
(``#, allow-number-changed``), is deleted by the gettext tools like every flag
they do not know, and the check it escaped then fails with nothing pointing
at the cause. Flags are still read, and :func:`move_flags` turns them into
comments before a catalog is written. Which codes exist is the checks' to
say (:mod:`leaflet.checks.escapes`); this module knows only the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.messages.catalog import Message

PREFIX = "allow:"
FLAG_PREFIX = "allow-"
FORM = "# allow: <check> — <reason>"
#: a comment meant as an escape, well formed or not
_MEANT = re.compile(r"allow[ \t]*[:-]", re.IGNORECASE)
_COMMENT = re.compile(
    r"allow:[ \t]*(?P<codes>[\w-]+(?:[ \t]*,[ \t]*[\w-]+)*)(?:[ \t]+[—–-]+(?P<reason>.*))?", re.DOTALL
)


@dataclass(frozen=True)
class Written:
    """One escape as the catalog has it: the checks it names and why, or what is wrong with its form."""

    codes: tuple[str, ...]
    reason: str
    text: str  # as written: '# allow: ...' or '#, allow-...'
    problem: str | None = None
    flag: bool = False  # the old form, read for compatibility: it gives no reason


def written(message: Message) -> list[Written]:
    """Every escape of a message: its comments in the fixed form, then its old-form flags."""
    found = [_parse(comment.strip()) for comment in message.user_comments if _MEANT.match(comment.strip())]
    found += [
        Written((flag[len(FLAG_PREFIX):],), "", f"#, {flag}", flag=True)
        for flag in sorted(message.flags) if flag.startswith(FLAG_PREFIX)
    ]
    return found


def _parse(comment: str) -> Written:
    text = f"# {comment}"
    match = _COMMENT.fullmatch(comment)
    if match is None:
        return Written((), "", text, f"an escape is written {FORM!r}")
    codes = tuple(code.strip() for code in match.group("codes").split(","))
    reason = (match.group("reason") or "").strip()
    problem = None if reason else f"give the reason after the check: {FORM!r}"
    return Written(codes, reason, text, problem)


def move_flags(message: Message) -> None:
    """Turn old-form escape flags into comments, which the gettext tools keep; the codes are kept as written."""
    flags = sorted(flag for flag in message.flags if flag.startswith(FLAG_PREFIX))
    if not flags:
        return
    commented = {code for escape in written(message) if not escape.flag for code in escape.codes}
    why = "the reason is in the comment above" if message.user_comments else "no reason was given"
    for flag in flags:
        message.flags.discard(flag)
        code = flag[len(FLAG_PREFIX):]
        if code not in commented:
            message.user_comments.append(f"{PREFIX} {code} — moved from the flag '#, {flag}'; {why}")

"""The glossary checks: each language's terms, as its glossary (``glossary/<lang>.tbx``) says.

A message whose English uses a glossary term (``blood thinners`` is a form
of "blood thinner") must use one of the term's approved renderings
(``glossary-term``) and none of its forbidden ones (``glossary-forbidden``).
A forbidden word inside an approved phrase does not count: "Betäubungsmittel"
is forbidden, "örtliches Betäubungsmittel" approved. Unlike the other checks
they depend on the project's glossary, read once per build or run
(:func:`leaflet.i18n.tbx.read_glossaries`), so :func:`checks_for` binds
them to it; the QA runs them with the others.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..i18n.glossary import Glossary, Rendering, Term, found, masked, normal
from .registry import Check

TERM, FORBIDDEN = "glossary-term", "glossary-forbidden"
CODES = frozenset({TERM, FORBIDDEN})
SENTENCES = {
    TERM: "A glossary term in the English has one of its approved renderings in the translation.",
    FORBIDDEN: "No rendering the glossary forbids for a term the English uses.",
}


def _names(renderings: tuple[Rendering, ...]) -> str:
    return ", ".join(repr(r.term) for r in renderings)


def _forbidden_in(term: Term, text: str) -> Rendering | None:
    """The first forbidden rendering in ``text`` (normal), outside the approved ones."""
    rest = masked((form for r in term.approved for form in r.forms), text)
    return next((r for r in term.forbidden if found(r.forms, rest)), None)


@dataclass(frozen=True, eq=False)  # one per language and build: compared and hashed by identity
class TermChecks:
    """The glossary checks of one language."""

    glossary: Glossary

    def _where(self, line: int) -> str:
        return f"{self.glossary.file}:{line}"

    def forbidden(self, msgid: str, msgstr: str, locale: str) -> str | None:
        text = normal(msgstr)
        problems = [
            f"{rendering.term!r} is a forbidden rendering of {term.english!r} ({self._where(rendering.line)}): "
            f"{rendering.note.rstrip('.')}" + (f"; use {_names(term.approved)}" if term.approved else "")
            for term in self.glossary.terms_in(msgid)
            if (rendering := _forbidden_in(term, text))
        ]
        return "; ".join(problems) or None

    def missing(self, msgid: str, msgstr: str, locale: str) -> str | None:
        text = normal(msgstr)
        problems = [
            f"{term.english!r} has none of its approved renderings: expected {_names(term.approved)} "
            f"({self._where(term.line)})"
            for term in self.glossary.terms_in(msgid)
            if term.approved and not _forbidden_in(term, text)  # glossary-forbidden already says what to use
            and not any(found(r.forms, text) for r in term.approved)
        ]
        return "; ".join(problems) or None


@functools.lru_cache(maxsize=32)
def checks_for(glossary: Glossary | None) -> tuple[Check, ...]:
    """The glossary checks bound to one language's glossary; none without one."""
    if glossary is None:
        return ()
    bound = TermChecks(glossary)
    return (Check(FORBIDDEN, SENTENCES[FORBIDDEN], bound.forbidden), Check(TERM, SENTENCES[TERM], bound.missing))

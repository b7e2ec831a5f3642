"""The glossary of each language: which words a translation must, and must not, use.

One TBX file per language, ``glossary/<lang>.tbx`` (read by :mod:`.tbx`),
the format Weblate imports as a glossary component (forbidden renderings
included). Each entry pairs an English term with one rendering, approved or
forbidden; entries with the same English term make one :class:`Term`.

A form is how a rendering may be written in a translation: ``*`` stands for
any letters (``corticoïde*`` accepts "corticoïdes", ``*عدوى`` accepts
"العدوى"), a space for any spaces. Forms match whole words, case and
Arabic vowel marks ignored, except next to Chinese, Japanese or Korean
characters, which have no spaces between words. The extractor names the
English terms of each message in the catalog (:func:`hint`), and
:mod:`leaflet.checks.glossary` checks the translations.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..settings.languages import catalog_code

__all__ = ["FOLDER", "Glossary", "Rendering", "Term", "found", "glossary_for", "hint", "masked", "normal"]

FOLDER = "glossary"
SUFFIX = ".tbx"
#: Arabic vowel marks and the tatweel: a word reads the same with or without them
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009\u200a]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
_DENSE_RANGES = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_DENSE = re.compile(f"[{_DENSE_RANGES}]")
#: a letter that continues a word: Han, kana and Hangul never do ("用B超引导")
_LETTER = f"[^\\W{_DENSE_RANGES}]"
#: what masked text becomes: no letter, so no form matches across it
_MASK = "\u2063"


@dataclass(frozen=True)
class Rendering:
    """One way to write an English term in a language, approved or forbidden."""

    term: str  # as the glossary writes it, for people
    forms: tuple[str, ...]  # what the check accepts, as patterns
    forbidden: bool
    note: str  # how to use it, or why it is forbidden
    line: int


@dataclass(frozen=True)
class Term:
    """An English term, every form of it the check looks for, and its renderings."""

    english: str
    forms: tuple[str, ...]
    renderings: tuple[Rendering, ...]
    note: str
    line: int

    @property
    def approved(self) -> tuple[Rendering, ...]:
        return tuple(r for r in self.renderings if not r.forbidden)

    @property
    def forbidden(self) -> tuple[Rendering, ...]:
        return tuple(r for r in self.renderings if r.forbidden)

    def in_english(self, msgid: str) -> bool:
        return found(self.forms, normal(msgid)) is not None


@dataclass(frozen=True)
class Glossary:
    locale: str
    file: str  # repo-relative, for messages
    terms: tuple[Term, ...]

    def terms_in(self, msgid: str) -> list[Term]:
        """The terms a message's English uses."""
        return [term for term in self.terms if term.in_english(msgid)]


@functools.lru_cache(maxsize=16384)
def normal(text: str) -> str:
    """Text as the glossary compares it: NFC, case folded, no Arabic vowel marks,
    any run of spaces (no-break ones too) one space, typographic apostrophes plain."""
    text = _MARKS.sub("", unicodedata.normalize("NFC", text).casefold())
    return _SPACES.sub(" ", text.translate(_APOSTROPHES))


@functools.lru_cache(maxsize=1024)
def _pattern(form: str, dense: bool = True) -> re.Pattern[str]:
    """``médicament* qui fluidifie* le sang`` as a regular expression over :func:`normal` text.

    For a text with no Chinese, Japanese or Korean character (``dense`` false) every word
    character is a letter that continues a word, and the pattern says so with ``\\w``: the
    same matches, compiled a hundred times faster (Python's ``re`` compiles a character class
    of the dense ranges code point by code point, 2 ms a form)."""
    words = normal(form).strip().split(" ")
    body = r"\s+".join(r"\w*".join(map(re.escape, word.split("*"))) for word in words)
    letter = _LETTER if dense else r"\w"
    start = "" if _DENSE.match(words[0]) else f"(?<!{letter})"
    end = "" if _DENSE.match(words[-1][-1:]) else f"(?!{letter})"
    return re.compile(start + body + end)


def _has_dense(text: str) -> bool:
    return _DENSE.search(text) is not None


@functools.lru_cache(maxsize=1024)
def _pieces(form: str) -> tuple[str, ...]:
    """The literal parts of a form, each of which a text it matches contains."""
    return tuple(piece for word in normal(form).strip().split(" ") for piece in word.split("*") if piece)


def _may_match(form: str, text: str) -> bool:
    """A cheap necessary condition for a match: the form's pattern is compiled only when it holds."""
    return all(piece in text for piece in _pieces(form))


def found(forms: Iterable[str], text: str) -> str | None:
    """The first form that matches ``text`` (already :func:`normal`)."""
    return _found(tuple(forms), text)


@functools.lru_cache(maxsize=65536)
def _found(forms: tuple[str, ...], text: str) -> str | None:
    """Kept per forms and text: every language's glossary looks for the same English terms."""
    dense = _has_dense(text)
    return next((form for form in forms if _may_match(form, text) and _pattern(form, dense).search(text)), None)


def masked(forms: Iterable[str], text: str) -> str:
    """``text`` with every match of ``forms`` blotted out, longest forms first, so that
    a forbidden word inside an approved phrase ("örtliches Betäubungsmittel") is not seen."""
    dense = _has_dense(text)  # masking adds none
    for form in sorted(forms, key=len, reverse=True):
        if not _may_match(form, text):
            continue
        text = _pattern(form, dense).sub(lambda match: _MASK * len(match.group()), text)
    return text


def glossary_for(glossaries: Mapping[str, Glossary], locale: str) -> Glossary | None:
    """The glossary of ``zh-Hans`` is ``zh_Hans.tbx`` (named as its catalog folder), else ``zh.tbx``."""
    return glossaries.get(catalog_code(locale)) or glossaries.get(re.split("[_-]", locale)[0])


def english_terms(glossaries: Iterable[Glossary]) -> tuple[Term, ...]:
    """Every English term of every language, once (the first glossary's forms)."""
    terms: dict[str, Term] = {}
    for glossary in glossaries:
        for term in glossary.terms:
            terms.setdefault(term.english, term)
    return tuple(terms.values())


def hint(msgid: str, terms: Iterable[Term]) -> str | None:
    """The extracted comment that points a translator at the glossary, or None."""
    named = [term.english for term in terms if term.in_english(msgid)]
    if not named:
        return None
    return f"glossary: {', '.join(named)} → see {FOLDER}/<lang>{SUFFIX}"


def files(root: Path) -> list[Path]:
    return sorted((root / FOLDER).glob(f"*{SUFFIX}"))

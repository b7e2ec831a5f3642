"""Translation QA: check what the patient will see.

A translation (msgstr) and its English (msgid) are rendered through the
page's Markdown pipeline in every block context a unit can land in
(:mod:`.rendered`) and compared: visible text, numbers, link targets,
elements, attributes, whatever passes through raw. Checks on the text as
written are in :mod:`.text`. Each check is a small pure function with a
stable code and a sentence. A translator comment ``# allow: <code> — <reason>``
escapes one check for one message, never in a safety section
(:mod:`.escapes`); the coverage report lists escapes.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable
from typing import Any, TypeVar

from markdown.inlinepatterns import ENTITY_RE

from ..model import Finding
from . import glossary, qacache, text
from .registry import Check, check
from .rendered import Rendering, dense, letters, renderings, visible
from .text import numbers
from .typography import TYPOGRAPHY_CHECKS

__all__ = ["CHECKS", "CODES", "ESCAPABLE", "Check", "numbers", "problems"]

#: text-too-short judges units whose English shows at least this many letters and digits ...
MIN_LETTERS = 20
#: ... and wants this share of them: shipped catalogs keep at least 0.21 (zh) and 0.58 (ar)
DENSE_RATIO = 0.1  # Han, kana, Hangul
RATIO = 0.3  # every other script
_ENTITY = re.compile(ENTITY_RE)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
_CONTACT_SCHEMES = ("tel:", "mailto:")
#: attributes whose values are the translation's own (alt and title text) or the link checks'
_FREE_VALUES = frozenset({"href", "src", "alt", "title"})

#: no targets (never changed: text.differ only reads it)
_NONE: Counter[str] = Counter()

Compare = Callable[[Rendering, Rendering], "str | None"]
_T = TypeVar("_T", bound=Hashable)


def _first(msgid: str, msgstr: str, compare: Compare) -> str | None:
    """The first context whose renderings differ, as ``compare`` sees them."""
    for english, translated in zip(renderings(msgid), renderings(msgstr), strict=True):
        detail = compare(english, translated)
        if detail:
            return detail if english.context == "paragraph" else f"{detail} (as a {english.context})"
    return None


def _added(english: Iterable[_T], translated: Iterable[_T]) -> list[_T]:
    """What the translation has more of than the English, in the translation's order."""
    english, translated = tuple(english), tuple(translated)
    if english == translated or not translated:
        return []
    return list((Counter(translated) - Counter(english)).elements())


def _adds(found: Callable[[Rendering], Iterable[Any]], say: Callable[[Any], str]) -> Compare:
    """A comparison that reports the first thing the translation renders and the English does not."""

    def compare(english: Rendering, translated: Rendering) -> str | None:
        added = _added(found(english), found(translated))
        return say(added[0]) if added else None

    return compare


# -- the visible text ------------------------------------------------------------


@check("text-empty", "The translation shows the patient some text wherever the English does.")
def check_empty(msgid: str, msgstr: str, locale: str) -> str | None:
    def compare(english: Rendering, translated: Rendering) -> str | None:
        empty = visible(english.shown) and not visible(translated.shown)
        return f"{msgstr!r} shows the patient no text" if empty else None

    return _first(msgid, msgstr, compare)


@check("text-hidden", "No hidden element (hidden, aria-hidden, display: none) the English lacks.")
def check_hidden(msgid: str, msgstr: str, locale: str) -> str | None:
    return _first(msgid, msgstr, _adds(lambda r: r.hiding, lambda found: f"{found} hides its text from the patient"))


@check("text-too-short", "The visible text has a plausible length for its script: at least 30% of the English's "
       "letters, 10% in Chinese, Japanese or Korean.")
def check_too_short(msgid: str, msgstr: str, locale: str) -> str | None:
    english, translated = letters(renderings(msgid)[0].shown), letters(renderings(msgstr)[0].shown)
    if len(english) < MIN_LETTERS or not translated:
        return None  # too short to judge, or empty (text-empty says so)
    ratio = DENSE_RATIO if dense(translated) else RATIO
    if len(translated) >= ratio * len(english):
        return None
    script = "Han, kana or Hangul" if ratio == DENSE_RATIO else "this script"
    return (
        f"shows {len(translated)} letters for the English's {len(english)}; "
        f"expected at least {math.ceil(ratio * len(english))} ({ratio:.0%}) in {script}"
    )


@check("number-changed", "Numbers the patient sees (doses, times, rates) have the English values, in any digits "
       "and grouping (10,000, 10 000, ١٠٬٠٠٠ and १०,००० are equal); a number in a comment does not count.")
def check_numbers(msgid: str, msgstr: str, locale: str) -> str | None:
    return _first(msgid, msgstr, lambda e, t: text.number_changes(e.shown, t.shown, locale))


# -- links, phones, order ----------------------------------------------------------


def _split(rendering: Rendering, contacts: bool) -> Counter[str]:
    """Phone and e-mail targets (lower case), or the other targets."""
    if not rendering.targets:
        return _NONE
    found = (t.lower() if contacts else t for t in rendering.targets)
    return Counter(t for t in found if t.lower().startswith(_CONTACT_SCHEMES) == contacts)


@check("link-changed", "Link and image targets are the same as in English.")
def check_links(msgid: str, msgstr: str, locale: str) -> str | None:
    return _first(msgid, msgstr, lambda e, t: text.differ("link target", _split(e, False), _split(t, False)))


@check("phone-changed", "Phone (tel:) and e-mail (mailto:) targets are the same as in English.")
def check_contacts(msgid: str, msgstr: str, locale: str) -> str | None:
    return _first(msgid, msgstr, lambda e, t: text.differ("phone or e-mail link", _split(e, True), _split(t, True)))


def _reordered(kind: str, english: Iterable[str], translated: Iterable[str]) -> str | None:
    english, translated = list(english), list(translated)
    if english == translated or sorted(english) != sorted(translated):
        return None  # the same, or not the same things: other checks say which
    expected, received = (", ".join(map(repr, found)) for found in (english, translated))
    return f"{kind} in another order: expected {expected} but received {received}"


@check("order-changed", "Placeholders and link targets come in the English order.")
def check_order(msgid: str, msgstr: str, locale: str) -> str | None:
    return _reordered("placeholders", text.placeholders(msgid), text.placeholders(msgstr)) or _first(
        msgid, msgstr, lambda e, t: _reordered("link targets", e.targets, t.targets)
    )


# -- elements and attributes ---------------------------------------------------------


@check("structure-changed", "The same elements render, in the same order, as in English.")
def check_structure(msgid: str, msgstr: str, locale: str) -> str | None:
    def compare(english: Rendering, translated: Rendering) -> str | None:
        if english.structure == translated.structure:
            return None
        expected, received = (" ".join(f"<{tag}>" for tag in r.structure) for r in (english, translated))
        return f"expected elements {expected} but received {received or 'none'}"

    return _first(msgid, msgstr, compare)


@check("attribute-added", "No attribute on any element that the English does not have.")
def check_attributes(msgid: str, msgstr: str, locale: str) -> str | None:
    def compare(english: Rendering, translated: Rendering) -> str | None:
        added = _added(((t, k) for t, k, _ in english.attributes), ((t, k) for t, k, _ in translated.attributes))
        shown = [
            f"<{tag} {key}>" if value is None else f"<{tag} {key}={value!r}>"
            for tag, key, value in dict.fromkeys(a for a in translated.attributes if a[:2] in added)
        ]
        kind = "an attribute" if len(shown) == 1 else "attributes"
        return f"{', '.join(shown)}: {kind} the English lacks" if added else None

    return _first(msgid, msgstr, compare)


@check("attribute-changed", "Attributes such as a heading's id keep the English values.")
def check_attribute_values(msgid: str, msgstr: str, locale: str) -> str | None:
    def compare(english: Rendering, translated: Rendering) -> str | None:
        theirs = [a for a in english.attributes if a[1] not in _FREE_VALUES]
        ours = [a for a in translated.attributes if a[1] not in _FREE_VALUES and a[:2] in {b[:2] for b in theirs}]
        added = _added(theirs, ours)
        if not added:
            return None
        tag, key, value = added[0]
        was = next(v for t, k, v in theirs if (t, k) == (tag, key))
        return f"<{tag}> has {key}={value!r} where the English has {key}={was!r}"

    return _first(msgid, msgstr, compare)


# -- what passes through raw -------------------------------------------------------------


@check("html-added", "No raw HTML that the English does not have.")
def check_html(msgid: str, msgstr: str, locale: str) -> str | None:
    def say(tag: str) -> str:
        return f"<{tag}> is HTML the English does not have"

    return _first(msgid, msgstr, _adds(lambda r: _TAG.findall(" ".join(r.raw).lower()), say))


@check("comment-added", "No HTML comment that the English does not have.")
def check_comments(msgid: str, msgstr: str, locale: str) -> str | None:
    def say(comment: str) -> str:
        return f"{f'<!--{comment}-->'!r} is an HTML comment, which the patient never sees"

    return _first(msgid, msgstr, _adds(lambda r: r.comments, say))


@check("entity-added", "No HTML entity or character reference the English lacks.")
def check_entities(msgid: str, msgstr: str, locale: str) -> str | None:
    def say(entity: str) -> str:
        decoded = html.unescape(entity)
        shows = text.describe(decoded) if len(decoded) == 1 else repr(decoded)
        return f"{entity!r} ({shows}) is a character reference the English does not have"

    return _first(msgid, msgstr, _adds(lambda r: _ENTITY.findall(" ".join(r.raw)), say))


@check("reference-definition-added", "No reference-link definition ([x]: url) the English lacks.")
def check_references(msgid: str, msgstr: str, locale: str) -> str | None:
    def say(name: str) -> str:
        return f"defines the link reference {name!r}, which the English does not"

    return _first(msgid, msgstr, _adds(lambda r: r.references, say)) or text.check_reference_text(msgid, msgstr, locale)


@check("unsafe-url", "No javascript: or data: URL, literal or as rendered.")
def check_unsafe_url(msgid: str, msgstr: str, locale: str) -> str | None:
    """As written, or in any attribute as rendered (entities decoded)."""
    def compare(english: Rendering, translated: Rendering) -> str | None:
        theirs, ours = (text.unsafe_urls(v for *_, v in r.attributes) for r in (english, translated))
        return f"{ours[0]!r} can run code or hide content in a patient's browser" if ours and not theirs else None

    return text.check_unsafe_url(msgid, msgstr, locale) or _first(msgid, msgstr, compare)


@check("invisible-character", "No bidi control or invisible character, literal or as an entity, the English lacks.")
def check_invisible(msgid: str, msgstr: str, locale: str) -> str | None:
    """Literal or as entities: the msgstr as written, and every character its renderings carry."""
    english = msgid + "".join(r.decoded for r in renderings(msgid))
    return text.invisible(english, msgstr + "".join(r.decoded for r in renderings(msgstr)), locale)


#: every check, in the order they run
CHECKS: tuple[Check, ...] = tuple(
    run.check  # type: ignore[attr-defined]
    for run in (
        check_empty, check_hidden, check_too_short, check_numbers, check_links,
        check_contacts, text.check_placeholders, check_order, text.check_code, check_structure,
        check_attributes, check_attribute_values, text.check_attribute_list, check_html, check_comments,
        check_entities, check_references, text.check_line_breaks, check_unsafe_url, text.check_block_markup,
        check_invisible, text.check_lookalikes, text.check_identical, *TYPOGRAPHY_CHECKS,
    )
)
CODES = {check.code for check in CHECKS}
#: what an escape may skip: every check, the glossary's too
ESCAPABLE = CODES | glossary.CODES


def problems(
    msgid: str,
    msgstr: str,
    locale: str,
    allowed: Iterable[str] = (),
    identical_ok: Collection[str] = (),
    *,
    file: str = "",
    line: int = 0,
    section: str | None = None,
    terms: tuple[Check, ...] = (),
) -> list[Finding]:
    """Every check that fails, except those ``allowed`` (escaped) for this message.

    ``terms`` are the language's glossary checks (:func:`.glossary.checks_for`), run after the others.
    """
    skip = set(allowed)
    if msgid in identical_ok:
        skip.add("identical-to-source")
    found = _details(msgid, msgstr, locale, terms)
    return [Finding(file, line, code, detail, locale, section) for code, detail in found if code not in skip]


@functools.lru_cache(maxsize=8192)
def _details(msgid: str, msgstr: str, locale: str, terms: tuple[Check, ...]) -> tuple[tuple[str, str], ...]:
    """Every check's finding. The checks are pure: the build asks about each message more than once,
    and :mod:`.qacache` keeps the answers between runs."""
    found = qacache.get(msgid, msgstr, locale, terms)
    if found is None:
        found = tuple((c.code, detail) for c in CHECKS + terms if (detail := c.run(msgid, msgstr, locale)))
        qacache.put(msgid, msgstr, locale, terms, found)
    return found

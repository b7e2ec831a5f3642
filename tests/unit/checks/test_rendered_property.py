"""Mutating a shipped safety translation: QA reports it, or the patient sees the same.

For the units of the safety pages (and the manifest's safety sections), the
shipped French translation is mutated the ways an attacker would: comments,
attribute lists, entities, raw HTML, reference definitions and line breaks
inserted anywhere, the whole text replaced by blanks, placeholders swapped.
Each mutation is either reported by ``qa.problems`` or renders, in every
context, the same visible text, numbers and link targets as the original.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaflet.checks import qa, rendered
from leaflet.content.placeholders import PLACEHOLDER
from leaflet.content.sections import load_manifest
from leaflet.content.segment import segment
from leaflet.i18n.po import read_catalog

ROOT = Path(__file__).resolve().parents[3]
SAFETY_PAGES = ("risks.md", "get-help.md", "before.md")

INSERTIONS = (
    "<!-- 10 -->", "<!---->", "<!-- {{ phone.emergency }} -->",
    "{hidden}", " {hidden}", "{: .x}", " {#other}", "{: onfocus=alert(1) autofocus contenteditable}",
    '{: href="https://evil.example"}', "{: style='display:none'}",
    "&rlm;", "&lrm;", "&zwj;", "&zwnj;", "&#xFEFF;", "&#8207;", "&#x202E;", "&nbsp;", "&shy;", "&amp;",
    "<span hidden>", "</span>", "<b>", '<img src="x" onerror="alert(1)">', '<a href="https://evil.example">',
    '<div hidden>', "<script>", '<span aria-hidden="true">',
    "\r[x]: https://evil.example", "[help]: https://evil.example", "\r", "\u2028", "\u2029", '\r\r!!! note "x"',
)
BLANKS = " \u00a0\u2007\u202f\u3000\t\u200b\u2800"


def _safety_units() -> list[str]:
    safety = {(s.page, s.id) for s in load_manifest(ROOT / "required-sections.yml") if s.safety}
    texts: list[str] = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        page = segment(path.read_text(encoding="utf-8"), path.name)
        texts += [u.text for u in page.units if path.name in SAFETY_PAGES or (path.name, u.section) in safety]
    return list(dict.fromkeys(texts))


def _pairs() -> list[tuple[str, str]]:
    path = ROOT / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
    catalog = read_catalog(path, "locales/fr/LC_MESSAGES/messages.po", "fr")
    found = []
    for text in _safety_units():
        message = catalog.get(text)
        if message is not None and message.string and not message.fuzzy:
            found.append((text, message.string))
    return found


PAIRS = _pairs()
#: units whose placeholders can swap places
SWAPPABLE = [pair for pair in PAIRS if len(set(PLACEHOLDER.findall(pair[1]))) > 1]


def _seen(text: str) -> list[tuple[str, object, tuple[str, ...]]]:
    """What a patient gets of the text in each context: words, numbers, link targets."""
    return [(" ".join(r.shown.split()), qa.numbers(r.shown), r.targets) for r in rendered.renderings(text)]


@st.composite
def inserted(draw: st.DrawFn) -> tuple[str, str, str]:
    msgid, msgstr = draw(st.sampled_from(PAIRS))
    where = draw(st.integers(0, len(msgstr)))
    return msgid, msgstr, msgstr[:where] + draw(st.sampled_from(INSERTIONS)) + msgstr[where:]


@st.composite
def blanked(draw: st.DrawFn) -> tuple[str, str, str]:
    msgid, msgstr = draw(st.sampled_from(PAIRS))
    return msgid, msgstr, draw(st.text(alphabet=BLANKS, min_size=1, max_size=6))


@st.composite
def swapped(draw: st.DrawFn) -> tuple[str, str, str]:
    msgid, msgstr = draw(st.sampled_from(SWAPPABLE))
    found = list(PLACEHOLDER.finditer(msgstr))
    order = draw(st.permutations(range(len(found))))
    pieces, last = [], 0
    for match, other in zip(found, order, strict=True):
        pieces += [msgstr[last:match.start()], found[other].group(0)]
        last = match.end()
    return msgid, msgstr, "".join([*pieces, msgstr[last:]])


def test_there_is_something_to_mutate() -> None:
    assert len(PAIRS) > 30
    assert SWAPPABLE
    for msgid, msgstr in PAIRS:
        assert qa.problems(msgid, msgstr, "fr") == [], msgid


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(inserted(), blanked(), swapped()))
def test_a_mutation_is_reported_or_shows_the_same(mutation: tuple[str, str, str]) -> None:
    msgid, original, mutated = mutation
    reported = qa.problems(msgid, mutated, "fr")
    assert reported or _seen(mutated) == _seen(original), f"unreported: {mutated!r}"

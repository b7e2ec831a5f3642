"""The glossary's form patterns: the fast pattern for texts without Chinese, Japanese or
Korean characters matches exactly where the full one does, on every shipped form and on
generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT
from leaflet.i18n import glossary
from leaflet.i18n.tbx import read_glossaries

FORMS = sorted({
    form
    for shipped in read_glossaries(ROOT).values()
    for term in shipped.terms
    for forms in (term.forms, *(r.forms for r in term.renderings))
    for form in forms
})
#: word letters of many scripts, digits, spaces, punctuation, marks: never Han, kana or Hangul
ALPHABET = list("aeiouxyzéïßçñ019 \u00a0-'’.,«»()_\u0301абвгдمرحبا٠١אבגनमस्ते")


def matches(form: str, text: str, dense: bool) -> list[tuple[int, int]]:
    return [match.span() for match in glossary._pattern(form, dense).finditer(text)]


def test_the_shipped_glossaries_give_forms_to_compare() -> None:
    assert len(FORMS) > 100
    assert any(glossary._DENSE.search(form) for form in FORMS)


@settings(max_examples=300, deadline=None)
@given(
    form=st.sampled_from(FORMS),
    before=st.text(alphabet=ALPHABET, max_size=12),
    after=st.text(alphabet=ALPHABET, max_size=12),
    piece=st.sampled_from(["", "s", "es", "x", " ", "-", "é"]),
)
def test_without_dense_characters_both_patterns_match_the_same(form: str, before: str, after: str, piece: str) -> None:
    inner = glossary.normal(form).replace("*", piece)
    text = glossary.normal(before + inner + after)
    if glossary._DENSE.search(text):
        return  # a form of Chinese, Japanese or Korean: the full pattern is the only one used
    assert matches(form, text, dense=False) == matches(form, text, dense=True)


def test_the_dense_pattern_is_used_next_to_chinese_characters() -> None:
    # "B超" ends a Latin-script word in Chinese text: only the full pattern accepts the match
    text = glossary.normal("用B超引导")
    assert glossary.found(["b"], text) == "b"
    assert not glossary._pattern("b", False).search(text)
    assert glossary.masked(["b"], text) == glossary.normal("用") + glossary._MASK + glossary.normal("超引导")

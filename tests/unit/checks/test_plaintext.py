"""leaflet.checks.plaintext: text the pipeline renders as itself is framed, not converted.

The shortcut must give exactly what Python-Markdown gives, in every context:
here for every message of every shipped catalog, and for generated text.
"""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from leaflet.checks import rendered
from leaflet.checks.plaintext import plain
from leaflet.checks.rendered import CONTEXTS, converted, framed, on_page, read

SHIPPED = sorted({
    text
    for path in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
    for message in read_po(path.open("rb"))
    if isinstance(message.id, str)
    for text in (message.id, message.string)
    if text
})
#: what translations are made of ...
LETTERS = (
    "abcXYZ019 .,;:!?'()-/%@ \u00a0\u202féàüßçñ«»“”„‘’–—…¿¡ʼ°±€£©™→"
    "مرحبا٠١٢٣،؛؟\u064e医生打电话。，、：；！？（）０１２нетпрос"
    "नमस्ते१२\u0301"
)
#: ... and, more rarely, what the shortcut must refuse
DOUBTFUL = "\u200b\u200d\u2028\t*_`[]{}<>&#|~+=^$\"\\"
ALPHABET = list(LETTERS * 8 + DOUBTFUL)


def test_most_shipped_messages_take_the_shortcut() -> None:
    assert sum(plain(on_page(text)) for text in SHIPPED) > len(SHIPPED) / 2


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_shipped_message_frames_as_the_pipeline_renders_it(context: str) -> None:
    different = [
        text for text in SHIPPED
        if plain(shown := on_page(text)) and framed(shown, context) != read(context, *converted(shown, context))
    ]
    assert different == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_generated_plain_text_frames_as_the_pipeline_renders_it(text: str) -> None:
    assume(plain(text))
    for context in CONTEXTS:
        assert framed(text, context) == read(context, *converted(text, context)), context


@pytest.mark.parametrize(
    "text",
    [
        "1. Take it", "١. خذه", "3) step", "- item", "Call *now*", "a  b", " lead", "trail ", "a\u200bb",
        "<b>x</b>", "a | b", "# h", "!!! urgent", "[x](y)", "x{: .hidden}", "a &amp; b", "\u00a0lead",
        "a\u2028b", "a\tb", "`x`", "x_y_z", "\"quoted\"", ":x", "!x", "",
    ],
)
def test_syntax_or_doubtful_characters_go_through_the_pipeline(text: str) -> None:
    assert not plain(text)


def test_the_shortcut_reads_its_frame_off_the_pipeline() -> None:
    rendered._frame.cache_clear()
    heading = framed("Appelez-nous", "heading")
    assert (heading.html, heading.shown, heading.structure) == ('<h2 id="unit">Appelez-nous</h2>', "Appelez-nous", ("h2",))

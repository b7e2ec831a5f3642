"""What the patient sees of one translation unit.

A unit's text is rendered through the page's own Markdown pipeline (the
extensions ``mkdocs.yml`` lists, MkDocs' built-in ones and the care cards)
in each block context a unit can land in, and read back as a browser would:
elements and attributes in order, the text it shows (hidden parts and
comments left out), link targets, and what the pipeline passed through raw
(HTML, comments, entities) or kept aside (reference-link definitions).

The same function renders the English and the translation, so QA compares
like with like. Renderings are cached: every language compares with the
same English, and the build asks about each message more than once.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

from ..content.carecards import CareCardExtension
from ..content.placeholders import PLACEHOLDER
from .plaintext import plain

#: ``markdown_extensions`` in mkdocs.yml, in its order (a unit test keeps the two equal)
EXTENSIONS: tuple[str, ...] = ("admonition", "attr_list", "tables", "toc", "pymdownx.superfences")
EXTENSION_CONFIGS: dict[str, dict[str, object]] = {"toc": {"permalink": False}}
#: MkDocs loads these on every site, before the configured ones
MKDOCS_BUILTINS: tuple[str, ...] = ("toc", "tables", "fenced_code")

#: the block contexts a unit's text lands in on a page; ``{}`` is the text.
#: Every heading of the pages carries an id, so the heading context does too.
CONTEXTS: dict[str, str] = {
    "paragraph": "{}",
    "list item": "- {}",
    "heading": "## {} {{#unit}}",
    "care-card title": '!!! urgent "{}"',
    "table cell": "| {} |\n| --- |",
}

#: placeholders whose value is a link on the page (``content.placeholders.values``)
_LINKED = re.compile(r"phone\.|clinic\.website$")
#: the scheme of a placeholder's stand-in link: the placeholder checks own these
STAND_IN = "x-leaflet-placeholder:"
#: elements without content or end tag
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
})
_HIDING_TAGS = frozenset({"template", "script", "style", "noscript", "title"})
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
    r"|(?:opacity|font-size|max-height|height)\s*:\s*0(?![.\d]*[1-9])",
    re.IGNORECASE,
)
#: the care card's own label: the page's text, not the unit's
_CONTEXT_CLASS = "care-card__label"
_TARGETS = ("href", "src")
#: letters that show as nothing (Hangul fillers, braille blank)
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")
#: Hangul jamo, kana, Han and Hangul syllables: one character says what alphabets say in three or four
_DENSE = ((0x1100, 0x11FF), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
          (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
_DENSE_CHARACTER = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _DENSE) + "]")


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str | None], ...]

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    @property
    def hides(self) -> bool:
        """Whether the element keeps its content from the patient."""
        keys = {key for key, _ in self.attrs}
        aria = "aria-hidden" in keys and (self.get("aria-hidden") or "true").lower() != "false"
        styled = bool(_HIDING_STYLE.search(self.get("style") or ""))
        return self.tag in _HIDING_TAGS or "hidden" in keys or aria or styled

    @property
    def stand_in(self) -> bool:
        return (self.get("href") or "").startswith(STAND_IN)

    def __str__(self) -> str:
        """``<th id='other'>``; a placeholder's stand-in link shows the placeholder."""
        def shown(value: str) -> str:
            return f"{{{{ {value[len(STAND_IN):]} }}}}" if value.startswith(STAND_IN) else value

        return f"<{self.tag}{''.join(f' {k}' if v is None else f' {k}={shown(v)!r}' for k, v in self.attrs)}>"


@dataclass(frozen=True)
class Rendering:
    """One text rendered in one context, and what a patient gets of it.

    The derived tuples are computed once, when rendered: every language
    compares with the same English.
    """

    context: str
    html: str
    shown: str  # the unit's text a patient sees (hidden parts, comments, the card's label left out)
    decoded: str  # every character the document carries, entities decoded
    comments: tuple[str, ...]
    raw: tuple[str, ...]  # what the pipeline passed through untouched: HTML, comments, entities
    references: tuple[str, ...]  # reference-link definitions, ``id: url``
    structure: tuple[str, ...]  # tag names in order, placeholders' stand-in links left out
    attributes: tuple[tuple[str, str, str | None], ...]  # (tag, name, value), in order
    hiding: tuple[str, ...]  # elements that hide their content
    targets: tuple[str, ...]  # link and image targets in order, stand-ins left out


class _Reader(HTMLParser):
    """Reads rendered HTML as a browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.shown: list[str] = []
        self.decoded: list[str] = []
        self.comments: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, keeps its text from the unit)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, tuple(attrs))
        self.elements.append(element)
        self.decoded.extend(value for _, value in attrs if value)
        if tag not in _VOID:
            quiet = element.hides or _CONTEXT_CLASS in (element.get("class") or "").split()
            self.open.append((tag, quiet))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, tuple(attrs)))
        self.decoded.extend(value for _, value in attrs if value)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        self.decoded.append(data)
        if not any(quiet for _, quiet in self.open):
            self.shown.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)
        self.decoded.append(data)

    def rendering(self, context: str, html: str, raw: tuple[str, ...], references: tuple[str, ...]) -> Rendering:
        elements = self.elements
        return Rendering(
            context, html, "".join(self.shown), " ".join(self.decoded), tuple(self.comments), raw, references,
            structure=tuple(e.tag for e in elements if not e.stand_in),
            attributes=tuple(_attributes(elements)),
            hiding=tuple(str(e) for e in elements if e.hides),
            targets=tuple(_targets(elements)),
        )


def _attributes(elements: list[Element]) -> list[tuple[str, str, str | None]]:
    """Every attribute but a stand-in's target, which the placeholder checks own."""
    found = [(e.tag, key, value) for e in elements for key, value in e.attrs]
    return [(tag, key, value) for tag, key, value in found if not (value or "").startswith(STAND_IN)]


def _targets(elements: list[Element]) -> list[str]:
    found = [value for e in elements for key, value in e.attrs if key in _TARGETS and value is not None]
    return [target for target in found if not target.startswith(STAND_IN)]


#: every extension the pages load, in MkDocs' order; the care cards come last
NAMES: tuple[str, ...] = tuple(dict.fromkeys(MKDOCS_BUILTINS + EXTENSIONS))


def pipeline() -> markdown.Markdown:
    """A Markdown converter configured as the pages' is."""
    return markdown.Markdown(extensions=[*NAMES, CareCardExtension()], extension_configs=EXTENSION_CONFIGS)


@functools.cache
def _converter() -> markdown.Markdown:
    return pipeline()


def _stand_in(match: re.Match[str]) -> str:
    """A placeholder as literal text, in a link where its value is one on the page: attributes
    written after it then land on an element, as they would on the page."""
    name = match.group(1).strip()
    escaped = _converter().ESCAPED_CHARS
    literal = "\\{\\{ " + "".join("\\" + c if c in escaped else c for c in name) + " \\}\\}"
    return f"[{literal}]({STAND_IN}{name})" if _LINKED.match(name) else literal


def on_page(text: str) -> str:
    """The text as the page's Markdown gets it: lines joined (as ``segment.apply`` does),
    placeholders standing in for the clinic's details."""
    return PLACEHOLDER.sub(_stand_in, " ".join(text.split("\n")))


@functools.lru_cache(maxsize=8192)
def _on_page(text: str) -> tuple[str, bool]:
    """The text as the page's Markdown gets it, and whether it is :func:`plain` (asked once a text)."""
    shown = on_page(text)
    return shown, plain(shown)


@functools.lru_cache(maxsize=32768)
def render(text: str, context: str) -> Rendering:
    shown, is_plain = _on_page(text)
    return framed(shown, context) if is_plain else read(context, *converted(shown, context))


def read(context: str, html: str, raw: tuple[str, ...] = (), references: tuple[str, ...] = ()) -> Rendering:
    """The rendering a patient gets of ``html``."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.rendering(context, html, raw, references)


Converted = tuple[str, tuple[str, ...], tuple[str, ...]]


def converted(shown: str, context: str) -> Converted:
    """The page's text in ``context`` through the pipeline: the HTML, what passed through raw,
    the reference-link definitions."""
    md = _converter()
    md.reset()
    html = md.convert(CONTEXTS[context].format(shown))
    raw = tuple(str(block) for block in md.htmlStash.rawHtmlBlocks)
    return html, raw, tuple(f"{key}: {url}" for key, (url, _title) in md.references.items())


# -- plain text: the pipeline's answer without running it ------------------------

#: the one word the frames are rendered with
_PROBE = "Zqprobe"


def framed(shown: str, context: str) -> Rendering:
    """What reading :func:`converted` gives for :func:`plain` text, without running the pipeline
    or reading HTML: the frame's rendering with the text in the word's place (the text adds no
    element, attribute, comment or entity, only characters where the word was)."""
    frame = _frame(context)
    return dataclasses.replace(
        frame, html=frame.html.replace(_PROBE, shown), shown=frame.shown.replace(_PROBE, shown),
        decoded=frame.decoded.replace(_PROBE, shown),
    )


@functools.cache
def _frame(context: str) -> Rendering:
    """The context's rendering of a one-word text, the word at :data:`_PROBE`."""
    html, raw, references = converted(_PROBE, context)
    frame = read(context, html, raw, references)
    if any(part.count(_PROBE) != 1 for part in (html, frame.shown, frame.decoded)) or raw or references:
        raise AssertionError(f"the {context} context does not show its text once, as itself: {html}")
    return frame


@functools.lru_cache(maxsize=8192)
def renderings(text: str) -> tuple[Rendering, ...]:
    """The text rendered in every context, in the order of :data:`CONTEXTS`."""
    return tuple(render(text, context) for context in CONTEXTS)


# -- reading the shown text ------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def visible(shown: str) -> bool:
    """Whether any character of the text shows: a letter, digit, punctuation or symbol."""
    return any(unicodedata.category(c)[0] in "LNPS" and c not in _BLANK for c in shown)


@functools.lru_cache(maxsize=16384)
def letters(shown: str) -> str:
    """The letters, marks and digits of the text, placeholders left out."""
    return "".join(c for c in PLACEHOLDER.sub(" ", shown) if unicodedata.category(c)[0] in "LMN")


def dense(text: str) -> bool:
    """Mostly Han, kana or Hangul."""
    return 2 * len(_DENSE_CHARACTER.findall(text)) > len(text)

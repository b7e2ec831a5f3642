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

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

from ..content.carecards import CareCardExtension
from ..content.placeholders import PLACEHOLDER

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

#: where a placeholder's value is a link on the page (``content.placeholders.values``)
_LINKED = re.compile(r"phone\.|clinic\.website$")
#: the scheme of a placeholder's stand-in link: the placeholder check owns these
STAND_IN = "x-leaflet-placeholder:"
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_HIDING_TAGS = frozenset({"template", "script", "style", "noscript", "title"})
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|(?:opacity|font-size|max-height|height)\s*:\s*0(?![.\d]*[1-9])",
    re.IGNORECASE,
)
#: the care card's own label: the page's text, not the unit's
_CONTEXT_CLASS = "care-card__label"
_TARGETS = ("href", "src")


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str | None], ...]

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)

    @property
    def hides(self) -> bool:
        """Whether the element keeps its content from the patient."""
        return (
            self.tag in _HIDING_TAGS
            or self.has("hidden")
            or (self.has("aria-hidden") and (self.get("aria-hidden") or "").lower() != "false")
            or bool(_HIDING_STYLE.search(self.get("style") or ""))
        )

    @property
    def stand_in(self) -> bool:
        return (self.get("href") or "").startswith(STAND_IN)

    def __str__(self) -> str:
        attrs = "".join(f" {key}" if value is None else f" {key}={value!r}" for key, value in self.attrs)
        return f"<{self.tag}{attrs}>"


@dataclass(frozen=True)
class Rendering:
    """One text rendered in one context."""

    context: str
    html: str
    elements: tuple[Element, ...]  # in document order
    shown: str  # the unit's text a patient sees
    decoded: str  # every character the document carries, entities decoded
    comments: tuple[str, ...]
    raw: tuple[str, ...]  # what the pipeline passed through untouched: HTML, comments, entities
    references: tuple[str, ...]  # reference-link definitions, ``id: url``

    @property
    def targets(self) -> tuple[str, ...]:
        """Link and image targets in order; placeholders' stand-ins left out."""
        return tuple(
            value for element in self.elements for key, value in element.attrs
            if key in _TARGETS and value is not None and not value.startswith(STAND_IN)
        )

    @property
    def structure(self) -> tuple[str, ...]:
        """Tag names in order; a placeholder's stand-in link is the placeholder check's."""
        return tuple(element.tag for element in self.elements if not element.stand_in)


class _Reader(HTMLParser):
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


def pipeline() -> markdown.Markdown:
    """A Markdown converter configured as the pages' is."""
    names = list(dict.fromkeys(MKDOCS_BUILTINS + EXTENSIONS))
    return markdown.Markdown(extensions=[*names, CareCardExtension()], extension_configs=EXTENSION_CONFIGS)


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


@functools.lru_cache(maxsize=32768)
def render(text: str, context: str) -> Rendering:
    md = _converter()
    md.reset()
    html = md.convert(CONTEXTS[context].format(on_page(text)))
    raw = tuple(str(block) for block in md.htmlStash.rawHtmlBlocks)
    references = tuple(f"{key}: {url}" for key, (url, _title) in md.references.items())
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return Rendering(
        context, html, tuple(reader.elements), "".join(reader.shown), " ".join(reader.decoded),
        tuple(reader.comments), raw, references,
    )


@functools.lru_cache(maxsize=8192)
def renderings(text: str) -> tuple[Rendering, ...]:
    """The text rendered in every context, in the order of :data:`CONTEXTS`."""
    return tuple(render(text, context) for context in CONTEXTS)

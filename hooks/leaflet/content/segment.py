"""Split a page into translation units, following Python-Markdown's syntax.

A unit is one Markdown block: a heading, a paragraph, a list item, a table
cell, an admonition (care-card) title, an image's alt text, or the page's
front-matter title or description. Inline Markdown stays in the unit's text;
block structure (markers, indentation, ``!!!``, ``{#id}``) never does, and
soft line breaks become single spaces, so rewrapping English does not change
a message.

Each unit knows the span of the source it came from, so a translation can be
put back in its place (:func:`apply`). A unit whose translation equals its
text is left untouched: applying an identity catalog gives the page back
byte for byte.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Mapping

from markdown.util import BLOCK_LEVEL_ELEMENTS

from ..model import FRONT_MATTER_KINDS, Include, Kind, Page, Unit
from .carecards import LEVELS
from .frontmatter import front_matter_line, split_front_matter

TAB = 4  # Python-Markdown's tab_length: nested blocks are indented by 4


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_HEADING_SUFFIX = re.compile(r"(?:[ \t]*\{:?[^{}]*\})?[ \t]*#*[ \t]*$")
_HEADING_ID = re.compile(r"\{:?[^{}]*#([\w-]+)[^{}]*\}[ \t]*#*[ \t]*$")
_ADMONITION = re.compile(r'^ {0,3}(?:!!!|\?\?\?\+?) *([\w-]+)(?: +[\w-]+)*(?: +"(.*)")? *$')
_LIST = re.compile(r"^( {0,3})([-*+]|\d+[.)])( +)(?=\S)")
_RULE = re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$")
_TABLE_RULE = re.compile(r"^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$")
_ATTR_LINE = re.compile(r"^ *\{:[^}]*\} *$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)$")
#: pymdownx.snippets' one-line include: ``--8<-- "_snippets/infection-card.md"``
INCLUDE = re.compile(r"""^([ \t]*)-+8<-+[ \t]+(["'])(.+?)\2[ \t]*$""")
_HTML_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
#: block-level elements Python-Markdown keeps raw to their closing tag (void ones have none)
_RAW_BLOCKS = frozenset(BLOCK_LEVEL_ELEMENTS) - {"hr"}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Parser:
    def __init__(self, lines: list[str], body_line: int) -> None:
        self.lines = lines
        self.body_line = body_line
        self.units: list[Unit] = []
        self.raw_headings: list[tuple[int, str]] = []
        self.includes: list[Include] = []
        self.section: str | None = None
        self.section_level = 7

    # -- helpers -----------------------------------------------------------

    def add(
        self, kind: Kind, first: int, col: int, last: int, end: int, card: str | None, anchor: str | None = None
    ) -> None:
        pieces = [self.lines[first][col : end if first == last else None]]
        pieces += [self.lines[number].strip() for number in range(first + 1, last)]
        if last != first:
            pieces.append(self.lines[last][:end].strip())
        text = " ".join(piece.strip() for piece in pieces if piece.strip())
        if text:
            self.units.append(
                Unit(kind, text, self.body_line + first, self.section, card, (first, col, last, end), anchor)
            )

    def starts_block(self, number: int, indent: int) -> bool:
        content = self.lines[number][indent:]
        return bool(
            INCLUDE.match(self.lines[number])
            or _FENCE.match(content)
            or _HEADING.match(content)
            or _ADMONITION.match(content)
            or _LIST.match(content)
            or _RULE.match(content)
        )

    def nested_end(self, start: int, end: int, indent: int) -> int:
        """First line after a region indented by at least ``indent``."""
        number, last = start, start
        while number < end:
            line = self.lines[number]
            if line.strip():
                if _indent(line) < indent:
                    break
                last = number + 1
            number += 1
        return last

    # -- blocks ------------------------------------------------------------

    def parse(self, start: int, end: int, indent: int, card: str | None) -> None:
        number = start
        while number < end:
            if not self.lines[number].strip():
                number += 1
            else:
                number = self.container(number, end, indent, card) or self.leaf(number, end, indent, card)

    def container(self, number: int, end: int, indent: int, card: str | None) -> int | None:
        """A block that holds or opens others (include, fence, heading, care card, list item); None if not one."""
        content = self.lines[number][indent:]
        if match := INCLUDE.match(self.lines[number]):
            line = self.body_line + number
            self.includes.append(Include(match.group(3), line, number, match.group(1), self.section, card))
            return number + 1
        if match := _FENCE.match(content):
            return self.skip_fence(number, end, match.group(1))
        if match := _HEADING.match(content):
            self.heading(number, indent + match.end(), len(match.group(1)), card)
            return number + 1
        if match := _ADMONITION.match(content):
            return self.admonition(number, end, indent, match, card)
        if match := _LIST.match(content):
            return self.list_item(number, end, indent, match, card)
        return None

    def leaf(self, number: int, end: int, indent: int, card: str | None) -> int:
        """Raw HTML, a rule, an attribute line, a table or a paragraph."""
        content = self.lines[number][indent:]
        if content.startswith("<"):
            return self.skip_html(number, end)
        if _RULE.match(content) or _ATTR_LINE.match(content):
            return number + 1
        if "|" in content and number + 1 < end and _TABLE_RULE.match(self.lines[number + 1][indent:]):
            return self.table(number, end, indent, card)
        return self.paragraph(number, end, indent, card)

    def skip_fence(self, number: int, end: int, fence: str) -> int:
        number += 1
        while number < end and not self.lines[number].strip().startswith(fence):
            number += 1
        return number + 1

    def skip_html(self, number: int, end: int) -> int:
        """Skip a raw-HTML block as Python-Markdown does: to its closing tag,
        blank lines included. Its content is never Markdown, so a heading
        written inside it is recorded as one the page does not have."""
        closing = _closing(self.lines[number].lstrip())
        open_ = closing is not None
        while number < end and (open_ or self.lines[number].strip()):
            line = self.lines[number]
            found = _HEADING_ID.search(line)
            if open_ and found and _HEADING.match(line.lstrip()):
                self.raw_headings.append((self.body_line + number, found.group(1)))
            if open_ and closing and closing in line.lower():
                open_ = False
            number += 1
        return number

    def heading(self, number: int, col: int, level: int, card: str | None) -> None:
        line = self.lines[number]
        found = _HEADING_ID.search(line)
        if found:
            self.section, self.section_level = found.group(1), level
        elif level <= self.section_level:
            self.section, self.section_level = None, 7
        suffix = _HEADING_SUFFIX.search(line, col)
        end = suffix.start() if suffix else len(line)
        self.add(Kind.HEADING, number, col, number, end, card, found.group(1) if found else None)

    def admonition(self, number: int, end: int, indent: int, match: re.Match[str], card: str | None) -> int:
        level = match.group(1)
        inner_card = level if level in LEVELS else None
        if match.group(2) is not None:
            line = self.lines[number]
            col = line.index('"', indent) + 1
            kind = Kind.CARD_TITLE if inner_card else Kind.ADMONITION_TITLE
            self.add(kind, number, col, number, line.rindex('"'), inner_card or card)
        body_end = self.nested_end(number + 1, end, indent + TAB)
        self.parse(number + 1, body_end, indent + TAB, inner_card or card)
        return body_end

    def list_item(self, number: int, end: int, indent: int, match: re.Match[str], card: str | None) -> int:
        col = indent + match.end()
        last = number
        while last + 1 < end:
            following = self.lines[last + 1]
            if not following.strip() or (
                _indent(following) >= indent and self.starts_block(last + 1, min(_indent(following), indent + TAB))
            ):
                break
            last += 1
        self.add(Kind.LIST_ITEM, number, col, last, len(self.lines[last].rstrip()), card)
        body_end = self.nested_end(last + 1, end, indent + TAB)
        self.parse(last + 1, body_end, indent + TAB, card)
        return body_end

    def table(self, number: int, end: int, indent: int, card: str | None) -> int:
        while number < end and "|" in self.lines[number]:
            line = self.lines[number]
            if not _TABLE_RULE.match(line[indent:]):
                for cell_start, cell_end in _cells(line, indent):
                    self.add(Kind.TABLE_CELL, number, cell_start, number, cell_end, card)
            number += 1
        return number

    def paragraph(self, number: int, end: int, indent: int, card: str | None) -> int:
        first = number
        while number + 1 < end and self.lines[number + 1].strip() and not self.starts_block(number + 1, indent):
            number += 1
        line = self.lines[first]
        col = indent + (len(line[indent:]) - len(line[indent:].lstrip()))
        image = _IMAGE.match(line[col:].rstrip()) if first == number else None
        if image:
            self.add(Kind.IMAGE_ALT, first, col + 2, first, col + 2 + len(image.group(1)), card)
        else:
            self.add(Kind.PARAGRAPH, first, col, number, len(self.lines[number].rstrip()), card)
        return number + 1


def _closing(line: str) -> str | None:
    """What ends a raw-HTML block that starts this line: a comment's ``-->``,
    a block element's closing tag; None for inline or void elements, which
    end at a blank line."""
    if line.startswith("<!--"):
        return "-->"
    opened = _HTML_OPEN.match(line)
    tag = opened.group(1).lower() if opened else ""
    return f"</{tag}>" if tag in _RAW_BLOCKS else None


def _cells(line: str, indent: int) -> Iterator[tuple[int, int]]:
    """Column spans of a table row's cells, trimmed of spaces."""
    bars = [i for i, char in enumerate(line) if char == "|" and (i == 0 or line[i - 1] != "\\")]
    edges = bars[:]
    if not edges or line[indent:].lstrip()[:1] != "|":
        edges.insert(0, indent - 1 + (len(line[indent:]) - len(line[indent:].lstrip())))
    if line.rstrip()[-1:] != "|":
        edges.append(len(line.rstrip()))
    for left, right in itertools.pairwise(edges):
        cell = line[left + 1 : right]
        if cell.strip():
            start = left + 1 + (len(cell) - len(cell.lstrip()))
            yield start, left + 1 + len(cell.rstrip())


def segment(source: str, path: str, body: str | None = None) -> Page:
    """Segment one page file (front matter and body).

    ``body`` replaces the file's body when another tool has already changed
    it (MkDocs plugins may); its lines are still counted from the file's.
    The same text is segmented once: extraction, the build's language passes
    and the coverage check all get the same result.
    """
    return _segment(source, path, body)


@functools.lru_cache(maxsize=256)
def _segment(source: str, path: str, body: str | None) -> Page:
    meta, file_body, body_line = split_front_matter(source)
    body = file_body if body is None else body
    parser = _Parser(body.split("\n"), body_line)
    parser.parse(0, len(parser.lines), 0, None)
    front = [
        Unit(kind, " ".join(meta[kind.value].split()), front_matter_line(source, kind.value), None, None)
        for kind in FRONT_MATTER_KINDS
        if isinstance(meta.get(kind.value), str) and meta[kind.value].strip()
    ]
    return Page(
        path, meta, body, body_line, tuple(front + parser.units), tuple(parser.raw_headings), tuple(parser.includes)
    )


def apply(page: Page, translate: Callable[[Unit], str], inserted: Mapping[int, str] | None = None) -> str:
    """The page body with each unit's text replaced by ``translate(unit)``,
    and each body line ``inserted`` names (an include's) replaced by its text.

    Units whose replacement equals their text keep their original bytes.
    Front-matter units are not in the body: translate ``page.meta`` apart.
    """
    lines = page.body.split("\n")
    edits: list[tuple[tuple[int, int, int, int], Unit | str]] = [
        (unit.span, unit) for unit in page.units if unit.kind not in FRONT_MATTER_KINDS
    ]
    edits += [((index, 0, index, len(lines[index])), text) for index, text in (inserted or {}).items()]
    for (first, col, last, end), edit in sorted(edits, key=lambda entry: entry[0], reverse=True):
        if isinstance(edit, str):
            lines[first : last + 1] = edit.split("\n")
            continue
        new = translate(edit)
        if new != edit.text:
            lines[first : last + 1] = [lines[first][:col] + " ".join(new.split("\n")) + lines[last][end:]]
    return "\n".join(lines)

"""Required sections: the manifest, and the section ids a page defines.

The manifest (``required-sections.yml``) is the reviewable list of what
every published language must cover; ``safety: true`` marks the warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .findings import Finding, LeafletError

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*\{:?([^}]*)\}[ \t]*#*[ \t]*$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Heading:
    id: str
    level: int
    title: str
    line: int  # 1-based, in the text given


@dataclass(frozen=True)
class RequiredSection:
    page: str  # relative to docs/, forward slashes
    id: str
    safety: bool
    line: int  # where the manifest lists it


def headings(markdown: str) -> Iterator[Heading]:
    """ATX headings that carry an ``{#id}`` attribute, outside code fences."""
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opening = _FENCE.match(line)
        if opening:
            if fence is None:
                fence = opening.group(1)
            elif opening.group(1) == fence:
                fence = None
            continue
        if fence is not None:
            continue
        match = _HEADING.match(line)
        if not match:
            continue
        ids = [word[1:] for word in match.group(3).split() if word.startswith("#")]
        if ids:
            yield Heading(ids[-1], len(match.group(1)), match.group(2), number)


def load_manifest(path: Path, display: str) -> list[RequiredSection]:
    """Read the manifest; a malformed entry raises with its line."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the required-sections manifest: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise LeafletError(display, line, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    entries = _sequence(root, display)
    sections: list[RequiredSection] = []
    seen: dict[tuple[str, str], int] = {}
    for node in entries:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise LeafletError(display, line, "expected an entry with page, id and safety")
        data = yaml.safe_load(yaml.serialize(node))
        unknown = sorted(set(data) - {"page", "id", "safety"})
        if unknown:
            raise LeafletError(
                display, line, f"unknown key {unknown[0]!r}; expected only: page, id, safety"
            )
        page, section_id, safety = data.get("page"), data.get("id"), data.get("safety", False)
        if not isinstance(page, str) or not page.endswith(".md"):
            raise LeafletError(display, line, f"page: expected a Markdown file such as 'risks.md' but received: {page!r}")
        if not isinstance(section_id, str) or not _ID.match(section_id):
            raise LeafletError(
                display, line, f"id: expected lower-case words joined by '-' such as 'get-help' but received: {section_id!r}"
            )
        if not isinstance(safety, bool):
            raise LeafletError(display, line, f"safety: expected true or false but received: {safety!r}")
        key = (page, section_id)
        if key in seen:
            raise LeafletError(display, line, f"{page}#{section_id} is already listed on line {seen[key]}")
        seen[key] = line
        sections.append(RequiredSection(page, section_id, safety, line))
    return sections


def _sequence(root: yaml.Node | None, display: str) -> list[yaml.Node]:
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "sections" and isinstance(value, yaml.SequenceNode):
                return list(value.value)
    raise LeafletError(display, 1, "expected a top-level 'sections:' list of {page, id, safety}")


def missing_sections(
    manifest: list[RequiredSection],
    pages: Mapping[str, str],
    manifest_display: str,
    docs_display: str = "docs",
) -> Iterator[Finding]:
    """A finding for each listed section the English source lacks.

    ``pages`` maps a page path (relative to docs/) to its Markdown.
    """
    for section in manifest:
        markdown = pages.get(section.page)
        if markdown is None:
            yield Finding(
                manifest_display,
                section.line,
                "section-missing",
                f"required page {docs_display}/{section.page} does not exist (section {section.id!r})",
            )
        elif section.id not in {heading.id for heading in headings(markdown)}:
            kind = "safety section" if section.safety else "section"
            yield Finding(
                manifest_display,
                section.line,
                "section-missing",
                f"{docs_display}/{section.page} has no heading with id {section.id!r}, "
                f"a required {kind}; add '{{#{section.id}}}' to its heading",
            )

"""Required sections: the manifest, and the section ids a page defines.

The manifest (``required-sections.yml``) is the reviewable list of what
every published language must cover; ``safety: true`` marks the warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import yaml

from ..model import DOCS, MANIFEST, Finding, LeafletError, Page, RequiredSection

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_manifest(path: Path, display: str = MANIFEST) -> list[RequiredSection]:
    """Read the manifest; a malformed entry raises with its line."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LeafletError(display, 1, f"cannot read the required-sections manifest: {error.strerror}", "invalid-manifest") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise LeafletError(display, line, f"not valid YAML: {getattr(error, 'problem', error)}", "invalid-manifest") from None
    entries = _sequence(root, display)
    sections: list[RequiredSection] = []
    seen: dict[tuple[str, str], int] = {}
    for node in entries:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise LeafletError(display, line, "expected an entry with page, id and safety", "invalid-manifest")
        data = yaml.safe_load(yaml.serialize(node))
        unknown = sorted(set(data) - {"page", "id", "safety"})
        if unknown:
            raise LeafletError(
                display, line, f"unknown key {unknown[0]!r}; expected only: page, id, safety", "invalid-manifest")
        page, section_id, safety = data.get("page"), data.get("id"), data.get("safety", False)
        if not isinstance(page, str) or not page.endswith(".md"):
            raise LeafletError(display, line, f"page: expected a Markdown file such as 'risks.md' but received: {page!r}", "invalid-manifest")
        if not isinstance(section_id, str) or not _ID.match(section_id):
            raise LeafletError(
                display, line, f"id: expected lower-case words joined by '-' such as 'get-help' but received: {section_id!r}", "invalid-manifest")
        if not isinstance(safety, bool):
            raise LeafletError(display, line, f"safety: expected true or false but received: {safety!r}", "invalid-manifest")
        key = (page, section_id)
        if key in seen:
            raise LeafletError(display, line, f"{page}#{section_id} is already listed on line {seen[key]}", "invalid-manifest")
        seen[key] = line
        sections.append(RequiredSection(page, section_id, safety, line))
    return sections


def _sequence(root: yaml.Node | None, display: str) -> list[yaml.Node]:
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "sections" and isinstance(value, yaml.SequenceNode):
                return list(value.value)
    raise LeafletError(display, 1, "expected a top-level 'sections:' list of {page, id, safety}", "invalid-manifest")


def missing_sections(manifest: list[RequiredSection], pages: Mapping[str, Page]) -> Iterator[Finding]:
    """A finding for each listed section the English source lacks.

    A section is present only when a Markdown heading the segmenter sees
    opens it: the same parser decides for extraction, the build and coverage.
    """
    for section in manifest:
        page = pages.get(section.page)
        kind = "safety section" if section.safety else "section"
        if page is None:
            yield Finding(
                MANIFEST, section.line, "section-missing",
                f"required page {DOCS}/{section.page} does not exist (section {section.id!r})",
            )
        elif section.id in page.section_ids:
            continue
        elif raw := next((line for line, found in page.raw_headings if found == section.id), None):
            yield Finding(
                f"{DOCS}/{section.page}", raw, "section-in-html",
                f"the heading of the required {kind} {section.id!r} is inside raw HTML, so it renders as plain "
                "text with no anchor; write it as a Markdown heading outside the HTML block",
            )
        else:
            yield Finding(
                MANIFEST, section.line, "section-missing",
                f"{DOCS}/{section.page} has no heading with id {section.id!r}, "
                f"a required {kind}; add '{{#{section.id}}}' to its heading",
            )

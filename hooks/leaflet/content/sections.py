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
from ..settings.config import yaml_error

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CODE = "invalid-manifest"


def load_manifest(path: Path, display: str = MANIFEST) -> list[RequiredSection]:
    """Read the manifest; a malformed entry raises with its line."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _invalid(display, 1, f"cannot read the required-sections manifest: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise yaml_error(display, error, _CODE) from None
    sections: list[RequiredSection] = []
    seen: dict[tuple[str, str], int] = {}
    for node in _sequence(root, display):
        section = _entry(node, display)
        key = (section.page, section.id)
        if key in seen:
            raise _invalid(display, section.line, f"{section.name} is already listed on line {seen[key]}")
        seen[key] = section.line
        sections.append(section)
    return sections


def _invalid(display: str, line: int, message: str) -> LeafletError:
    return LeafletError(display, line, message, _CODE)


def _entry(node: yaml.Node, display: str) -> RequiredSection:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise _invalid(display, line, "expected an entry with page, id and safety")
    data = yaml.safe_load(yaml.serialize(node))
    unknown = sorted(set(data) - {"page", "id", "safety"})
    if unknown:
        raise _invalid(display, line, f"unknown key {unknown[0]!r}; expected only: page, id, safety")
    page, section_id, safety = data.get("page"), data.get("id"), data.get("safety", False)
    if not isinstance(page, str) or not page.endswith(".md"):
        raise _invalid(display, line, f"page: expected a Markdown file such as 'risks.md' but received: {page!r}")
    if not isinstance(section_id, str) or not _ID.match(section_id):
        raise _invalid(
            display, line,
            f"id: expected lower-case words joined by '-' such as 'get-help' but received: {section_id!r}",
        )
    if not isinstance(safety, bool):
        raise _invalid(display, line, f"safety: expected true or false but received: {safety!r}")
    return RequiredSection(page, section_id, safety, line)


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

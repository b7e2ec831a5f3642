"""leaflet.i18n.extract: Babel's extraction methods for the pages and mkdocs.yml,
called through Babel as ``pybabel extract -F babel.cfg`` calls them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract

from helpers import ROOT
from leaflet.content.segment import segment
from leaflet.i18n.catalogs import extract_template
from leaflet.i18n.extract import describe, extract_markdown, extract_mkdocs, page_name
from leaflet.model import Kind, Unit

PAGE = """\
---
title: Getting help
---

## When to get help {#get-help}

Most problems settle.

!!! emergency "Call 999 if:"

    - you faint
"""


def named(data: bytes, name: str) -> io.BytesIO:
    fileobj = io.BytesIO(data)
    fileobj.name = name
    return fileobj


def through_babel(method: str, data: bytes, name: str, **options: str) -> list[tuple[int, str, list[str]]]:
    found = extract(method, named(data, name), options=options)
    return [(lineno, message, comments) for lineno, message, comments, _context in found]


class TestMarkdown:
    def test_one_message_per_unit_with_its_line_and_place(self) -> None:
        units = segment(PAGE, "help/get-help.md").units
        messages = through_babel("leaflet_markdown", PAGE.encode(), "/repo/docs/help/get-help.md")
        assert messages == [(u.line, u.text, [describe("help/get-help.md", u)]) for u in units]
        assert messages[-2:] == [
            (units[-2].line, "Call 999 if:", ["help/get-help.md#get-help: emergency care-card title"]),
            (units[-1].line, "you faint", ["help/get-help.md#get-help: list item in a emergency care card"]),
        ]

    def test_the_page_name_follows_the_docs_dir_option(self) -> None:
        messages = list(extract_markdown(named(PAGE.encode(), "/repo/pages/a.md"), {}, (), {"docs_dir": "pages"}))
        assert messages[0] == (2, None, "Getting help", ["a.md: title"])

    def test_decodes_with_the_encoding_option(self) -> None:
        page = "## Fièvre {#fever}\n"
        messages = list(extract_markdown(named(page.encode("latin-1"), "docs/a.md"), {}, (), {"encoding": "latin-1"}))
        assert [m[2] for m in messages] == ["Fièvre"]

    def test_a_file_without_a_name_is_a_page(self) -> None:
        found = list(extract_markdown(io.BytesIO(b"Hello.\n"), {}, (), {}))
        assert found == [(1, None, "Hello.", ["page.md: paragraph"])]


class TestDescribe:
    @pytest.mark.parametrize(
        ("unit", "comment"),
        [
            (Unit(Kind.PARAGRAPH, "x", 1, "risks", None), "risks.md#risks: paragraph"),
            (Unit(Kind.TITLE, "x", 1, None, None), "risks.md: title"),
            (Unit(Kind.LIST_ITEM, "x", 1, "risks", "urgent"), "risks.md#risks: list item in a urgent care card"),
            (Unit(Kind.CARD_TITLE, "x", 1, "risks", "routine"), "risks.md#risks: routine care-card title"),
        ],
    )
    def test_says_where_a_message_belongs(self, unit: Unit, comment: str) -> None:
        assert describe("risks.md", unit) == comment


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("/repo/docs/risks.md", "risks.md"),
        ("docs/sub/a.md", "sub/a.md"),
        ("/docs/repo/docs/a.md", "a.md"),  # the last docs folder counts
        ("/elsewhere/a.md", "a.md"),
    ],
)
def test_page_name_is_the_manifest_form(filename: str, name: str) -> None:
    assert page_name(filename) == name


class TestMkdocs:
    def test_the_shipped_settings_give_site_name_description_nav_and_hours(self) -> None:
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = yaml.safe_load(text)
        messages = through_babel("leaflet_mkdocs", text.encode(), "mkdocs.yml")
        found = {message: comments for _line, message, comments in messages}
        # the project's glossary names its terms in a second comment
        assert found[config["site_name"]] == ["site name", "glossary: hip joint → see glossary/<lang>.tbx"]
        assert found[config["site_description"]] == [
            "site description", "glossary: ultrasound, hip joint → see glossary/<lang>.tbx",
        ]
        for item in config["nav"]:
            ((title, target),) = item.items()
            assert found[title] == [f"navigation title ({target})"]
        assert any(comments[0].startswith("clinic opening") for comments in found.values())

    def test_lines_are_where_the_text_is(self) -> None:
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        lines = text.splitlines()
        for line, message, _comments in through_babel("leaflet_mkdocs", text.encode(), "mkdocs.yml"):
            assert message in lines[line - 1]

    def test_nested_nav_sections_and_their_pages(self) -> None:
        text = "nav:\n  - Home: index.md\n  - Care:\n      - Before: before.md\n      - After: after.md\n"
        assert through_babel("leaflet_mkdocs", text.encode(), "mkdocs.yml") == [
            (2, "Home", ["navigation title (index.md)"]),
            (3, "Care", ["navigation title (section)"]),
            (4, "Before", ["navigation title (before.md)"]),
            (5, "After", ["navigation title (after.md)"]),
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "- not a mapping\n",
            "site_name: '  '\nnav: index.md\nextra: {clinic: []}\n",
            "nav:\n  - index.md\n",
            "extra: []\n",
        ],
    )
    def test_settings_with_nothing_to_translate(self, text: str) -> None:
        assert list(extract_mkdocs(io.BytesIO(text.encode()), {}, (), {})) == []


SNIPPET = '!!! urgent "Get help today if:"\n\n    - your hip is hot\n'


def docs_with_snippet(root: Path) -> Path:
    """A docs folder whose card snippet two pages include, one inside a card."""
    docs = root / "docs"
    (docs / "_snippets").mkdir(parents=True)
    (docs / "_snippets" / "card.md").write_text(SNIPPET, encoding="utf-8")
    (docs / "risks.md").write_text(
        '## Complications {#complications}\n\nRare.\n\n--8<-- "_snippets/card.md"\n', encoding="utf-8"
    )
    (docs / "get-help.md").write_text(
        '## Get help {#get-help}\n\n--8<-- "_snippets/card.md"\n\nMore.\n', encoding="utf-8"
    )
    (docs / "list.md").write_text('## List {#list}\n\n!!! routine "Ask us:"\n\n    --8<-- "_snippets/items.md"\n',
                                  encoding="utf-8")
    (docs / "_snippets" / "items.md").write_text("- a question\n", encoding="utf-8")
    return docs


class TestSnippets:
    def test_a_snippet_is_extracted_once_naming_the_sections_that_include_it(self, tmp_path: Path) -> None:
        docs = docs_with_snippet(tmp_path)
        path = docs / "_snippets" / "card.md"
        messages = through_babel("leaflet_markdown", path.read_bytes(), str(path))
        assert messages == [
            (1, "Get help today if:", ["get-help.md#get-help, risks.md#complications: urgent care-card title"]),
            (3, "your hip is hot", ["get-help.md#get-help, risks.md#complications: list item in a urgent care card"]),
        ]

    def test_a_snippet_included_in_a_card_is_described_in_that_card(self, tmp_path: Path) -> None:
        path = docs_with_snippet(tmp_path) / "_snippets" / "items.md"
        assert through_babel("leaflet_markdown", path.read_bytes(), str(path)) == [
            (1, "a question", ["list.md#list: list item in a routine care card"]),
        ]

    def test_a_page_s_include_line_is_no_message(self, tmp_path: Path) -> None:
        path = docs_with_snippet(tmp_path) / "risks.md"
        assert [m[1] for m in through_babel("leaflet_markdown", path.read_bytes(), str(path))] == [
            "Complications", "Rare.",
        ]

    def test_a_snippet_nobody_includes_says_so(self, tmp_path: Path) -> None:
        docs = docs_with_snippet(tmp_path)
        (docs / "_snippets" / "unused.md").write_text("Alone.\n", encoding="utf-8")
        path = docs / "_snippets" / "unused.md"
        assert through_babel("leaflet_markdown", path.read_bytes(), str(path)) == [
            (1, "Alone.", ["_snippets/unused.md (included in no page): paragraph"]),
        ]

    def test_make_catalogs_reads_the_snippets_folder_babel_would_skip(self, tmp_path: Path) -> None:
        docs_with_snippet(tmp_path)
        (tmp_path / "babel.cfg").write_text("[leaflet_markdown: docs/**.md]\ndocs_dir = docs\n", encoding="utf-8")
        (tmp_path / "docs" / "_other").mkdir()
        (tmp_path / "docs" / "_other" / "skipped.md").write_text("Skipped.\n", encoding="utf-8")
        template = extract_template(tmp_path)
        hot = template.get("your hip is hot")
        assert hot is not None
        assert hot.locations == [("docs/_snippets/card.md", 3)]
        assert template.get("Skipped.") is None


CALLS = """\
# A module of the hooks.
def label():
    return _("Call us")


def other():
    return gettext (  # TRANSLATORS: a comment between the name and its parenthesis
        "Ring the clinic")


LONG = _ \\
    ("After a line continuation")
"""


@pytest.mark.parametrize("source", [CALLS, "for _ in range(3):\n    pass\n", "x_(1)\nobj.gettext\n"])
def test_python_extraction_finds_what_babels_does(source: str) -> None:
    ours = list(extract("leaflet.i18n.extract:extract_python", io.BytesIO(source.encode()), comment_tags=("TRANSLATORS:",)))
    babels = list(extract("python", io.BytesIO(source.encode()), comment_tags=("TRANSLATORS:",)))
    assert ours == babels
    assert len(ours) == (3 if source == CALLS else 0)


def test_every_module_of_the_hooks_gives_what_babels_extractor_gives() -> None:
    modules = sorted((ROOT / "hooks" / "leaflet").rglob("*.py"))
    found = 0
    for module in modules:
        ours = list(extract("leaflet.i18n.extract:extract_python", io.BytesIO(module.read_bytes())))
        assert ours == list(extract("python", io.BytesIO(module.read_bytes()))), module
        found += len(ours)
    assert found >= 10  # the care cards', the leaflets' and the pages' own strings

"""leaflet.content.includes: snippets written once in docs/_snippets/ and included
in pages with pymdownx.snippets' one-line syntax."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from leaflet.content.carecards import CareCardExtension
from leaflet.content.includes import (
    expand,
    included_by,
    is_snippet,
    page_files,
    reader,
    resolve,
    segment_pages,
)
from leaflet.content.segment import apply, segment
from leaflet.model import Include, Kind, LeafletError

SNIPPET = """\
!!! urgent "Get help today if:"

    - your hip is hot
    - you have a temperature of 38 °C or more

    Call {{ phone.in_hours }}.
"""
NAME = "_snippets/card.md"
PAGE = f"""\
---
title: Risks
---

## Complications {{#complications}}

Infection is rare.

--8<-- "{NAME}"

## Other {{#other}}

Rest.
"""
#: the page as if the snippet were written in place
IN_PLACE = PAGE.replace(f'--8<-- "{NAME}"\n', SNIPPET).split("---\n", 2)[2].lstrip("\n")


def reading(files: dict[str, str]):
    return files.get


def resolved(page: str = PAGE, files: dict[str, str] | None = None):
    return resolve(segment(page, "risks.md"), reading({NAME: SNIPPET} if files is None else files))


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "attr_list", CareCardExtension()])


class TestSegmenting:
    def test_an_include_line_is_recorded_and_is_no_unit(self) -> None:
        page = segment(PAGE, "risks.md")
        line = PAGE.splitlines().index(f'--8<-- "{NAME}"') + 1
        assert page.includes == (Include(NAME, line, line - page.body_line, "", "complications", None),)
        assert not any("8<" in unit.text for unit in page.units)

    def test_an_include_ends_the_paragraph_before_it(self) -> None:
        page = segment(f"A paragraph\n--8<-- '{NAME}'\nafter.\n", "a.md")
        assert [unit.text for unit in page.units] == ["A paragraph", "after."]
        assert page.includes[0].path == NAME

    def test_an_indented_include_keeps_its_indent_and_the_card_it_stands_in(self) -> None:
        page = segment(f'## Help {{#help}}\n\n!!! urgent "Get help if:"\n\n    --8<-- "{NAME}"\n', "a.md")
        (include,) = page.includes
        assert (include.indent, include.section, include.card, include.line) == ("    ", "help", "urgent", 5)

    def test_an_include_in_a_fence_is_text(self) -> None:
        assert segment(f'```\n--8<-- "{NAME}"\n```\n', "a.md").includes == ()


class TestResolving:
    def test_the_snippet_is_segmented_as_its_own_file(self) -> None:
        page = resolved()
        snippet = page.snippets[NAME]
        assert snippet.path == NAME
        assert [(u.text, u.line) for u in snippet.units] == [
            ("Get help today if:", 1), ("your hip is hot", 3), ("you have a temperature of 38 °C or more", 4),
            ("Call {{ phone.in_hours }}.", 6),
        ]

    def test_the_page_shows_the_snippet_s_units_in_the_include_s_section(self) -> None:
        shown = [(u.text, u.section, u.card, u.file, u.line) for u in resolved().shown if u.kind is not Kind.TITLE]
        assert shown == [
            ("Complications", "complications", None, None, 5),
            ("Infection is rare.", "complications", None, None, 7),
            ("Get help today if:", "complications", "urgent", NAME, 1),
            ("your hip is hot", "complications", "urgent", NAME, 3),
            ("you have a temperature of 38 °C or more", "complications", "urgent", NAME, 4),
            ("Call {{ phone.in_hours }}.", "complications", "urgent", NAME, 6),
            ("Other", "other", None, None, 11),
            ("Rest.", "other", None, None, 13),
        ]
        assert [u.text for u in resolved().units_of("other")] == ["Other", "Rest."]
        assert len(resolved().units_of("complications")) == 6

    def test_a_snippet_included_in_a_card_joins_the_card(self) -> None:
        page = resolved(f'## Help {{#help}}\n\n!!! urgent "Get help if:"\n\n    --8<-- "{NAME}"\n', {NAME: "- hot\n"})
        assert [(u.text, u.card) for u in page.units_of("help")] == [
            ("Help", None), ("Get help if:", "urgent"), ("hot", "urgent"),
        ]

    def test_a_snippet_s_heading_opens_its_section_on_the_page(self) -> None:
        page = resolved(f'--8<-- "{NAME}"\n', {NAME: "## Shared {#shared}\n\nText.\n"})
        assert page.section_ids == {"shared"}

    def test_an_unresolved_page_shows_its_own_units(self) -> None:
        page = segment(PAGE, "risks.md")
        assert page.shown == page.units

    def test_a_missing_snippet_names_the_page_and_line(self) -> None:
        with pytest.raises(LeafletError) as raised:
            resolved(files={})
        line = PAGE.splitlines().index(f'--8<-- "{NAME}"') + 1
        assert str(raised.value) == (
            f"docs/risks.md:{line}: include-missing the included file docs/{NAME} does not exist"
        )

    @pytest.mark.parametrize("path", ["risks.md", "_snippets/../risks.md", "/etc/passwd", "snippets/card.md"])
    def test_only_files_in_the_snippets_folder_are_included(self, path: str) -> None:
        with pytest.raises(LeafletError) as raised:
            resolved(f'--8<-- "{path}"\n', {path: "Text.\n"})
        assert str(raised.value) == (
            'docs/risks.md:1: include-invalid expected a file in docs/_snippets/, such as --8<-- '
            f'"_snippets/infection-card.md", but received: {path!r}'
        )

    def test_includes_do_not_nest(self) -> None:
        with pytest.raises(LeafletError) as raised:
            resolved(f'--8<-- "{NAME}"\n', {NAME: 'One.\n\n--8<-- "_snippets/other.md"\n'})
        assert (raised.value.file, raised.value.line, raised.value.code) == (f"docs/{NAME}", 3, "include-nested")
        assert "includes do not nest" in raised.value.message

    def test_a_snippet_has_no_front_matter(self) -> None:
        with pytest.raises(LeafletError) as raised:
            resolved(f'--8<-- "{NAME}"\n', {NAME: "---\ntitle: T\n---\n\nText.\n"})
        assert (raised.value.file, raised.value.line, raised.value.code) == (f"docs/{NAME}", 1, "include-invalid")

    @pytest.mark.parametrize("line", [f"--8<-- {NAME}", "--8<--", f'--8<-- "{NAME}" and more'])
    def test_a_marker_that_is_no_include_would_show_and_is_refused(self, line: str) -> None:
        with pytest.raises(LeafletError) as raised:
            resolved(f"Intro.\n\n{line}\n")
        assert (raised.value.file, raised.value.line, raised.value.code) == ("docs/risks.md", 3, "include-invalid")
        assert raised.value.message.startswith('expected an include on a line of its own, such as --8<-- "')


class TestExpanding:
    def test_english_renders_exactly_as_if_written_in_place(self) -> None:
        english = expand(resolved(), lambda unit: unit.text)
        assert english.rstrip("\n") == IN_PLACE.rstrip("\n")
        assert render(english) == render(IN_PLACE)

    def test_an_indented_include_indents_every_line(self) -> None:
        page = resolved(f'!!! urgent "Get help if:"\n\n    --8<-- "{NAME}"\n\nAfter.\n', {NAME: "- hot\n\n  more\n"})
        assert expand(page, lambda unit: unit.text) == '!!! urgent "Get help if:"\n\n    - hot\n\n      more\n\nAfter.\n'

    def test_the_snippet_is_translated_with_the_page(self) -> None:
        french = {"your hip is hot": "votre hanche est chaude", "Infection is rare.": "L'infection est rare."}
        out = expand(resolved(), lambda unit: french.get(unit.text, unit.text))
        assert "    - votre hanche est chaude\n" in out
        assert "L'infection est rare." in out
        assert "    - you have a temperature of 38 °C or more\n" in out

    def test_units_after_an_include_are_translated_in_their_place(self) -> None:
        out = expand(resolved(), lambda unit: unit.text.upper())
        assert out.endswith("## OTHER {#other}\n\nREST.\n")
        assert '!!! urgent "GET HELP TODAY IF:"' in out

    def test_apply_replaces_the_lines_it_is_given(self) -> None:
        page = segment("One\ntwo.\n\n--8<-- 'x'\n\nThree.\n", "a.md")
        out = apply(page, lambda unit: unit.text.upper(), {3: "inserted\nlines"})
        assert out == "ONE TWO.\n\ninserted\nlines\n\nTHREE.\n"


class TestFiles:
    def test_snippets_are_not_pages(self, tmp_path: Path) -> None:
        (tmp_path / "_snippets").mkdir()
        for name in ("a.md", "sub/b.md", "_snippets/card.md"):
            (tmp_path / name).parent.mkdir(exist_ok=True)
            (tmp_path / name).write_text(f'--8<-- "{NAME}"\n' if name != NAME else "Text.\n", encoding="utf-8")
        assert [name for name, _ in page_files(tmp_path)] == ["a.md", "sub/b.md"]
        assert [is_snippet(name) for name in (NAME, "a.md", "sub/_snippets/x.md")] == [True, False, False]
        assert reader(tmp_path)(NAME) == "Text.\n"
        assert reader(tmp_path)("_snippets/none.md") is None
        pages = dict(segment_pages(tmp_path))
        assert {name: [(page, i.line) for page, i in where] for name, where in included_by(pages).items()} == {
            NAME: [("a.md", 1), ("sub/b.md", 1)]
        }

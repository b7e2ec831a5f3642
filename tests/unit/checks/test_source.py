"""leaflet.checks.source: the English as it is now, segmented from docs/, and
where each message stands (page, section, safety)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from leaflet.checks.source import Place, read_page, read_source
from leaflet.content.segment import segment
from leaflet.model import LeafletError

RISKS = """\
---
title: Risks
---

## Side effects {#side-effects}

Rest for a day.

## Complications {#complications}

Rest for a day.

Call {{ phone.in_hours }} ({{ clinic.opening_hours }}).

See a doctor.

## Extra {#extra}

Not listed anywhere.
"""
TWO_PHONES = "Call {{ phone.in_hours }} or {{ phone.out_of_hours }}."
HELP = f"""\
## Get help {{#get-help}}

{TWO_PHONES}

<div>
## Raw {{#raw}}
</div>
"""
MANIFEST = """\
sections:
  - page: risks.md
    id: side-effects
  - page: risks.md
    id: complications
    safety: true
  - page: sub/help.md
    id: get-help
    safety: true
"""


def write(root: Path, pages: Mapping[str, str], manifest: str = MANIFEST) -> Path:
    (root / "required-sections.yml").write_text(manifest, encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write(tmp_path, {"risks.md": RISKS, "sub/help.md": HELP})


def line_of(page: str, text: str) -> int:
    return next(unit.line for unit in segment(page, "x.md").units if unit.text == text)


class TestPages:
    def test_every_page_segmented_by_its_docs_path(self, root: Path) -> None:
        source = read_source(root, frozenset({"Risks"}), frozenset({"OK"}))
        assert sorted(source.pages) == ["risks.md", "sub/help.md"]
        assert source.pages["risks.md"] == segment(RISKS, "risks.md")
        assert (source.root, source.template_ids, source.identical_ok) == (root, {"Risks"}, {"OK"})
        assert [s.name for s in source.manifest] == ["risks.md#side-effects", "risks.md#complications",
                                                     "sub/help.md#get-help"]

    def test_present_sections(self, root: Path) -> None:
        source = read_source(root, frozenset(), frozenset())
        assert [s.id for s in source.present()] == ["side-effects", "complications", "get-help"]


class TestPlaces:
    def test_a_text_on_two_places_is_placed_twice(self, root: Path) -> None:
        source = read_source(root, frozenset(), frozenset())
        first, second = (unit.line for unit in segment(RISKS, "risks.md").units if unit.text == "Rest for a day.")
        assert source.places["Rest for a day."] == (
            Place("risks.md", "side-effects", False, first),
            Place("risks.md", "complications", True, second),
        )
        assert source.is_safety("Rest for a day.")
        assert not source.is_safety("Not listed anywhere.")
        assert not source.is_safety("never written")

    def test_the_section_of_a_message_prefers_a_required_one(self, tmp_path: Path) -> None:
        page = "## Extra {#extra}\n\nShared.\n\n## Side effects {#side-effects}\n\nShared.\n"
        source = read_source(write(tmp_path, {"risks.md": page}, MANIFEST), frozenset(), frozenset())
        assert source.section_of("Shared.") == "side-effects"
        assert source.section_of("Extra") == "extra"
        assert source.section_of("never written") is None

    def test_a_placeholder_s_text_stands_where_the_placeholder_does(self, root: Path) -> None:
        hours = {"clinic.opening_hours": "Monday to Friday"}
        source = read_source(root, frozenset(), frozenset(), hours)
        assert [(p.page, p.section, p.safety) for p in source.places["Monday to Friday"]] == [
            ("risks.md", "complications", True),
        ]
        assert source.is_safety("Monday to Friday")

    def test_interface_safety_texts_are_safety_everywhere(self, root: Path) -> None:
        source = read_source(root, frozenset(), frozenset(), safety_texts=("Urgent advice:",))
        assert source.places["Urgent advice:"] == (Place("", None, True, 0),)
        assert source.is_safety("Urgent advice:")
        assert source.section_of("Urgent advice:") is None

    def test_units_after_a_placeholder_keep_their_page_and_safety(self, root: Path) -> None:
        source = read_source(root, frozenset(), frozenset())
        line = line_of(RISKS, "See a doctor.")
        assert source.places["See a doctor."] == (Place("risks.md", "complications", True, line),)
        assert source.is_safety("See a doctor.")


class TestMissing:
    def test_a_complete_source_has_nothing_missing(self, root: Path) -> None:
        one_phone = HELP.replace(" or {{ phone.out_of_hours }}", "")
        (root / "docs" / "sub" / "help.md").write_text(one_phone, encoding="utf-8")
        source = read_source(root, frozenset(), frozenset())
        assert source.missing() == []
        source.require_all()

    def test_two_phones_in_one_unit(self, root: Path) -> None:
        source = read_source(root, frozenset(), frozenset())
        assert [str(f) for f in source.missing()] == [
            f"docs/sub/help.md:{line_of(HELP, TWO_PHONES)}: phones-in-one-unit this paragraph names 2 phone "
            "numbers (phone.in_hours, phone.out_of_hours); give each instruction its own paragraph or list item, "
            "one number each"
        ]

    def test_sections_the_english_lacks(self, root: Path) -> None:
        manifest = MANIFEST + (
            "  - page: risks.md\n    id: absent\n"
            "  - page: gone.md\n    id: x\n"
            "  - page: sub/help.md\n    id: raw\n    safety: true\n"
        )
        write(root, {}, manifest)
        source = read_source(root, frozenset(), frozenset())
        first = MANIFEST.count("\n") + 1  # the line of the first added entry
        raw = HELP.splitlines().index("## Raw {#raw}") + 1
        assert [str(f) for f in source.missing()][:3] == [
            f"required-sections.yml:{first}: section-missing docs/risks.md has no heading with id 'absent', "
            "a required section; add '{#absent}' to its heading",
            f"required-sections.yml:{first + 2}: section-missing required page docs/gone.md does not exist "
            "(section 'x')",
            f"docs/sub/help.md:{raw}: section-in-html the heading of the required safety section 'raw' is inside "
            "raw HTML, so it renders as plain text with no anchor; write it as a Markdown heading outside the HTML "
            "block",
        ]
        assert [s.id for s in source.present()] == ["side-effects", "complications", "get-help"]
        with pytest.raises(LeafletError) as raised:
            source.require_all()
        assert str(raised.value) == str(source.missing()[0])


class TestReadPage:
    def test_reads_utf8(self, tmp_path: Path) -> None:
        (tmp_path / "a.md").write_text("Fièvre\n", encoding="utf-8")
        assert read_page(tmp_path / "a.md", "docs/a.md") == "Fièvre\n"

    def test_names_the_line_that_is_not_utf8(self, tmp_path: Path) -> None:
        (tmp_path / "a.md").write_bytes(b"Line one\nLine two\nFi\xe8vre\n")
        with pytest.raises(LeafletError) as raised:
            read_page(tmp_path / "a.md", "docs/a.md")
        assert str(raised.value) == "docs/a.md:3: unreadable the page is not valid UTF-8; save it as UTF-8"

    def test_an_unreadable_page(self, tmp_path: Path) -> None:
        (tmp_path / "a.md").mkdir()
        with pytest.raises(LeafletError) as raised:
            read_page(tmp_path / "a.md", "docs/a.md")
        assert str(raised.value) == "docs/a.md:1: unreadable cannot read the page: Is a directory"

    def test_a_bad_page_stops_reading_the_source(self, root: Path) -> None:
        (root / "docs" / "bad.md").write_bytes(b"\xff\n")
        with pytest.raises(LeafletError, match=r"^docs/bad\.md:1: unreadable"):
            read_source(root, frozenset(), frozenset())


CARD = """\
!!! urgent "Get help today if:"

    - your hip is hot

    Call {{ phone.in_hours }} or {{ phone.out_of_hours }}.
"""
INCLUDE = '--8<-- "_snippets/card.md"\n'


class TestSnippets:
    @pytest.fixture
    def included(self, root: Path) -> Path:
        """The card included in a safety section of each page, and in a plain one."""
        write(root, {
            "_snippets/card.md": CARD,
            "risks.md": RISKS.replace("See a doctor.\n", f"See a doctor.\n\n{INCLUDE}") + f"\n{INCLUDE}",
            "sub/help.md": HELP.replace(TWO_PHONES, "Call us."),
        })
        (root / "docs/sub/help.md").write_text(
            (root / "docs/sub/help.md").read_text(encoding="utf-8").replace("Call us.\n", f"Call us.\n\n{INCLUDE}"),
            encoding="utf-8",
        )
        return root

    def test_a_snippet_is_no_page(self, included: Path) -> None:
        source = read_source(included, frozenset(), frozenset())
        assert sorted(source.pages) == ["risks.md", "sub/help.md"]
        assert sorted(source.pages["risks.md"].snippets) == ["_snippets/card.md"]

    def test_its_units_stand_in_every_section_that_includes_it(self, included: Path) -> None:
        source = read_source(included, frozenset(), frozenset())
        assert [(p.page, p.section, p.safety, p.line) for p in source.places["your hip is hot"]] == [
            ("risks.md", "complications", True, 3),
            ("risks.md", "extra", False, 3),
            ("sub/help.md", "get-help", True, 3),
        ]
        assert source.is_safety("your hip is hot")
        assert source.section_of("your hip is hot") == "complications"

    def test_units_of_a_section_include_the_snippet_s(self, included: Path) -> None:
        source = read_source(included, frozenset(), frozenset())
        complications, get_help = source.manifest[1], source.manifest[2]
        card = ["Get help today if:", "your hip is hot", "Call {{ phone.in_hours }} or {{ phone.out_of_hours }}."]
        texts = [unit.text for unit in source.units_of(complications)]
        assert texts[-3:] == card
        assert [unit.text for unit in source.units_of(get_help)][-3:] == card
        assert {unit.file for unit in source.units_of(get_help)} == {None, "_snippets/card.md"}
        assert [unit.card for unit in source.units_of(get_help)][-3:] == ["urgent"] * 3

    def test_a_snippet_s_unit_is_checked_once_in_its_own_file(self, included: Path) -> None:
        source = read_source(included, frozenset(), frozenset())
        assert [str(f) for f in source.missing()] == [
            "docs/_snippets/card.md:5: phones-in-one-unit this paragraph names 2 phone numbers "
            "(phone.in_hours, phone.out_of_hours); give each instruction its own paragraph or list item, "
            "one number each"
        ]

    def test_a_missing_snippet_stops_reading_the_source(self, root: Path) -> None:
        write(root, {"risks.md": RISKS + f"\n{INCLUDE}"})
        line = (RISKS + f"\n{INCLUDE}").count("\n")
        with pytest.raises(LeafletError) as raised:
            read_source(root, frozenset(), frozenset())
        assert str(raised.value) == (
            f"docs/risks.md:{line}: include-missing the included file docs/_snippets/card.md does not exist"
        )

"""leaflet.checks.cards: a safety section shows the same care cards, in the
same order, in every language."""

from __future__ import annotations

from leaflet.checks.cards import card_levels, cards_differ
from leaflet.content.includes import expand, resolve
from leaflet.content.segment import segment
from leaflet.model import Page, RequiredSection

PAGE = """\
## Side effects {#side-effects}

!!! routine "Ask us if:"

    - it still hurts

## Get help {#get-help}

Most problems settle.

!!! urgent "Get help today if:"

    - your hip is hot

!!! emergency "Call 999 if:"

    - you faint

!!! note

    Not a care card.
"""
GET_HELP = RequiredSection("page.md", "get-help", True, 3)
HEADING = next(unit.line for unit in segment(PAGE, "page.md").units if unit.anchor == "get-help")


def translated(changes: dict[str, str] | None = None) -> dict[str, str]:
    """Every unit translated as itself, then ``changes``."""
    return {unit.text: unit.text for unit in segment(PAGE, "page.md").units} | (changes or {})


class TestCardLevels:
    def test_each_card_with_its_section_in_order(self) -> None:
        assert card_levels(PAGE) == (("side-effects", "routine"), ("get-help", "urgent"), ("get-help", "emergency"))

    def test_a_card_before_any_heading_has_no_section(self) -> None:
        assert card_levels('!!! urgent "Now"\n\n    Call.\n') == ((None, "urgent"),)

    def test_no_cards(self) -> None:
        assert card_levels("## Plain {#plain}\n\nText.\n") == ()


class TestCardsDiffer:
    def test_the_same_cards_pass(self) -> None:
        changes = {"Most problems settle.": "Rien."}
        assert cards_differ(GET_HELP, segment(PAGE, "page.md"), translated(changes), "fr") is None

    def test_a_paragraph_turned_into_a_card_is_caught(self) -> None:
        changes = {"Most problems settle.": '!!! routine "Rien"'}
        finding = cards_differ(GET_HELP, segment(PAGE, "page.md"), translated(changes), "fr")
        assert finding is not None
        assert str(finding) == (
            f"docs/page.md:{HEADING}: care-cards-differ page.md#get-help renders care cards "
            "['routine', 'urgent', 'emergency'] in fr but ['urgent', 'emergency'] in English"
        )
        assert (finding.locale, finding.section) == ("fr", "get-help")

    def test_only_the_section_s_own_cards_count(self) -> None:
        # A card added to another section is that section's business.
        changes = {"it still hurts": "ça fait mal"}
        assert cards_differ(GET_HELP, segment(PAGE, "page.md"), translated(changes), "fr") is None

    def test_untranslated_units_keep_the_english(self) -> None:
        assert cards_differ(GET_HELP, segment(PAGE, "page.md"), {}, "fr") is None

    def test_raw_html_that_does_not_parse_is_left_to_the_qa_checks(self) -> None:
        changes = {"Most problems settle.": "Rien <br> de grave."}
        assert cards_differ(GET_HELP, segment(PAGE, "page.md"), translated(changes), "fr") is None


SNIPPET = '!!! urgent "Get help today if you have signs of infection:"\n\n    - your hip is hot\n\n    Call us.\n'
INCLUDING = "## Get help {#get-help}\n\nMost problems settle.\n\n--8<-- \"_snippets/card.md\"\n"


def including() -> Page:
    return resolve(segment(INCLUDING, "page.md"), {"_snippets/card.md": SNIPPET}.get)


class TestIncludedCards:
    def test_an_included_card_counts_in_the_section_that_includes_it(self) -> None:
        assert card_levels(expand(including(), lambda unit: unit.text)) == (("get-help", "urgent"),)

    def test_an_included_card_translated_as_another_is_caught(self) -> None:
        changes = {"Call us.": '!!! routine "Appelez-nous."'}
        finding = cards_differ(GET_HELP, including(), changes, "fr")
        assert finding is not None
        assert finding.message == (
            "page.md#get-help renders care cards ['urgent', 'routine'] in fr but ['urgent'] in English"
        )

    def test_an_included_card_translated_as_itself_passes(self) -> None:
        changes = {"your hip is hot": "votre hanche est chaude"}
        assert cards_differ(GET_HELP, including(), changes, "fr") is None

"""Each translation QA check on its own: a pass and a fail."""

from __future__ import annotations

import pytest

from leaflet.checks import qa


def codes(msgid: str, msgstr: str, locale: str = "fr", allowed=(), identical_ok=()) -> list[str]:
    return [problem.code for problem in qa.problems(msgid, msgstr, locale, allowed, identical_ok)]


@pytest.mark.parametrize(
    ("english", "translation"),
    [
        ("about 1 in 10,000 to 20,000 injections", "environ 1 sur 10 000 à 20 000 injections"),
        ("about 1 in 10,000", "حوالي ١ من ١٠٬٠٠٠"),
        ("38 °C or more", "۳۸ درجه یا بیشتر"),  # Persian digits
        ("1.5% of people", "1,5 % des personnes"),  # decimal comma
        ("15 to 20 minutes", "20 à 15 minutes"),  # order does not matter
        ("15-20 minutes", "15 à 20 minutes"),  # a range either way
        ("wait 20 to 30 minutes", "等待20到30分钟"),
    ],
)
def test_numbers_equal_after_normalising(english: str, translation: str) -> None:
    assert qa.check_numbers(english, translation, "fr") is None


@pytest.mark.parametrize(
    ("english", "translation", "detail"),
    [
        ("15 to 20 minutes", "5 minutes", "expected number '15', '20' but received '5'"),
        ("38 °C", "39 °C", "expected number '38' but received '39'"),
        ("1 in 10,000", "1 sur 1 000", "expected number '10000' but received '1000'"),
        ("1.5%", "15 %", "expected number '1.5' but received '15'"),
        ("2 days", "2 jours ou 3", "received number '3', which the English lacks"),
    ],
)
def test_changed_numbers_are_found(english: str, translation: str, detail: str) -> None:
    assert qa.check_numbers(english, translation, "fr") == detail


@pytest.mark.parametrize(
    ("locale", "same", "changed"),
    [
        ("hi", "१५ से २० मिनट, १०,००० में १", "१६ से २० मिनट, १०,००० में १"),  # Devanagari
        ("bn", "১৫ থেকে ২০ মিনিট, ১০,০০০ এর মধ্যে ১", "১৫ থেকে ২১ মিনিট, ১০,০০০ এর মধ্যে ১"),  # Bengali
    ],
)
def test_digits_of_any_script_are_read_by_their_unicode_value(locale: str, same: str, changed: str) -> None:
    english = "15 to 20 minutes, 1 in 10,000"
    assert codes(english, same, locale) == []
    assert "number-changed" in codes(english, changed, locale)
    assert qa.numbers(same) == qa.numbers(english)


def test_digits_in_placeholders_and_links_are_not_numbers() -> None:
    assert qa.numbers("Call {{ phone.in_hours }} or see [page 2](page2.md) or `v3`") == {"2": 1}


def test_links_phones_placeholders_code() -> None:
    assert codes("See [help](get-help.md).", "Voir [aide](get-help.md).") == []
    assert codes("See [help](get-help.md).", "Voir [aide](help.md).") == ["link-changed"]
    assert codes("![A probe](probe.png)", "![Une sonde](other.png)") == ["link-changed"]
    assert codes("Call [111](tel:111).", "Appelez le [111](tel:112).") == ["phone-changed"]
    assert codes("Write to [us](mailto:a@b.example).", "Écrivez [nous](mailto:x@b.example).") == ["phone-changed"]
    assert codes("Call {{ phone.in_hours }}.", "Appelez le 0161 496 0000.") == ["number-changed", "placeholder-changed"]
    assert codes("Run `make site`.", "Lancez `make build`.") == ["code-changed"]


def test_html_and_unsafe_urls() -> None:
    # the script hides its text and adds an element: each is a finding of its own
    assert codes("Breathing", "Respirer <script>x()</script>") == ["text-hidden", "structure-changed", "html-added"]
    assert codes("Use <b>this</b>", "Utilisez <b>ceci</b>") == []
    assert codes("See [help](get-help.md)", "Voir [aide](javascript:alert(1))") == ["link-changed", "unsafe-url"]
    assert codes("Image", "Image data:text/html,xx") == ["unsafe-url"]


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_are_found(char: str) -> None:
    assert codes("Get help", f"Obtenez{char} de l'aide") == ["invisible-character"]


def test_joiners_are_allowed_where_the_script_needs_them() -> None:
    assert codes("Hip", "می\u200cخواهم", locale="fa") == []
    assert codes("Hip", "Han\u200cche", locale="fr") == ["invisible-character"]


def test_lookalike_punctuation_is_found() -> None:
    assert codes("hot, red", "chaude\u201a rouge") == ["lookalike-punctuation"]
    assert codes("Note: this", "Note\u205a ceci") == ["lookalike-punctuation"]


def test_block_markup_at_the_start_is_found() -> None:
    # the rendering shows the other kind of block too: a care card, a heading, a list
    other_block = ["structure-changed", "attribute-added", "block-markup-added"]
    assert codes("This is rare.", '!!! routine "Rien"') == other_block
    assert codes("This is rare.", "# C'est rare.") == other_block
    assert codes("This is rare.", "- C'est rare.") == ["structure-changed", "block-markup-added"]
    assert codes("This is rare.", "C'est #1 rare.".replace("#1", "rare")) == []


def test_identical_to_source_with_allow_list_and_escape() -> None:
    assert codes("Overview", "Overview") == ["identical-to-source"]
    assert codes("Overview", "Overview", identical_ok={"Overview"}) == []
    assert codes("Overview", "Overview", allowed={"identical-to-source"}) == []
    assert codes("{{ clinic.name }}", "{{ clinic.name }}") == []  # no words to translate
    assert codes("999", "999") == []


def test_every_check_has_a_code_and_a_sentence() -> None:
    assert len(qa.CODES) == len(qa.CHECKS)
    for check in qa.CHECKS:
        assert check.code == check.code.lower()
        assert " " not in check.code
        assert check.sentence.endswith(".")

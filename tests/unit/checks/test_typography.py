"""The typography checks, one test per check (it catches its case and accepts the right form),
and the shipped catalogs pass them."""

from __future__ import annotations

import pytest

from leaflet.checks import typography
from leaflet.checks.typography import (
    TYPOGRAPHY_CHECKS,
    check_french_spacing,
    check_full_width,
    check_number_wrap,
)

ENGLISH = "It happens after about 1 in 10,000 injections, at 38\u00a0°C or 10% of people."


def run_registry(msgid: str, msgstr: str, locale: str) -> list[tuple[str, str]]:
    """The registry's loop, as qa.problems runs it: (code, detail) of every check that fails."""
    found = ((run.check.code, run.check.run(msgid, msgstr, locale)) for run in TYPOGRAPHY_CHECKS)
    return [(code, detail) for code, detail in found if detail]


@pytest.mark.parametrize(
    ("translation", "locale", "detail"),
    [
        (
            "1 injection sur 10 000.",
            "fr",
            "'10 000' separates digit groups with U+0020 SPACE, where a line can break; "
            "use U+202F NARROW NO-BREAK SPACE, the group symbol of fr in CLDR",
        ),
        (
            "1 de cada 10 000",
            "es",
            "'10 000' separates digit groups with U+0020 SPACE, where a line can break; use U+00A0 NO-BREAK "
            "SPACE or U+202F NARROW NO-BREAK SPACE, or the group symbol of es in CLDR, '.'",
        ),
        (
            "Fieber von 38 °C",
            "de",
            "'38 °C' has U+0020 SPACE between the number and its unit, where a line can break; "
            "use U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE, or no space",
        ),
        (
            "une dose de 40\u2009mg",
            "fr",
            "'40\\u2009mg' has U+2009 THIN SPACE between the number and its unit, where a line can break; "
            "use U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE, or no space",
        ),
    ],
)
def test_number_may_wrap_catches_a_breaking_space(translation: str, locale: str, detail: str) -> None:
    assert check_number_wrap(ENGLISH, translation, locale) == detail


@pytest.mark.parametrize(
    ("translation", "locale"),
    [
        ("1 injection sur 10\u202f000 à 20\u202f000", "fr"),  # CLDR's French group symbol
        ("1 de cada 10\u00a0000", "es"),
        ("1 von 10.000, 38\u00a0°C, 10\u00a0%", "de"),
        ("约每10,000次注射中有1次, 38℃", "zh"),
        ("38°C, 10%, 5\u202fml", "fr"),
        ("au moins 3 mois, 2 ou 3 jours", "fr"),  # small numbers are not groups
        ("appelez le {{ phone.in_hours }} ou voir `2 000` et [page](p.md)", "fr"),  # markup is not text
    ],
)
def test_number_may_wrap_accepts_no_break_spaces_and_group_symbols(translation: str, locale: str) -> None:
    assert check_number_wrap(ENGLISH, translation, locale) is None


def test_number_may_wrap_leaves_what_the_english_itself_has() -> None:
    assert check_number_wrap("1 in 10 000, at 38 °C", "1 sur 10 000, à 38 °C", "fr") is None


@pytest.mark.parametrize(
    ("translation", "detail"),
    [
        (
            "Appelez-nous : maintenant",
            "U+0020 SPACE before ':' lets the line break before it; use U+00A0 NO-BREAK SPACE or "
            "U+202F NARROW NO-BREAK SPACE: 'ppelez-nous :'",
        ),
        (
            "Appelez-nous!",
            "no space before '!'; French puts U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE "
            "before it: 'Appelez-nous!'",
        ),
        (
            "**Téléphone :** {{ phone.in_hours }}",
            "U+0020 SPACE before ':' lets the line break before it; use U+00A0 NO-BREAK SPACE or "
            "U+202F NARROW NO-BREAK SPACE: '**Téléphone :'",
        ),
        (
            "Appelez le {{ phone.in_hours }}; ou",
            "no space before ';'; French puts U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE "
            "before it: 'Appelez le …;'",
        ),
    ],
)
def test_french_spacing_catches_a_missing_or_breaking_space(translation: str, detail: str) -> None:
    assert check_french_spacing("x", translation, "fr") == detail
    assert check_french_spacing("x", translation, "fr_CH") == detail


@pytest.mark.parametrize(
    "translation",
    [
        "Appelez-nous\u00a0: maintenant\u202f! Pourquoi\u202f? Ainsi\u202f; voilà",
        "**Téléphone\u00a0:** {{ phone.in_hours }}",
        "de 08:00 à 18:00",  # times
        "voir https://exemple.fr/page?x=1 ou <https://exemple.fr/a?b>",  # URLs
        "[aide](get-help.md?x=1) et `a:b` et %(date)s",  # link targets, code, format fields
        "Vraiment\u202f?!",  # a run of marks
        "![schéma](hanche.png)",  # an image
    ],
)
def test_french_spacing_accepts_no_break_spaces_and_markup(translation: str) -> None:
    assert check_french_spacing("x", translation, "fr") is None


def test_french_spacing_is_for_french_only() -> None:
    assert check_french_spacing("x", "Llame: ahora!", "es") is None
    assert check_french_spacing("x", "Appelez-nous\u00a0: maintenant !", "fr_CA") is None  # Canada: the colon only


@pytest.mark.parametrize(
    ("translation", "detail"),
    [
        ("测血糖,请查看", "U+002C COMMA in '测血糖,请查看' is ASCII; Chinese text uses U+FF0C FULLWIDTH COMMA"),
        ("**注意**:请", "U+003A COLON in '**注意**:请' is ASCII; Chinese text uses U+FF1A FULLWIDTH COLON"),
        ("会有帮助.", "U+002E FULL STOP in '会有帮助.' is ASCII; Chinese text uses U+3002 IDEOGRAPHIC FULL STOP"),
        (
            "工作时间(周一)",
            "U+0028 LEFT PARENTHESIS in '工作时间(周一)' is ASCII; Chinese text uses U+FF08 FULLWIDTH LEFT PARENTHESIS",
        ),
    ],
)
def test_full_width_punctuation_catches_ascii_marks_in_chinese(translation: str, detail: str) -> None:
    assert check_full_width("x", translation, "zh") == detail
    assert check_full_width("x", translation, "zh-Hans") == detail


@pytest.mark.parametrize(
    "translation",
    [
        "测血糖。请查看[糖尿病](before.md#diabetes)。",  # link syntax
        "约3.0毫升，08:00开始，约每10,000次",  # numbers
        "请使用 MRI. 或 e.g. 之类",  # Latin-script words
        "请拨打 {{ phone.in_hours }}。工作时间（%(days)s，%(times)s）",  # placeholders, format fields
        "见 https://example.org/a?b=1 。",  # URLs
    ],
)
def test_full_width_punctuation_accepts_full_width_and_markup(translation: str) -> None:
    assert check_full_width("x", translation, "zh_Hans") is None


def test_full_width_punctuation_is_for_chinese_only() -> None:
    assert check_full_width("x", "测血糖,请查看", "ja") is None


def test_each_check_has_its_code_through_the_registry() -> None:
    assert [run.check.code for run in TYPOGRAPHY_CHECKS] == ["number-may-wrap", "french-spacing", "full-width-punctuation"]
    assert run_registry(ENGLISH, "1 sur 10 000 : voilà", "fr") == [
        ("number-may-wrap", check_number_wrap(ENGLISH, "1 sur 10 000 : voilà", "fr")),
        ("french-spacing", check_french_spacing(ENGLISH, "1 sur 10 000 : voilà", "fr")),
    ]
    assert run_registry(ENGLISH, "约每10,000次,38℃", "zh")[0][0] == "full-width-punctuation"


def test_an_unknown_locale_has_no_cldr_group_symbol() -> None:
    assert typography._group_advice("xx") == "use U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE"

"""Numbers written as words: the Arabic dual and each language's small numbers, as the
number check reads them; and the shipped catalogs, with the typography script applied
on a copy, pass the number check and the typography checks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import ROOT, TRANSLATED
from leaflet.checks import number_words, text
from leaflet.checks.rendered import renderings
from leaflet.checks.typography import TYPOGRAPHY_CHECKS
from leaflet.i18n import catalogs
from leaflet.i18n.po import read_catalog

#: the lead's script for the shipped catalogs; once it has run on the repository, the catalogs are checked as they are


def number_check(msgid: str, msgstr: str, locale: str) -> str | None:
    """qa.check_numbers as it compares with number words: each rendering context, first difference."""
    for english, translated in zip(renderings(msgid), renderings(msgstr), strict=True):
        detail = text.number_changes(english.shown, translated.shown, locale)
        if detail:
            return detail
    return None


@pytest.mark.parametrize(
    ("english", "translation"),
    [
        ("Avoid hard exercise for about 2 days.", "تجنّب التمارين الشاقة لمدة يومين تقريبًا."),
        ("no better 2 weeks after the injection", "لم يتحسن ألمك بعد مرور أسبوعين على الحقنة"),
        ("it takes up to 2 weeks", "قد يستغرق ذلك مدة تصل إلى أسبوعان"),
        ("for 2 hours", "لمدة ساعتين"),
        ("twice a day", "مرتين في اليوم"),
        ("2 times a day", "مرتين في اليوم"),
        ("after 2 months", "بعد شهرين"),
        ("wait 2 minutes", "انتظر دقيقتين"),
        ("in 2 days", "خلال يومَين"),  # tashkeel
        ("for 2 days", "ليومين"),  # with a preposition
    ],
)
def test_the_arabic_dual_is_two(english: str, translation: str) -> None:
    assert number_check(english, translation, "ar") is None


def test_a_dual_does_not_stand_for_another_number() -> None:
    assert number_check("for 3 days", "لمدة يومين", "ar") == "expected number '3', which the translation lacks"


@pytest.mark.parametrize(
    ("english", "translation", "locale"),
    [
        ("for 2 days", "pendant deux jours", "fr"),
        ("for 3 days", "durante tres días", "es"),
        ("10 minutes", "zehn Minuten", "de"),
        ("twice a day", "zweimal am Tag", "de"),
        ("5 days", "pięć dni", "pl"),
        ("for 3 days", "لمدة ثلاثة أيام", "ar"),
        ("for 13 days", "لمدة ثلاثة عشر يومًا", "ar"),
        ("2 medicines", "دواءين", "ar"),
        ("for 3 days", "三天", "zh"),
        ("2 kinds", "两种", "zh_Hans"),
        ("12 days", "十二天", "zh"),
        ("25 times", "二十五次", "zh"),
        ("two medicines", "2 médicaments", "fr"),  # an English word stands for the translation's digit
    ],
)
def test_number_words_match_digits(english: str, translation: str, locale: str) -> None:
    assert number_check(english, translation, locale) is None


@pytest.mark.parametrize(
    ("english", "translation", "locale"),
    [
        ("at least 3 months apart", "au moins 3 mois entre deux injections", "fr"),  # a word with no digit to match
        ("for a day or two", "ليوم أو يومين", "ar"),
        ("Avoid hard exercise for about 2 days.", "لمدة يومين (2) تقريبًا.", "ar"),  # the old way still passes
    ],
)
def test_a_word_with_no_digit_to_stand_for_is_left_alone(english: str, translation: str, locale: str) -> None:
    assert number_check(english, translation, locale) is None


@pytest.mark.parametrize(
    ("text_", "locale"),
    [
        ("allongé sur le dos", "fr"),  # "dos" is 2 in Spanish only
        ("une injection, une fois", "fr"),  # one is the article
        ("außer Acht lassen", "de"),
        ("من الاثنين إلى الجمعة", "ar"),  # Monday
        ("一些, 十分, 第二次, 一两天, 二十二十天, 二甲双胍", "zh"),
        ("two", "xx"),  # a language without a table
    ],
)
def test_words_that_are_not_numbers(text_: str, locale: str) -> None:
    assert text.spelled(text_, locale) == Counter()


def test_numbers_still_reads_digits_only() -> None:
    assert text.numbers("deux jours, يومين, 2 days") == {"2": 1}
    assert number_words.values("وثلاثة وبطريقتين", "ar") == [3, 2]


def _published_messages(root: Path):
    for locale in TRANSLATED:
        path = catalogs.po_path(root, locale)
        for message in read_catalog(path, str(path), catalogs.catalog_code(locale)):
            if message.id and isinstance(message.id, str) and message.string and "fuzzy" not in message.flags:
                yield locale, message


def test_the_shipped_catalogs_pass_the_number_and_typography_checks() -> None:
    found = []
    for locale, message in _published_messages(ROOT):
        for run in (number_check, *(run.check.run for run in TYPOGRAPHY_CHECKS)):
            detail = run(message.id, message.string, locale)
            if detail:
                found.append(f"{locale}:{message.lineno}: {detail}")
    assert found == []
    arabic = catalogs.po_path(ROOT, "ar").read_text(encoding="utf-8")
    assert "(2)" not in arabic

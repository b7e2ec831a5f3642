"""Small numbers written as words, read as numbers: what :func:`.text.numbers` reads besides digits.

Babel carries no CLDR spell-out rules (RBNF), so each language has a small
table here: its words for 2 to 10 (and a few forms such as "twice"), and for
Arabic the dual of the nouns the leaflet counts (يومين is "2 days"). Chinese
numerals count before a measure word (两种, 三天), never inside a word.

The word for one is left out in every language: it is also the article or a
pronoun (une injection, una vez, eine Spritze, another one) or the "once" that
English writes without a number, so counting it would turn articles into numbers.

A text's words count only in its own language: "dos" is 2 in Spanish but
"back" in French. How the number check uses them is in :func:`.text.number_changes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: tashkeel and tatweel: not part of the word
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_ALEFS = str.maketrans("أإآٱ", "اااا")



def _counting(words: str, **more: int) -> dict[str, int]:
    """``"two three"`` is {"two": 2, "three": 3}: the words for 2 to 10 in order, a word's forms joined by "|"."""
    table = {form: value for value, forms in enumerate(words.split(), start=2) for form in forms.split("|")}
    return table | more


_LATIN = {
    "en": _counting("two three four five six seven eight nine ten", twice=2),
    "fr": _counting("deux trois quatre cinq six sept huit neuf dix"),
    "es": _counting("dos tres cuatro cinco seis siete ocho nueve diez"),
    "de": _counting("zwei drei vier fünf sechs sieben acht neun zehn", zweimal=2, dreimal=3),
    "pl": _counting(
        "dwa|dwie|dwóch|dwu|dwoma trzy|trzech|trzema cztery|czterech pięć|pięciu sześć|sześciu siedem|siedmiu "
        "osiem|ośmiu dziewięć|dziewięciu dziesięć|dziesięciu",
        dwukrotnie=2,
    ),
}
#: capitalised words that are other words: "außer Acht lassen"
_NOUNS = {"de": {"Acht"}}

#: Arabic (without tashkeel, every alef plain): masculine and feminine forms of 2 to 10 ("اثنا عشر" is 12)
_ARABIC_CARDINALS = _counting(
    "اثنان|اثنين|اثنتان|اثنتين|اثنا|اثني ثلاث|ثلاثة اربع|اربعة خمس|خمسة ست|ستة سبع|سبعة ثمان|ثماني|ثمانية "
    "تسع|تسعة عشر|عشرة"
)
#: the dual (nominative, then oblique) of the nouns the leaflet counts: time spans ("2 days",
#: "twice") and others ("two medicines", "two ways")
_DUALS = (
    "يومان يومين اسبوعان اسبوعين ساعتان ساعتين مرتان مرتين شهران شهرين دقيقتان دقيقتين ليلتان ليلتين "
    "سنتان سنتين عامان عامين دواءان دواءين طريقتان طريقتين حقنتان حقنتين"
)
_ARABIC_DUALS = dict.fromkeys(_DUALS.split(), 2)
#: a cardinal takes "and" (never the article: الاثنين is Monday); a dual also "by", "for", "as" and
#: the article (ليومين, بطريقتين, اليومين)
_CARDINAL_PREFIX, _DUAL_PREFIX = "(?:و|ف)?", "(?:و|ف)?(?:[بلك])?(?:ال)?"

_HAN_DIGITS = {"二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "一": 1}
#: measure words and units a Chinese numeral stands before
_MEASURES = "天|日|周|星期|个|次|种|位|小时|分钟|秒|月|年|岁|片|粒|支|针|剂|毫升|毫克|倍|遍|方面|步"
_HAN = re.compile(rf"(?<![第一二两俩三四五六七八九十])[一二两俩三四五六七八九十]+(?={_MEASURES})")

Span = tuple[int, int, int]  # start, end, value


def _alternation(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[call-overload]


_ARABIC = re.compile(
    rf"(?<!\w)(?:{_DUAL_PREFIX}(?P<dual>{_alternation(_ARABIC_DUALS)})"
    rf"|{_CARDINAL_PREFIX}(?P<cardinal>{_alternation(_ARABIC_CARDINALS)})(?:\s+(?P<teen>عشر|عشرة))?)(?!\w)"
)
_LATIN_PATTERNS = {
    language: re.compile(rf"(?<!\w)(?:{_alternation(table)})(?!\w)", re.IGNORECASE)
    for language, table in _LATIN.items()
}


def language_of(locale: str) -> str:
    """``zh_Hans`` and ``zh-Hans`` are ``zh``."""
    return locale.replace("-", "_").split("_")[0].lower()


def normalised(text: str) -> str:
    """Arabic without tashkeel or tatweel, and with plain alefs: يَومَين is يومين, أربعة is اربعة."""
    return _ARABIC_MARKS.sub("", text).translate(_ALEFS)


def _arabic(text: str) -> Iterator[Span]:
    for match in _ARABIC.finditer(normalised(text)):
        if match.group("dual"):
            yield match.start(), match.end(), 2
            continue
        value = _ARABIC_CARDINALS[match.group("cardinal")] + (10 if match.group("teen") else 0)
        yield match.start(), match.end(), value


def _latin(text: str, language: str) -> Iterator[Span]:
    table = _LATIN[language]
    for match in _LATIN_PATTERNS[language].finditer(text):
        if match.group(0) not in _NOUNS.get(language, ()):
            yield match.start(), match.end(), table[match.group(0).lower()]


def _han_value(numeral: str) -> int | None:
    """二 is 2, 十二 is 12, 二十 is 20, 二十五 is 25; anything else (七八, 一两) is not one number."""
    if "十" not in numeral:
        return _HAN_DIGITS[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_HAN_DIGITS[tens] if tens else 1) * 10 + (_HAN_DIGITS[units] if units else 0)


def _chinese(text: str) -> Iterator[Span]:
    for match in _HAN.finditer(text):
        value = _han_value(match.group(0))
        if value is not None:
            yield match.start(), match.end(), value


def spans(text: str, language: str) -> list[Span]:
    """Where ``text`` writes a number (other than one) as a word, and its value."""
    if language in _LATIN:
        found = list(_latin(text, language))
    elif language == "zh":
        found = list(_chinese(text))
    elif language == "ar":
        found = list(_arabic(text))
    else:
        return []
    return [span for span in found if span[2] != 1]


def values(text: str, locale: str) -> list[int]:
    """The numbers ``text``, written in the language of ``locale``, spells out as words."""
    return [value for _, _, value in spans(text, language_of(locale))]

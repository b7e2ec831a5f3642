"""leaflet.i18n.catalogs.new_catalog: the header of the template and of a new
language's catalog carries no gettext placeholder (``msgfmt -c`` warns on each;
tests/build/test_msgfmt.py runs it), and Arabic gets gettext's standard plurals."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.messages.catalog import Catalog

from leaflet.i18n.catalogs import PLURAL_FORMS, new_catalog
from leaflet.i18n.writer import render

PLACEHOLDERS = ("FIRST AUTHOR", "EMAIL@ADDRESS", "FULL NAME", "LL@li.org", "LANGUAGE")


def header(locale: Locale | None) -> str:
    return render(new_catalog(locale)).decode("utf-8").split("\n\n", 1)[0]


@pytest.mark.parametrize("code", [None, "it", "ar", "pt_BR", "zh_Hans"])
def test_no_placeholder_is_left(code: str | None) -> None:
    text = header(Locale.parse(code) if code else None)
    assert [placeholder for placeholder in PLACEHOLDERS if placeholder in text] == []
    for field in ("Last-Translator", "Language-Team", "Report-Msgid-Bugs-To"):
        assert f'"{field}: \\n"' in text


def test_arabic_uses_gettexts_formula_not_babels() -> None:
    assert new_catalog(Locale.parse("ar")).plural_forms == PLURAL_FORMS["ar"]
    assert new_catalog(Locale.parse("ar_EG")).plural_forms == PLURAL_FORMS["ar"]
    assert PLURAL_FORMS["ar"].endswith("n%100>=11 ? 4 : 5;")


@pytest.mark.parametrize("code", ["fr", "pl", "zh"])
def test_other_languages_keep_babels_formula(code: str) -> None:
    assert new_catalog(Locale.parse(code)).plural_forms == Catalog(locale=code).plural_forms

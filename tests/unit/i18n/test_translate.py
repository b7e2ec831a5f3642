"""leaflet.i18n.translate: the messages a build may render, and how English
shows where no usable translation exists."""

from __future__ import annotations

import pytest

from leaflet.content.strings import UNTRANSLATED
from leaflet.i18n.translate import Translations, mark_untranslated, untranslated_label
from leaflet.model import Kind, Unit

FRENCH = Translations("fr", {"Hip": "Hanche", "1 day": "1 jour", "days": "jours", UNTRANSLATED: "Pas encore traduit :"})


def unit(kind: Kind, text: str = "Call **now**.") -> Unit:
    return Unit(kind, text, 3, "get-help", None)


class TestTranslations:
    def test_get_gives_only_what_the_catalog_has(self) -> None:
        assert FRENCH.get("Hip") == "Hanche"
        assert FRENCH.get("Knee") is None

    def test_gettext_falls_back_to_the_english(self) -> None:
        assert FRENCH.gettext("Hip") == "Hanche"
        assert FRENCH.gettext("Knee") == "Knee"

    def test_ngettext_picks_singular_or_plural(self) -> None:
        assert FRENCH.ngettext("1 day", "days", 1) == "1 jour"
        assert FRENCH.ngettext("1 day", "days", 3) == "jours"

    def test_an_empty_language_translates_nothing(self) -> None:
        assert Translations("en").gettext("Hip") == "Hip"


class TestMarkUntranslated:
    @pytest.mark.parametrize("kind", [Kind.PARAGRAPH, Kind.HEADING, Kind.LIST_ITEM, Kind.CARD_TITLE])
    def test_visible_label_and_english_voice(self, kind: Kind) -> None:
        assert mark_untranslated(unit(kind), "Pas encore traduit :") == (
            "<span class='leaflet-untranslated'>"
            "<span class='leaflet-untranslated__label'>Pas encore traduit :</span> "
            "<span lang='en'>Call **now**.</span></span>"
        )

    @pytest.mark.parametrize("kind", [Kind.TITLE, Kind.DESCRIPTION, Kind.IMAGE_ALT])
    def test_plain_english_where_markup_cannot_go(self, kind: Kind) -> None:
        assert mark_untranslated(unit(kind), "Pas encore traduit :") == "Call **now**."

    def test_the_label_is_escaped_and_quotes_stay_single(self) -> None:
        marked = mark_untranslated(unit(Kind.PARAGRAPH), 'Pas "encore" <traduit>', source_lang="en-GB")
        assert "Pas &quot;encore&quot; &lt;traduit&gt;" in marked
        assert "<span lang='en-GB'>" in marked
        assert '"' not in marked  # a care-card title sits inside double quotes


def test_the_label_is_translated() -> None:
    assert untranslated_label(FRENCH) == "Pas encore traduit :"
    assert untranslated_label(Translations("de")) == UNTRANSLATED

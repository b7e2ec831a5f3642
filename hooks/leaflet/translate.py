"""One language's current translations, and how an untranslated block shows.

The build and the coverage check share :func:`is_current`: a message counts
as translated only when it has a translation that is not fuzzy.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

from .segment import Kind, Unit
from .strings import UNTRANSLATED


def is_current(message: Message | None) -> bool:
    """Translated, and not marked fuzzy (outdated against its English)."""
    return bool(message is not None and message.id and message.string and not message.fuzzy)


@dataclass(frozen=True)
class Translations:
    """``msgid -> msgstr`` for the messages :func:`is_current` accepts."""

    locale: str
    messages: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_catalog(cls, locale: str, catalog: Catalog) -> Translations:
        return cls(locale, {m.id: m.string for m in catalog if isinstance(m.id, str) and is_current(m)})

    def get(self, msgid: str) -> str | None:
        return self.messages.get(msgid)

    # gettext's interface, for Jinja's i18n extension
    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def mark_untranslated(unit: Unit, label: str, source_lang: str = "en") -> str:
    """English text in a visible, translated marker that switches voice.

    Attributes use single quotes: a care-card title sits inside double quotes.
    """
    if unit.kind in (Kind.TITLE, Kind.DESCRIPTION, Kind.IMAGE_ALT):
        return unit.text  # no markup possible there: plain English
    return (
        "<span class='leaflet-untranslated'>"
        f"<span class='leaflet-untranslated__label'>{html.escape(label, quote=True)}</span> "
        f"<span lang='{source_lang}'>{unit.text}</span></span>"
    )


def untranslated_label(translations: Translations) -> str:
    return translations.gettext(UNTRANSLATED)

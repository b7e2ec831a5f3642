"""One language's usable translations, and how an untranslated block shows.

:func:`is_current` says whether a message has a translation that is not
fuzzy; :func:`leaflet.coverage.usable` adds the QA checks, and the build and
the coverage check both use it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from babel.messages.catalog import Message

from .segment import Kind, Unit
from .strings import UNTRANSLATED


def is_current(message: Message | None) -> bool:
    """Translated, and not marked fuzzy (outdated against its English)."""
    return bool(message is not None and message.id and message.string and not message.fuzzy)


@dataclass(frozen=True)
class Translations:
    """``msgid -> msgstr`` for the messages :func:`leaflet.coverage.usable` accepts."""

    locale: str
    messages: Mapping[str, str] = field(default_factory=dict)

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

"""One language's usable translations, and how an untranslated block shows.

The build fills :class:`Translations` with the messages whose status
(:func:`leaflet.checks.status.status_of`) is ``TRANSLATED``; nothing else
is ever rendered.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..content.strings import UNTRANSLATED
from ..model import Kind, Unit


@dataclass(frozen=True)
class Translations:
    """``msgid -> msgstr`` of the messages the build may render."""

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


class ByLanguage(Mapping[str, Translations]):
    """Each language's translations, made the first time they are asked for."""

    def __init__(self, codes: Iterable[str], make: Callable[[str], Translations]) -> None:
        self._codes, self._make, self._made = tuple(codes), make, dict[str, Translations]()

    def __getitem__(self, code: str) -> Translations:
        if code not in self._codes:
            raise KeyError(code)
        if code not in self._made:
            self._made[code] = self._make(code)
        return self._made[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

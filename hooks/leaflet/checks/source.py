"""The English as it is now: pages segmented from ``docs/``, the manifest,
and where each message stands (page, section, safety)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..content.includes import read_page, reader, resolve, segment_pages
from ..content.placeholders import PLACEHOLDER
from ..content.sections import load_manifest, missing_sections
from ..i18n.glossary import Glossary, glossary_for
from ..i18n.tbx import read_glossaries
from ..model import DOCS, MANIFEST, Finding, Kind, LeafletError, Page, RequiredSection, Unit
from .glossary import checks_for
from .registry import Check

__all__ = ["Place", "Source", "read_page", "read_source"]


@dataclass(frozen=True)
class Place:
    """Where a message's English stands: page and section."""

    page: str
    section: str | None
    safety: bool
    line: int


@dataclass(frozen=True)
class Source:
    root: Path
    pages: Mapping[str, Page]
    manifest: tuple[RequiredSection, ...]
    places: Mapping[str, tuple[Place, ...]]
    template_ids: frozenset[str]
    identical_ok: frozenset[str]
    placeholder_texts: Mapping[str, str] = field(default_factory=dict)
    glossaries: Mapping[str, Glossary] = field(default_factory=dict)  # by language, from glossary/*.tbx
    _terms: dict[str, tuple[Check, ...]] = field(default_factory=dict, compare=False, repr=False)
    _sections: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _manifest_keys: set[tuple[str, str | None]] = field(default_factory=set, compare=False, repr=False)

    def units_of(self, required: RequiredSection) -> list[Unit]:
        """The units a required section shows: its own, those of the snippets
        it includes, then the translatable settings its placeholders bring in
        (the clinic's opening days)."""
        own = self.pages[required.page].units_of(required.id)
        brought = [
            Unit(Kind.SETTING, text, unit.line, required.id, unit.card)
            for unit in own
            for placeholder in PLACEHOLDER.findall(unit.text)
            if (text := self.placeholder_texts.get(placeholder.strip()))
        ]
        return own + list({unit.text: unit for unit in brought}.values())

    def terms_for(self, locale: str) -> tuple[Check, ...]:
        """The glossary checks of a language (none without a glossary), made once per language."""
        if locale not in self._terms:
            self._terms[locale] = checks_for(glossary_for(self.glossaries, locale))
        return self._terms[locale]

    def is_safety(self, msgid: str) -> bool:
        return any(place.safety for place in self.places.get(msgid, ()))

    def section_of(self, msgid: str) -> str | None:
        """The section a message is reported under: the first required one it shows in (asked
        for every message of every language: answered once per message)."""
        if msgid not in self._sections:
            places = self.places.get(msgid, ())
            required = [p for p in places if p.section and self._required(p.page, p.section)]
            chosen = (required or list(places) or [None])[0]
            self._sections[msgid] = chosen.section if chosen else None
        return self._sections[msgid]

    def _required(self, page: str, section: str) -> bool:
        if not self._manifest_keys:
            self._manifest_keys.update((s.page, s.id) for s in self.manifest)
        return (page, section) in self._manifest_keys

    def missing(self) -> list[Finding]:
        """What is wrong with the English itself: a required section it lacks,
        a unit that names more than one phone number (the build warns)."""
        return list(missing_sections(list(self.manifest), self.pages)) + list(_phones_per_unit(self.pages))

    def present(self) -> list[RequiredSection]:
        """The required sections the English has."""
        return [s for s in self.manifest if s.page in self.pages and s.id in self.pages[s.page].section_ids]

    def require_all(self) -> None:
        """Raise for the first required section the English lacks."""
        for finding in self.missing():
            raise LeafletError(finding.file, finding.line, finding.message, finding.code)


def read_source(
    root: Path,
    template_ids: frozenset[str],
    identical_ok: frozenset[str],
    placeholder_texts: Mapping[str, str] | None = None,
    safety_texts: tuple[str, ...] = (),
) -> Source:
    """Segment every page and place every message.

    ``placeholder_texts`` maps a placeholder to the translatable text it
    puts on a page (``clinic.opening_days`` to the days as written in
    mkdocs.yml): that text stands wherever the placeholder does, so it is a
    safety text when a safety section uses it. ``safety_texts`` are interface
    strings that are safety texts wherever they show (the care-card labels,
    the notice that a translation is not yet checked by a clinician).
    """
    manifest = tuple(load_manifest(root / MANIFEST, MANIFEST))
    read = reader(root / DOCS)
    pages = {name: resolve(page, read) for name, page in segment_pages(root / DOCS)}
    places = _places(pages, {(s.page, s.id) for s in manifest if s.safety}, placeholder_texts or {})
    for text in safety_texts:
        places.setdefault(text, []).append(Place("", None, True, 0))
    return Source(
        root, pages, manifest, {key: tuple(value) for key, value in places.items()}, template_ids, identical_ok,
        dict(placeholder_texts or {}), read_glossaries(root),
    )


def _places(
    pages: Mapping[str, Page], safety: set[tuple[str, str | None]], placeholder_texts: Mapping[str, str]
) -> dict[str, list[Place]]:
    """Where each text stands: every unit a page shows (its snippets' included), and
    the setting each placeholder brings in, in the unit's place."""
    places: dict[str, list[Place]] = {}
    for name, page in pages.items():
        for unit in page.shown:
            place = Place(name, unit.section, (name, unit.section) in safety, unit.line)
            texts = [unit.text, *(placeholder_texts.get(p.strip()) for p in PLACEHOLDER.findall(unit.text))]
            for text in filter(None, texts):
                places.setdefault(text, []).append(place)
    return places


def _phones_per_unit(pages: Mapping[str, Page]) -> Iterator[Finding]:
    """One phone number per unit, so that which number an instruction names
    is never a matter of sentence order in another language. A snippet's
    units are checked once, in the snippet."""
    units = {(unit.file or name, unit.line, unit.text): unit for name, page in pages.items() for unit in page.shown}
    for (file, line, _text), unit in units.items():
        phones = [p.strip() for p in PLACEHOLDER.findall(unit.text) if p.strip().startswith("phone.")]
        if len(phones) > 1:
            yield Finding(
                f"{DOCS}/{file}", line, "phones-in-one-unit",
                f"this {unit.kind.value} names {len(phones)} phone numbers ({', '.join(phones)}); "
                "give each instruction its own paragraph or list item, one number each",
            )

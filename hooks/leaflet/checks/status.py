"""The status of one message: the single predicate the build and the report share.

The build renders a translation only when :func:`status_of` says
``TRANSLATED``; the report counts by the same answer, so the two never
disagree about what a patient sees.
"""

from __future__ import annotations

from babel.messages.catalog import Catalog, Message

from ..model import Finding, Status
from . import escapes, qa
from .source import Source


def is_current(message: Message | None) -> bool:
    """Translated, and not marked fuzzy (outdated against its English)."""
    return bool(message is not None and message.id and message.string and not message.fuzzy)


def problems_of(message: Message, locale: str, source: Source, file: str = "") -> list[Finding]:
    """What the checks reject in a translation; escapes never count in a safety section."""
    escaped = set() if source.is_safety(message.id) else escapes.escaped(message)
    return qa.problems(
        message.id, message.string, locale, escaped, source.identical_ok,
        file=file, line=message.lineno or 1, section=source.section_of(message.id), terms=source.terms_for(locale),
    )


def status_of(message: Message | None, locale: str, source: Source) -> Status:
    if message is None:
        return Status.STALE
    if not message.string:
        return Status.UNTRANSLATED
    if message.fuzzy:
        return Status.FUZZY
    return Status.UNSAFE if problems_of(message, locale, source) else Status.TRANSLATED


def usable_translations(catalog: Catalog, locale: str, source: Source) -> dict[str, str]:
    """``msgid -> msgstr`` of every message whose status is ``TRANSLATED``."""
    return {
        m.id: m.string for m in catalog
        if isinstance(m.id, str) and m.id and status_of(m, locale, source) is Status.TRANSLATED
    }


def catalog_summary(catalog: Catalog) -> dict[str, int]:
    """How many messages the catalog has, translated, fuzzy and untranslated."""
    ids = [m for m in catalog if isinstance(m.id, str) and m.id]
    return {
        "total": len(ids),
        "translated": sum(1 for m in ids if is_current(m)),
        "fuzzy": sum(1 for m in ids if m.fuzzy and m.string),
        "untranslated": sum(1 for m in ids if not m.string),
    }


def stale_against(catalog: Catalog, template_ids: frozenset[str]) -> str | None:
    """What a refresh would change in the catalog's messages, in words."""
    present = {m.id for m in catalog if isinstance(m.id, str) and m.id}
    added = len(template_ids - present)
    retired = len(present - template_ids)
    if not added and not retired:
        return None
    parts = []
    if added:
        parts.append(f"{added} new English message{'s' if added != 1 else ''} missing")
    if retired:
        parts.append(f"{retired} message{'s' if retired != 1 else ''} no longer in the English")
    return "the catalog is out of date with docs/ (" + ", ".join(parts) + "); run: make catalogs"

"""One search index per language.

mkdocs-static-i18n merges every language into one index, so a French reader
would get English results. The index is split by each entry's location:
``fr/before/#diabetes`` belongs to French and becomes ``before/#diabetes``
under ``fr/search/search_index.json``, where French pages (whose search base
is ``fr/``) look for it, with French stemming and separators.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def split_index(
    index: Mapping[str, Any],
    languages: Sequence[str],
    default: str,
    configs: Mapping[str, Mapping[str, Any]],
) -> dict[str, dict[str, Any]]:
    """``{language: index}``; each index holds only that language's pages."""
    docs: dict[str, list[dict[str, Any]]] = {language: [] for language in languages}
    others = [language for language in languages if language != default]
    for entry in index.get("docs", []):
        location = str(entry.get("location", ""))
        owner = next((code for code in others if location == code or location.startswith(f"{code}/")), default)
        if owner != default:
            location = location[len(owner) :].lstrip("/")
        docs[owner].append({**entry, "location": location})
    return {
        language: {"config": {**index.get("config", {}), **configs.get(language, {})}, "docs": docs[language]}
        for language in languages
    }


#: never part of a word in any script; lunr's trimmer only strips ASCII
#: punctuation, so "(عدوى)" would otherwise not match a search for عدوى
BRACKETS = r"()\[\]«»،؛؟"


def split_on_brackets(separator: str) -> str:
    """Material's separator for a language, also splitting on brackets and
    Arabic punctuation: ``[\\s\\-]+`` becomes ``[\\s\\-()...]+``."""
    if separator.startswith("[") and separator.endswith("]+") and BRACKETS not in separator:
        return separator[:-2] + BRACKETS + "]+"
    return separator

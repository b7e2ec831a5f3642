"""Clinic placeholders in page text: ``{{ phone.in_hours }}``.

Content and translations carry the placeholder, never the number, so a
clinic changes a number in one place and no translation can get it wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import LeafletError
from ..settings.clinic import Clinic

#: any ``{{ ... }}``, so a misspelt name is caught rather than printed
PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")

DESCRIPTIONS: dict[str, str] = {
    "clinic.name": "the clinic's name",
    "clinic.address": "the clinic's address",
    "clinic.website": "the clinic's website, as a link",
    "clinic.opening_days": "the days the in-hours number is answered (translated)",
    "clinic.opening_times": "the hours it is answered, written the language's way",
    "phone.in_hours": "the in-hours number, as a tel: link",
    "phone.out_of_hours": "the out-of-hours number, as a tel: link",
    "phone.emergency": "the emergency number, as a tel: link",
}


def values(clinic: Clinic, *, links: bool = True) -> dict[str, str]:
    """Markdown for each placeholder name; plain text where links cannot go."""
    site = re.sub(r"^https?://", "", clinic.website).rstrip("/")
    out = {
        "clinic.name": clinic.name,
        "clinic.address": clinic.address,
        "clinic.website": f"[{site}]({clinic.website})",
        "clinic.opening_days": clinic.opening_days,
        "clinic.opening_times": clinic.opening_times,
    }
    for kind, phone in clinic.phones.items():
        out[f"phone.{kind}"] = f"[{phone.number}]({phone.href})"
    if not links:
        out["clinic.website"] = site
        out.update({f"phone.{kind}": phone.number for kind, phone in clinic.phones.items()})
    return out


def names_in(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, name)`` for each placeholder, lines 1-based."""
    for match in PLACEHOLDER.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group(1).strip()


def substitute(text: str, clinic: Clinic, path: str, first_line: int = 1, *, links: bool = True) -> str:
    """Replace every placeholder; an unknown one raises, naming file and line."""
    known = values(clinic, links=links)
    for line, name in names_in(text):
        if name not in known:
            raise LeafletError(
                path,
                first_line + line - 1,
                f"unknown placeholder {{{{ {name} }}}}; expected one of: "
                + ", ".join(sorted(known)),
                "unknown-placeholder",
            )
    return PLACEHOLDER.sub(lambda match: known[match.group(1).strip()], text)

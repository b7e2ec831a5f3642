"""Clinic placeholders in page text: ``{{ phone.in_hours }}``.

Content and translations carry the placeholder, never the number, so a
clinic changes a number in one place and no translation can get it wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from babel.numbers import format_decimal

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
    "clinic.inr_max": "the highest INR accepted on the day (the clinic's rule), written the language's way",
    "clinic.inr_within_days": "how many days before the injection the INR test may be",
    "clinic.follow_up_weeks": "how many weeks after the injection the clinic follows up",
    "phone.in_hours": "the in-hours number, as a tel: link",
    "phone.out_of_hours": "the out-of-hours number, as a tel: link",
    "phone.urgent_advice": "the urgent-advice service for when the clinic cannot be reached, as a tel: link",
    "phone.emergency": "the emergency number, as a tel: link",
}
#: an INR keeps at least one decimal, as results are written ("3.0"; "3,0" in French)
INR_FORMAT = "#,##0.0##"


def values(clinic: Clinic, *, links: bool = True) -> dict[str, str]:
    """Markdown for each placeholder name; plain text where links cannot go."""
    site = re.sub(r"^https?://", "", clinic.website).rstrip("/")
    out = {
        "clinic.name": clinic.name,
        "clinic.address": clinic.address,
        "clinic.website": f"[{site}]({clinic.website})",
        "clinic.opening_days": clinic.opening_days,
        "clinic.opening_times": clinic.opening_times,
        "clinic.inr_max": format_decimal(clinic.inr_max, INR_FORMAT, locale=clinic.locale),
        # format_decimal, not the deprecated format_number: the same digits for a whole number
        "clinic.inr_within_days": format_decimal(clinic.inr_within_days, locale=clinic.locale),
        "clinic.follow_up_weeks": format_decimal(clinic.follow_up_weeks, locale=clinic.locale),
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


def require_known(text: str, known: Iterable[str], path: str, first_line: int = 1) -> None:
    """Raise for the first unknown placeholder, naming file and line."""
    known = set(known)
    for line, name in names_in(text):
        if name not in known:
            raise LeafletError(
                path,
                first_line + line - 1,
                f"unknown placeholder {{{{ {name} }}}}; expected one of: " + ", ".join(sorted(known)),
                "unknown-placeholder",
            )


def substitute(text: str, clinic: Clinic, path: str, first_line: int = 1, *, links: bool = True) -> str:
    """Replace every placeholder; an unknown one raises, naming file and line."""
    known = values(clinic, links=links)
    require_known(text, known, path, first_line)
    return PLACEHOLDER.sub(lambda match: known[match.group(1).strip()], text)

"""Clinic settings: read and checked in one place for hooks and commands.

A clinic sets its details once, under ``extra.clinic`` in ``mkdocs.yml``;
pages refer to them through placeholders (see :mod:`leaflet.placeholders`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from ..model import LeafletError
from .config import yaml_line

PHONE_KINDS = ("in_hours", "out_of_hours", "emergency")
_TEL = re.compile(r"^\+?[0-9]{2,15}$")


@dataclass(frozen=True)
class Phone:
    number: str  # as people read it: "0161 496 0000"
    tel: str  # what a phone dials: "+441614960000"

    @property
    def href(self) -> str:
        return f"tel:{self.tel}"


@dataclass(frozen=True)
class Clinic:
    name: str
    address: str
    website: str
    opening_hours: str
    phones: Mapping[str, Phone]
    locale: Locale  # regional conventions of the English pages (dates)


class _Invalid(Exception):
    """One bad setting: its dotted key and what was expected."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def parse_clinic(extra: Mapping[str, Any], config_path: str = "mkdocs.yml", config_text: str = "") -> Clinic:
    """Validate ``extra.clinic``; an error names the key and, given the text, its line."""
    try:
        return _clinic(extra.get("clinic"))
    except _Invalid as invalid:
        raise LeafletError(
            config_path, yaml_line(config_text, invalid.key), f"{invalid.key}: {invalid}"
        ) from None


def _clinic(data: Any) -> Clinic:
    if not isinstance(data, Mapping):
        raise _Invalid("extra.clinic", f"expected a mapping of clinic details but received: {data!r}")
    phones = data.get("phones")
    key = "extra.clinic.phones"
    if not isinstance(phones, Mapping):
        raise _Invalid(key, f"expected a mapping with {', '.join(PHONE_KINDS)} but received: {phones!r}")
    if set(phones) != set(PHONE_KINDS):
        raise _Invalid(
            key,
            f"expected exactly {', '.join(PHONE_KINDS)} "
            f"but received: {', '.join(map(str, phones)) or 'nothing'}",
        )
    website = _text(data, "website")
    if not website.startswith(("https://", "http://")):
        raise _Invalid("extra.clinic.website", f"expected an address starting with https:// but received: {website!r}")
    return Clinic(
        name=_text(data, "name"),
        address=_text(data, "address"),
        website=website,
        opening_hours=_text(data, "opening_hours"),
        phones={kind: _phone(phones[kind], f"{key}.{kind}") for kind in PHONE_KINDS},
        locale=_locale(str(data.get("locale", "en_GB"))),
    )


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"extra.clinic.{key}", f"expected a non-empty string but received: {value!r}")
    return value.strip()


def _phone(value: Any, key: str) -> Phone:
    if isinstance(value, (str, int)):
        number, tel = str(value), None
    elif isinstance(value, Mapping) and isinstance(value.get("number"), (str, int)):
        number, tel = str(value["number"]), value.get("tel")
    else:
        raise _Invalid(
            key,
            f"expected a number such as '0161 496 0000' or "
            f"{{number: ..., tel: '+441614960000'}} but received: {value!r}",
        )
    tel = str(tel) if tel is not None else re.sub(r"(?!^\+)[^0-9]", "", number.strip())
    if not _TEL.match(tel):
        raise _Invalid(key, f"expected a dialable number (digits, optionally a leading +) but received: {tel!r}")
    return Phone(number=number.strip(), tel=tel)


def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError) as error:
        raise _Invalid(
            "extra.clinic.locale", f"expected a locale such as 'en_GB' or 'en_US' but received: {code!r} ({error})"
        ) from None

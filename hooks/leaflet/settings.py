"""Clinic settings: read and checked in one place for hooks and commands.

A clinic sets its details once, under ``extra.clinic`` in ``mkdocs.yml``;
pages refer to them through placeholders (see :mod:`leaflet.placeholders`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError

from .findings import LeafletError

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


def _text(data: Mapping[str, Any], key: str, where: str, config_path: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LeafletError(
            config_path, 1, f"{where}.{key}: expected a non-empty string but received: {value!r}"
        )
    return value.strip()


def _phone(value: Any, where: str, config_path: str) -> Phone:
    if isinstance(value, (str, int)):
        number, tel = str(value), None
    elif isinstance(value, Mapping):
        number, tel = _text(value, "number", where, config_path), value.get("tel")
    else:
        raise LeafletError(
            config_path,
            1,
            f"{where}: expected a number such as '0161 496 0000' or "
            f"{{number: ..., tel: '+441614960000'}} but received: {value!r}",
        )
    tel = str(tel) if tel is not None else re.sub(r"(?!^\+)[^0-9]", "", number.strip())
    if not _TEL.match(tel):
        raise LeafletError(
            config_path,
            1,
            f"{where}: expected a dialable number (digits, optionally a leading +) "
            f"but received: {tel!r}",
        )
    return Phone(number=number.strip(), tel=tel)


def parse_clinic(extra: Mapping[str, Any], config_path: str = "mkdocs.yml") -> Clinic:
    """Validate ``extra.clinic``; every error names the key."""
    data = extra.get("clinic")
    if not isinstance(data, Mapping):
        raise LeafletError(
            config_path, 1, f"extra.clinic: expected a mapping of clinic details but received: {data!r}"
        )
    phones_data = data.get("phones")
    if not isinstance(phones_data, Mapping):
        raise LeafletError(
            config_path,
            1,
            f"extra.clinic.phones: expected a mapping with {', '.join(PHONE_KINDS)} "
            f"but received: {phones_data!r}",
        )
    unknown = sorted(set(phones_data) - set(PHONE_KINDS))
    missing = [kind for kind in PHONE_KINDS if kind not in phones_data]
    if unknown or missing:
        raise LeafletError(
            config_path,
            1,
            f"extra.clinic.phones: expected exactly {', '.join(PHONE_KINDS)} "
            f"but received: {', '.join(map(str, phones_data)) or 'nothing'}",
        )
    phones = {
        kind: _phone(phones_data[kind], f"extra.clinic.phones.{kind}", config_path)
        for kind in PHONE_KINDS
    }
    locale_code = str(data.get("locale", "en_GB"))
    try:
        locale = Locale.parse(locale_code, sep="-" if "-" in locale_code else "_")
    except (ValueError, UnknownLocaleError) as error:
        raise LeafletError(
            config_path,
            1,
            f"extra.clinic.locale: expected a locale such as 'en_GB' or 'en_US' "
            f"but received: {locale_code!r} ({error})",
        ) from None
    website = _text(data, "website", "extra.clinic", config_path)
    if not website.startswith(("https://", "http://")):
        raise LeafletError(
            config_path,
            1,
            f"extra.clinic.website: expected an address starting with https:// "
            f"but received: {website!r}",
        )
    return Clinic(
        name=_text(data, "name", "extra.clinic", config_path),
        address=_text(data, "address", "extra.clinic", config_path),
        website=website,
        opening_hours=_text(data, "opening_hours", "extra.clinic", config_path),
        phones=phones,
        locale=locale,
    )

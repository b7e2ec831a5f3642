"""Clinic settings: read and checked in one place for hooks and commands.

A clinic sets its details once, under ``extra.clinic`` in ``mkdocs.yml``;
pages refer to them through placeholders (see :mod:`leaflet.placeholders`).

Phones. Each of ``in_hours``, ``out_of_hours`` and ``emergency`` is either
one number, shown and dialled as written (``"999"``), or
``{number: "0161 496 0000", tel: "+441614960000"}``: ``number`` as people
read it, ``tel`` what a phone dials. They are checked with ``phonenumbers``
for the clinic's region, the territory of ``extra.clinic.locale`` (en_GB:
GB). There is no separate region key, so the dates and the numbers cannot
disagree about where the clinic is; a locale without a territory is refused.

- ``in_hours`` and ``out_of_hours`` must be valid numbers, and ``number``
  and ``tel`` the same number (equal E.164 forms);
- ``emergency`` must be an emergency number of the region (999 or 112 in
  GB), ``number`` and ``tel`` the same one: a page that shows 999 must not
  dial the clinic.

Opening hours are ``{days: "Monday to Friday", opens: "08:00", closes:
"18:00"}``: translators translate the days; the times are formatted for
each language by Babel, so no translation carries a number to get wrong
(and the hours can show inside a safety card, where no escape applies).

Values are the text written in ``mkdocs.yml``, whatever YAML makes of it:
YAML reads an unquoted ``+441614960000`` as the int 441614960000, so the
text is taken from the composed node. Where the number cannot give the text
back (``000`` is 0, ``0161`` is octal 113, ``1_000`` is 1000) the setting is
refused with the quoted form to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers
import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_interval
from phonenumbers import shortnumberinfo

from ..model import LeafletError
from .config import yaml_line, yaml_node

PHONE_KINDS = ("in_hours", "out_of_hours", "emergency")
EMERGENCY = "emergency"
_PHONES = "extra.clinic.phones"
_TEL = re.compile(r"^\+?[0-9]{2,15}$")
_HH_MM = re.compile(r"^[0-2][0-9]:[0-5][0-9]$")
# An unquoted number written like this loses only its plus in YAML: the digits survive.
_INT_KEEPS_TEXT = re.compile(r"^\+?[1-9][0-9]*$")
_INT_TAG = "tag:yaml.org,2002:int"
# Shown in an error, those that are emergency numbers in the clinic's region.
_EMERGENCY_EXAMPLES = ("999", "911", "112", "000")
_NATIONAL, _E164 = phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.E164


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
    opening_days: str  # translatable text: "Monday to Friday"
    opens: dt.time
    closes: dt.time
    phones: Mapping[str, Phone]
    locale: Locale  # regional conventions of the pages (dates, times): en_GB for English

    @property
    def opening_times(self) -> str:
        """The hours as the page's readers write them (CLDR, through Babel):
        ``08:00–18:00`` in en_GB, ``8:00 ص – 6:00 م`` in Arabic. No translator
        writes these numbers, so none can get them wrong."""
        pattern = self.locale.time_formats["short"].pattern
        skeleton = "Hm" if "H" in pattern else "hm"
        return format_interval(self.opens, self.closes, skeleton, locale=self.locale)


class _Invalid(Exception):
    """One bad setting: its dotted key and what was expected."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def parse_clinic(extra: Mapping[str, Any], config_path: str = "mkdocs.yml", config_text: str = "") -> Clinic:
    """Validate ``extra.clinic``; an error names the key and, given the text, its line.

    Without ``config_text`` (callers that built ``extra`` themselves) an int
    phone value stands for its digits.
    """
    try:
        return _clinic(extra.get("clinic"), config_text)
    except _Invalid as invalid:
        raise LeafletError(
            config_path, yaml_line(config_text, invalid.key), f"{invalid.key}: {invalid}", "invalid-settings"
        ) from None


def _clinic(data: Any, config_text: str) -> Clinic:
    if not isinstance(data, Mapping):
        raise _Invalid("extra.clinic", f"expected a mapping of clinic details but received: {data!r}")
    phones = data.get("phones")
    if not isinstance(phones, Mapping):
        raise _Invalid(_PHONES, f"expected a mapping with {', '.join(PHONE_KINDS)} but received: {phones!r}")
    if set(phones) != set(PHONE_KINDS):
        raise _Invalid(
            _PHONES,
            f"expected exactly {', '.join(PHONE_KINDS)} but received: {', '.join(map(str, phones)) or 'nothing'}",
        )
    website = _text(data, "website")
    if not website.startswith(("https://", "http://")):
        raise _Invalid("extra.clinic.website", f"expected an address starting with https:// but received: {website!r}")
    name, address = _text(data, "name"), _text(data, "address")
    days, opens, closes = _opening_hours(data.get("opening_hours"))
    locale = _locale(str(data.get("locale", "en_GB")))
    return Clinic(
        name=name,
        address=address,
        website=website,
        opening_days=days,
        opens=opens,
        closes=closes,
        phones={kind: _phone(phones[kind], kind, locale.territory, config_text) for kind in PHONE_KINDS},
        locale=locale,
    )


def _opening_hours(value: Any) -> tuple[str, dt.time, dt.time]:
    key = "extra.clinic.opening_hours"
    if not isinstance(value, Mapping) or set(value) != {"days", "opens", "closes"}:
        raise _Invalid(
            key, f'expected {{days: "Monday to Friday", opens: "08:00", closes: "18:00"}} but received: {value!r}'
        )
    days = _text(value, "days", key)
    opens, closes = _time(value["opens"], f"{key}.opens"), _time(value["closes"], f"{key}.closes")
    if closes <= opens:
        raise _Invalid(f"{key}.closes", f"expected a time after {opens:%H:%M} but received: {closes:%H:%M}")
    return days, opens, closes


def _time(value: Any, key: str) -> dt.time:
    if isinstance(value, int):
        raise _Invalid(key, f"YAML read the unquoted time as the number {value}; quote it, for example: \"08:00\"")
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) and _HH_MM.match(value) else _bad_time(key, value)
    except ValueError:
        return _bad_time(key, value)


def _bad_time(key: str, value: Any) -> dt.time:
    raise _Invalid(key, f'expected a 24-hour time such as "08:00" but received: {value!r}')


def _text(data: Mapping[str, Any], key: str, parent: str = "extra.clinic") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{parent}.{key}", f"expected a non-empty string but received: {value!r}")
    return value.strip()


def _locale(code: str) -> Locale:
    key = "extra.clinic.locale"
    try:
        locale = Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError) as error:
        raise _Invalid(key, f"expected a locale such as 'en_GB' or 'en_US' but received: {code!r} ({error})") from None
    if locale.territory not in phonenumbers.SUPPORTED_REGIONS:
        # Phone numbers are checked for this region: a bare language names none.
        raise _Invalid(
            key,
            f"expected a locale with a country, such as 'en_GB', for the clinic's phone numbers "
            f"but received: {code!r}",
        )
    return locale


# -- phones --------------------------------------------------------------------


def _phone(value: Any, kind: str, region: str, config_text: str) -> Phone:
    number, tel, number_key, tel_key = _phone_parts(value, f"{_PHONES}.{kind}", config_text)
    # Without a tel, a phone dials the digits people read (and a leading plus).
    tel = tel if tel is not None else re.sub(r"(?!^\+)[^0-9]", "", number)
    if kind == EMERGENCY:
        _check_emergency(number, tel, region, number_key, tel_key)
    else:
        _check_same_number(number, tel, region, number_key, tel_key)
    # Again for a tel made from the number: only now is the number known to be one.
    _dialable(tel, tel_key)
    return Phone(number=number, tel=tel)


def _phone_parts(value: Any, key: str, config_text: str) -> tuple[str, str | None, str, str]:
    """number, tel if given, and the keys to name in an error about each."""
    if not isinstance(value, Mapping):
        return _as_text(value, key, config_text), None, key, key
    if set(value) - {"number", "tel"} or "number" not in value:
        received = ", ".join(map(str, value)) or "nothing"
        raise _Invalid(key, f"expected the keys number and optionally tel but received: {received}")
    number_key, tel_key = f"{key}.number", f"{key}.tel"
    tel = _dialable(_as_text(value["tel"], tel_key, config_text), tel_key) if "tel" in value else None
    return _as_text(value["number"], number_key, config_text), tel, number_key, tel_key


def _dialable(tel: str, key: str) -> str:
    # phonenumbers reads '0161 496 0000' too, but a tel: link wants the bare digits.
    if not _TEL.match(tel):
        raise _Invalid(key, f"expected a dialable number (digits, optionally a leading +) but received: {tel!r}")
    return tel


def _as_text(value: Any, key: str, config_text: str) -> str:
    """The setting as written: YAML's numbers turned back into their text."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid(
            key,
            f"expected a number such as '0161 496 0000' or {{number: ..., tel: '+441614960000'}} "
            f"but received: {value!r}",
        )
    node = yaml_node(config_text, key)
    if not isinstance(node, yaml.ScalarNode) or node.style is not None or node.tag != _INT_TAG:
        return str(value)
    if _INT_KEEPS_TEXT.match(node.value):
        return node.value
    name = key.rsplit(".", 1)[-1]
    raise _Invalid(
        key,
        f'expected a quoted number such as {name}: "{node.value}" but received: {node.value} unquoted, '
        f"which YAML read as the number {value!r}; quote it",
    )


def _parsed(text: str, region: str, key: str) -> phonenumbers.PhoneNumber:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        example = phonenumbers.format_number(phonenumbers.example_number(region), _NATIONAL)
        raise _Invalid(key, f"expected a valid phone number for {region}, such as {example!r}, but received: {text!r}")
    return parsed


def _check_same_number(number: str, tel: str, region: str, number_key: str, tel_key: str) -> None:
    shown = phonenumbers.format_number(_parsed(number, region, number_key), _E164)
    dialled = phonenumbers.format_number(_parsed(tel, region, tel_key), _E164)
    if shown != dialled:
        raise _Invalid(
            tel_key,
            f"expected the number shown, {number!r} ({shown}), but received: {tel!r} ({dialled}); "
            f"a phone would dial another number than people read",
        )


def _check_emergency(number: str, tel: str, region: str, number_key: str, tel_key: str) -> None:
    examples = " or ".join(repr(n) for n in _EMERGENCY_EXAMPLES if shortnumberinfo.is_emergency_number(n, region))
    expected = f"an emergency number for {region}" + (f", such as {examples}," if examples else "")
    if not shortnumberinfo.is_emergency_number(number, region):
        raise _Invalid(number_key, f"expected {expected} but received: {number!r}")
    if not shortnumberinfo.is_emergency_number(tel, region) or _digits(tel) != _digits(number):
        raise _Invalid(
            tel_key,
            f"expected the emergency number shown, {number!r}, but received: {tel!r}; "
            f"a page that shows {number} must dial it",
        )


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)

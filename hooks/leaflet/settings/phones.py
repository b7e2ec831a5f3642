"""The clinic's phone numbers, read as written and checked with ``phonenumbers``.

Each of ``in_hours``, ``out_of_hours``, ``urgent_advice`` and ``emergency``
is either one number, shown and dialled as written (``"999"``), or
``{number: "0161 496 0000", tel: "+441614960000"}``: ``number`` as people
read it, ``tel`` what a phone dials. They are checked for the clinic's
region, the territory of ``extra.clinic.locale`` (en_GB: GB):

- ``in_hours`` and ``out_of_hours`` must be valid numbers, and ``number``
  and ``tel`` the same number (equal E.164 forms);
- ``urgent_advice`` (the service to call when the clinic cannot be reached,
  NHS 111 in England) a valid number or a valid short number, and not an
  emergency number: the emergency number has its own setting;
- ``emergency`` must be an emergency number of the region (999 or 112 in
  GB), ``number`` and ``tel`` the same one: a page that shows 999 must not
  dial the clinic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers
from phonenumbers import shortnumberinfo

from .invalid import Invalid, written

PHONE_KINDS = ("in_hours", "out_of_hours", "urgent_advice", "emergency")
EMERGENCY = "emergency"
URGENT_ADVICE = "urgent_advice"
PHONES = "extra.clinic.phones"
_TEL = re.compile(r"^\+?[0-9]{2,15}$")
# Shown in an error, those that are emergency numbers in the clinic's region.
_EMERGENCY_EXAMPLES = ("999", "911", "112", "000")
_NATIONAL, _E164 = phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.E164
_EXAMPLE = "a number such as '0161 496 0000' or {number: ..., tel: '+441614960000'}"


@dataclass(frozen=True)
class Phone:
    number: str  # as people read it: "0161 496 0000"
    tel: str  # what a phone dials: "+441614960000"

    @property
    def href(self) -> str:
        return f"tel:{self.tel}"


def parse_phones(phones: Any, region: str, config_text: str) -> dict[str, Phone]:
    if not isinstance(phones, Mapping):
        raise Invalid(PHONES, f"expected a mapping with {', '.join(PHONE_KINDS)} but received: {phones!r}")
    if set(phones) != set(PHONE_KINDS):
        raise Invalid(
            PHONES,
            f"expected exactly {', '.join(PHONE_KINDS)} but received: {', '.join(map(str, phones)) or 'nothing'}",
        )
    return {kind: _phone(phones[kind], kind, region, config_text) for kind in PHONE_KINDS}


def _phone(value: Any, kind: str, region: str, config_text: str) -> Phone:
    number, tel, number_key, tel_key = _phone_parts(value, f"{PHONES}.{kind}", config_text)
    # Without a tel, a phone dials the digits people read (and a leading plus).
    tel = tel if tel is not None else re.sub(r"(?!^\+)[^0-9]", "", number)
    if kind == EMERGENCY:
        _check_emergency(number, tel, region, number_key, tel_key)
    elif kind == URGENT_ADVICE:
        _check_urgent_advice(number, tel, region, number_key, tel_key)
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
        raise Invalid(key, f"expected the keys number and optionally tel but received: {received}")
    number_key, tel_key = f"{key}.number", f"{key}.tel"
    tel = _dialable(_as_text(value["tel"], tel_key, config_text), tel_key) if "tel" in value else None
    return _as_text(value["number"], number_key, config_text), tel, number_key, tel_key


def _dialable(tel: str, key: str) -> str:
    # phonenumbers reads '0161 496 0000' too, but a tel: link wants the bare digits.
    if not _TEL.match(tel):
        raise Invalid(key, f"expected a dialable number (digits, optionally a leading +) but received: {tel!r}")
    return tel


def _as_text(value: Any, key: str, config_text: str) -> str:
    """The setting as written: YAML's numbers turned back into their text."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return written(value, key, config_text, _EXAMPLE)


def _parsed(text: str, region: str, key: str) -> phonenumbers.PhoneNumber:
    parsed = _parse(text, region)
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        example = phonenumbers.format_number(phonenumbers.example_number(region), _NATIONAL)
        raise Invalid(key, f"expected a valid phone number for {region}, such as {example!r}, but received: {text!r}")
    return parsed


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def _check_same_number(number: str, tel: str, region: str, number_key: str, tel_key: str) -> None:
    shown = phonenumbers.format_number(_parsed(number, region, number_key), _E164)
    dialled = phonenumbers.format_number(_parsed(tel, region, tel_key), _E164)
    if shown != dialled:
        raise Invalid(
            tel_key,
            f"expected the number shown, {number!r} ({shown}), but received: {tel!r} ({dialled}); "
            f"a phone would dial another number than people read",
        )


def _check_urgent_advice(number: str, tel: str, region: str, number_key: str, tel_key: str) -> None:
    for text, key in ((number, number_key), (tel, tel_key)):
        if shortnumberinfo.is_emergency_number(text, region):
            raise Invalid(
                key,
                f"expected the urgent-advice service (such as '111' in GB), not an emergency number, "
                f"but received: {text!r}; the emergency number is {PHONES}.{EMERGENCY}",
            )
    parsed = _parse(number, region)
    short = parsed is not None and shortnumberinfo.is_valid_short_number_for_region(parsed, region)
    if not short and (parsed is None or not phonenumbers.is_valid_number(parsed)):
        raise Invalid(
            number_key, f"expected a valid phone number or short number for {region} but received: {number!r}"
        )
    if not short:
        _check_same_number(number, tel, region, number_key, tel_key)
    elif _digits(tel) != _digits(number):
        raise Invalid(
            tel_key, f"expected the short number shown, {number!r}, but received: {tel!r}; a page that shows "
            f"{number} must dial it",
        )


def _check_emergency(number: str, tel: str, region: str, number_key: str, tel_key: str) -> None:
    examples = " or ".join(repr(n) for n in _EMERGENCY_EXAMPLES if shortnumberinfo.is_emergency_number(n, region))
    expected = f"an emergency number for {region}" + (f", such as {examples}," if examples else "")
    if not shortnumberinfo.is_emergency_number(number, region):
        raise Invalid(number_key, f"expected {expected} but received: {number!r}")
    if not shortnumberinfo.is_emergency_number(tel, region) or _digits(tel) != _digits(number):
        raise Invalid(
            tel_key,
            f"expected the emergency number shown, {number!r}, but received: {tel!r}; "
            f"a page that shows {number} must dial it",
        )


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)

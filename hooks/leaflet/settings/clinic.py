"""Clinic settings: read and checked in one place for hooks and commands.

A clinic sets its details once, under ``extra.clinic`` in ``mkdocs.yml``;
pages refer to them through placeholders (see :mod:`leaflet.content.placeholders`).

Phones (:mod:`.phones`) are checked with ``phonenumbers`` for the clinic's
region, the territory of ``extra.clinic.locale`` (en_GB: GB). There is no
separate region key, so the dates and the numbers cannot disagree about
where the clinic is; a locale without a territory is refused.

Opening hours are ``{days: "Monday to Friday", opens: "08:00", closes:
"18:00"}``: translators translate the days; the times are formatted for
each language by Babel, so no translation carries a number to get wrong
(and the hours can show inside a safety card, where no escape applies).

The clinic's own rules are numbers, shown each language's way by Babel:
``blood_thinners: {inr_max: "3.0", inr_within_days: 3}`` (the highest INR
accepted on the day, and how many days old that test may be) and
``follow_up_weeks: 6`` (when the clinic follows up after the injection).
Values are read as written (:mod:`.invalid`): an unquoted ``3.50`` keeps
its digits, an unquoted ``010`` (octal 8 to YAML) is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import phonenumbers
from babel import Locale, UnknownLocaleError
from babel.dates import format_interval

from ..model import LeafletError
from .config import yaml_line
from .invalid import Invalid, scalar_text, written
from .phones import EMERGENCY, PHONE_KINDS, Phone, parse_phones

__all__ = ["EMERGENCY", "PHONE_KINDS", "Clinic", "Phone", "parse_clinic"]

_HH_MM = re.compile(r"^[0-2][0-9]:[0-5][0-9]$")
_BLOOD_THINNERS = "extra.clinic.blood_thinners"
#: an INR as written: a whole number, or one with one or two decimals after a point
_INR = re.compile(r"^[0-9]+(?:\.[0-9]{1,2})?$")
INR_RANGE = (Decimal("1.0"), Decimal("5.0"))
INR_DAYS = (1, 14)
FOLLOW_UP_WEEKS = (1, 52)


@dataclass(frozen=True)
class Clinic:
    name: str
    address: str
    website: str
    opening_days: str  # translatable text: "Monday to Friday"
    opens: dt.time
    closes: dt.time
    phones: Mapping[str, Phone]
    locale: Locale  # regional conventions of the pages (dates, times, numbers): en_GB for English
    inr_max: Decimal  # the highest INR accepted on the day of the injection: the clinic's rule
    inr_within_days: int  # how many days before the injection that INR test may be
    follow_up_weeks: int  # when the clinic follows up after the injection

    @property
    def opening_times(self) -> str:
        """The hours as the page's readers write them (CLDR, through Babel):
        ``08:00–18:00`` in en_GB, ``8:00 ص – 6:00 م`` in Arabic. No translator
        writes these numbers, so none can get them wrong."""
        pattern = self.locale.time_formats["short"].pattern
        skeleton = "Hm" if "H" in pattern else "hm"
        return format_interval(self.opens, self.closes, skeleton, locale=self.locale)


def parse_clinic(extra: Mapping[str, Any], config_path: str = "mkdocs.yml", config_text: str = "") -> Clinic:
    """Validate ``extra.clinic``; an error names the key and, given the text, its line.

    Without ``config_text`` (callers that built ``extra`` themselves) an int
    phone value stands for its digits.
    """
    try:
        return _clinic(extra.get("clinic"), config_text)
    except Invalid as invalid:
        raise LeafletError(
            config_path, yaml_line(config_text, invalid.key), f"{invalid.key}: {invalid}", "invalid-settings"
        ) from None


def _clinic(data: Any, config_text: str) -> Clinic:
    if not isinstance(data, Mapping):
        raise Invalid("extra.clinic", f"expected a mapping of clinic details but received: {data!r}")
    website = _text(data, "website")
    if not website.startswith(("https://", "http://")):
        raise Invalid("extra.clinic.website", f"expected an address starting with https:// but received: {website!r}")
    name, address = _text(data, "name"), _text(data, "address")
    days, opens, closes = _opening_hours(data.get("opening_hours"))
    locale = _locale(str(data.get("locale", "en_GB")))
    phones = parse_phones(data.get("phones"), locale.territory, config_text)
    inr_max, inr_within_days = _blood_thinners(data.get("blood_thinners"), config_text)
    key = "extra.clinic.follow_up_weeks"
    follow_up = _whole(data.get("follow_up_weeks"), key, config_text, FOLLOW_UP_WEEKS, "weeks")
    return Clinic(
        name=name,
        address=address,
        website=website,
        opening_days=days,
        opens=opens,
        closes=closes,
        phones=phones,
        locale=locale,
        inr_max=inr_max,
        inr_within_days=inr_within_days,
        follow_up_weeks=follow_up,
    )


def _opening_hours(value: Any) -> tuple[str, dt.time, dt.time]:
    key = "extra.clinic.opening_hours"
    if not isinstance(value, Mapping) or set(value) != {"days", "opens", "closes"}:
        raise Invalid(
            key, f'expected {{days: "Monday to Friday", opens: "08:00", closes: "18:00"}} but received: {value!r}'
        )
    days = _text(value, "days", key)
    opens, closes = _time(value["opens"], f"{key}.opens"), _time(value["closes"], f"{key}.closes")
    if closes <= opens:
        raise Invalid(f"{key}.closes", f"expected a time after {opens:%H:%M} but received: {closes:%H:%M}")
    return days, opens, closes


def _time(value: Any, key: str) -> dt.time:
    if isinstance(value, int):
        raise Invalid(key, f"YAML read the unquoted time as the number {value}; quote it, for example: \"08:00\"")
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) and _HH_MM.match(value) else _bad_time(key, value)
    except ValueError:
        return _bad_time(key, value)


def _bad_time(key: str, value: Any) -> dt.time:
    raise Invalid(key, f'expected a 24-hour time such as "08:00" but received: {value!r}')


def _text(data: Mapping[str, Any], key: str, parent: str = "extra.clinic") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"{parent}.{key}", f"expected a non-empty string but received: {value!r}")
    return value.strip()


def _locale(code: str) -> Locale:
    key = "extra.clinic.locale"
    try:
        locale = Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError) as error:
        raise Invalid(key, f"expected a locale such as 'en_GB' or 'en_US' but received: {code!r} ({error})") from None
    if locale.territory not in phonenumbers.SUPPORTED_REGIONS:
        # Phone numbers are checked for this region: a bare language names none.
        raise Invalid(
            key,
            f"expected a locale with a country, such as 'en_GB', for the clinic's phone numbers "
            f"but received: {code!r}",
        )
    return locale


# -- the clinic's own rules: numbers ----------------------------------------------


def _blood_thinners(value: Any, config_text: str) -> tuple[Decimal, int]:
    if not isinstance(value, Mapping) or set(value) != {"inr_max", "inr_within_days"}:
        raise Invalid(
            _BLOOD_THINNERS,
            f'expected the clinic\'s INR rule, {{inr_max: "3.0", inr_within_days: 3}}, but received: {value!r}',
        )
    days = _whole(value["inr_within_days"], f"{_BLOOD_THINNERS}.inr_within_days", config_text, INR_DAYS, "days")
    return _inr(value["inr_max"], config_text), days


def _inr(value: Any, config_text: str) -> Decimal:
    key = f"{_BLOOD_THINNERS}.inr_max"
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Invalid(key, f'expected an INR such as "3.0" but received: {value!r}')
    # YAML reads an unquoted 3.0 as a float: its text, as written, is what counts.
    text = value.strip() if isinstance(value, str) else scalar_text(value, key, config_text)
    if not _INR.match(text):
        raise Invalid(key, f'expected an INR such as "3.0" (a point before the decimals) but received: {text!r}')
    inr = Decimal(text)
    low, high = INR_RANGE
    if not low <= inr <= high:
        raise Invalid(key, f"expected an INR from {low} to {high} but received: {text}")
    return inr


def _whole(value: Any, key: str, config_text: str, limits: tuple[int, int], unit: str) -> int:
    """A whole number of days or weeks, quoted or not."""
    low, high = limits
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
        text = value.strip()
    else:
        text = written(value, key, config_text, f"a whole number of {unit}, such as {low + 2},")
    if not low <= int(text) <= high:
        raise Invalid(key, f"expected a whole number of {unit} from {low} to {high} but received: {text}")
    return int(text)

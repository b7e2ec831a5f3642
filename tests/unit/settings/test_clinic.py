"""leaflet.settings.clinic: the clinic's phone numbers, read as written and
checked with phonenumbers for the clinic's region."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, copy_project
from leaflet.model import LeafletError
from leaflet.settings import read_project
from leaflet.settings.clinic import Clinic, Phone, parse_clinic

SAMPLE_PHONES = """\
      in_hours: {number: "0161 496 0000", tel: "+441614960000"}
      out_of_hours: {number: "0161 496 0999", tel: "+441614960999"}
      emergency: "999"
      urgent_advice: "111"
"""
RULES = """\
    blood_thinners: {inr_max: "3.0", inr_within_days: 3}
    follow_up_weeks: 6
"""


def settings(phones: str = SAMPLE_PHONES, locale: str = "en_GB", rules: str = RULES) -> str:
    """A small mkdocs.yml; the phones block is indented to sit under ``phones:`` (line 9),
    the clinic's rules follow it."""
    return (
        "site_name: x\n"
        "extra:\n"
        "  clinic:\n"
        "    name: Test Clinic\n"
        "    address: 1 Test Street\n"
        "    website: https://clinic.example\n"
        "    opening_hours: {days: Monday to Friday, opens: '09:00', closes: '17:00'}\n"
        f"    locale: {locale}\n"
        "    phones:\n"
        f"{phones}"
        f"{rules}"
    )


def parse(text: str) -> Clinic:
    return parse_clinic(yaml.safe_load(text)["extra"], "mkdocs.yml", text)


def error(text: str) -> str:
    """``path:line: message`` of the error, whatever else the error's own text shows."""
    with pytest.raises(LeafletError) as raised:
        parse(text)
    assert raised.value.code == "invalid-settings"
    return f"{raised.value.file}:{raised.value.line}: {raised.value.message}"


def replace(old: str, new: str) -> str:
    assert old in SAMPLE_PHONES
    return settings(SAMPLE_PHONES.replace(old, new))


def test_the_sample_clinic_parses_to_its_numbers() -> None:
    clinic = parse(settings())
    assert dict(clinic.phones) == {
        "in_hours": Phone("0161 496 0000", "+441614960000"),
        "out_of_hours": Phone("0161 496 0999", "+441614960999"),
        "emergency": Phone("999", "999"),
        "urgent_advice": Phone("111", "111"),
    }
    assert str(clinic.locale) == "en_GB"


def test_the_shipped_settings_keep_their_values() -> None:
    # The built site is compared byte for byte: the shipped numbers must not change.
    clinic = read_project(ROOT).clinic
    assert dict(clinic.phones) == {
        "in_hours": Phone("0161 496 0000", "+441614960000"),
        "out_of_hours": Phone("0161 496 0999", "+441614960999"),
        "urgent_advice": Phone("111", "111"),
        "emergency": Phone("999", "999"),
    }
    assert (clinic.inr_max, clinic.inr_within_days, clinic.follow_up_weeks) == (Decimal("3.0"), 3, 6)


def test_an_unquoted_tel_keeps_its_plus() -> None:
    text = settings(
        "      in_hours: {number: 0161 496 0000, tel: +441614960000}\n"
        "      out_of_hours: {number: \"0161 496 0999\", tel: +441614960999}\n"
        "      emergency: 999\n"
        "      urgent_advice: 111\n"
    )
    assert yaml.safe_load(text)["extra"]["clinic"]["phones"]["in_hours"]["tel"] == 441614960000
    clinic = parse(text)
    assert clinic.phones["in_hours"] == Phone("0161 496 0000", "+441614960000")
    assert clinic.phones["out_of_hours"].tel == "+441614960999"
    assert clinic.phones["emergency"] == Phone("999", "999")


def test_an_unquoted_000_is_explained() -> None:
    assert error(replace('emergency: "999"', "emergency: 000")) == (
        'mkdocs.yml:12: extra.clinic.phones.emergency: expected a quoted number such as emergency: "000" '
        "but received: 000 unquoted, which YAML read as the number 0; quote it"
    )


def test_an_unquoted_octal_looking_number_is_explained() -> None:
    message = error(replace('tel: "+441614960999"', "tel: 0161"))
    assert message == (
        'mkdocs.yml:11: extra.clinic.phones.out_of_hours.tel: expected a quoted number such as tel: "0161" '
        "but received: 0161 unquoted, which YAML read as the number 113; quote it"
    )


def test_a_number_and_tel_that_differ_are_refused() -> None:
    assert error(replace('tel: "+441614960000"', 'tel: "+441614960999"')) == (
        "mkdocs.yml:10: extra.clinic.phones.in_hours.tel: expected the number shown, '0161 496 0000' (+441614960000), "
        "but received: '+441614960999' (+441614960999); a phone would dial another number than people read"
    )


def test_an_emergency_number_that_dials_the_clinic_is_refused() -> None:
    assert error(replace('emergency: "999"', 'emergency: {number: "999", tel: "+441614960000"}')) == (
        "mkdocs.yml:12: extra.clinic.phones.emergency.tel: expected the emergency number shown, '999', "
        "but received: '+441614960000'; a page that shows 999 must dial it"
    )


@pytest.mark.parametrize("emergency", ['"999"', '"112"', '{number: "999", tel: "999"}', "999"])
def test_emergency_numbers_of_the_region_are_accepted(emergency: str) -> None:
    phone = parse(replace('emergency: "999"', f"emergency: {emergency}")).phones["emergency"]
    assert phone.number == phone.tel
    assert phone.tel in {"999", "112"}


@pytest.mark.parametrize("number", ["12", "+44 1", "0161 496", "call us"])
def test_an_invalid_number_is_refused(number: str) -> None:
    assert error(replace('{number: "0161 496 0999", tel: "+441614960999"}', f'"{number}"')) == (
        "mkdocs.yml:11: extra.clinic.phones.out_of_hours: expected a valid phone number for GB, "
        f"such as '0121 234 5678', but received: {number!r}"
    )


def test_a_non_emergency_short_number_is_refused_as_emergency() -> None:
    assert error(replace('emergency: "999"', 'emergency: "111"')) == (
        "mkdocs.yml:12: extra.clinic.phones.emergency: expected an emergency number for GB, such as '999' or '112', "
        "but received: '111'"
    )


def test_a_tel_that_is_no_number_is_not_dialable() -> None:
    assert error(replace('tel: "+441614960000"', 'tel: "call us"')) == (
        "mkdocs.yml:10: extra.clinic.phones.in_hours.tel: expected a dialable number (digits, optionally a leading +) "
        "but received: 'call us'"
    )


def test_a_tel_with_spaces_is_not_dialable() -> None:
    assert error(replace('tel: "+441614960000"', 'tel: "0161 496 0000"')) == (
        "mkdocs.yml:10: extra.clinic.phones.in_hours.tel: expected a dialable number (digits, optionally a leading +) "
        "but received: '0161 496 0000'"
    )


def test_an_error_names_the_line_of_the_key() -> None:
    text = settings(
        "      in_hours:\n"
        "        number: 0161 496 0000\n"
        "        tel: '+441614960123'\n"
        "      out_of_hours: 0161 496 0999\n"
        "      emergency: '999'\n"
        "      urgent_advice: '111'\n"
    )
    assert error(text).startswith("mkdocs.yml:12: extra.clinic.phones.in_hours.tel: expected the number shown")


def test_a_locale_without_a_country_is_refused() -> None:
    assert error(settings(locale="en")) == (
        "mkdocs.yml:8: extra.clinic.locale: expected a locale with a country, such as 'en_GB', "
        "for the clinic's phone numbers but received: 'en'"
    )


def test_the_reviewer_command_stops_on_an_emergency_number_that_dials_the_clinic(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert '      emergency: "999"\n' in text
    config.write_text(
        text.replace('      emergency: "999"\n', '      emergency: {number: "999", tel: "+441614960000"}\n'),
        encoding="utf-8",
    )
    line = 1 + text.splitlines().index('      emergency: "999"')
    result = subprocess.run(
        [sys.executable, "-m", "leaflet.cli"], cwd=project, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"mkdocs.yml:{line}: " in result.stderr
    assert "extra.clinic.phones.emergency.tel: expected the emergency number shown, '999', " in result.stderr
    assert "Traceback" not in result.stderr


# -- the urgent-advice service ------------------------------------------------------


@pytest.mark.parametrize(
    ("urgent", "phone"),
    [
        ('"111"', Phone("111", "111")),
        ("111", Phone("111", "111")),
        ('{number: "111", tel: "111"}', Phone("111", "111")),
        ('{number: "0300 123 1234", tel: "+443001231234"}', Phone("0300 123 1234", "+443001231234")),
    ],
)
def test_the_urgent_advice_service_is_a_short_or_a_full_number(urgent: str, phone: Phone) -> None:
    assert parse(replace('urgent_advice: "111"', f"urgent_advice: {urgent}")).phones["urgent_advice"] == phone


@pytest.mark.parametrize("number", ["999", "112"])
def test_the_urgent_advice_service_is_not_the_emergency_number(number: str) -> None:
    assert error(replace('urgent_advice: "111"', f'urgent_advice: "{number}"')) == (
        "mkdocs.yml:13: extra.clinic.phones.urgent_advice: expected the urgent-advice service (such as '111' in GB), "
        f"not an emergency number, but received: {number!r}; the emergency number is extra.clinic.phones.emergency"
    )


def test_an_urgent_advice_tel_that_dials_the_emergency_number_is_refused() -> None:
    assert error(replace('urgent_advice: "111"', 'urgent_advice: {number: "111", tel: "999"}')) == (
        "mkdocs.yml:13: extra.clinic.phones.urgent_advice.tel: expected the urgent-advice service (such as '111' in GB), "
        "not an emergency number, but received: '999'; the emergency number is extra.clinic.phones.emergency"
    )


def test_an_urgent_advice_tel_that_dials_another_short_number_is_refused() -> None:
    assert error(replace('urgent_advice: "111"', 'urgent_advice: {number: "111", tel: "116123"}')) == (
        "mkdocs.yml:13: extra.clinic.phones.urgent_advice.tel: expected the short number shown, '111', "
        "but received: '116123'; a page that shows 111 must dial it"
    )


@pytest.mark.parametrize("number", ["12", "0161 496", "call us"])
def test_an_urgent_advice_number_that_is_none_is_refused(number: str) -> None:
    assert error(replace('urgent_advice: "111"', f'urgent_advice: "{number}"')) == (
        "mkdocs.yml:13: extra.clinic.phones.urgent_advice: expected a valid phone number or short number for GB "
        f"but received: {number!r}"
    )


def test_a_clinic_without_the_urgent_advice_service_is_told_every_kind() -> None:
    assert error(settings(SAMPLE_PHONES.replace('      urgent_advice: "111"\n', ""))) == (
        "mkdocs.yml:9: extra.clinic.phones: expected exactly in_hours, out_of_hours, urgent_advice, emergency "
        "but received: in_hours, out_of_hours, emergency"
    )


# -- the clinic's own rules: INR and follow-up -------------------------------------------


def rules(inr_max: str = '"3.0"', days: str = "3", weeks: str = "6") -> str:
    return settings(
        rules=f"    blood_thinners: {{inr_max: {inr_max}, inr_within_days: {days}}}\n    follow_up_weeks: {weeks}\n"
    )


@pytest.mark.parametrize(
    ("written", "inr"),
    [('"3.0"', "3.0"), ("3.0", "3.0"), ("3.50", "3.50"), ("3", "3"), ('"2.5"', "2.5"), ("'1.5'", "1.5")],
)
def test_the_inr_limit_is_read_as_written(written: str, inr: str) -> None:
    assert parse(rules(inr_max=written)).inr_max == Decimal(inr)
    assert str(parse(rules(inr_max=written)).inr_max) == inr


@pytest.mark.parametrize("written", ['"3,0"', '"three"', '"3.0.1"', "yes", "[3]", '"3.125"'])
def test_an_inr_limit_that_is_no_decimal_is_explained(written: str) -> None:
    message = error(rules(inr_max=written))
    assert message.startswith("mkdocs.yml:14: extra.clinic.blood_thinners.inr_max: expected an INR such as \"3.0\"")


@pytest.mark.parametrize("written", ['"0.9"', '"5.5"', "30"])
def test_an_implausible_inr_limit_is_refused(written: str) -> None:
    message = error(rules(inr_max=written))
    assert message.startswith("mkdocs.yml:14: extra.clinic.blood_thinners.inr_max: expected an INR from 1.0 to 5.0")


@pytest.mark.parametrize(("written", "days"), [("3", 3), ('"3"', 3), ("14", 14), ("'1'", 1)])
def test_the_inr_test_age_is_a_whole_number_of_days(written: str, days: int) -> None:
    assert parse(rules(days=written)).inr_within_days == days


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("0", "expected a whole number of days from 1 to 14 but received: 0"),
        ("15", "expected a whole number of days from 1 to 14 but received: 15"),
        ("3.5", "expected a whole number of days, such as 3, but received: 3.5"),
        ('"three"', "expected a whole number of days, such as 3, but received: 'three'"),
        ("true", "expected a whole number of days, such as 3, but received: True"),
        (
            "010",
            'expected a quoted number such as inr_within_days: "010" but received: 010 unquoted, '
            "which YAML read as the number 8; quote it",
        ),
    ],
)
def test_a_bad_inr_test_age_is_explained(written: str, expected: str) -> None:
    assert error(rules(days=written)) == f"mkdocs.yml:14: extra.clinic.blood_thinners.inr_within_days: {expected}"


def test_the_follow_up_is_a_whole_number_of_weeks() -> None:
    assert parse(rules(weeks="12")).follow_up_weeks == 12
    assert error(rules(weeks="0")) == (
        "mkdocs.yml:15: extra.clinic.follow_up_weeks: expected a whole number of weeks from 1 to 52 but received: 0"
    )
    assert error(rules(weeks='"six"')) == (
        "mkdocs.yml:15: extra.clinic.follow_up_weeks: expected a whole number of weeks, such as 3, "
        "but received: 'six'"
    )


def test_a_clinic_without_its_inr_rule_is_shown_the_form() -> None:
    assert error(settings(rules="    follow_up_weeks: 6\n")) == (
        "mkdocs.yml:3: extra.clinic.blood_thinners: expected the clinic's INR rule, "
        "{inr_max: \"3.0\", inr_within_days: 3}, but received: None"
    )

"""leaflet.settings.clinic: the clinic's phone numbers, read as written and
checked with phonenumbers for the clinic's region."""

from __future__ import annotations

import subprocess
import sys
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
"""


def settings(phones: str = SAMPLE_PHONES, locale: str = "en_GB") -> str:
    """A small mkdocs.yml; the phones block is indented to sit under ``phones:`` (line 9)."""
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
    }
    assert str(clinic.locale) == "en_GB"


def test_the_shipped_settings_keep_their_values() -> None:
    # The built site is compared byte for byte: the shipped numbers must not change.
    clinic = read_project(ROOT).clinic
    assert dict(clinic.phones) == {
        "in_hours": Phone("0161 496 0000", "+441614960000"),
        "out_of_hours": Phone("0161 496 0999", "+441614960999"),
        "emergency": Phone("999", "999"),
    }


def test_an_unquoted_tel_keeps_its_plus() -> None:
    text = settings(
        "      in_hours: {number: 0161 496 0000, tel: +441614960000}\n"
        "      out_of_hours: {number: \"0161 496 0999\", tel: +441614960999}\n"
        "      emergency: 999\n"
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

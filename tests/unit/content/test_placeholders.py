"""leaflet.content.placeholders: clinic details in page text through
``{{ name }}`` placeholders, so no translation can get a number wrong."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from babel import Locale

from helpers import ROOT
from leaflet.checks.rendered import pipeline
from leaflet.content.placeholders import DESCRIPTIONS, PLACEHOLDER, names_in, substitute, values
from leaflet.model import LeafletError
from leaflet.settings import read_project

CLINIC = read_project(ROOT).clinic


class TestValues:
    def test_every_placeholder_is_documented(self) -> None:
        assert set(values(CLINIC)) == set(DESCRIPTIONS)
        assert set(values(CLINIC, links=False)) == set(DESCRIPTIONS)

    def test_phones_are_tel_links(self) -> None:
        found = values(CLINIC)
        for kind, phone in CLINIC.phones.items():
            assert found[f"phone.{kind}"] == f"[{phone.number}](tel:{phone.tel})"

    def test_the_website_shows_without_its_scheme(self) -> None:
        site = CLINIC.website.removeprefix("https://").removeprefix("http://").rstrip("/")
        assert values(CLINIC)["clinic.website"] == f"[{site}]({CLINIC.website})"
        assert values(CLINIC, links=False)["clinic.website"] == site

    def test_plain_text_where_links_cannot_go(self) -> None:
        found = values(CLINIC, links=False)
        assert {found[f"phone.{kind}"] for kind in CLINIC.phones} == {p.number for p in CLINIC.phones.values()}
        assert (found["clinic.name"], found["clinic.address"]) == (CLINIC.name, CLINIC.address)


class TestNamesIn:
    def test_gives_each_name_with_its_line(self) -> None:
        text = "Call {{ phone.in_hours }}.\n\nOr {{phone.emergency}} and {{ clinic.name }}.\n"
        assert list(names_in(text)) == [(1, "phone.in_hours"), (3, "phone.emergency"), (3, "clinic.name")]

    def test_nothing_in_plain_text(self) -> None:
        assert list(names_in("No details here { not one }.")) == []


class TestSubstitute:
    def test_replaces_every_placeholder(self) -> None:
        text = "Call {{ phone.in_hours }}, or {{phone.emergency}} in an emergency.\n"
        phone, emergency = CLINIC.phones["in_hours"], CLINIC.phones["emergency"]
        assert substitute(text, CLINIC, "docs/a.md") == (
            f"Call [{phone.number}](tel:{phone.tel}), or [{emergency.number}](tel:{emergency.tel}) in an emergency.\n"
        )
        assert substitute(text, CLINIC, "docs/a.md", links=False) == (
            f"Call {phone.number}, or {emergency.number} in an emergency.\n"
        )

    def test_leaves_text_without_placeholders_alone(self) -> None:
        assert substitute("Rest for 2 days.", CLINIC, "docs/a.md") == "Rest for 2 days."

    def test_an_unknown_name_raises_with_the_file_line(self) -> None:
        text = "First line.\n\nCall {{ phone.fax }}.\n"
        with pytest.raises(LeafletError) as raised:
            substitute(text, CLINIC, "docs/get-help.md", first_line=7)
        assert (raised.value.file, raised.value.line) == ("docs/get-help.md", 9)
        assert raised.value.message == (
            "unknown placeholder {{ phone.fax }}; expected one of: " + ", ".join(sorted(DESCRIPTIONS))
        )

    def test_every_placeholder_in_the_shipped_pages_is_known(self) -> None:
        for page in sorted((ROOT / "docs").glob("*.md")):
            text = page.read_text(encoding="utf-8")
            assert not PLACEHOLDER.search(substitute(text, CLINIC, page.name)), page.name


class TestClinicRules:
    """The clinic's own numbers, written each language's way by Babel: no catalog carries them."""

    @pytest.mark.parametrize(
        ("locale", "inr", "days", "weeks"),
        [("en_GB", "3.0", "3", "6"), ("fr", "3,0", "3", "6"), ("de", "3,0", "3", "6"), ("ar", "3.0", "3", "6")],
    )
    def test_each_language_writes_them_its_way(self, locale: str, inr: str, days: str, weeks: str) -> None:
        found = values(dataclasses.replace(CLINIC, locale=Locale.parse(locale)))
        assert (found["clinic.inr_max"], found["clinic.inr_within_days"], found["clinic.follow_up_weeks"]) == (
            inr, days, weeks,
        )

    @pytest.mark.parametrize(("inr", "shown"), [("3", "3.0"), ("2.5", "2.5"), ("3.25", "3.25"), ("3.50", "3.5")])
    def test_an_inr_keeps_one_decimal_at_least(self, inr: str, shown: str) -> None:
        assert values(dataclasses.replace(CLINIC, inr_max=Decimal(inr)))["clinic.inr_max"] == shown

    def test_the_urgent_advice_service_is_a_tel_link(self) -> None:
        assert values(CLINIC)["phone.urgent_advice"] == "[111](tel:111)"
        assert values(CLINIC, links=False)["phone.urgent_advice"] == "111"

    def test_in_page_text(self) -> None:
        text = "Your INR must be {{ clinic.inr_max }} or lower, from a test in the {{ clinic.inr_within_days }} days."
        assert substitute(text, dataclasses.replace(CLINIC, locale=Locale.parse("fr")), "docs/before.md") == (
            "Your INR must be 3,0 or lower, from a test in the 3 days."
        )


class TestCareCardTitle:
    def test_a_phone_in_a_care_card_title_renders_as_a_working_link(self) -> None:
        text = substitute('!!! emergency "Call {{ phone.emergency }} now if you have:"\n\n    - chest pain\n',
                          CLINIC, "docs/get-help.md")
        html = pipeline().convert(text)
        assert (
            '<p aria-level="3" class="admonition-title" role="heading"><span class="care-card__label">Emergency:'
            '</span> Call <a href="tel:999">999</a> now if you have:</p>'
        ) in html

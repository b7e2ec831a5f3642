"""leaflet.content.placeholders: clinic details in page text through
``{{ name }}`` placeholders, so no translation can get a number wrong."""

from __future__ import annotations

import pytest

from helpers import ROOT
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

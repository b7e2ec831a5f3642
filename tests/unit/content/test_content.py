"""The core modules on their own: placeholders, sections, settings, reviews,
care cards, look-alikes, front matter."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from leaflet.content.carecards import LEVELS, CareCardExtension
from leaflet.content.frontmatter import split_front_matter
from leaflet.content.lookalikes import find_lookalikes
from leaflet.content.placeholders import names_in, substitute
from leaflet.content.review import parse_review
from leaflet.content.sections import load_manifest, missing_sections
from leaflet.content.segment import segment
from leaflet.model import Finding, LeafletError
from leaflet.settings.clinic import parse_clinic

EXTRA = {
    "clinic": {
        "name": "Test Clinic",
        "address": "1 Test Street",
        "website": "https://clinic.example",
        "opening_hours": {"days": "Monday to Friday", "opens": "09:00", "closes": "17:00"},
        "phones": {
            "in_hours": {"number": "0161 496 0000", "tel": "+441614960000"},
            "out_of_hours": "0161 496 0999",
            "urgent_advice": "111",
            "emergency": 999,
        },
        "blood_thinners": {"inr_max": "3.0", "inr_within_days": 3},
        "follow_up_weeks": 6,
    }
}


def test_finding_prints_path_line_code_message() -> None:
    assert str(Finding("docs/a.md", 3, "code-x", "a message")) == "docs/a.md:3: code-x a message"
    assert str(LeafletError("mkdocs.yml", 1, "bad", "invalid-settings")) == "mkdocs.yml:1: invalid-settings bad"


class TestSettings:
    def test_phones_get_dialable_tel_targets(self) -> None:
        clinic = parse_clinic(EXTRA)
        assert clinic.phones["in_hours"].href == "tel:+441614960000"
        assert clinic.phones["out_of_hours"].tel == "01614960999"
        assert clinic.phones["emergency"].number == "999"
        assert str(clinic.locale) == "en_GB"

    def test_missing_clinic_names_the_key(self) -> None:
        with pytest.raises(LeafletError, match=r"extra\.clinic: expected a mapping"):
            parse_clinic({})

    def test_empty_name_names_the_key(self) -> None:
        extra = {"clinic": {**EXTRA["clinic"], "name": " "}}
        with pytest.raises(LeafletError, match=r"extra\.clinic\.name: expected a non-empty string but received: ' '"):
            parse_clinic(extra)

    def test_unknown_phone_kind_is_refused(self) -> None:
        phones = {**EXTRA["clinic"]["phones"], "fax": "123"}
        with pytest.raises(LeafletError, match="expected exactly in_hours, out_of_hours, urgent_advice, emergency"):
            parse_clinic({"clinic": {**EXTRA["clinic"], "phones": phones}})

    def test_unknown_locale_is_refused(self) -> None:
        with pytest.raises(LeafletError, match=r"extra\.clinic\.locale: expected a locale"):
            parse_clinic({"clinic": {**EXTRA["clinic"], "locale": "xx_YY"}})

    def test_error_names_the_line_of_the_key(self) -> None:
        text = "site_name: x\nextra:\n  clinic:\n    name: ''\n"
        with pytest.raises(LeafletError) as error:
            parse_clinic({"clinic": {**EXTRA["clinic"], "name": ""}}, "mkdocs.yml", text)
        assert str(error.value).startswith("mkdocs.yml:4: invalid-settings extra.clinic.name: expected a non-empty string")

    def test_website_must_be_an_address(self) -> None:
        with pytest.raises(LeafletError, match="expected an address starting with https://"):
            parse_clinic({"clinic": {**EXTRA["clinic"], "website": "clinic.example"}})


class TestPlaceholders:
    clinic = parse_clinic(EXTRA)

    def test_phone_becomes_a_markdown_tel_link(self) -> None:
        assert substitute("Call {{ phone.in_hours }}.", self.clinic, "a.md") == (
            "Call [0161 496 0000](tel:+441614960000)."
        )

    def test_spacing_inside_braces_does_not_matter(self) -> None:
        assert substitute("{{clinic.name}} and {{  clinic.name  }}", self.clinic, "a.md") == (
            "Test Clinic and Test Clinic"
        )

    def test_website_becomes_a_link(self) -> None:
        assert substitute("{{ clinic.website }}", self.clinic, "a.md") == "[clinic.example](https://clinic.example)"

    def test_unknown_placeholder_names_file_and_line(self) -> None:
        with pytest.raises(LeafletError) as error:
            substitute("one\ntwo\nCall {{ phone.mobile }}", self.clinic, "docs/a.md", first_line=5)
        assert str(error.value).startswith("docs/a.md:7: unknown-placeholder unknown placeholder {{ phone.mobile }}")

    def test_names_in_reports_lines(self) -> None:
        assert list(names_in("a\n{{ x }} {{ y }}\n\n{{z}}")) == [(2, "x"), (2, "y"), (4, "z")]


class TestSections:
    def test_headings_with_ids(self) -> None:
        text = "## Risks {#risks}\n\n### Sub {: #sub .x}\n\n## No id\n"
        assert segment(text, "a.md").section_ids == {"risks", "sub"}

    def test_headings_in_code_fences_do_not_count(self) -> None:
        assert segment("```\n## Fake {#fake}\n```\n", "a.md").section_ids == set()

    def test_a_heading_inside_raw_html_is_not_a_section(self) -> None:
        page = segment("<div>\n\n## Fake {#fake}\n\n</div>\n\n## Real {#real}\n", "a.md")
        assert page.section_ids == {"real"}
        assert page.raw_headings == ((3, "fake"),)

    def test_manifest_and_missing_sections(self, tmp_path) -> None:
        manifest = tmp_path / "m.yml"
        manifest.write_text(
            "sections:\n  - page: a.md\n    id: one\n  - page: a.md\n    id: two\n    safety: true\n"
            "  - page: b.md\n    id: three\n",
            encoding="utf-8",
        )
        sections = load_manifest(manifest, "m.yml")
        assert [(s.page, s.id, s.safety, s.line) for s in sections] == [
            ("a.md", "one", False, 2),
            ("a.md", "two", True, 4),
            ("b.md", "three", False, 7),
        ]
        findings = list(missing_sections(sections, {"a.md": segment("## One {#one}\n", "a.md")}))
        assert [str(f) for f in findings] == [
            "required-sections.yml:4: section-missing docs/a.md has no heading with id 'two', a required safety section; add '{#two}' to its heading",
            "required-sections.yml:7: section-missing required page docs/b.md does not exist (section 'three')",
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("sections: 3\n", "m.yml:1: invalid-manifest expected a top-level 'sections:' list"),
            ("sections:\n  - page: a.md\n    id: x\n    safety: maybe\n", "m.yml:2: invalid-manifest safety: expected true or false"),
            ("sections:\n  - page: a.md\n    id: x\n  - page: a.md\n    id: x\n", "m.yml:4: invalid-manifest a.md#x is already listed on line 2"),
            ("sections:\n  - page: a.md\n    id: x\n    sefety: true\n", "m.yml:2: invalid-manifest unknown key 'sefety'"),
            ("sections:\n  - page: [\n", "m.yml:3: invalid-manifest not valid YAML"),
        ],
    )
    def test_bad_manifest_names_its_line(self, tmp_path, text: str, message: str) -> None:
        manifest = tmp_path / "m.yml"
        manifest.write_text(text, encoding="utf-8")
        with pytest.raises(LeafletError) as error:
            load_manifest(manifest, "m.yml")
        assert str(error.value).startswith(message)


class TestReview:
    source = "---\ntitle: T\nreview:\n  reviewed_by: Dr X\n  last_reviewed: 2026-01-01\n  next_review: 2027-01-01\n---\n"

    def meta(self):
        return split_front_matter(self.source)[0]

    def test_a_current_review_has_no_findings(self) -> None:
        review, findings = parse_review(self.meta(), self.source, "a.md", dt.date(2026, 6, 1))
        assert findings == []
        assert review is not None
        assert review.display(parse_clinic(EXTRA).locale)["next_review"] == "1 January 2027"

    def test_overdue_review_is_a_finding_on_the_next_review_line(self) -> None:
        _, findings = parse_review(self.meta(), self.source, "a.md", dt.date(2027, 1, 2))
        assert [(f.code, f.line) for f in findings] == [("review-overdue", 6)]

    def test_due_today_is_not_overdue(self) -> None:
        _, findings = parse_review(self.meta(), self.source, "a.md", dt.date(2027, 1, 1))
        assert findings == []

    def test_a_date_that_is_not_a_date(self) -> None:
        source = self.source.replace("2027-01-01", "next year")
        meta = split_front_matter(source)[0]
        review, findings = parse_review(meta, source, "a.md", dt.date(2026, 6, 1))
        assert review is None
        assert str(findings[0]) == (
            "a.md:6: review-missing review.next_review: expected a date such as 2026-11-02 but received: 'next year'"
        )

    def test_dates_in_the_wrong_order(self) -> None:
        source = self.source.replace("2027-01-01", "2025-01-01")
        _, findings = parse_review(split_front_matter(source)[0], source, "a.md", dt.date(2026, 6, 1))
        assert "review-dates" in {f.code for f in findings}


def test_front_matter_reports_where_the_body_starts() -> None:
    meta, body, line = split_front_matter("---\ntitle: T\n---\n\n\n## Body\n")
    assert meta == {"title": "T"}
    assert body == "## Body\n"
    assert line == 6
    assert split_front_matter("## Only body\n") == ({}, "## Only body\n", 1)


def test_lookalikes_are_found_with_their_lines() -> None:
    findings = list(find_lookalikes("fine.\nbad\u201a here\u2024\n", "a.md"))
    assert [(f.line, f.code) for f in findings] == [(2, "lookalike-punctuation"), (2, "lookalike-punctuation")]
    assert "U+201A SINGLE LOW-9 QUOTATION MARK looks like ','" in str(findings[0])
    assert list(find_lookalikes("plain, ASCII: text. 38 °C", "a.md")) == []


@pytest.mark.parametrize("level", list(LEVELS))
def test_care_card_gets_its_label_first(level: str) -> None:
    html = markdown.markdown(
        f'!!! {level} "Get help if:"\n\n    - a sign\n',
        extensions=["admonition", CareCardExtension()],
    )
    assert f'<div class="admonition {level} care-card">' in html
    assert (
        f'<p aria-level="3" class="admonition-title" role="heading"><span class="care-card__label">{LEVELS[level]}</span> Get help if:</p>'
        in html
    )


def test_other_admonitions_are_not_care_cards() -> None:
    html = markdown.markdown('!!! note "A note"\n\n    Text.\n', extensions=["admonition", CareCardExtension()])
    assert "care-card" not in html

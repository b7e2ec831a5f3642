"""leaflet.content.review: each page's clinical review record, and the
findings that fail a strict build when it is missing, wrong or overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale

from leaflet.content.frontmatter import split_front_matter
from leaflet.content.review import Review, parse_review
from leaflet.model import Finding

PAGE = """\
---
title: Risks
review:
  reviewed_by: Dr Sam Example
  last_reviewed: 2026-11-02
  next_review: 2027-11-02
---

Text.
"""
TODAY = dt.date(2027, 1, 15)


def parse(source: str = PAGE, today: dt.date = TODAY) -> tuple[Review | None, list[Finding]]:
    meta = split_front_matter(source)[0]
    return parse_review(meta, source, "docs/risks.md", today)


class TestValid:
    def test_a_complete_record_has_no_findings(self) -> None:
        assert parse() == (Review("Dr Sam Example", dt.date(2026, 11, 2), dt.date(2027, 11, 2)), [])

    def test_the_name_is_trimmed(self) -> None:
        review, _ = parse(PAGE.replace("Dr Sam Example", "'  Dr Sam Example  '"))
        assert review is not None
        assert review.reviewed_by == "Dr Sam Example"

    def test_dates_show_the_reader_s_way(self) -> None:
        review, _ = parse()
        assert review is not None
        shown = review.display(Locale.parse("fr"))
        assert shown == {
            "reviewed_by": "Dr Sam Example",
            "last_reviewed": "2 novembre 2026",
            "next_review": "2 novembre 2027",
            "last_reviewed_iso": "2026-11-02",
            "next_review_iso": "2027-11-02",
        }
        assert review.display(Locale.parse("en_GB"))["last_reviewed"] == "2 November 2026"

    def test_due_on_the_review_date_is_not_yet_overdue(self) -> None:
        review, findings = parse(today=dt.date(2027, 11, 2))
        assert findings == []
        assert review is not None
        assert not review.is_overdue(dt.date(2027, 11, 2))
        assert review.is_overdue(dt.date(2027, 11, 3))


class TestFindings:
    def test_no_record(self) -> None:
        source = "---\ntitle: Risks\n---\n\nText.\n"
        assert parse(source) == (None, [Finding(
            "docs/risks.md", 1, "review-missing",
            "front matter has no 'review:' with reviewed_by, last_reviewed, next_review",
        )])

    def test_a_record_that_is_not_a_mapping(self) -> None:
        review, findings = parse("---\nreview: yes\n---\n")
        assert review is None
        assert [f.code for f in findings] == ["review-missing"]

    def test_each_bad_key_is_named_on_its_line(self) -> None:
        source = PAGE.replace("Dr Sam Example", "' '").replace("2026-11-02", "soon")
        review, findings = parse(source)
        assert review is None
        assert [str(f) for f in findings] == [
            "docs/risks.md:4: review-missing review.reviewed_by: expected a name but received: ' '",
            "docs/risks.md:5: review-missing review.last_reviewed: expected a date such as 2026-11-02 "
            "but received: 'soon'",
        ]

    def test_a_missing_key_points_at_the_front_matter_start(self) -> None:
        source = PAGE.replace("  next_review: 2027-11-02\n", "")
        assert [str(f) for f in parse(source)[1]] == [
            "docs/risks.md:1: review-missing review.next_review: expected a date such as 2026-11-02 "
            "but received: None",
        ]

    def test_next_review_must_follow_the_last(self) -> None:
        review, findings = parse(PAGE.replace("2027-11-02", "2026-11-02"), today=dt.date(2026, 11, 2))
        assert review is not None
        assert [str(f) for f in findings] == [
            "docs/risks.md:6: review-dates next review 2026-11-02 is not after the last review 2026-11-02",
        ]

    def test_a_review_in_the_future(self) -> None:
        findings = parse(today=dt.date(2026, 1, 1))[1]
        assert [str(f) for f in findings] == [
            "docs/risks.md:5: review-dates last review 2026-11-02 is in the future (today is 2026-01-01)",
        ]

    @pytest.mark.parametrize("today", [dt.date(2027, 11, 3), dt.date(2030, 1, 1)])
    def test_an_overdue_review(self, today: dt.date) -> None:
        review, findings = parse(today=today)
        assert review is not None
        assert [str(f) for f in findings] == [
            "docs/risks.md:6: review-overdue clinical review was due on 2027-11-02; have a clinician review "
            "the page, then update review.last_reviewed and review.next_review",
        ]

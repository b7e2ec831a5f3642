"""Clinical review dates recorded in each page's front matter.

    review:
      reviewed_by: Dr Sam Example, Consultant Radiologist
      last_reviewed: 2026-11-02
      next_review: 2027-11-02
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.dates import format_date

from ..model import Finding
from .frontmatter import front_matter_line

KEYS = ("reviewed_by", "last_reviewed", "next_review")


@dataclass(frozen=True)
class Review:
    reviewed_by: str
    last_reviewed: dt.date
    next_review: dt.date

    def is_overdue(self, today: dt.date) -> bool:
        return self.next_review < today

    def display(self, locale: Locale) -> dict[str, str]:
        """The dates as the page's readers write them."""
        return {
            "reviewed_by": self.reviewed_by,
            "last_reviewed": format_date(self.last_reviewed, "long", locale=locale),
            "next_review": format_date(self.next_review, "long", locale=locale),
            "last_reviewed_iso": self.last_reviewed.isoformat(),
            "next_review_iso": self.next_review.isoformat(),
        }


def parse_review(
    meta: Mapping[str, Any], source: str, path: str, today: dt.date
) -> tuple[Review | None, list[Finding]]:
    """The page's review record and what is wrong with it.

    Problems are findings (build warnings), so a strict build fails on a
    page with no review record or one past its next review date.
    """
    data = meta.get("review")
    if not isinstance(data, Mapping):
        return None, [
            Finding(path, 1, "review-missing", "front matter has no 'review:' with " + ", ".join(KEYS))
        ]
    findings: list[Finding] = []
    for key in KEYS:
        value = data.get(key)
        expected_type = str if key == "reviewed_by" else dt.date
        if not isinstance(value, expected_type) or (isinstance(value, str) and not value.strip()):
            expected = "a name" if key == "reviewed_by" else "a date such as 2026-11-02"
            findings.append(
                Finding(
                    path,
                    front_matter_line(source, key),
                    "review-missing",
                    f"review.{key}: expected {expected} but received: {value!r}",
                )
            )
    if findings:
        return None, findings
    review = Review(data["reviewed_by"].strip(), data["last_reviewed"], data["next_review"])
    if review.next_review <= review.last_reviewed:
        findings.append(
            Finding(
                path,
                front_matter_line(source, "next_review"),
                "review-dates",
                f"next review {review.next_review} is not after the last review {review.last_reviewed}",
            )
        )
    if review.last_reviewed > today:
        findings.append(
            Finding(
                path,
                front_matter_line(source, "last_reviewed"),
                "review-dates",
                f"last review {review.last_reviewed} is in the future (today is {today})",
            )
        )
    if review.is_overdue(today):
        findings.append(
            Finding(
                path,
                front_matter_line(source, "next_review"),
                "review-overdue",
                f"clinical review was due on {review.next_review}; have a clinician "
                "review the page, then update review.last_reviewed and review.next_review",
            )
        )
    return review, findings

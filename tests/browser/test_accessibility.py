"""axe-core at WCAG 2.2 AA on every page of every published language, on a
phone and on a desktop screen."""

from __future__ import annotations

import pytest

from helpers import LANGUAGES, SOURCE

PAGES = ["", "before/", "on-the-day/", "after/", "risks/", "get-help/", "questions/"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violation(open_page, axe, language: str, width: int) -> None:
    failures = []
    for path in PAGES:
        url = path if language == SOURCE else f"{language}/{path}"
        page, visit = open_page(url, width=width)
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        assert result.response["passes"], "axe ran no rule"
        for violation in result.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            failures.append(f"/{url}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        visit.assert_clean()
    assert failures == [], "\n".join(failures)

"""The browser is under the site's own policy: the test host sends the headers of
``site/_headers``, and a violation would be a console error (see conftest)."""

from __future__ import annotations

from pathlib import Path


def test_pages_arrive_with_the_site_s_security_headers(open_page, site: Path) -> None:
    page, visit = open_page("fr/risks/")
    response = page.goto(page.url)
    assert response is not None
    headers = response.headers
    written = (site / "_headers").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {headers['content-security-policy']}" in written
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    visit.assert_clean()


def test_an_inline_script_the_policy_does_not_hash_is_blocked_and_reported(open_page) -> None:
    """The policy is live: a script added to the page is refused, and the refusal is caught."""
    page, visit = open_page("risks/")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    page.wait_for_timeout(100)
    assert page.evaluate("() => window.__ran === undefined")
    assert any("Content-Security-Policy violation: script-src" in message for message in visit.console), visit.console

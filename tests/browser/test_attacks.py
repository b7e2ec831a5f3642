"""Attribute-list attacks in a real Chromium: a French msgstr that carries
``{: onfocus=... autofocus contenteditable}`` or ``{: href=...}``, built without
``--strict`` (as if someone shipped it anyway), never runs or redirects anything.

Each attack gets its own site, served the way conftest.py serves the real one;
this module's ``base_url`` stands in for conftest's, so ``open_page`` opens it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import copy_project, edit_translation, run_build

EVIL = "https://evil.example"
SCRIPT_ATTRIBUTES = "[onfocus], [autofocus], [contenteditable]"
#: name -> (part of the msgid, how the msgstr is changed, the page it shows on)
ATTACKS: dict[str, tuple[str, Callable[[str], str], str]] = {
    "onfocus-on-an-emergency-bullet": (
        "trouble breathing",
        lambda s: s + ' {: onfocus="window.__pwned=1" autofocus contenteditable}',
        "get-help/",
    ),
    # attr_list sets attributes on an inline element it follows (on a list item's
    # line it stays text): the emergency number's link would run the script on load.
    "onfocus-on-the-emergency-phone-link": (
        "Call {{ phone.emergency }} now if you have:",
        lambda s: s.replace(
            "{{ phone.emergency }}", '{{ phone.emergency }}{: onfocus="window.__pwned=1" autofocus contenteditable}'
        ),
        "get-help/",
    ),
    "href-on-a-phone-link": (
        "Call {{ phone.in_hours }}. We are open",
        lambda s: s.replace("{{ phone.in_hours }}", f'{{{{ phone.in_hours }}}}{{: href="{EVIL}"}}'),
        "get-help/",
    ),
    "href-on-a-link": (
        "See [When to get help](get-help.md)",
        lambda s: s.replace("(get-help.md)", f'(get-help.md){{: href="{EVIL}"}}'),
        "risks/",
    ),
}


@pytest.fixture(scope="module", params=sorted(ATTACKS))
def attacked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """(the attacked page, the site built with the attack in the French catalog)."""
    msgid_part, change, path = ATTACKS[request.param]
    project = copy_project(tmp_path_factory.mktemp(request.param))
    edit_translation(project, msgid_part, change, must_change=True)
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    return path, build.site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(attacked: tuple[str, Path]) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(attacked[1]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def content_links(page) -> list[str]:
    """Every link target in the page's content, as written, in order (not the link to the
    language's own PDF, which the theme adds)."""
    return page.eval_on_selector_all(
        "article a[href]", "links => links.filter(a => !a.closest('.leaflet-pdf')).map(a => a.getAttribute('href'))",
    )


def test_an_attribute_list_attack_never_reaches_the_browser(open_page, attacked: tuple[str, Path]) -> None:
    path, _ = attacked
    english, _ = open_page(path, width=1280)
    expected = content_links(english)
    assert expected, "the English page has links to compare with"
    page, visit = open_page(f"fr/{path}", width=1280)
    # Autofocus fires on load; tabbing through the page focuses every focusable element too.
    for _ in range(60):
        page.keyboard.press("Tab")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.eval_on_selector_all(SCRIPT_ATTRIBUTES, "found => found.map(e => e.outerHTML)") == []
    assert page.evaluate("document.activeElement.isContentEditable") is False
    assert content_links(page) == expected
    resolved = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert not [href for href in resolved if "evil.example" in href]
    assert "evil.example" not in page.content()
    assert page.locator(".leaflet-untranslated [lang='en']").count() >= 1  # the patient reads the English
    visit.assert_clean()

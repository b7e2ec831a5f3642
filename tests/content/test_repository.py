"""What the repository's own files promise: examples that work, files git keeps out."""

from __future__ import annotations

import re
import subprocess

import pytest
from babel import Locale

from helpers import ROOT

EXAMPLE = re.compile(r"^make language LOCALE=(\S+)", re.MULTILINE)


@pytest.mark.parametrize("document", ["README.md", "TRANSLATING.md"])
def test_the_new_language_example_names_a_language_not_started_yet(document: str) -> None:
    codes = EXAMPLE.findall((ROOT / document).read_text(encoding="utf-8"))
    assert codes, f"{document} shows no make language example"
    for code in codes:
        assert Locale.parse(code).language == code  # a code Babel knows, as make language requires
        assert not (ROOT / "locales" / code).exists(), f"{document}: {code} has a catalog already"


@pytest.mark.parametrize(
    ("path", "ignored"),
    [
        ("locales/fr/LC_MESSAGES/messages.mo", True),  # Poedit writes it beside the catalog
        ("reports/locale-coverage.html", True),  # .ci/run writes the reports there
        ("locales/fr/LC_MESSAGES/messages.po", False),
    ],
)
def test_git_ignores_what_tools_write(path: str, ignored: bool) -> None:
    result = subprocess.run(
        ["git", "-C", str(ROOT), "check-ignore", "--no-index", "--quiet", path], capture_output=True, timeout=60
    )
    assert result.returncode == (0 if ignored else 1), result.stderr

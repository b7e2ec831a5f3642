"""leaflet.checks.signoff: each language's sign-off in locales/<lang>/review.yml,
and whether the English of each required section changed since."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from leaflet.checks import signoff
from leaflet.checks.signoff import KEYS, changed_since, read_sign_off, review_path
from leaflet.checks.source import Source, read_source
from leaflet.i18n.catalogs import REVIEW_TEMPLATE
from leaflet.model import LeafletError, SignOff

PAGE = """\
## Diet {#diet}

Eat well.

## Warning {#warning}

Rest for 2 days.
"""
MANIFEST = "sections:\n  - page: a.md\n    id: diet\n  - page: a.md\n    id: warning\n    safety: true\n"
REVIEW = "locales/fr/review.yml"


def write_review(root: Path, text: str) -> None:
    path = review_path(root, "fr")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def error(root: Path) -> LeafletError:
    with pytest.raises(LeafletError) as raised:
        read_sign_off(root, "fr")
    assert raised.value.code == "invalid-sign-off"
    return raised.value


class TestRead:
    def test_no_file_means_nobody_signed(self, tmp_path: Path) -> None:
        assert read_sign_off(tmp_path, "fr") == SignOff()

    def test_an_empty_file_means_nobody_signed(self, tmp_path: Path) -> None:
        write_review(tmp_path, "# nothing yet\n")
        assert read_sign_off(tmp_path, "fr") == SignOff()

    def test_every_key(self, tmp_path: Path) -> None:
        write_review(
            tmp_path,
            "translator: ' A. Translator '\nlanguage_reviewer: B. Reviewer\nclinical_reviewer: Dr C\n"
            "reviewed_on: 2026-11-02\nsource_version: 1234abc\n",
        )
        sign_off = read_sign_off(tmp_path, "fr")
        assert sign_off == SignOff("A. Translator", "B. Reviewer", "Dr C", dt.date(2026, 11, 2), "1234abc")
        assert sign_off.clinically_reviewed

    def test_blank_names_and_numbers_as_text(self, tmp_path: Path) -> None:
        write_review(tmp_path, "translator: '  '\nlanguage_reviewer: null\nsource_version: 1234\n")
        assert read_sign_off(tmp_path, "fr") == SignOff(source_version="1234")

    def test_the_template_a_new_language_gets_reads_as_unsigned(self, tmp_path: Path) -> None:
        write_review(tmp_path, REVIEW_TEMPLATE)
        assert read_sign_off(tmp_path, "fr") == SignOff()


class TestErrors:
    def test_broken_yaml_names_its_line(self, tmp_path: Path) -> None:
        write_review(tmp_path, "translator: A\nreviewed_on: [2026\n")
        found = error(tmp_path)
        assert (found.file, found.line) == (REVIEW, 3)
        assert found.message.startswith("not valid YAML: ")

    def test_not_a_mapping(self, tmp_path: Path) -> None:
        write_review(tmp_path, "- A. Translator\n")
        assert str(error(tmp_path)) == f"{REVIEW}:1: invalid-sign-off expected keys " + ", ".join(KEYS)

    def test_an_unknown_key(self, tmp_path: Path) -> None:
        write_review(tmp_path, "translator: A\nreviewer: B\n")
        assert error(tmp_path).message == "unknown key 'reviewer'; expected only: " + ", ".join(KEYS)

    def test_a_date_that_is_not_a_date(self, tmp_path: Path) -> None:
        write_review(tmp_path, "reviewed_on: last week\n")
        assert error(tmp_path).message == (
            "reviewed_on: expected a date such as 2026-11-02 but received: 'last week'"
        )


def source_at(root: Path, page: str = PAGE) -> Source:
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "a.md").write_text(page, encoding="utf-8")
    (root / "required-sections.yml").write_text(MANIFEST, encoding="utf-8")
    return read_source(root, frozenset(), frozenset())


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run([*command, *args], cwd=root, check=True, capture_output=True, text=True).stdout.strip()


def sign(root: Path, path: str) -> str:
    """Commit ``path`` in a new repository, as the English a reviewer signed off; return the revision."""
    git(root, "init", "-q")
    git(root, "add", path)
    git(root, "commit", "-q", "-m", "signed")
    return git(root, "rev-parse", "HEAD")


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


class TestChangedSince:
    def test_no_source_version(self, tmp_path: Path) -> None:
        assert changed_since(SignOff(), source_at(tmp_path)) == ({}, "no source version recorded")

    @needs_git
    def test_a_version_git_does_not_know(self, tmp_path: Path) -> None:
        git(tmp_path, "init", "-q")
        assert changed_since(SignOff(source_version="nope"), source_at(tmp_path)) == (
            {}, "source version 'nope' not found in git",
        )

    def test_without_git(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        source = source_at(tmp_path)
        monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
        assert changed_since(SignOff(source_version="abc"), source) == ({}, "source version 'abc' not found in git")

    @needs_git
    def test_each_section_against_the_signed_version(self, tmp_path: Path) -> None:
        source_at(tmp_path)
        revision = sign(tmp_path, "docs/a.md")
        changed = source_at(tmp_path, PAGE.replace("Rest for 2 days.", "Rest for 3 days."))
        assert changed_since(SignOff(source_version=revision), changed) == (
            {("a.md", "diet"): False, ("a.md", "warning"): True}, None,
        )

    @needs_git
    def test_rewrapping_is_not_a_change(self, tmp_path: Path) -> None:
        source_at(tmp_path)
        sign(tmp_path, "docs/a.md")
        rewrapped = source_at(tmp_path, PAGE.replace("Rest for 2 days.", "Rest for\n2 days."))
        assert changed_since(SignOff(source_version="HEAD"), rewrapped)[0] == {
            ("a.md", "diet"): False, ("a.md", "warning"): False,
        }

    @needs_git
    def test_a_snippet_the_section_includes_counts_as_its_english(self, tmp_path: Path) -> None:
        snippet = tmp_path / "docs" / "_snippets" / "card.md"
        snippet.parent.mkdir(parents=True)
        snippet.write_text("- your hip is hot\n", encoding="utf-8")
        including = PAGE + '\n--8<-- "_snippets/card.md"\n'
        source_at(tmp_path, including)
        sign(tmp_path, "docs")
        snippet.write_text("- your hip is hot and red\n", encoding="utf-8")
        assert changed_since(SignOff(source_version="HEAD"), source_at(tmp_path, including))[0] == {
            ("a.md", "diet"): False, ("a.md", "warning"): True,
        }

    @needs_git
    def test_a_snippet_the_signed_version_lacked_is_a_change(self, tmp_path: Path) -> None:
        snippet = tmp_path / "docs" / "_snippets" / "card.md"
        snippet.parent.mkdir(parents=True)
        snippet.write_text("- your hip is hot\n", encoding="utf-8")
        including = PAGE + '\n--8<-- "_snippets/card.md"\n'
        source = source_at(tmp_path, including)
        sign(tmp_path, "docs/a.md")
        assert changed_since(SignOff(source_version="HEAD"), source)[0] == {
            ("a.md", "diet"): False, ("a.md", "warning"): True,
        }


@needs_git
def test_each_file_of_the_signed_version_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = source_at(tmp_path)
    revision = sign(tmp_path, "docs/a.md")
    shown: list[str] = []
    real = signoff._git_show

    def counted(root: Path, version: str, path: str) -> str | None:
        shown.append(path)
        return real(root, version, path)

    monkeypatch.setattr(signoff, "_git_show", counted)
    changed, _ = changed_since(SignOff(source_version=revision), source)
    assert len(changed) == 2  # two sections of one page
    assert shown == ["docs/a.md"]

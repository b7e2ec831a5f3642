"""leaflet.i18n.catalogs in process: refresh checks every catalog before it
writes any file, and the command prints ``error: path:line: code message``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leaflet.content.segment import segment
from leaflet.i18n import catalogs
from leaflet.i18n.po import read_catalog
from leaflet.model import Kind, LeafletError

FR = "locales/fr/LC_MESSAGES/messages.po"
DE = "locales/de/LC_MESSAGES/messages.po"


def snapshot(project: Path) -> dict[str, bytes | None]:
    """Every file and folder under locales/, with the files' bytes."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted((project / "locales").rglob("*"))
    }


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def change_the_english(project: Path) -> None:
    """A change every catalog and the template would record, if anything were written."""
    page = project / "docs/after.md"
    text = page.read_text(encoding="utf-8")
    assert "about 2 days" in text
    page.write_text(text.replace("about 2 days", "about 3 days"), encoding="utf-8")


def duplicate_overview(project: Path) -> tuple[int, int]:
    """Add a second French 'Overview'; return the lines of the first and second."""
    path = project / FR
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "Overview"\nmsgstr "Vue d\'ensemble"\n', encoding="utf-8")
    return line_of(path, 'msgid "Overview"'), len(path.read_text(encoding="utf-8").split("\n")) - 2


def declare(project: Path, name: str, charset: str) -> int:
    path = project / name
    path.write_text(path.read_text(encoding="utf-8").replace("charset=UTF-8", f"charset={charset}", 1), encoding="utf-8")
    return line_of(path, '"Content-Type:')


def run(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str):
    monkeypatch.chdir(project)
    code = catalogs.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_refresh_refuses_a_duplicate_msgid_and_writes_nothing(project: Path) -> None:
    change_the_english(project)
    first, second = duplicate_overview(project)
    before = snapshot(project)
    with pytest.raises(LeafletError) as raised:
        catalogs.refresh(project)
    assert (raised.value.file, raised.value.line, raised.value.code) == (FR, second, "duplicate-msgid")
    assert str(raised.value).endswith(f"first entry on line {first}")
    assert snapshot(project) == before  # not even the template, and the second translation is still there


@pytest.mark.parametrize("charset", ["ASCII", "windows-1252"])
def test_refresh_refuses_a_charset_other_than_utf8_and_writes_nothing(project: Path, charset: str) -> None:
    change_the_english(project)
    line = declare(project, "locales/ar/LC_MESSAGES/messages.po", charset)
    before = snapshot(project)
    with pytest.raises(LeafletError) as raised:
        catalogs.refresh(project)
    assert str(raised.value) == (
        f"locales/ar/LC_MESSAGES/messages.po:{line}: catalog-charset the catalog declares charset={charset}; "
        'it must be UTF-8: set "Content-Type: text/plain; charset=UTF-8\\n"'
    )
    assert snapshot(project) == before


def test_a_catalog_saved_in_another_encoding_is_refused_and_nothing_is_written(project: Path) -> None:
    path = project / FR
    path.write_bytes(path.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=latin-1").encode("latin-1", errors="replace"))
    before = snapshot(project)
    with pytest.raises(LeafletError) as raised:
        catalogs.refresh(project)
    assert (raised.value.file, raised.value.code) == (FR, "catalog-encoding")
    assert snapshot(project) == before


def test_the_command_prints_path_line_code_and_message(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = duplicate_overview(project)
    code, out, err = run(project, monkeypatch, capsys, "refresh")
    assert (code, out) == (2, "")
    assert err == (
        f"error: {FR}:{second}: duplicate-msgid msgid 'Overview' is in the catalog twice: keep one entry with the "
        f"right translation and delete the other; first entry on line {first}\n"
    )


def test_every_broken_catalog_is_reported_at_once(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, second = duplicate_overview(project)
    line = declare(project, DE, "ASCII")
    before = snapshot(project)
    with pytest.raises(catalogs.BrokenCatalogs) as raised:
        catalogs.refresh(project)
    assert [(error.file, error.line, error.code) for error in raised.value.errors] == [
        (DE, line, "catalog-charset"), (FR, second, "duplicate-msgid"),
    ]
    code, out, err = run(project, monkeypatch, capsys, "refresh")
    assert (code, out) == (2, "")
    assert [row.split(" ", 2)[:2] for row in err.splitlines()] == [
        ["error:", f"{DE}:{line}:"], ["error:", f"{FR}:{second}:"],
    ]
    assert snapshot(project) == before


def test_a_clean_tree_is_left_as_it_is(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project)
    assert run(project, monkeypatch, capsys, "refresh") == (0, "catalogs already up to date\n", "")
    assert snapshot(project) == before


def test_a_previous_msgid_stays_on_its_entry_when_others_move(project: Path) -> None:
    old = "Most people get better without any problems."
    page = project / "docs/get-help.md"
    page.write_text(page.read_text(encoding="utf-8").replace(old, "Nearly everyone gets better without any problems."),
                    encoding="utf-8")
    catalogs.refresh(project)
    # a message earlier in the catalog goes (to the obsolete entries at the end): the entry moves up
    before = project / "docs/before.md"
    text = before.read_text(encoding="utf-8")
    paragraphs = [u.text for u in segment(text, "before.md").units if u.kind is Kind.PARAGRAPH]
    removed = min((p for p in paragraphs if text.count(p) == 1 and f"\n{p}\n\n" in text), key=len)
    before.write_text(text.replace(removed + "\n\n", ""), encoding="utf-8")
    catalogs.refresh(project)
    text = (project / FR).read_text(encoding="utf-8")
    entry = next(block for block in text.split("\n\n") if '"Nearly everyone gets better' in block)
    assert '#, fuzzy\n#| msgid ""\n#| "Most people get better without any problems. ' in entry
    assert entry.count("#| msgid") == text.count("#| msgid") == 1
    assert removed in read_catalog(project / FR, FR, "fr").obsolete
    assert catalogs.refresh(project) == []


@pytest.mark.parametrize("code", ["../x", "xx", "fr/../de", "", "english"])
def test_init_refuses_a_bad_locale_code_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: str
) -> None:
    before = snapshot(project)
    status, out, err = run(project, monkeypatch, capsys, "init", code)
    assert (status, out) == (2, "")
    assert err.startswith("error: locales:1: invalid-locale language: ")
    assert f"{code!r}" in err
    assert snapshot(project) == before


def test_init_never_replaces_a_catalog(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project)
    status, _, err = run(project, monkeypatch, capsys, "init", "fr")
    assert status == 2
    assert err == f"error: {FR}:1: catalog-exists 'fr' already has a catalog; refresh it instead of starting again\n"
    assert snapshot(project) == before


def test_outside_the_project_folder_the_command_says_where_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, monkeypatch, capsys, "refresh") == (
        2, "", "error: babel.cfg:1: no-mapping cannot read the extraction settings: No such file or directory; "
        "run this in the project's folder\n",
    )


def test_a_python_file_that_does_not_parse_is_named(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a message call that never ends (a file with no call is not tokenized: it holds no message)
    (project / "hooks/leaflet/broken.py").write_text('x = _("Call us",\n', encoding="utf-8")
    before = snapshot(project)
    status, _, err = run(project, monkeypatch, capsys, "refresh")
    assert status == 2
    assert err.startswith("error: hooks/leaflet/broken.py:2: extract-failed cannot extract messages: ")
    assert snapshot(project) == before


@pytest.mark.parametrize("code", ["pt-BR", "pt_BR"])
def test_a_regional_catalog_is_named_as_gettext_names_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: str
) -> None:
    status, out, err = run(project, monkeypatch, capsys, "init", code)
    assert (status, err) == (0, "")
    assert out == (
        "created locales/pt_BR/LC_MESSAGES/messages.po\n"
        'to publish it, list it in mkdocs.yml: - locale: "pt-BR"\n'
    )
    assert catalogs.discover(project)["pt-BR"] == project / "locales/pt_BR/LC_MESSAGES/messages.po"
    assert '"Language: pt_BR\\n"' in (project / "locales/pt_BR/LC_MESSAGES/messages.po").read_text(encoding="utf-8")


def test_a_catalog_folder_in_the_tag_s_form_is_named_in_gettext_s(project: Path) -> None:
    shutil.copytree(project / "locales/fr", project / "locales/fr-CA")
    with pytest.raises(LeafletError) as raised:
        catalogs.discover(project)
    assert str(raised.value) == (
        "locales/fr-CA:1: invalid-locale locale folder: name it 'fr_CA', gettext's form of 'fr-CA' "
        "(as Poedit and Weblate name it)"
    )


@pytest.mark.parametrize("command", [["refresh"], ["init", "it"]], ids=["refresh", "init"])
def test_without_msgcat_the_command_names_the_package_exits_2_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    change_the_english(project)
    before = snapshot(project)
    monkeypatch.setenv("PATH", str(project / "docs"))  # a folder without msgcat
    code, out, err = run(project, monkeypatch, capsys, *command)
    assert (code, out) == (2, "")
    assert err.startswith("error: locales/")
    assert ":1: gettext-missing GNU gettext's msgcat is not installed" in err
    assert "install Debian's gettext package (apt-get install gettext;" in err
    assert snapshot(project) == before

"""Catalogs: extraction, refresh, adding a language, reading broken files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from helpers import ROOT, TRANSLATED
from leaflet.i18n import catalogs
from leaflet.model import LeafletError


def snapshot(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in sorted((project / "locales").rglob("*.po*"))}


def fr(project: Path) -> Path:
    return catalogs.po_path(project, "fr")


def message(path: Path, msgid: str):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return catalog.get(msgid) or catalog.obsolete.get(msgid)


def test_the_committed_catalogs_are_up_to_date(project: Path) -> None:
    before = snapshot(project)
    assert catalogs.refresh(project) == []
    assert snapshot(project) == before


def test_refreshing_twice_changes_nothing_the_second_time(project: Path) -> None:
    page = project / "docs/after.md"
    page.write_text(page.read_text(encoding="utf-8").replace("about 2 days", "about 3 days"), encoding="utf-8")
    assert catalogs.refresh(project)  # the first refresh records the change
    after_first = snapshot(project)
    assert catalogs.refresh(project) == []
    assert snapshot(project) == after_first


def test_pybabel_extract_uses_the_projects_extractors(project: Path) -> None:
    output = project / "out.pot"
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-o", str(output), "."],
        cwd=project, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    with output.open("rb") as handle:
        template = read_po(handle)
    ids = {m.id for m in template if m.id}
    assert {"Possible complications", "Contact us", "Overview"} <= ids
    assert not any(i.startswith(("#", "- ", "!!!")) or "{#" in i for i in ids)


def test_messages_carry_page_section_and_location() -> None:
    with (ROOT / catalogs.TEMPLATE).open("rb") as handle:
        template = read_po(handle)
    heading = template.get("Possible complications")
    assert heading.auto_comments == ["risks.md#complications: heading"]
    risks = (ROOT / "docs/risks.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(risks, 1) if text.startswith("## Possible complications"))
    assert heading.locations == [("docs/risks.md", line)]
    card = template.get("Call {{ phone.emergency }} now if you have:")
    assert card.auto_comments == ["get-help.md#get-help: emergency care-card title"]
    nav = template.get("Overview")
    assert nav.auto_comments == ["navigation title (index.md)"]


def test_prose_never_carries_format_flags() -> None:
    with (ROOT / catalogs.TEMPLATE).open("rb") as handle:
        template = read_po(handle)
    for msg in template:
        if msg.id and any(str(loc[0]).startswith("docs/") for loc in msg.locations):
            assert not msg.flags & {"python-format", "python-brace-format"}, msg.id
    assert "python-format" in template.get("Reviewed by %(name)s.").flags


def test_a_changed_paragraph_turns_fuzzy_and_keeps_its_translation(project: Path) -> None:
    old = "Most people get better without any problems. But it is important to know what to look out for. Use these cards to decide who to contact and how fast."
    new = old.replace("Most people", "Nearly everyone")
    old_translation = message(fr(project), old).string
    assert old_translation
    page = project / "docs/get-help.md"
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    catalogs.refresh(project)
    changed = message(fr(project), new)
    assert changed.fuzzy
    assert changed.string == old_translation
    text = fr(project).read_text(encoding="utf-8")
    assert '#| msgid ""\n#| "Most people get better' in text  # the English it was translated from
    assert catalogs.refresh(project) == []  # and it stays so


def test_a_removed_paragraph_becomes_obsolete_with_its_translation(project: Path) -> None:
    removed = "We use a clean method and an ultrasound scan to keep these risks low."
    translation = message(fr(project), removed).string
    page = project / "docs/risks.md"
    page.write_text(page.read_text(encoding="utf-8").replace(removed + "\n\n", ""), encoding="utf-8")
    catalogs.refresh(project)
    text = fr(project).read_text(encoding="utf-8")
    assert '#~ msgid ""\n#~ "We use a clean method' in text
    assert catalogs.read_catalog(fr(project), "fr.po", "fr").obsolete[removed].string == translation
    assert catalogs.refresh(project) == []


def test_a_new_language_starts_from_the_template_and_is_never_replaced(project: Path) -> None:
    path = catalogs.init(project, "it")
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert str(catalog.locale) == "it"
    assert "Possible complications" in catalog
    assert not catalog.get("Possible complications").string
    assert "clinical_reviewer: null" in (project / "locales/it/review.yml").read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace('msgid "Overview"\nmsgstr ""', 'msgid "Overview"\nmsgstr "Panoramica"'), encoding="utf-8")
    with pytest.raises(LeafletError, match="'it' already has a catalog"):
        catalogs.init(project, "it")
    catalogs.refresh(project)
    assert message(path, "Overview").string == "Panoramica"


@pytest.mark.parametrize("code", ["xx", "english", "no"])
def test_an_unknown_language_is_refused(project: Path, code: str) -> None:
    if code == "no":  # Norwegian is real: YAML's 'no' is the trap, not the code
        assert catalogs.init(project, code).is_file()
        return
    with pytest.raises(LeafletError, match=r"expected a locale code|not a locale Babel knows"):
        catalogs.init(project, code)


def test_the_command_line(project: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "leaflet.i18n.catalogs", *args], cwd=project, capture_output=True, text=True)

    assert run("refresh").stdout == "catalogs already up to date\n"
    created = run("init", "nl")
    assert (created.returncode, created.stdout) == (
        0, 'created locales/nl/LC_MESSAGES/messages.po\nto publish it, list it in mkdocs.yml: - locale: "nl"\n',
    )
    again = run("init", "nl")
    assert again.returncode == 2
    assert again.stderr == (
        "error: locales/nl/LC_MESSAGES/messages.po:1: catalog-exists 'nl' already has a catalog; "
        "refresh it instead of starting again\n"
    )


def test_a_corrupt_catalog_names_its_path_and_line(project: Path) -> None:
    path = fr(project)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('msgid "Overview"'))
    lines[number] = 'msgid "Overview\n'  # a quote missing
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(LeafletError) as error:
        catalogs.read_catalog(path, "locales/fr/LC_MESSAGES/messages.po", "fr")
    assert str(error.value).startswith(f"locales/fr/LC_MESSAGES/messages.po:{number + 1}: invalid-catalog not a valid PO file")


def test_a_catalog_that_is_not_utf8_names_its_line(project: Path) -> None:
    path = fr(project)
    data = path.read_bytes().replace("Présentation".encode(), "Pr\xe9sentation".encode("latin-1"), 1)
    assert data != path.read_bytes()
    path.write_bytes(data)
    line = data[: data.index(b"Pr\xe9sentation")].count(b"\n") + 1
    with pytest.raises(LeafletError, match=rf":{line}: catalog-encoding the catalog is not valid UTF-8"):
        catalogs.read_catalog(path, "x.po", "fr")


def test_every_published_language_has_a_complete_catalog() -> None:
    for language in TRANSLATED:
        with catalogs.po_path(ROOT, language).open("rb") as handle:
            catalog = read_po(handle)
        untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert untranslated == [], language

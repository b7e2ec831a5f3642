"""leaflet.checks.registry: REVIEWING.md's table of checks is the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from leaflet.checks import glossary, qa, registry
from leaflet.model import LeafletError

REVIEWING = ROOT / "REVIEWING.md"


def shown_table(document: str) -> str:
    lines = document.splitlines(keepends=True)
    return "".join(lines[lines.index(registry.BEGIN + "\n") + 1 : lines.index(registry.END + "\n")])


def test_reviewing_md_shows_the_registry_s_table() -> None:
    assert shown_table(REVIEWING.read_text(encoding="utf-8")) == registry.markdown(registry.documented())


def test_the_table_names_every_check_once() -> None:
    table = registry.markdown(registry.documented())
    codes = [line.split("`")[1] for line in table.splitlines()[2:]]
    assert codes == [check.code for check in qa.CHECKS] + sorted(glossary.CODES)
    assert "block-markup-added" in codes
    assert len(codes) == len(set(codes))


def test_a_pipe_in_a_sentence_stays_inside_its_cell() -> None:
    assert registry.markdown([("odd", "a | b")]).splitlines()[2] == "| `odd` | a \\| b |"


def test_update_rewrites_only_between_the_markers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "REVIEWING.md"
    document.write_text(f"# Intro\n\n{registry.BEGIN}\n| stale |\n{registry.END}\n\nAfter.\n", encoding="utf-8")
    assert registry.main(["--update", str(document)]) == 0
    text = document.read_text(encoding="utf-8")
    assert text.startswith(f"# Intro\n\n{registry.BEGIN}\n| code | what the check protects |\n")
    assert text.endswith(f"{registry.END}\n\nAfter.\n")
    assert "| stale |" not in text
    assert registry.main(["--markdown"]) == 0
    assert capsys.readouterr().out == shown_table(text)


def test_a_document_without_markers_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(LeafletError) as raised:
        registry.updated("# no table\n", "| x |\n")
    assert str(raised.value).startswith("REVIEWING.md:1: invalid-input expected the lines")
    document = tmp_path / "notes.md"
    document.write_text("# no table\n", encoding="utf-8")
    assert registry.main(["--update", str(document)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {document.as_posix()}:1: invalid-input expected the lines")
    assert document.read_text(encoding="utf-8") == "# no table\n"

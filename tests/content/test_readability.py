"""Reading age: every English page at Flesch-Kincaid grade 7 or below."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from leaflet.content.readability import MAX_GRADE, main, plain_text, score_docs

SCORES = score_docs(ROOT / "docs")


def test_every_page_is_scored() -> None:
    assert {score.page for score in SCORES} == {path.name for path in (ROOT / "docs").glob("*.md")}


@pytest.mark.parametrize("score", SCORES, ids=lambda score: score.page)
def test_page_reads_at_grade_7_or_below(score) -> None:
    assert score.words > 100, "a page too short to score"
    assert score.grade <= MAX_GRADE, f"{score.page}: grade {score.grade:.1f}"


def test_hard_text_fails_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "hard.md").write_text(
        "Intra-articular corticosteroid administration demonstrates considerable "
        "therapeutic efficacy regarding symptomatic osteoarthritic inflammation, "
        "notwithstanding occasional complications necessitating immediate evaluation.\n",
        encoding="utf-8",
    )
    assert main([str(tmp_path)]) == 1
    assert "hard.md: grade" in capsys.readouterr().out


def test_the_command_passes_on_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ROOT / "docs")]) == 0
    assert capsys.readouterr().out.count(", ok") == len(SCORES)


def test_list_items_count_as_sentences() -> None:
    text = plain_text("- one item\n- another item\n\n## A heading {#a}\n\nA line.\n")
    assert text == "one item. another item. A heading. A line."

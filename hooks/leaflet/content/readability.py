"""Reading grade of each English page (Flesch-Kincaid, via textstat 0.7.4).

The NHS asks for a reading age of 9 to 11: grade 7 or below. Run it as
``python -m leaflet.content.readability`` from the repository root.
"""

from __future__ import annotations

import argparse
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import textstat

from .includes import expand, page_files, reader, resolve
from .segment import segment

MAX_GRADE = 7.0
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"}


@dataclass(frozen=True)
class Score:
    page: str
    grade: float
    words: int

    @property
    def ok(self) -> bool:
        return self.grade <= MAX_GRADE


class _TextCollector(HTMLParser):
    """Text a reader meets, each block ended like a sentence.

    A list item or heading with no full stop is still a unit of reading;
    without a stop textstat would join a whole list into one sentence.
    """

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            text = "".join(self.parts).rstrip()
            if text and text[-1] not in ".!?:":
                self.parts.append(".")
            self.parts.append(" ")


def plain_text(body: str) -> str:
    """The readable text of a page body; placeholders read as one short word."""
    body = re.sub(r"\{\{[^}]*\}\}", "us", body)
    rendered = markdown.markdown(body, extensions=["admonition", "attr_list", "tables"])
    collector = _TextCollector()
    collector.feed(rendered)
    return re.sub(r"\s+", " ", html.unescape("".join(collector.parts))).strip()


def score_page(path: Path, root: Path) -> Score:
    """A page's grade, as patients read it: the snippets it includes are part of it."""
    name = path.relative_to(root).as_posix()
    page = resolve(segment(path.read_text(encoding="utf-8"), name), reader(root))
    meta = page.meta
    text = plain_text(expand(page, lambda unit: unit.text))
    title = meta.get("title") if isinstance(meta.get("title"), str) else ""
    description = meta.get("description") if isinstance(meta.get("description"), str) else ""
    text = " ".join(part.rstrip(".") + "." for part in (title, description) if part) + " " + text
    return Score(
        page=name,
        grade=float(textstat.flesch_kincaid_grade(text)),
        words=int(textstat.lexicon_count(text)),
    )


def score_docs(docs: Path) -> list[Score]:
    return [score_page(path, docs) for _, path in page_files(docs)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m leaflet.content.readability",
        description=f"Flesch-Kincaid grade of each page; fails above grade {MAX_GRADE:g}.",
    )
    parser.add_argument("docs", nargs="?", default="docs", type=Path)
    args = parser.parse_args(argv)
    scores = score_docs(args.docs)
    for score in scores:
        mark = "ok" if score.ok else f"above {MAX_GRADE:g}"
        print(f"{args.docs.as_posix()}/{score.page}: grade {score.grade:4.1f}, {score.words} words, {mark}")
    return 0 if all(score.ok for score in scores) else 1


if __name__ == "__main__":
    raise SystemExit(main())

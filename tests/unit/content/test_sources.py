"""leaflet.content.sources: each page's evidence record (``sources:`` in its front
matter), the reviewer command that prints it, and its findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leaflet.content.frontmatter import split_front_matter
from leaflet.content.sources import Reference, main, parse_sources

TODAY = dt.date(2026, 11, 2)
PAGE = """\
---
title: Risks
review:
  reviewed_by: Dr Sam Example (sample)
  last_reviewed: 2026-11-02
  next_review: 2027-11-02
sources:
  - title: Steroid injections
    publisher: NHS
    url: https://www.nhs.uk/tests-and-treatments/steroid-injections/
    year: 2023
  - {title: "Intra-articular corticosteroid injections in the hip and knee: perhaps not as safe as we thought?",
     publisher: Radiology, year: 2019}
---

## Complications {#complications}

Text.
"""


def parse(source: str):
    return parse_sources(split_front_matter(source)[0], source, "docs/risks.md", TODAY)


def with_sources(block: str) -> str:
    start, end = PAGE.index("sources:"), PAGE.index("---\n\n##")
    return PAGE[:start] + block + PAGE[end:]


class TestParse:
    def test_every_entry_is_read(self) -> None:
        references, findings = parse(PAGE)
        assert findings == []
        assert references == [
            Reference("Steroid injections", "NHS", 2023, "https://www.nhs.uk/tests-and-treatments/steroid-injections/"),
            Reference(
                "Intra-articular corticosteroid injections in the hip and knee: perhaps not as safe as we thought?",
                "Radiology", 2019,
            ),
        ]
        assert str(references[0]) == (
            "Steroid injections. NHS, 2023. https://www.nhs.uk/tests-and-treatments/steroid-injections/"
        )
        assert str(references[1]).endswith("as we thought? Radiology, 2019.")

    @pytest.mark.parametrize("block", ["", "sources: []\n", "sources:\n"])
    def test_a_page_without_sources_is_a_finding(self, block: str) -> None:
        references, findings = parse(with_sources(block))
        assert references == []
        assert [(f.file, f.code) for f in findings] == [("docs/risks.md", "sources-missing")]
        assert findings[0].message == (
            "front matter has no 'sources:'; list the evidence the page is based on, each as "
            "{title: ..., publisher: ..., url: https://..., year: 2023}"
        )

    @pytest.mark.parametrize(
        ("entry", "message"),
        [
            ("  - just a title\n", "expected {title: ..., publisher: ..., url: https://..., year: 2023} "
                                   "but received: 'just a title'"),
            ("  - {title: T, publisher: P, year: 2020, pages: 3}\n",
             "unknown key 'pages'; expected only: title, publisher, url, year"),
            ("  - {publisher: P, year: 2020}\n", "title: expected a non-empty text but received: None"),
            ("  - {title: T, publisher: ' ', year: 2020}\n", "publisher: expected a non-empty text but received: ' '"),
            ("  - {title: T, publisher: P, year: 2020, url: www.nhs.uk}\n",
             "url: expected an address starting with https:// but received: 'www.nhs.uk'"),
            ("  - {title: T, publisher: P, year: '2020'}\n",
             "year: expected the year it was published, such as 2023, but received: '2020'"),
            ("  - {title: T, publisher: P, year: 2027}\n",
             "year: expected the year it was published, such as 2023, but received: 2027"),
        ],
    )
    def test_a_malformed_entry_names_its_line(self, entry: str, message: str) -> None:
        source = with_sources("sources:\n  - {title: Good, publisher: NHS, year: 2020}\n" + entry)
        references, findings = parse(source)
        line = source.splitlines().index(entry.rstrip("\n")) + 1
        assert [str(reference) for reference in references] == ["Good. NHS, 2020."]
        assert [str(f) for f in findings] == [f"docs/risks.md:{line}: sources-invalid sources[2]: {message}"]

    def test_sources_that_are_no_list(self) -> None:
        source = with_sources("sources: NHS leaflets\n")
        _, (finding,) = parse(source)
        assert (finding.line, finding.code) == (source.splitlines().index("sources: NHS leaflets") + 1,
                                                "sources-invalid")


class TestCommand:
    def write(self, tmp_path: Path, pages: dict[str, str]) -> Path:
        docs = tmp_path / "docs"
        for name, text in pages.items():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text(text, encoding="utf-8")
        return docs

    def test_prints_each_page_s_record_and_exits_0(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        docs = self.write(tmp_path, {"risks.md": PAGE, "_snippets/card.md": "Not a page.\n"})
        assert main([str(docs)]) == 0
        out, err = capsys.readouterr()
        assert out.splitlines() == [
            f"{docs.as_posix()}/risks.md",
            "  reviewed by Dr Sam Example (sample) on 2026-11-02; next review due 2027-11-02",
            "  sources (2):",
            "    - Steroid injections. NHS, 2023. https://www.nhs.uk/tests-and-treatments/steroid-injections/",
            "    - Intra-articular corticosteroid injections in the hip and knee: perhaps not as safe as we thought? "
            "Radiology, 2019.",
        ]
        assert err == ""

    def test_a_page_without_sources_exits_1_naming_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.write(tmp_path, {"a.md": "---\ntitle: A\n---\n\nText.\n", "b.md": PAGE})
        monkeypatch.chdir(tmp_path)
        assert main([]) == 1
        out, err = capsys.readouterr()
        assert out.splitlines()[:3] == ["docs/a.md", "  review: none recorded", "  sources: none"]
        assert err.splitlines() == [
            "error: docs/a.md:1: sources-missing front matter has no 'sources:'; list the evidence the page is "
            "based on, each as {title: ..., publisher: ..., url: https://..., year: 2023}"
        ]

    def test_an_unreadable_page_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        docs = self.write(tmp_path, {"a.md": PAGE})
        (docs / "b.md").write_bytes(b"\xff\n")
        assert main([str(docs)]) == 2
        assert capsys.readouterr().err.startswith(f"error: {docs.as_posix()}/b.md:1: unreadable")

    def test_front_matter_that_is_no_yaml_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        docs = self.write(tmp_path, {"a.md": "---\ntitle: [unclosed\n---\n\nText.\n"})
        assert main([str(docs)]) == 2
        assert capsys.readouterr().err == (
            f"error: {docs.as_posix()}/a.md:3: invalid-front-matter front matter is not valid YAML: "
            "expected ',' or ']', but got '<stream end>'\n"
        )

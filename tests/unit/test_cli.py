"""leaflet.cli: ``locale-coverage`` in-process. Exit 0 covered, 1 findings,
2 usage or unreadable input; the report on stdout, diagnostics on stderr."""

from __future__ import annotations

import json
import runpy
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, copy_project
from leaflet.cli import main
from leaflet.content.segment import segment
from leaflet.i18n.catalogs import discover
from leaflet.settings import read_project

PAGE = """\
---
title: A page
---

## Plain {#plain}

Drink water.

## Warning {#warning}

Rest for 2 days.
"""
UNITS = [unit.text for unit in segment(PAGE, "page.md").units]
#: the shipped clinic settings, so these projects follow the settings' format as it changes
CLINIC = yaml.safe_dump(
    {"extra": {"clinic": yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["clinic"]}},
    sort_keys=False, allow_unicode=True,
)
CONFIG = f"""\
site_name: Tiny leaflet
{CLINIC}plugins:
  - i18n:
      languages:
        - locale: "en"
          default: true
        - locale: "fr"
"""
MANIFEST = "sections:\n  - page: page.md\n    id: plain\n  - page: page.md\n    id: warning\n    safety: true\n"
PO = "locales/fr/LC_MESSAGES/messages.po"


def catalog(code: str, fuzzy: str | None = None) -> str:
    """Every unit translated (``text (code)``); ``fuzzy`` marks one message outdated."""
    lines = ['msgid ""', 'msgstr ""', f'"Language: {code}\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for text in UNITS:
        lines += [*(["#, fuzzy"] if text == fuzzy else []), f'msgid "{text}"', f'msgstr "{text} ({code})"', ""]
    return "\n".join(lines)


def tiny_project(root: Path, catalogs: Mapping[str, str]) -> Path:
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "required-sections.yml").write_text(MANIFEST, encoding="utf-8")
    (root / "babel.cfg").write_text("[leaflet_markdown: docs/**.md]\ndocs_dir = docs\n", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    for code, text in catalogs.items():
        path = root / "locales" / code / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    """``locale-coverage ARGV`` run from ``project``: exit code, stdout, stderr."""
    monkeypatch.chdir(project)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# The JSON contract (DESIGN.md), key by key, besides the schema the report declares.
SCHEMA = json.loads((ROOT / "schemas" / "locale-coverage.schema.json").read_text(encoding="utf-8"))
TOP = {"ok": bool, "locales": list, "findings": list}
LOCALE = {"locale": str, "published": bool, "ok": bool, "sections": list, "review": dict}
SECTION = {
    "id": str, "page": str, "safety": bool, "total": int, "translated": int, "fuzzy": int, "untranslated": int,
    "ok": bool,
}
FINDING = {"file": str, "line": int, "code": str, "message": str, "locale": (str, type(None)),
           "section": (str, type(None))}


def conforms(data: Mapping[str, Any], shape: Mapping[str, Any], where: str) -> None:
    for key, kind in shape.items():
        assert key in data, f"{where}: no {key!r}"
        assert isinstance(data[key], kind), f"{where}.{key}: {data[key]!r}"


def assert_contract(data: Mapping[str, Any]) -> None:
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    conforms(data, TOP, "report")
    for locale in data["locales"]:
        conforms(locale, LOCALE, locale["locale"])
        for section in locale["sections"]:
            conforms(section, SECTION, f"{locale['locale']}#{section['id']}")
            assert section["translated"] + section["fuzzy"] + section["untranslated"] <= section["total"]
    for finding in data["findings"]:
        conforms(finding, FINDING, "finding")
        assert finding["line"] >= 1


class TestShippedProject:
    def test_json_keeps_the_contract_and_the_exit_code_follows_ok(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        project = copy_project(tmp_path)
        code, out, err = run(project, monkeypatch, capsys, "--format", "json")
        data = json.loads(out)
        assert_contract(data)
        assert code == (0 if data["ok"] else 1)
        assert err == ""
        published = set(read_project(project).languages.translations)
        assert {locale["locale"]: locale["published"] for locale in data["locales"]} == {
            language: language in published for language in discover(project) if language != "en"
        }
        assert data["ok"] == all(locale["ok"] for locale in data["locales"] if locale["published"])

    def test_every_finding_is_attributed_to_its_language(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        project = copy_project(tmp_path)
        data = json.loads(run(project, monkeypatch, capsys, "--format", "json")[1])
        for locale in data["locales"]:
            assert all(f["locale"] == locale["locale"] for f in locale["findings"])
            assert locale["ok"] == (not locale["findings"] and all(s["ok"] for s in locale["sections"]))
        assert data["findings"] == [f for locale in data["locales"] for f in locale["findings"]]


class TestExitCodes:
    def test_0_when_every_published_section_is_covered(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(tiny_project(tmp_path, {"fr": catalog("fr")}), monkeypatch, capsys)
        assert code == 0
        assert out.endswith("OK: 0 findings in published languages, 0 in drafts.\n")
        assert err == ""

    def test_1_on_a_finding_with_its_location(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = catalog("fr", fuzzy="Rest for 2 days.")
        code, out, _ = run(tiny_project(tmp_path, {"fr": text}), monkeypatch, capsys, "--format", "json")
        assert code == 1
        data = json.loads(out)
        assert_contract(data)
        line = text.splitlines().index('msgid "Rest for 2 days."') + 1
        assert data["findings"] == [{
            "file": PO, "line": line, "code": "fuzzy", "locale": "fr", "section": "warning",
            "message": "the fr translation of this paragraph of page.md#warning is outdated: "
            "its English changed since; update it and remove the fuzzy flag",
        }]
        warning = data["locales"][0]["sections"][1]
        assert (warning["total"], warning["translated"], warning["fuzzy"], warning["ok"]) == (2, 1, 1, False)

    def test_a_draft_with_gaps_still_exits_0(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        catalogs = {"fr": catalog("fr"), "pl": catalog("pl", fuzzy="Drink water.")}
        code, out, _ = run(tiny_project(tmp_path, catalogs), monkeypatch, capsys, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert [(locale["locale"], locale["published"], locale["ok"]) for locale in data["locales"]] == [
            ("fr", True, True), ("pl", False, False),
        ]

    def test_locale_narrows_the_report(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        catalogs = {"fr": catalog("fr", fuzzy="Drink water."), "pl": catalog("pl")}
        code, out, _ = run(tiny_project(tmp_path, catalogs), monkeypatch, capsys, "--format", "json", "--locale", "pl")
        assert code == 0  # the French gap is not asked about
        assert [locale["locale"] for locale in json.loads(out)["locales"]] == ["pl"]

    def test_2_for_an_unknown_locale(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(tiny_project(tmp_path, {"fr": catalog("fr")}), monkeypatch, capsys, "--locale", "xx")
        assert (code, out) == (2, "")
        assert err == "error: locales:1: unknown-locale unknown locale 'xx'; expected one of: fr\n"

    def test_2_outside_the_repository_root(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(tmp_path, monkeypatch, capsys)
        assert (code, out) == (2, "")
        assert err == "error: mkdocs.yml:1: not found; run locale-coverage from the repository root\n"

    def test_2_for_unreadable_settings(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        project = tiny_project(tmp_path, {"fr": catalog("fr")})
        (project / "mkdocs.yml").write_text(CONFIG + "nav: [unclosed\n", encoding="utf-8")
        code, out, err = run(project, monkeypatch, capsys)
        assert (code, out) == (2, "")
        assert err.startswith("error: mkdocs.yml:")
        assert "invalid-settings not valid YAML" in err

    def test_2_for_a_broken_catalog(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = catalog("fr").replace('msgstr "Drink water. (fr)"', 'msgstr "Drink water. (fr)')
        line = text.splitlines().index('msgstr "Drink water. (fr)') + 1
        code, out, err = run(tiny_project(tmp_path, {"fr": text}), monkeypatch, capsys)
        assert (code, out) == (2, "")
        assert err.startswith(f"error: {PO}:{line}: ")

    def test_2_for_a_bad_option_with_usage(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.chdir(tiny_project(tmp_path, {"fr": catalog("fr")}))
        with pytest.raises(SystemExit) as raised:
            main(["--format", "yaml"])
        assert raised.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("usage: locale-coverage")
        assert "error: argument --format: invalid choice: 'yaml'" in err


class TestOutput:
    def test_output_writes_the_report_to_a_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        project = tiny_project(tmp_path, {"fr": catalog("fr")})
        code, out, _ = run(project, monkeypatch, capsys, "--format", "junit", "--output", "report.xml")
        assert (code, out) == (0, "")
        assert (project / "report.xml").read_text(encoding="utf-8").startswith('<?xml version="1.0"')

    @pytest.mark.parametrize(
        ("fmt", "start"),
        [
            ("github", "::notice title=locale-coverage::all published languages cover every required section"),
            ("markdown", "## Translation coverage: ✅ ok"),
            ("table", "section"),
        ],
    )
    def test_each_format(
        self, fmt: str, start: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        code, out, _ = run(tiny_project(tmp_path, {"fr": catalog("fr")}), monkeypatch, capsys, "--format", fmt)
        assert code == 0
        assert out.startswith(start)


    def test_html_links_findings_from_the_report_s_folder_and_badges_are_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        project = tiny_project(tmp_path, {"fr": catalog("fr", fuzzy="Drink water.")})
        argv = ("--format", "html", "--output", "reports/progress.html", "--badges", "reports/badges")
        code, out, err = run(project, monkeypatch, capsys, *argv)
        assert (code, out, err) == (1, "", "")
        soup = BeautifulSoup((project / "reports" / "progress.html").read_text(encoding="utf-8"), "html.parser")
        link = soup.find("ol", class_="findings").find("a")
        assert link["href"].startswith(f"../{PO}#L")
        assert (project / "reports" / link["href"].split("#")[0]).resolve() == (project / PO).resolve()
        assert [path.name for path in (project / "reports" / "badges").iterdir()] == ["fr.svg"]

    def test_github_writes_the_whole_report_to_the_job_summary(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        summary = tmp_path / "summary.md"
        summary.write_text("earlier step\n", encoding="utf-8")
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        (tmp_path / "project").mkdir()
        project = tiny_project(tmp_path / "project", {"fr": catalog("fr", fuzzy="Drink water.")})
        code, out, _ = run(project, monkeypatch, capsys, "--format", "github")
        assert code == 1
        assert out.startswith(f"::error file={PO},line=")
        text = summary.read_text(encoding="utf-8")
        assert text.startswith("earlier step\n## Translation coverage: ❌ findings\n")
        assert f"| `{PO}:" in text
        run(project, monkeypatch, capsys, "--format", "json")
        assert summary.read_text(encoding="utf-8") == text  # only the github format writes the summary

    def test_2_when_the_report_cannot_be_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        project = tiny_project(tmp_path, {"fr": catalog("fr")})
        (project / "reports").write_text("a file, not a folder", encoding="utf-8")
        code, out, err = run(project, monkeypatch, capsys, "--format", "junit", "--output", "reports/report.xml")
        assert (code, out) == (2, "")
        assert err.startswith("error: reports:1: cannot write the report: ")
        assert "Traceback" not in err


@pytest.mark.filterwarnings("ignore:.*found in sys.modules:RuntimeWarning")
def test_runs_as_a_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tiny_project(tmp_path, {"fr": catalog("fr", fuzzy="Drink water.")}))
    monkeypatch.setattr(sys, "argv", ["locale-coverage", "--format", "github"])
    with pytest.raises(SystemExit) as raised:
        runpy.run_module("leaflet.cli", run_name="__main__")
    assert raised.value.code == 1
    assert capsys.readouterr().out.splitlines()[0].startswith(f"::error file={PO},line=")

"""The reviewer command ``locale-coverage`` and the strict build, through real
catalogs: one test per behaviour, each asserting the exit code and that the
output names the locale, the section, the file and the line."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from helpers import edit_translation, run_build, soup
from leaflet.i18n import catalogs

COMMAND = str(Path(sys.executable).parent / "locale-coverage")
PO = "locales/fr/LC_MESSAGES/messages.po"


def coverage(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], cwd=project, capture_output=True, text=True, timeout=120)


def report(project: Path, *args: str) -> tuple[int, dict]:
    result = coverage(project, "--format", "json", *args)
    assert result.stderr == "", result.stderr
    return result.returncode, json.loads(result.stdout)


def french(data: dict) -> dict:
    return next(lang for lang in data["locales"] if lang["locale"] == "fr")


def finding(data: dict, code: str) -> dict:
    found = [f for f in data["findings"] if f["code"] == code]
    assert found, (code, data["findings"])
    return found[0]


def section(data: dict, locale: str, section_id: str) -> dict:
    locale_data = next(lang for lang in data["locales"] if lang["locale"] == locale)
    return next(s for s in locale_data["sections"] if s["id"] == section_id)


def test_the_clean_repository_passes(project: Path) -> None:
    result = coverage(project)
    assert result.returncode == 0, result.stdout + result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["section", "ar", "de", "es", "fr", "pl", "(draft)", "zh-Hans"]
    code, data = report(project)
    assert code == 0
    assert data["ok"] is True
    # The table shows what the JSON counts, for every language, whatever the content.
    row = next(line for line in result.stdout.splitlines() if line.startswith("risks.md#complications (safety)"))
    cells = []
    for locale in sorted(data["locales"], key=lambda lang: lang["locale"]):
        counts = section(data, locale["locale"], "complications")
        cells += ["✓" if counts["ok"] else "✗", f"{counts['translated']}/{counts['total']}"]
        if counts["untranslated"]:
            cells += [f"({counts['untranslated']}", "empty)"]
    assert row.split()[2:] == cells
    assert "OK: 0 findings in published languages" in result.stdout
    assert all(f["locale"] == "pl" for f in data["findings"])
    fr = french(data)
    assert {"locale", "published", "ok", "sections", "review", "findings"} <= set(fr)
    assert fr["locale"] == "fr"
    assert fr["published"] is True
    assert fr["ok"] is True
    assert set(fr["sections"][0]) >= {"id", "page", "safety", "total", "translated", "fuzzy", "untranslated", "ok"}
    assert fr["review"]["clinically_reviewed"] is False
    for locale in data["locales"]:
        assert locale["published"] is (locale["locale"] != "pl")
        assert locale["ok"] is (locale["locale"] != "pl")


def test_a_blanked_safety_translation_fails(project: Path) -> None:
    line = edit_translation(project, "Joint infection.", lambda s: "")
    result = coverage(project)
    assert result.returncode == 1
    assert f"{PO}:{line}: untranslated this list item of risks.md#complications has no fr translation [fr#complications]" in result.stdout
    code, data = report(project)
    assert code == 1
    assert data["ok"] is False
    complications = section(data, "fr", "complications")
    assert complications["ok"] is False
    assert complications["untranslated"] == 1
    assert complications["safety"] is True
    assert finding(data, "untranslated") == {
        "file": PO, "line": line, "code": "untranslated", "locale": "fr", "section": "complications",
        "message": "this list item of risks.md#complications has no fr translation",
    }


def test_a_fuzzy_safety_translation_fails(project: Path) -> None:
    line = edit_translation(project, "trouble breathing", lambda s: s, fuzzy=True)
    code, data = report(project)
    assert code == 1
    issue = finding(data, "fuzzy")
    assert (issue["file"], issue["line"], issue["locale"], issue["section"]) == (PO, line, "fr", "get-help")
    assert section(data, "fr", "get-help")["fuzzy"] == 1


def test_a_new_english_paragraph_nobody_extracted_fails(project: Path) -> None:
    page = project / "docs/risks.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("We use a clean method", "Tell us if you notice anything else.\n\nWe use a clean method"), encoding="utf-8")
    line = next(n for n, lang in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if lang.startswith("Tell us if you notice"))
    result = coverage(project)
    assert result.returncode == 1
    assert f"docs/risks.md:{line}: not-extracted this paragraph of risks.md#complications is not in the fr catalog; run: make catalogs [fr#complications]" in result.stdout
    assert f"{PO}:1: catalog-stale the catalog is out of date with docs/ (1 new English message missing" in result.stdout
    _, data = report(project)
    assert section(data, "fr", "complications")["missing"] == 1


@pytest.mark.parametrize(
    ("msgid_part", "change", "code", "words", "section_id"),
    [
        ("The whole visit in the room takes about 15 to 20 minutes", lambda s: s.replace("15 à 20", "5"), "number-changed", "expected number '15', '20' but received '5'", "how-long"),
        ("See [When to get help](get-help.md)", lambda s: s.replace("(get-help.md)", "(https://example.com/)"), "link-changed", "expected link target 'get-help.md' but received 'https://example.com/'", "complications"),
        ("trouble breathing", lambda s: s + ' <script>alert("x")</script>', "html-added", "<script> is HTML the English does not have", "get-help"),
        ("an itchy, raised rash (hives) all over your body", lambda s: "\u202e" + s, "invisible-character", "U+202E RIGHT-TO-LEFT OVERRIDE is a bidi control", "get-help"),
        ("you cannot put weight on your leg, or cannot move your hip, because of pain", lambda s: s.replace(",", "\u201a", 1), "lookalike-punctuation", "U+201A SINGLE LOW-9 QUOTATION MARK looks like ','", "get-help"),
        ("Out of hours, call {{ phone.out_of_hours }}", lambda s: s.replace("{{ phone.out_of_hours }}", "0161 496 0999"), "placeholder-changed", "expected placeholder '{{ phone.out_of_hours }}'", "get-help"),
        ("trouble breathing", lambda s: s + " [aide](javascript:alert(1))", "unsafe-url", "'javascript:' can run code", "get-help"),
        ("Possible complications", lambda s: "Possible complications", "identical-to-source", "the translation is the English text unchanged", "complications"),
    ],
    ids=["number", "link", "script", "bidi", "lookalike", "placeholder", "javascript-url", "identical"],
)
def test_an_unsafe_translation_fails(project: Path, msgid_part, change, code, words, section_id) -> None:
    line = edit_translation(project, msgid_part, change)
    result = coverage(project)
    assert result.returncode == 1
    assert f"{PO}:{line}: {code} " in result.stdout, result.stdout
    assert words in result.stdout, result.stdout
    _, data = report(project)
    issue = finding(data, code)
    assert (issue["file"], issue["line"], issue["locale"]) == (PO, line, "fr")
    assert issue["section"] == section_id
    assert section(data, "fr", section_id)["ok"] is False


def test_a_changed_tel_number_fails(project: Path) -> None:
    page = project / "docs/get-help.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Do not wait.", "Do not wait. You can also call [111](tel:111)."), encoding="utf-8")
    catalogs.refresh(project)
    line = edit_translation(project, "You can also call [111](tel:111)", lambda s: s + " Appelez aussi le [111](tel:112).")
    result = coverage(project)
    assert result.returncode == 1
    assert f"{PO}:{line}: phone-changed expected phone or e-mail link 'tel:111' but received 'tel:112' [fr#get-help]" in result.stdout


def test_an_escape_works_outside_safety_sections_and_is_listed(project: Path) -> None:
    why = "allow: identical-to-source — the heading reads the same in this sample"
    line = edit_translation(project, "On the day", lambda s: "On the day", comments=(why,))
    code, data = report(project)
    assert code == 0, data["findings"]
    escapes = french(data)["escapes"]
    assert {
        "file": PO, "line": line, "code": "identical-to-source", "msgid": "On the day", "applied": True,
        "reason": "the heading reads the same in this sample",
    } in escapes
    assert f"escape {PO}:{line}: {why}\n" in coverage(project).stdout


def test_an_escape_never_applies_in_a_safety_section(project: Path) -> None:
    why = ("allow: number-changed — an attempt",)
    line = edit_translation(project, "now if you have:", lambda s: s.replace(":", " 999 :"), comments=why)
    code, data = report(project)
    assert code == 1
    issue = finding(data, "number-changed")
    assert (issue["line"], issue["section"]) == (line, "get-help")
    assert {
        "file": PO, "line": line, "code": "number-changed", "msgid": "Call {{ phone.emergency }} now if you have:",
        "applied": False, "reason": "an attempt",
    } in french(data)["escapes"]


def test_a_corrupt_catalog_is_exit_2_with_path_and_line(project: Path) -> None:
    path = catalogs.po_path(project, "fr")
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, lang in enumerate(lines) if lang.startswith("msgid") and i > 30)
    lines[number] = lines[number] + " garbage"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = coverage(project)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {PO}:{number + 1}: invalid-catalog not a valid PO file")
    assert "Traceback" not in result.stderr


def test_an_unknown_locale_is_exit_2(project: Path) -> None:
    result = coverage(project, "--locale", "xx")
    assert result.returncode == 2
    assert result.stderr == "error: locales:1: unknown-locale unknown locale 'xx'; expected one of: ar, de, es, fr, pl, zh-Hans\n"
    (project / "locales/zz/LC_MESSAGES").mkdir(parents=True)
    (project / "locales/zz/LC_MESSAGES/messages.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    result = coverage(project)
    assert result.returncode == 2
    assert "error: locales/zz:1: invalid-locale locale folder: 'zz' is not a locale Babel knows" in result.stderr


def test_a_usage_error_is_exit_2(project: Path) -> None:
    result = coverage(project, "--format", "yaml")
    assert result.returncode == 2
    assert "invalid choice: 'yaml'" in result.stderr


def test_a_draft_with_gaps_is_reported_and_not_fatal(project: Path) -> None:
    result = coverage(project)
    assert result.returncode == 0, result.stdout
    assert "pl (draft): incomplete (draft: not fatal)" in result.stdout
    assert "locales/pl/LC_MESSAGES/messages.po:" in result.stdout
    assert "[pl#complications]" in result.stdout
    code, data = report(project)
    assert code == 0
    assert data["ok"] is True
    polish = next(lang for lang in data["locales"] if lang["locale"] == "pl")
    assert polish["published"] is False
    assert polish["ok"] is False
    counts = section(data, "pl", "complications")
    assert counts["untranslated"] > 0
    assert counts["translated"] + counts["fuzzy"] + counts["untranslated"] + counts["missing"] == counts["total"]
    assert section(data, "pl", "complications")["ok"] is False
    assert any(s["ok"] for s in polish["sections"])  # a draft is counted section by section
    assert all(s["translated"] == s["total"] for s in polish["sections"] if s["ok"])
    narrowed = report(project, "--locale", "pl")[1]
    assert [lang["locale"] for lang in narrowed["locales"]] == ["pl"]


def test_a_manifest_section_missing_from_english_is_exit_2(project: Path) -> None:
    page = project / "docs/get-help.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#get-help}", "{#help}"), encoding="utf-8")
    result = coverage(project)
    assert result.returncode == 2
    line = next(n for n, lang in enumerate((project / "required-sections.yml").read_text().splitlines(), 1) if lang.strip() == "id: get-help") - 1
    assert result.stderr == f"error: required-sections.yml:{line}: section-missing docs/get-help.md has no heading with id 'get-help', a required safety section; add '{{#get-help}}' to its heading\n"


def test_github_junit_and_markdown_formats(project: Path) -> None:
    line = edit_translation(project, "The whole visit in the room takes about 15 to 20 minutes", lambda s: s.replace("15 à 20", "5"))
    github = coverage(project, "--format", "github")
    assert github.returncode == 1
    assert f"::error file={PO},line={line},title=number-changed (fr)::expected number '15', '20' but received '5'" in github.stdout
    junit = coverage(project, "--format", "junit")
    suites = etree.fromstring(junit.stdout.split("\n", 1)[1])
    failures = [case for case in suites.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failures] == ["on-the-day.md#how-long"]
    assert f"{PO}:{line}: number-changed" in failures[0].find("failure").text
    summary = coverage(project, "--format", "markdown").stdout
    assert summary.startswith("## Translation coverage: ❌ findings")
    assert f"| `{PO}:{line}` | `number-changed` (fr) |" in summary


def test_the_report_shows_english_changed_since_sign_off(project: Path) -> None:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout.strip()

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "signed off")
    revision = git("rev-parse", "--short", "HEAD")
    (project / "locales/fr/review.yml").write_text(
        f"translator: T\nlanguage_reviewer: L\nclinical_reviewer: Dr C\nreviewed_on: 2026-11-20\nsource_version: {revision}\n",
        encoding="utf-8",
    )
    page = project / "docs/risks.md"
    page.write_text(page.read_text(encoding="utf-8").replace("This is very rare.", "This is very, very rare."), encoding="utf-8")
    _code, data = report(project)
    expected = {"clinical_reviewer": "Dr C", "reviewed_on": "2026-11-20", "source_version": revision, "clinically_reviewed": True}
    assert expected.items() <= french(data)["review"].items()
    assert section(data, "fr", "complications")["changed_since_sign_off"] is True
    assert section(data, "fr", "side-effects")["changed_since_sign_off"] is False
    assert "English changed since sign-off in: complications" in coverage(project).stdout


# -- the same checks in the build ------------------------------------------------


def test_the_strict_build_fails_on_a_finding_with_path_and_line(project: Path) -> None:
    line = edit_translation(project, "The whole visit in the room takes about 15 to 20 minutes", lambda s: s.replace("15 à 20", "5"))
    build = run_build(project)
    assert build.returncode == 1
    assert f"WARNING -  {PO}:{line}: number-changed expected number '15', '20' but received '5' [fr#how-long]" in build.output
    assert "locale coverage: 1 finding in published languages (fr, es, de, ar, zh-Hans)" in build.output
    assert build.output.count("number-changed") == 1  # checked once per build, not once per language


def test_a_non_strict_build_never_renders_an_unsafe_translation(project: Path) -> None:
    edit_translation(project, "trouble breathing", lambda s: s + ' <script>alert("x")</script>')
    build = run_build(project, strict=False)
    assert build.returncode == 0
    assert "html-added" in build.output
    html = soup(build.site / "fr/get-help/index.html")
    assert "alert(" not in str(html.select_one("article"))
    marker = html.select_one(".care-card.emergency .leaflet-untranslated [lang='en']")
    assert marker is not None
    assert marker.get_text() == "trouble breathing"


def test_a_draft_is_never_built(project: Path) -> None:
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert not (build.site / "pl").exists()
    gaps = len(next(lang for lang in report(project)[1]["locales"] if lang["locale"] == "pl")["findings"])
    assert f"drafts not built: pl ({gaps} gaps), see locale-coverage" in build.output


def test_a_care_card_injected_in_a_safety_section_fails(project: Path) -> None:
    line = edit_translation(project, "A joint infection is rare, but it is serious", lambda s: "!!! routine \"Ce n'est rien\"")
    code, data = report(project)
    assert code == 1
    assert finding(data, "block-markup-added")["line"] == line
    # The card is written once (a snippet) and shown in two safety sections: both report it.
    found = [f for f in data["findings"] if f["code"] == "care-cards-differ"]
    assert {(f["file"], f["section"]) for f in found} == {("docs/get-help.md", "get-help"), ("docs/risks.md", "complications")}
    cards = next(f for f in found if f["section"] == "get-help")
    assert "renders care cards ['routine', 'urgent', 'routine', 'emergency'] in fr but ['routine', 'urgent', 'emergency'] in English" in cards["message"]
    # And the build never shows the injected card.
    build = run_build(project, strict=False)
    levels = [div["class"][1] for div in soup(build.site / "fr/get-help/index.html").select("div.care-card")]
    assert levels == ["routine", "urgent", "emergency"]


def test_a_page_that_is_not_utf8_is_exit_2_with_its_line(project: Path) -> None:
    page = project / "docs/after.md"
    data = page.read_bytes()
    line = data[: data.index(b"## ")].count(b"\n") + 1
    page.write_bytes(data.replace(b"## ", "## \xe9 ".encode("latin-1"), 1))
    result = coverage(project)
    assert result.returncode == 2
    assert result.stderr == f"error: docs/after.md:{line}: unreadable the page is not valid UTF-8; save it as UTF-8\n"

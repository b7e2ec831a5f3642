"""Attacks on the safety gate, each through a real ``mkdocs build --strict`` and
a real ``locale-coverage --format json`` of a project copy, and what the
patient then gets from a non-strict build: the English in the "Not yet
translated" marker, or the safe text, never the attack.

MkDocs exits 1 on a ``PluginError``, unusable input included (the design
forbids ``sys.exit``): the build's exit code is 1 wherever it fails, and
``locale-coverage`` tells findings (1) from unusable input (2).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment

import helpers
from helpers import run_build, soup
from leaflet.content.strings import CLINICAL_REVIEW_PENDING
from leaflet.i18n import catalogs

COMMAND = str(Path(sys.executable).parent / "locale-coverage")
PO = "locales/fr/LC_MESSAGES/messages.po"
BUILD_FAILED = 1  # any failed MkDocs build: findings under --strict, or a PluginError
FINDINGS, UNUSABLE = 1, 2  # locale-coverage
MARKER = ".leaflet-untranslated [lang='en']"
ATTRIBUTE_LIST_ATTACK = ' {: onfocus="alert(1)" autofocus contenteditable}'
SCRIPT_ATTRIBUTES = ("onfocus", "autofocus", "contenteditable")


# -- running the two tools -----------------------------------------------------------


def coverage(project: Path) -> tuple[int, dict | None, str]:
    """``locale-coverage --format json``: exit code, the report (None on exit 2), stderr."""
    result = subprocess.run(
        [COMMAND, "--format", "json"], cwd=project, capture_output=True, text=True, timeout=120
    )
    if result.returncode == UNUSABLE:
        assert result.stdout == "", result.stdout
        return result.returncode, None, result.stderr
    assert result.stderr == "", result.stderr
    return result.returncode, json.loads(result.stdout), result.stderr


def catalog_files(project: Path) -> dict[str, bytes]:
    """Every file under locales/, to show a refresh wrote nothing."""
    root = project / catalogs.LOCALES
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def refresh(project: Path) -> subprocess.CompletedProcess[str]:
    """``make catalogs``, as the Makefile runs it."""
    return subprocess.run(
        [sys.executable, "-m", "leaflet.i18n.catalogs", "refresh"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )


# -- changing the project ---------------------------------------------------------------


def edit_translation(
    project: Path, msgid_part: str, change: Callable[[str], str], comments: tuple[str, ...] = ()
) -> int:
    return helpers.edit_translation(project, msgid_part, change, comments=comments, must_change=True)


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the one line that is ``old`` (stripped of its indent); return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    numbers = [n for n, line in enumerate(lines) if line.strip() == old]
    assert len(numbers) == 1, (old, numbers)
    indent = lines[numbers[0]][: len(lines[numbers[0]]) - len(lines[numbers[0]].lstrip())]
    lines[numbers[0]] = indent + new
    path.write_text("\n".join(lines), encoding="utf-8")
    return numbers[0] + 1


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    numbers = [n + 1 for n, line in enumerate(lines) if line == text]
    assert len(numbers) == 1, (text, numbers)
    return numbers[0]


# -- what the tools say -----------------------------------------------------------------


def findings_at(data: dict, line: int) -> dict[str, dict]:
    """The French catalog's findings on one line, by code."""
    return {f["code"]: f for f in data["findings"] if (f["file"], f["line"]) == (PO, line)}


def section(data: dict, section_id: str) -> dict:
    french = next(lang for lang in data["locales"] if lang["locale"] == "fr")
    return next(s for s in french["sections"] if s["id"] == section_id)


def assert_found(
    project: Path, line: int, codes: set[str], section_id: str | None, *, section_fails: bool = True
) -> dict:
    """locale-coverage exits 1 and reports each code on the French catalog's line, in the
    section the report then marks as failing."""
    code, data, _ = coverage(project)
    assert code == FINDINGS, data
    found = findings_at(data, line)
    assert codes <= set(found), (codes, data["findings"])
    for name in codes:
        assert (found[name]["locale"], found[name]["section"]) == ("fr", section_id), found[name]
    assert data["ok"] is False
    if section_id is not None and section_fails:
        assert section(data, section_id)["ok"] is False
    return data


def assert_gate_fails(project: Path, line: int, codes: set[str], section_id: str | None) -> None:
    """The strict build exits 1 and prints ``path:line: code message [fr#section]`` for each code."""
    build = run_build(project)
    assert build.returncode == BUILD_FAILED, build.output
    where = f"[fr#{section_id}]" if section_id else "[fr]"
    for name in codes:
        logged = [row for row in build.output.splitlines() if f"{PO}:{line}: {name} " in row]
        assert logged, (name, build.output)
        assert logged[0].endswith(where), logged[0]
    assert "strict build aborted:" in build.output


def assert_unusable(project: Path, expected: str) -> None:
    """Unusable input: locale-coverage exits 2 and the strict build fails, both naming it;
    a non-strict build publishes nothing."""
    code, _, stderr = coverage(project)
    assert code == UNUSABLE
    assert stderr == f"error: {expected}\n"
    build = run_build(project)
    assert build.returncode == BUILD_FAILED, build.output
    assert f"ERROR   -  {expected}" in build.output
    loose = run_build(project, strict=False)
    assert loose.returncode == BUILD_FAILED, loose.output
    assert not (loose.site / "fr").exists()


def built(project: Path) -> Path:
    """A non-strict build: what a patient would get if someone shipped it."""
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    return build.site


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def markers(element) -> list[str]:
    """The English shown in the untranslated markers."""
    return [text(marker) for marker in element.select(MARKER)]


def assert_nothing_hidden(element) -> None:
    """No hidden element and no comment: nothing the patient cannot see."""
    assert element.select("[hidden], [aria-hidden='true'], [style*='display']") == [], element
    assert element.find_all(string=lambda s: isinstance(s, Comment)) == [], element


def assert_no_script_attributes(page: BeautifulSoup) -> None:
    for name in SCRIPT_ATTRIBUTES:
        assert page.select(f"[{name}]") == [], name


# -- 1. safety text hidden while it counts as translated ---------------------------------------


@dataclass(frozen=True)
class Target:
    msgid: str
    section: str | None
    english: str  # what the patient must read instead
    rendered_with: str  # the one method whose rendering this test builds


TARGETS = {
    "emergency-bullet": Target("trouble breathing", "get-help", "trouble breathing", "hidden"),
    "emergency-title": Target("Call {{ phone.emergency }} now if you have:", "get-help", "Call 999 now if you have:", "comment"),
    "clinician-notice": Target(
        "This translation has not yet been checked by a clinician.", None, CLINICAL_REVIEW_PENDING, "no-break-spaces"
    ),
}
HIDING: dict[str, tuple[Callable[[str], str], set[str]]] = {
    "comment": (lambda s: f"<!-- {s} -->", {"comment-added", "text-empty"}),
    "spaces": (lambda s: "   ", {"text-empty"}),
    "no-break-spaces": (lambda s: "\u00a0\u00a0\u00a0", {"text-empty"}),
    "hidden": (lambda s: s + " {hidden}", {"text-hidden", "attribute-list-added"}),
    "colon-hidden": (lambda s: s + " {: hidden}", {"text-hidden", "attribute-list-added"}),
}


def assert_target_shown(site: Path, name: str) -> None:
    target = TARGETS[name]
    page = soup(site / "fr/get-help/index.html")
    if name == "clinician-notice":
        notices = page.select(".leaflet-notice")
        assert [text(n) for n in notices] == [CLINICAL_REVIEW_PENDING]
        assert_nothing_hidden(notices[0])
        return
    card = page.select_one(".care-card.emergency")
    where = card.select_one(".admonition-title") if name == "emergency-title" else card.select_one("ul")
    assert markers(where) == [target.english]
    assert_nothing_hidden(card)


@pytest.mark.parametrize("method", sorted(HIDING))
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_hidden_safety_text_never_counts_as_translated(project: Path, target: str, method: str) -> None:
    # Every combination through locale-coverage; the builds (about 4 s each) for one method per target.
    change, codes = HIDING[method]
    line = edit_translation(project, TARGETS[target].msgid, change)
    assert_found(project, line, codes, TARGETS[target].section)
    if method == TARGETS[target].rendered_with:
        assert_gate_fails(project, line, codes, TARGETS[target].section)
        assert_target_shown(built(project), target)


def test_a_number_in_words_with_its_digits_in_a_comment(project: Path) -> None:
    line = edit_translation(
        project, "a temperature of 38", lambda s: "vous avez de la fièvre, trente-huit <!-- 38 --> °C ou plus"
    )
    codes = {"number-changed", "comment-added"}
    data = assert_found(project, line, codes, "get-help")
    assert findings_at(data, line)["number-changed"]["message"] == "expected number '38', which the translation lacks"
    assert_gate_fails(project, line, codes, "get-help")
    site = built(project)
    for path in ("fr/get-help/index.html", "fr/risks/index.html"):
        card = soup(site / path).select_one(".care-card.urgent")
        assert "you feel hot and shivery, or you have a temperature of 38 °C or more" in markers(card), path
        assert "trente-huit" not in str(card), path
        assert_nothing_hidden(card)


# -- 2. the in-hours and out-of-hours numbers swapped -------------------------------------------


def test_swapped_phone_placeholders(project: Path) -> None:
    line = edit_translation(
        project, "In working hours, call {{ phone.in_hours }}.",
        lambda s: s.replace("{{ phone.in_hours }}", "{{ phone.out_of_hours }}"),
    )
    data = assert_found(project, line, {"placeholder-changed"}, "get-help")
    assert findings_at(data, line)["placeholder-changed"]["message"] == (
        "expected placeholder '{{ phone.in_hours }}' but received '{{ phone.out_of_hours }}'"
    )
    assert_gate_fails(project, line, {"placeholder-changed"}, "get-help")
    site = built(project)
    for path in ("fr/get-help/index.html", "fr/risks/index.html"):
        card = soup(site / path).select_one(".care-card.urgent")
        paragraph = next(m for m in card.select(MARKER) if text(m).startswith("In working hours"))
        assert text(paragraph) == "In working hours, call 0161 496 0000 ."
        assert [a["href"] for a in paragraph.select("a")] == ["tel:+441614960000"]


# -- 3. attribute lists: script and link hijacking; a carriage return ---------------------------


@dataclass(frozen=True)
class Hijack:
    msgid: str
    change: Callable[[str], str]
    codes: frozenset[str]
    section: str
    page: str
    english: str  # the start of the English the marker shows


HIJACKS = {
    "script-on-a-safety-bullet": Hijack(
        "trouble breathing", lambda s: s + ATTRIBUTE_LIST_ATTACK,
        frozenset({"attribute-list-added", "attribute-added"}), "get-help", "fr/get-help", "trouble breathing",
    ),
    "script-on-the-emergency-phone-link": Hijack(
        "Call {{ phone.emergency }} now if you have:",
        lambda s: s.replace("{{ phone.emergency }}", "{{ phone.emergency }}" + ATTRIBUTE_LIST_ATTACK.strip()),
        frozenset({"attribute-list-added", "attribute-added"}), "get-help", "fr/get-help",
        "Call 999 now if you have:",
    ),
    "href-on-a-link": Hijack(
        "See [When to get help](get-help.md)",
        lambda s: s.replace("(get-help.md)", '(get-help.md){: href="https://evil.example"}'),
        frozenset({"attribute-list-added", "link-changed"}), "complications", "fr/risks", "See When to get help",
    ),
    "href-on-a-phone-link": Hijack(
        "Call {{ phone.in_hours }}. We are open",
        lambda s: s.replace("{{ phone.in_hours }}", '{{ phone.in_hours }}{: href="https://evil.example"}'),
        frozenset({"attribute-list-added", "attribute-added", "link-changed"}), "get-help", "fr/get-help",
        "Call 0161 496 0000",
    ),
}


@pytest.mark.parametrize("attack", sorted(HIJACKS))
def test_attribute_list_hijacking(project: Path, attack: str) -> None:
    hijack = HIJACKS[attack]
    line = edit_translation(project, hijack.msgid, hijack.change)
    assert_found(project, line, set(hijack.codes), hijack.section)
    assert_gate_fails(project, line, set(hijack.codes), hijack.section)
    site = built(project)
    page = soup(site / hijack.page / "index.html")
    english = soup(site / hijack.page.removeprefix("fr/") / "index.html")  # the catalog cannot touch it
    assert "evil.example" not in str(page)
    assert_no_script_attributes(page)
    assert any(m.startswith(hijack.english) for m in markers(page.select_one("article")))
    # the translated content's links: not the theme's link to the language's own PDF
    content = "article a[href]:not(.leaflet-pdf a)"
    hrefs = sorted(a["href"] for a in page.select(content))
    assert hrefs == sorted(a["href"] for a in english.select(content))


def test_a_carriage_return_before_a_reference_definition(project: Path) -> None:
    path = catalogs.po_path(project, "fr")
    line = replace_line(path, 'msgstr "du mal à respirer"', r'msgstr "du mal à respirer\r[x]: https://evil.example"')
    assert_unusable(
        project,
        f"{PO}:{line}: catalog-line-break the msgstr contains U+000D CARRIAGE RETURN, "
        "which would start a new line on the page: remove it",
    )


# -- 4. an escape reaching a safety card through a placeholder ------------------------------


def test_an_escape_never_reaches_a_safety_card_through_a_placeholder(project: Path) -> None:
    line = edit_translation(
        project, "Monday to Friday", lambda s: "du lundi au vendredi 9", comments=("allow: number-changed — an attempt",)
    )
    data = assert_found(project, line, {"number-changed"}, "get-help")
    french = next(lang for lang in data["locales"] if lang["locale"] == "fr")
    assert {
        "file": PO, "line": line, "code": "number-changed", "msgid": "Monday to Friday", "applied": False,
        "reason": "an attempt",
    } in french["escapes"]
    assert_gate_fails(project, line, {"number-changed"}, "get-help")
    site = built(project)
    card = soup(site / "fr/get-help/index.html").select_one(".care-card.routine")
    assert "Monday to Friday" in text(card)
    for path in ("fr/get-help/index.html", "fr/questions/index.html"):
        assert "vendredi 9" not in text(soup(site / path)), path


def test_the_report_fails_the_safety_section_the_opening_days_reach(project: Path) -> None:
    edit_translation(project, "Monday to Friday", lambda s: "du lundi au vendredi 9")
    code, data, _ = coverage(project)
    assert code == FINDINGS
    assert section(data, "get-help")["ok"] is False
    assert section(data, "contacts")["ok"] is False


# -- 5, 6. catalogs nobody can read safely ------------------------------------------------------------


def test_a_duplicate_msgid_is_unusable_and_refresh_keeps_both(project: Path) -> None:
    path = catalogs.po_path(project, "fr")
    first = line_of(path, 'msgid "trouble breathing"')
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "trouble breathing"\nmsgstr "tout va bien"\n')
    second = len(path.read_text(encoding="utf-8").split("\n")) - 2
    before = catalog_files(project)
    expected = (
        f"{PO}:{second}: duplicate-msgid msgid 'trouble breathing' is in the catalog twice: "
        f"keep one entry with the right translation and delete the other; first entry on line {first}"
    )
    result = refresh(project)
    assert result.returncode == UNUSABLE, result.stdout + result.stderr
    assert result.stderr == f"error: {expected}\n"
    assert catalog_files(project) == before  # both entries kept, nothing else written
    assert_unusable(project, expected)


@pytest.mark.parametrize("charset", ["ASCII", "windows-1252"])
def test_a_catalog_that_declares_another_charset(project: Path, charset: str) -> None:
    path = catalogs.po_path(project, "fr")
    line = replace_line(
        path, r'"Content-Type: text/plain; charset=UTF-8\n"', rf'"Content-Type: text/plain; charset={charset}\n"'
    )
    before = catalog_files(project)
    expected = (
        f"{PO}:{line}: catalog-charset the catalog declares charset={charset}; "
        'it must be UTF-8: set "Content-Type: text/plain; charset=UTF-8\\n"'
    )
    result = refresh(project)
    assert result.returncode == UNUSABLE, result.stdout + result.stderr
    assert result.stderr == f"error: {expected}\n"
    assert catalog_files(project) == before
    assert_unusable(project, expected)


# -- 7. invisible characters written as entities --------------------------------------------------------


@pytest.mark.parametrize(
    ("entity", "character"),
    [
        ("&rlm;", "U+200F RIGHT-TO-LEFT MARK"),
        ("&zwj;", "U+200D ZERO WIDTH JOINER"),
        ("&#xFEFF;", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("&#8207;", "U+200F RIGHT-TO-LEFT MARK"),
    ],
)
def test_an_invisible_character_as_an_entity(project: Path, entity: str, character: str) -> None:
    line = edit_translation(project, "trouble breathing", lambda s: s.replace("à", f"{entity}à"))
    codes = {"entity-added", "invisible-character"}
    data = assert_found(project, line, codes, "get-help")
    found = findings_at(data, line)
    assert found["entity-added"]["message"] == (
        f"{entity!r} ({character}) is a character reference the English does not have"
    )
    assert found["invisible-character"]["message"].startswith(f"{character} is ")
    assert_gate_fails(project, line, codes, "get-help")
    if entity == "&rlm;":  # one rendering: the build asks the same predicate for every entity
        card = soup(built(project) / "fr/get-help/index.html").select_one(".care-card.emergency")
        assert markers(card.select_one("ul")) == ["trouble breathing"]
        assert not any(c in card.get_text() for c in "\u200f\u200d\ufeff")


# -- 8. clinic and language settings --------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    old: str  # the line of mkdocs.yml, stripped
    new: str
    code: str
    words: tuple[str, ...]  # what the message must say


SETTINGS = {
    "emergency-dials-the-clinic": Setting(
        'emergency: "999"', 'emergency: {number: "999", tel: "+441614960000"}', "invalid-settings",
        ("extra.clinic.phones.emergency.tel: expected the emergency number shown, '999', but received: "
         "'+441614960000'; a page that shows 999 must dial it",),
    ),
    "emergency-000-unquoted": Setting(
        'emergency: "999"', "emergency: 000", "invalid-settings",
        ("extra.clinic.phones.emergency:", "YAML read as the number 0", "quote it", 'emergency: "000"'),
    ),
    "locale-no-unquoted": Setting(
        '- locale: "zh-Hans"', '- locale: no\n          name: Norsk\n        - locale: "zh-Hans"', "invalid-locale",
        ("YAML read the unquoted 'no' as False", 'quote it: locale: "no"'),
    ),
}
_LINE_LOST = pytest.mark.xfail(
    strict=True,
    reason="mkdocs-static-i18n validates its languages before any hook runs: the build fails, but says only "
    "\"Config value 'plugins': Plugin 'i18n' option 'languages': Sub-option 'locale': Expected type: "
    "<class 'str'> but received: <class 'bool'>\", without mkdocs.yml:<line> or a code",
)


@pytest.mark.parametrize(
    ("setting", "tool"),
    [
        *((name, tool) for name in sorted(SETTINGS) if name != "locale-no-unquoted" for tool in ("build", "locale-coverage")),
        ("locale-no-unquoted", "locale-coverage"),
        pytest.param("locale-no-unquoted", "build", marks=_LINE_LOST),
    ],
)
def test_a_dangerous_setting_is_named_with_its_line(project: Path, setting: str, tool: str) -> None:
    attack = SETTINGS[setting]
    line = replace_line(project / "mkdocs.yml", attack.old, attack.new)
    where = f"mkdocs.yml:{line}: {attack.code} "
    if tool == "locale-coverage":
        code, _, output = coverage(project)
        assert code == UNUSABLE
        assert output.startswith(f"error: {where}"), output
    else:
        build = run_build(project)
        assert build.returncode == BUILD_FAILED
        output = next((row for row in build.output.splitlines() if where in row), build.output)
        assert where in output, output
    for words in attack.words:
        assert words in output, output


def test_an_unquoted_tel_keeps_its_plus(project: Path) -> None:
    replace_line(
        project / "mkdocs.yml",
        'in_hours: {number: "0161 496 0000", tel: "+441614960000"}',
        'in_hours: {number: "0161 496 0000", tel: +441614960000}',
    )
    code, data, _ = coverage(project)
    assert code == 0, data["findings"]
    build = run_build(project)
    assert build.returncode == 0, build.output
    for path in ("get-help/index.html", "fr/get-help/index.html"):
        hrefs = {a["href"] for a in soup(build.site / path).select("article a[href^='tel:']")}
        assert "tel:+441614960000" in hrefs, (path, hrefs)
        assert "tel:441614960000" not in hrefs, (path, hrefs)

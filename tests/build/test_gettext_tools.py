"""GNU gettext's own tools on the project's catalogs, as translators' tools run them:
msgcat, msgmerge (Weblate's msgmerge add-on) and msgattrib change no line of any
shipped catalog, an escape survives each of them and still counts afterwards, in
locale-coverage and in a real build, and ``pybabel update --previous`` output is
refused with what to do (python-babel/babel#206)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from translate.storage import pypo

from helpers import ROOT, edit_translation, missing, run_build, soup
from leaflet.i18n import catalogs
from leaflet.model import LeafletError

FILES = [*sorted(catalogs.discover(ROOT).values()), ROOT / catalogs.TEMPLATE]
CATALOGS = FILES[:-1]
PO = "locales/fr/LC_MESSAGES/messages.po"
COVERAGE = str(Path(sys.executable).parent / "locale-coverage")
#: a message outside every safety section, and a translation that changes its number
MSGID = "Avoid hard exercise and heavy lifting for about 2 days."
TRANSLATION = "Évitez le sport intense et les charges lourdes pendant environ 48 heures."
ESCAPE = "allow: number-changed — 48 heures is how French clinics say 2 days"


def gettext(tool: str, *args: str, cwd: Path = ROOT) -> bytes:
    """What a gettext tool prints; it must succeed."""
    if shutil.which(tool) is None:
        missing(f"{tool} (GNU gettext) is not installed: apt-get install gettext")
    result = subprocess.run([tool, *args], cwd=cwd, capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


#: each tool as a translator's workflow runs it on one catalog, writing it in place
ROUND_TRIPS = {
    "msgcat": lambda po: gettext("msgcat", "-o", po, po),
    "msgmerge": lambda po: gettext("msgmerge", "--quiet", "--previous", "-o", po, po, str(Path(po).parents[2] / "messages.pot")),
    "msgattrib": lambda po: gettext("msgattrib", "--no-obsolete", "-o", po, po),
}


# -- the layout: what the project writes is what gettext writes -------------------------------


@pytest.mark.parametrize("path", FILES, ids=name)
def test_msgcat_changes_no_line_of_a_shipped_catalog(path: Path) -> None:
    assert gettext("msgcat", str(path)) == path.read_bytes()


@pytest.mark.parametrize("path", CATALOGS, ids=name)
def test_msgmerge_against_the_template_changes_no_line(path: Path) -> None:
    merged = gettext("msgmerge", "--quiet", "--previous", str(path), str(ROOT / catalogs.TEMPLATE))
    assert merged == path.read_bytes()


@pytest.mark.parametrize("path", CATALOGS, ids=name)
def test_msgattrib_changes_no_line(path: Path) -> None:
    assert gettext("msgattrib", str(path)) == path.read_bytes()


# -- escapes ---------------------------------------------------------------------------------


def test_the_gettext_tools_still_delete_an_escape_written_as_a_flag(tmp_path: Path) -> None:
    """Why escapes are comments: pins the tools' behaviour the old flag form lost to."""
    po = tmp_path / "fr.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'# {ESCAPE}\n#, allow-number-changed\nmsgid "{MSGID}"\nmsgstr "{TRANSLATION}"\n', encoding="utf-8")
    written = gettext("msgcat", str(po)).decode()
    assert "#, allow-number-changed" not in written
    assert f"# {ESCAPE}\n" in written


@pytest.mark.parametrize("tool", sorted(ROUND_TRIPS))
def test_an_escape_survives_the_tool_and_still_counts(project: Path, tool: str) -> None:
    line = edit_translation(project, MSGID, lambda _: TRANSLATION, comments=(ESCAPE,))
    before = (project / PO).read_bytes()
    ROUND_TRIPS[tool](str(project / PO))
    assert f"# {ESCAPE}\n".encode() in (project / PO).read_bytes()
    if tool != "msgattrib":  # --no-obsolete drops the obsolete entries: a real change
        assert (project / PO).read_bytes() == before
    result = subprocess.run([COVERAGE, "--format", "json", "--locale", "fr"], cwd=project, capture_output=True,
                            text=True, timeout=120, check=False)
    data = json.loads(result.stdout)
    assert result.returncode == 0, data["findings"]
    assert data["locales"][0]["escapes"] == [{
        "file": PO, "line": line, "code": "number-changed", "msgid": MSGID, "applied": True,
        "reason": "48 heures is how French clinics say 2 days",
    }]


def test_after_weblates_msgmerge_the_build_still_honours_the_escape(project: Path) -> None:
    edit_translation(project, MSGID, lambda _: TRANSLATION, comments=(ESCAPE,))
    ROUND_TRIPS["msgmerge"](str(project / PO))
    assert catalogs.refresh(project) == []  # make catalogs has nothing to put back
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = soup(build.site / "fr/after/index.html")
    assert TRANSLATION in page.get_text(" ")
    assert not page.select(".leaflet-untranslated")


def test_an_old_flag_is_moved_to_a_comment_by_make_catalogs_and_then_survives_msgmerge(project: Path) -> None:
    edit_translation(project, MSGID, lambda _: TRANSLATION, flags=("allow-number-changed",))
    assert "\n#, allow-number-changed\n" not in (project / PO).read_text(encoding="utf-8")  # written as a comment
    ROUND_TRIPS["msgmerge"](str(project / PO))
    catalog = catalogs.read_catalog(project / PO, PO, "fr")
    assert catalog.get(MSGID).user_comments == [
        "allow: number-changed — moved from the flag '#, allow-number-changed'; no reason was given"
    ]


def test_after_an_edit_through_weblates_po_writer_make_catalogs_changes_only_that_message(project: Path) -> None:
    """Weblate saves with Translate Toolkit, which rewrites only the messages it changes, wrapping them
    nearly as gettext does; make catalogs puts them in gettext's layout and the escape stays."""
    edit_translation(project, MSGID, lambda _: TRANSLATION, comments=(ESCAPE,))
    before = (project / PO).read_text(encoding="utf-8").split("\n")
    store = pypo.pofile((project / PO).read_bytes())
    edited = "Pendant les premières heures, essayez de faire des choses qui vous font mal d'habitude. Notez-le."
    unit = next(unit for unit in store.units if unit.source.startswith("In the first few hours"))
    old = unit.target
    unit.target = edited
    (project / PO).write_bytes(bytes(store))
    catalogs.refresh(project)
    after = (project / PO).read_text(encoding="utf-8").split("\n")
    assert f"# {ESCAPE}" in after
    added, removed = ([line for line in one if line not in other] for one, other in ((after, before), (before, after)))
    assert added
    assert removed
    assert [line for line in added if line.removeprefix("msgstr ").strip('"') not in edited] == []
    assert [line for line in removed if line.removeprefix("msgstr ").strip('"') not in old] == []
    assert catalogs.read_catalog(project / PO, PO, "fr").get(unit.source).string == edited


# -- pybabel update --previous ----------------------------------------------------------------


def test_pybabel_update_previous_output_is_refused_with_what_to_do(project: Path) -> None:
    page = project / "docs/get-help.md"  # a long paragraph: Babel folds its '#|' lines
    old = "Most people get better without any problems."
    page.write_text(page.read_text(encoding="utf-8").replace(old, "Most people get better with no problems at all."),
                    encoding="utf-8")
    pybabel = [sys.executable, "-m", "babel.messages.frontend"]
    template = project / "new.pot"
    for command in (["extract", "-F", "babel.cfg", "-o", str(template), "."],
                    ["update", "--previous", "-i", str(template), "-d", "locales", "-l", "fr"]):
        result = subprocess.run([*pybabel, *command], cwd=project, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    lines = (project / PO).read_text(encoding="utf-8").split("\n")
    folded = next(number for number, text in enumerate(lines, start=1) if text.startswith('#| msgid "" "'))
    with pytest.raises(LeafletError) as raised:
        catalogs.read_catalog(project / PO, PO, "fr")
    assert str(raised.value).startswith(
        f"{PO}:{folded}: invalid-catalog not a valid PO file: a '#|' line (the English a fuzzy message was "
        "translated from) folded through its quotes, as 'pybabel update --previous' writes them "
        "(python-babel/babel#206); delete the '#|' lines of this message, and refresh catalogs with "
        "'make catalogs' only"
    )
    # gettext cannot read it either: the only way is the project's command
    with pytest.raises(AssertionError, match="end-of-line within string"):
        gettext("msgfmt", "-c", "-o", "/dev/null", str(project / PO))

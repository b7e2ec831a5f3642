"""leaflet.checks.coverage: coverage of each required section in each language,
on small projects written here, so every count is known exactly."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog

from helpers import ROOT
from leaflet.checks.coverage import check, load_source
from leaflet.content.segment import segment
from leaflet.model import LeafletError, Report
from leaflet.settings import read_project

#: the shipped clinic settings, so these projects follow the settings' format as it changes
CLINIC = yaml.safe_dump(
    {"extra": {"clinic": yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["clinic"]}},
    sort_keys=False, allow_unicode=True,
)
PAGE = """\
---
title: A page
---

## Plain {#plain}

Drink water.

Eat 3 meals a day.

## Warning {#warning}

Rest for 2 days.

Call {{ phone.in_hours }} if you have a fever.

!!! urgent "Get help today if:"

    - your hip is hot
"""
MANIFEST = """\
sections:
  - page: page.md
    id: plain
  - page: page.md
    id: warning
    safety: true
"""
PO = "locales/fr/LC_MESSAGES/messages.po"
UNITS = [unit.text for unit in segment(PAGE, "page.md").units]
PLAIN = [unit.text for unit in segment(PAGE, "page.md").units_of("plain")]
WARNING = [unit.text for unit in segment(PAGE, "page.md").units_of("warning")]

#: (msgid, msgstr, flags)
Entry = tuple[str, str, Sequence[str]]


def french(text: str) -> str:
    """A translation every QA check accepts: same numbers, placeholders and markup,
    and French spacing (a no-break space before ; : ! ?)."""
    return re.sub(r" ?([;:!?])(?=\s|$)", "\u00a0\\1", f"{text} (fr)")


def entries(
    changes: Mapping[str, tuple[str, Sequence[str]]] | None = None,
    *,
    skip: Sequence[str] = (),
    units: Sequence[str] = UNITS,
) -> list[Entry]:
    """One entry per distinct English unit, translated; ``changes`` gives some msgid another msgstr and
    flags, or comments (written as given: ``# allow: ...``)."""
    changes = changes or {}
    return [(text, *changes.get(text, (french(text), ()))) for text in dict.fromkeys(units) if text not in skip]


def po_text(code: str, messages: Sequence[Entry]) -> str:
    lines = ['msgid ""', 'msgstr ""', f'"Language: {code}\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for msgid, msgstr, flags in messages:
        lines += [flag for flag in flags if flag.startswith("#")]
        if named := [flag for flag in flags if not flag.startswith("#")]:
            lines.append("#, " + ", ".join(named))
        lines += [f"msgid {quote(msgid)}", f"msgstr {quote(msgstr)}", ""]
    return "\n".join(lines)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def line_of(po: str, msgid: str) -> int:
    """The catalog line of a message (its msgid line), as findings give it."""
    return po.splitlines().index(f"msgid {quote(msgid)}") + 1


def make_project(
    root: Path,
    catalogs: Mapping[str, Sequence[Entry]],
    *,
    published: Sequence[str] = ("fr",),
    page: str = PAGE,
    manifest: str = MANIFEST,
) -> Path:
    languages = "".join(f'        - locale: "{code}"\n' for code in published)
    (root / "mkdocs.yml").write_text(
        "site_name: Tiny leaflet\n" + CLINIC + "plugins:\n  - i18n:\n      languages:\n"
        '        - locale: "en"\n          default: true\n' + languages,
        encoding="utf-8",
    )
    (root / "required-sections.yml").write_text(manifest, encoding="utf-8")
    (root / "babel.cfg").write_text("[leaflet_markdown: docs/**.md]\ndocs_dir = docs\n", encoding="utf-8")
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "page.md").write_text(page, encoding="utf-8")
    for code, messages in catalogs.items():
        path = root / "locales" / code / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(po_text(code, messages), encoding="utf-8")
    return root


def run(root: Path, only: Sequence[str] | None = None) -> Report:
    return check(read_project(root), only=only)


class TestCovered:
    def test_a_full_translation_covers_every_section(self, tmp_path: Path) -> None:
        report = run(make_project(tmp_path, {"fr": entries()}))
        assert report.ok
        (fr,) = report.locales
        assert (fr.locale, fr.published, fr.ok, fr.findings, fr.escapes) == ("fr", True, True, (), ())
        assert [(s.id, s.page, s.safety, s.total, s.translated, s.ok) for s in fr.sections] == [
            ("plain", "page.md", False, len(PLAIN), len(PLAIN), True),
            ("warning", "page.md", True, len(WARNING), len(WARNING), True),
        ]
        assert dict(fr.messages) == {"total": len(UNITS), "translated": len(UNITS), "fuzzy": 0, "untranslated": 0}

    def test_no_sign_off_means_no_source_version(self, tmp_path: Path) -> None:
        (fr,) = run(make_project(tmp_path, {"fr": entries()})).locales
        assert not fr.review.clinically_reviewed
        assert fr.review_note == "no source version recorded"
        assert {s.changed_since_sign_off for s in fr.sections} == {None}


class TestGaps:
    def test_a_fuzzy_translation_is_a_gap(self, tmp_path: Path) -> None:
        text = PLAIN[1]
        messages = entries({text: ("Buvez.", ("fuzzy",))})
        report = run(make_project(tmp_path, {"fr": messages}))
        assert not report.ok
        (finding,) = report.findings
        assert str(finding) == (
            f"{PO}:{line_of(po_text('fr', messages), text)}: fuzzy the fr translation of this paragraph of "
            "page.md#plain is outdated: its English changed since; update it and remove the fuzzy flag"
        )
        assert (finding.locale, finding.section) == ("fr", "plain")
        plain = report.locales[0].sections[0]
        assert (plain.translated, plain.fuzzy, plain.untranslated, plain.missing, plain.ok) == (
            len(PLAIN) - 1, 1, 0, 0, False,
        )
        assert report.locales[0].messages["fuzzy"] == 1

    def test_an_empty_translation_is_a_gap(self, tmp_path: Path) -> None:
        text = WARNING[-2]  # the care card's title
        messages = entries({text: ("", ())})
        report = run(make_project(tmp_path, {"fr": messages}))
        (finding,) = report.findings
        assert str(finding) == (
            f"{PO}:{line_of(po_text('fr', messages), text)}: untranslated "
            "this care-card title of page.md#warning has no fr translation"
        )
        warning = report.locales[0].sections[1]
        assert (warning.untranslated, warning.ok) == (1, False)
        assert report.locales[0].messages["untranslated"] == 1

    def test_english_not_yet_extracted_is_missing_and_the_catalog_stale(self, tmp_path: Path) -> None:
        text = WARNING[-1]
        report = run(make_project(tmp_path, {"fr": entries(skip=[text])}))
        line = next(unit.line for unit in segment(PAGE, "page.md").units if unit.text == text)
        assert [str(f) for f in report.findings] == [
            f"{PO}:1: catalog-stale the catalog is out of date with docs/ (1 new English message missing); "
            "run: make catalogs",
            f"docs/page.md:{line}: not-extracted this list item of page.md#warning is not in the fr catalog; "
            "run: make catalogs",
        ]
        assert report.locales[0].sections[1].missing == 1

    def test_retired_messages_make_the_catalog_stale(self, tmp_path: Path) -> None:
        messages = [*entries(), ("Old one.", "Vieux.", ()), ("Old two.", "", ())]
        (finding,) = run(make_project(tmp_path, {"fr": messages})).findings
        assert finding.code == "catalog-stale"
        assert finding.message == (
            "the catalog is out of date with docs/ (2 messages no longer in the English); run: make catalogs"
        )
        assert finding.section is None

    def test_stale_counts_are_plural(self, tmp_path: Path) -> None:
        messages = [*entries(skip=WARNING[-2:]), ("Old one.", "Vieux.", ())]
        finding = run(make_project(tmp_path, {"fr": messages})).findings[0]
        assert finding.message == (
            "the catalog is out of date with docs/ (2 new English messages missing, "
            "1 message no longer in the English); run: make catalogs"
        )

    def test_a_message_in_two_sections_is_reported_once(self, tmp_path: Path) -> None:
        page = PAGE.replace("Rest for 2 days.", "Drink water.")
        units = [unit.text for unit in segment(page, "page.md").units]
        messages = entries({"Drink water.": ("Buvez.", ("fuzzy",))}, units=units)
        report = run(make_project(tmp_path, {"fr": messages}, page=page))
        assert [(f.code, f.section) for f in report.findings] == [("fuzzy", "plain")]
        assert [s.fuzzy for s in report.locales[0].sections] == [1, 1]
        assert [s.ok for s in report.locales[0].sections] == [False, False]


class TestQuality:
    def test_a_translation_the_checks_reject_is_counted_but_not_covered(self, tmp_path: Path) -> None:
        text = PLAIN[2]  # "Eat 3 meals a day."
        messages = entries({text: ("Mangez 4 repas par jour.", ())})
        report = run(make_project(tmp_path, {"fr": messages}))
        (finding,) = report.findings
        assert str(finding) == (
            f"{PO}:{line_of(po_text('fr', messages), text)}: number-changed expected number '3' but received '4'"
        )
        assert (finding.locale, finding.section) == ("fr", "plain")
        plain = report.locales[0].sections[0]
        assert (plain.total, plain.translated, plain.ok) == (len(PLAIN), len(PLAIN), False)

    def test_an_escape_applies_outside_safety_sections_and_is_listed(self, tmp_path: Path) -> None:
        text = PLAIN[2]
        messages = entries({text: ("Mangez 4 repas par jour.", ("# allow: number-changed — four meals here",))})
        report = run(make_project(tmp_path, {"fr": messages}))
        assert report.ok
        (escape,) = report.locales[0].escapes
        assert (escape.file, escape.line, escape.code, escape.msgid, escape.applied, escape.reason) == (
            PO, line_of(po_text("fr", messages), text), "number-changed", text, True, "four meals here",
        )

    def test_the_old_flag_form_is_still_read(self, tmp_path: Path) -> None:
        text = PLAIN[2]
        messages = entries({text: ("Mangez 4 repas par jour.", ("allow-number-changed",))})
        report = run(make_project(tmp_path, {"fr": messages}))
        assert report.ok
        assert [(e.code, e.reason, e.applied) for e in report.locales[0].escapes] == [("number-changed", "", True)]

    @pytest.mark.parametrize(
        ("comment", "problem"),
        [
            ("# allow: numbr-changed — four meals", "there is no check 'numbr-changed'; did you mean 'number-changed'?"),
            ("# allow: number-changed", "give the reason after the check: '# allow: <check> — <reason>'"),
            ("# allow-number-changed — four meals", "an escape is written '# allow: <check> — <reason>'"),
        ],
        ids=["unknown-check", "no-reason", "flag-as-comment"],
    )
    def test_a_malformed_escape_skips_nothing_and_is_a_located_finding(
        self, tmp_path: Path, comment: str, problem: str
    ) -> None:
        text = PLAIN[2]
        messages = entries({text: ("Mangez 4 repas par jour.", (comment,))})
        report = run(make_project(tmp_path, {"fr": messages}))
        line = line_of(po_text("fr", messages), text)
        assert [str(f) for f in report.findings] == [
            f"{PO}:{line}: invalid-escape {comment!r} above this message skips no check: {problem}",
            f"{PO}:{line}: number-changed expected number '3' but received '4'",
        ]
        assert report.locales[0].escapes == ()

    def test_an_escape_never_applies_in_a_safety_section(self, tmp_path: Path) -> None:
        text = WARNING[1]  # "Rest for 2 days.", before any placeholder
        messages = entries({text: ("Reposez-vous 3 jours.", ("# allow: number-changed — three days",))})
        report = run(make_project(tmp_path, {"fr": messages}))
        assert not report.ok
        assert [(f.code, f.section) for f in report.findings] == [("number-changed", "warning")]
        assert [e.applied for e in report.locales[0].escapes] == [False]
        assert not report.locales[0].sections[1].ok

    def test_an_escape_never_applies_after_a_placeholder_in_a_safety_section(self, tmp_path: Path) -> None:
        text = WARNING[-1]  # "your hip is hot", after "Call {{ phone.in_hours }} ..."
        messages = entries({text: (text, ("# allow: identical-to-source — as in English",))})
        report = run(make_project(tmp_path, {"fr": messages}))
        assert [e.applied for e in report.locales[0].escapes] == [False]
        assert [f.code for f in report.findings] == ["identical-to-source"]

    def test_a_safety_section_must_show_the_same_care_cards(self, tmp_path: Path) -> None:
        text = WARNING[1]
        messages = entries({text: ('!!! emergency "Reposez-vous 2 jours"', ())})
        report = run(make_project(tmp_path, {"fr": messages}))
        heading = next(unit.line for unit in segment(PAGE, "page.md").units if unit.anchor == "warning")
        cards = [f for f in report.findings if f.code == "care-cards-differ"]
        assert [str(f) for f in cards] == [
            f"docs/page.md:{heading}: care-cards-differ page.md#warning renders care cards "
            "['emergency', 'urgent'] in fr but ['urgent'] in English"
        ]
        assert not report.locales[0].sections[1].ok


class TestLanguages:
    def test_a_draft_is_reported_but_never_fails_the_report(self, tmp_path: Path) -> None:
        report = run(make_project(tmp_path, {"fr": entries(), "pl": entries(skip=PLAIN)}))
        assert report.ok
        fr, pl = report.locales
        assert (fr.locale, fr.published, fr.ok) == ("fr", True, True)
        assert (pl.locale, pl.published, pl.ok) == ("pl", False, False)
        assert pl.sections[0].missing == len(PLAIN)

    def test_only_narrows_to_the_languages_asked_for(self, tmp_path: Path) -> None:
        report = run(make_project(tmp_path, {"fr": entries(), "pl": entries()}), only=["pl"])
        assert [locale.locale for locale in report.locales] == ["pl"]

    def test_an_unknown_language_is_an_error_listing_the_known(self, tmp_path: Path) -> None:
        project = make_project(tmp_path, {"fr": entries(), "pl": entries()})
        with pytest.raises(LeafletError) as raised:
            run(project, only=["de"])
        assert str(raised.value) == "locales:1: unknown-locale unknown locale 'de'; expected one of: fr, pl"

    def test_with_no_catalogs_any_language_is_unknown(self, tmp_path: Path) -> None:
        project = make_project(tmp_path, {}, published=())
        assert run(project).locales == ()
        with pytest.raises(LeafletError, match=r"expected one of: none \(no catalogs yet\)"):
            run(project, only=["fr"])

    def test_a_published_language_needs_a_catalog(self, tmp_path: Path) -> None:
        project = make_project(tmp_path, {"pl": entries()})
        with pytest.raises(LeafletError) as raised:
            run(project)
        assert raised.value.code == "no-catalog"
        assert str(raised.value) == (
            f"{PO}:1: no-catalog no catalog for published language 'fr'; start one with: make language LOCALE=fr"
        )


class TestSource:
    def test_the_english_must_have_every_required_section(self, tmp_path: Path) -> None:
        manifest = MANIFEST + "  - page: page.md\n    id: absent\n"
        project = make_project(tmp_path, {"fr": entries()}, manifest=manifest)
        with pytest.raises(LeafletError) as raised:
            run(project)
        assert str(raised.value) == (
            "required-sections.yml:7: section-missing docs/page.md has no heading with id 'absent', "
            "a required section; add '{#absent}' to its heading"
        )

    def test_a_given_source_is_used_as_it_is(self, tmp_path: Path) -> None:
        # The build passes the source it loaded once; sections it lacks are its findings, not an error.
        manifest = MANIFEST + "  - page: page.md\n    id: absent\n"
        project = read_project(make_project(tmp_path, {"fr": entries()}, manifest=manifest))
        source = load_source(project)
        report = check(project, source=source)
        assert [s.id for s in report.locales[0].sections] == ["plain", "warning"]
        assert [f.code for f in source.missing()] == ["section-missing"]

    def test_the_source_knows_the_extracted_messages(self, tmp_path: Path) -> None:
        source = load_source(read_project(make_project(tmp_path, {"fr": entries()})))
        assert source.template_ids == frozenset(UNITS)

    def test_loaded_catalogs_are_used_instead_of_the_files(self, tmp_path: Path) -> None:
        project = read_project(make_project(tmp_path, {"fr": entries(skip=UNITS)}))
        catalog = Catalog(locale="fr")
        for text in UNITS:
            catalog.add(text, french(text))
        report = check(project, loaded={"fr": catalog})
        assert report.ok
        assert dataclasses.asdict(report.locales[0].sections[0])["translated"] == len(PLAIN)


SNIPPET = """\
!!! urgent "Get help today if you have signs of infection:"

    - your hip is hot and swollen
"""
INCLUDING = PAGE + '\n--8<-- "_snippets/card.md"\n'
SNIPPET_UNITS = [unit.text for unit in segment(SNIPPET, "_snippets/card.md").units]


def with_snippet(root: Path, catalogs: Mapping[str, Sequence[Entry]]) -> Path:
    """The page, with a snippet included at the end of its safety section."""
    make_project(root, catalogs, page=INCLUDING)
    (root / "docs" / "_snippets").mkdir()
    (root / "docs" / "_snippets" / "card.md").write_text(SNIPPET, encoding="utf-8")
    return root


class TestSnippets:
    def test_a_section_counts_the_units_of_the_snippet_it_includes(self, tmp_path: Path) -> None:
        report = run(with_snippet(tmp_path, {"fr": entries(units=UNITS + SNIPPET_UNITS)}))
        assert report.ok, report.findings
        warning = report.locales[0].sections[1]
        assert (warning.id, warning.total, warning.translated, warning.ok) == (
            "warning", len(WARNING) + len(SNIPPET_UNITS), len(WARNING) + len(SNIPPET_UNITS), True,
        )

    def test_a_section_is_covered_only_when_its_snippet_is_translated(self, tmp_path: Path) -> None:
        text = SNIPPET_UNITS[-1]
        messages = entries({text: ("", ())}, units=UNITS + SNIPPET_UNITS)
        report = run(with_snippet(tmp_path, {"fr": messages}))
        (finding,) = report.findings
        assert str(finding) == (
            f"{PO}:{line_of(po_text('fr', messages), text)}: untranslated "
            "this list item of page.md#warning has no fr translation"
        )
        plain, warning = report.locales[0].sections
        assert (plain.ok, warning.ok, warning.untranslated) == (True, False, 1)

    def test_a_snippet_s_unit_not_extracted_names_the_snippet(self, tmp_path: Path) -> None:
        text = SNIPPET_UNITS[-1]
        report = run(with_snippet(tmp_path, {"fr": entries(units=UNITS + SNIPPET_UNITS, skip=[text])}))
        assert [str(f) for f in report.findings][1:] == [
            "docs/_snippets/card.md:3: not-extracted this list item of page.md#warning is not in the fr catalog; "
            "run: make catalogs",
        ]

    def test_escapes_never_apply_to_a_snippet_in_a_safety_section(self, tmp_path: Path) -> None:
        text = SNIPPET_UNITS[-1]
        messages = entries({text: (text, ("allow-identical-to-source",))}, units=UNITS + SNIPPET_UNITS)
        report = run(with_snippet(tmp_path, {"fr": messages}))
        (escape,) = report.locales[0].escapes
        assert (escape.msgid, escape.applied) == (text, False)
        assert [f.code for f in report.findings] == ["identical-to-source"]

"""The glossary checks (glossary-term, glossary-forbidden), the TBX reader, the
shipped glossaries and catalogs, and the extracted hint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from helpers import ROOT, TRANSLATED, copy_project
from leaflet.checks import qa
from leaflet.checks.coverage import check
from leaflet.checks.escapes import escaped
from leaflet.checks.glossary import FORBIDDEN, TERM, checks_for
from leaflet.i18n import catalogs
from leaflet.i18n.glossary import Glossary, glossary_for
from leaflet.i18n.po import read_catalog
from leaflet.i18n.tbx import read_glossaries, read_glossary
from leaflet.model import LeafletError
from leaflet.settings import read_project

REQUIRED_TERMS = {
    "steroid", "local anaesthetic", "numbing medicine", "joint infection", "blood thinner", "allergic reaction",
    "emergency number", "urgent-advice service", "emergency department", "ultrasound", "hip joint", "consent",
}


def entry(english: str, term: str, *, lang: str = "de", status: str = "preferredTerm-admn-sts",
          forms: str | None = None, note: str = "", english_forms: str | None = None) -> str:
    forms_note = f'<termNote type="x-forms">{forms}</termNote>' if forms else ""
    english_note = f'<termNote type="x-forms">{english_forms}</termNote>' if english_forms else ""
    return f"""
      <termEntry id="{english}.{term}">
        <descrip type="definition">About {english}.</descrip>
        <langSet xml:lang="en"><tig><term>{english}</term>{english_note}</tig></langSet>
        <langSet xml:lang="{lang}"><tig>
          <term>{term}</term>
          <termNote type="administrativeStatus">{status}</termNote>
          {forms_note}
          <note from="translator">{note}</note>
        </tig></langSet>
      </termEntry>"""


def tbx(*entries: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n<text><body>'
        + "".join(entries) + "\n</body></text>\n</martif>\n"
    )


GERMAN = tbx(
    entry("numbing medicine", "örtliches Betäubungsmittel", forms="örtlich* Betäubungsmittel*; Lokalanästhetik*",
          english_forms="numbing medicine; numbing medicines"),
    entry("numbing medicine", "Betäubungsmittel", status="forbidden", forms="Betäubungsmittel*",
          note="The legal word for narcotics."),
    entry("steroid", "Kortison", forms="Kortison*", english_forms="steroid; steroids"),
    entry("hip joint", "Hüftgelenk", forms="Hüftgelenk*"),
)
ARABIC = tbx(
    entry("joint infection", "عدوى في المفصل", lang="ar", forms="*عدوى في المفصل"),
    entry("joint infection", "التهاب", lang="ar", status="forbidden", forms="*التهاب", note="Read as arthritis."),
)


def glossary(tmp_path: Path, text: str, name: str = "de") -> Glossary:
    (tmp_path / "glossary").mkdir(exist_ok=True)
    path = tmp_path / "glossary" / f"{name}.tbx"
    path.write_text(text, encoding="utf-8")
    return read_glossary(path, f"glossary/{name}.tbx")


def codes(found: Glossary, msgid: str, msgstr: str, locale: str = "de") -> list[str]:
    """The glossary findings only: the fixtures are short, other checks may have their say."""
    return [f.code for f in qa.problems(msgid, msgstr, locale, terms=checks_for(found)) if f.code in {TERM, FORBIDDEN}]


def line_of(text: str, needle: str) -> int:
    """The line of the first line holding ``needle``, as the reader counts (1-based)."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


STEROID_ENTRY = '<termEntry id="steroid.'


def test_a_missing_approved_rendering_is_reported(tmp_path: Path) -> None:
    german = glossary(tmp_path, GERMAN)
    [finding] = qa.problems(
        "The steroid works after a few days.", "Das Medikament wirkt nach ein paar Tagen.", "de",
        terms=checks_for(german), file="locales/de/LC_MESSAGES/messages.po", line=12,
    )
    assert str(finding) == (
        "locales/de/LC_MESSAGES/messages.po:12: glossary-term 'steroid' has none of its approved renderings: "
        f"expected 'Kortison' (glossary/de.tbx:{line_of(GERMAN, STEROID_ENTRY)})"
    )


def test_a_forbidden_rendering_is_reported(tmp_path: Path) -> None:
    german = glossary(tmp_path, GERMAN)
    forbidden = line_of(GERMAN, "<term>Betäubungsmittel</term>") - 1  # its <tig>
    detail = checks_for(german)[0].run(
        "The numbing medicine wears off.", "Das Betäubungsmittel hört auf zu wirken.", "de"
    )
    assert detail == (
        f"'Betäubungsmittel' is a forbidden rendering of 'numbing medicine' (glossary/de.tbx:{forbidden}): "
        "The legal word for narcotics; use 'örtliches Betäubungsmittel'"
    )
    # glossary-forbidden already names the approved rendering: glossary-term stays quiet
    assert codes(german, "The numbing medicine wears off.", "Das Betäubungsmittel hört auf zu wirken.") == [FORBIDDEN]
    # the forbidden word inside the approved phrase does not count
    assert codes(german, "The numbing medicine wears off.", "Das örtliche Betäubungsmittel hört auf.") == []
    arabic = glossary(tmp_path, ARABIC, "ar")
    assert codes(arabic, "A joint infection is rare.", "التهاب المفصل نادر.", "ar") == [FORBIDDEN]


def test_inflections_and_plurals_are_accepted(tmp_path: Path) -> None:
    german = glossary(tmp_path, GERMAN)
    # English plural, German compound and case, no-break space between words
    assert codes(german, "Steroids are not given then.", "Dann gibt man keine Kortisonspritzen.") == []
    assert codes(german, "numbing medicines", "örtlichen\u00a0Betäubungsmitteln") == []
    arabic = glossary(tmp_path, ARABIC, "ar")
    # with the article and the vowel marks of a careful text
    assert codes(arabic, "A joint infection is rare.", "العَدوى في المفصل نادرة.", "ar") == []


def test_a_term_inside_a_longer_message_counts_only_as_a_whole_word(tmp_path: Path) -> None:
    german = glossary(tmp_path, GERMAN)
    long = "After the injection, rest. **A hip joint** can hurt for a day or two; the steroid helps later."
    assert codes(german, long, "Danach ausruhen. **Ein Hüftgelenk** kann schmerzen; das Kortison hilft.") == []
    assert codes(german, long, "Danach ausruhen. **Eine Hüfte** kann schmerzen; das Kortison hilft.") == [TERM]
    # "steroidal" and "hip jointed" are other words: no term, nothing to check
    assert codes(german, "a steroidal cream for the hip-jointed", "eine Creme") == []


def test_a_broken_glossary_names_its_file_and_line(tmp_path: Path) -> None:
    mismatched = tbx(entry("steroid", "Kortison")).replace("</termEntry>", "</termEntr>")
    with pytest.raises(LeafletError) as broken:
        glossary(tmp_path, mismatched)
    where = (broken.value.file, broken.value.line, broken.value.code)
    assert where == ("glossary/de.tbx", line_of(mismatched, "</termEntr>"), "invalid-glossary")
    assert "not a valid TBX file: mismatched tag" in str(broken.value)
    unknown_status = tbx(entry("steroid", "Kortison", status="approved"))
    with pytest.raises(LeafletError) as unknown:
        glossary(tmp_path, unknown_status)
    assert str(unknown.value) == (
        f"glossary/de.tbx:{line_of(unknown_status, 'administrativeStatus')}: invalid-glossary administrativeStatus: expected one of 'preferredTerm-admn-sts', "
        "'admittedTerm-admn-sts', 'forbidden' but received 'approved'"
    )
    no_reason = tbx(entry("steroid", "Steroid", status="forbidden"))
    with pytest.raises(LeafletError, match=rf"^glossary/de\.tbx:{line_of(no_reason, '<term>Steroid') - 1}: .*needs its reason"):
        glossary(tmp_path, no_reason)


def test_an_entry_with_two_terms_in_one_language_is_refused(tmp_path: Path) -> None:
    text = tbx(entry("steroid", "Kortison")).replace("</tig></langSet>\n      </termEntry>",
                                                      "</tig><tig><term>Steroid</term></tig></langSet></termEntry>")
    with pytest.raises(LeafletError, match=r"has 2 'de' term; expected one"):
        glossary(tmp_path, text)


def test_entities_are_refused(tmp_path: Path) -> None:
    text = tbx(entry("steroid", "&x;")).replace("<martif", '<!DOCTYPE martif [<!ENTITY x "Kortison">]>\n<martif')
    with pytest.raises(LeafletError, match=r"^glossary/de\.tbx:2: invalid-glossary a glossary may not declare"):
        glossary(tmp_path, text)


def test_a_glossary_term_may_be_escaped_outside_safety_sections() -> None:
    comment = "allow: glossary-term, glossary-forbidden — the patient group's own word"
    assert escaped(Message("Steroid", "Kortison", user_comments=[comment])) == {TERM, FORBIDDEN}


def test_a_language_variant_uses_its_language_glossary(tmp_path: Path) -> None:
    german = glossary(tmp_path, GERMAN)
    assert glossary_for({"de": german}, "de_AT") is german
    assert glossary_for({"de": german}, "de-AT") is german
    assert glossary_for({"de_AT": german}, "de-AT") is german  # named as the catalog folder
    assert glossary_for({"de": german}, "fr") is None
    assert checks_for(None) == ()


def test_the_shipped_glossaries_hold_every_required_term() -> None:
    glossaries = read_glossaries(ROOT)
    assert set(glossaries) == {"fr", "es", "de", "ar", "zh_Hans", "pl"}
    for code, found in glossaries.items():
        assert {t.english for t in found.terms} >= REQUIRED_TERMS, code
        assert all(t.approved for t in found.terms), code
        assert all(r.note for t in found.terms for r in t.forbidden), code
    assert {r.term for t in glossaries["ar"].terms if t.english == "joint infection" for r in t.forbidden} == {"التهاب"}


def test_the_shipped_catalogs_pass_the_glossary() -> None:
    report = check(read_project(ROOT))
    assert [str(f) for f in report.findings if f.code in {TERM, FORBIDDEN}] == []
    assert set(read_glossaries(ROOT)) >= {catalogs.catalog_code(code) for code in TRANSLATED}


def test_the_hint_appears_in_the_catalogs_after_a_refresh(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    shutil.copytree(ROOT / "glossary", project / "glossary", dirs_exist_ok=True)
    catalogs.refresh(project)
    french = read_catalog(catalogs.po_path(project, "fr"), "fr.po", "fr")
    assert french["take a blood thinner"].auto_comments == [
        "before.md#tell-us-first: list item", "glossary: blood thinner → see glossary/<lang>.tbx",
    ]
    template = (project / catalogs.TEMPLATE).read_text(encoding="utf-8")
    assert "#. glossary: ultrasound, hip joint → see glossary/<lang>.tbx\n" in template


def test_a_glossary_without_its_parts_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LeafletError, match=r"^glossary/de\.tbx:1: invalid-glossary expected <martif><text><body>"):
        glossary(tmp_path, "<martif><body/></martif>")
    with pytest.raises(LeafletError, match=r"needs a non-empty <term>"):
        glossary(tmp_path, tbx(entry("steroid", " ")))
    with pytest.raises(LeafletError, match=r"x-forms: an empty form in 'Kortison; \*'"):
        glossary(tmp_path, tbx(entry("steroid", "Kortison", forms="Kortison; *")))

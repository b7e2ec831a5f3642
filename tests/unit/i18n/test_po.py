"""leaflet.i18n.po: the one reader and writer of PO files, and its shim over Babel.

The first tests pin what Babel itself still gets wrong, so the reason for
the shim stays visible: when one of them fails, Babel has fixed the gap and
the shim's part for it can go.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from leaflet.i18n import po, writer
from leaflet.model import LeafletError

FR = "locales/fr/LC_MESSAGES/messages.po"
REAL = [*sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "locales").glob("*/LC_MESSAGES/messages.po")),
        "locales/messages.pot"]
LONG = "Most people get better without any problems. But it is important to know what to look out for and when."


@pytest.fixture
def fr(tmp_path: Path) -> Path:
    """A private copy of the real French catalog."""
    target = tmp_path / FR
    target.parent.mkdir(parents=True)
    shutil.copy(ROOT / FR, target)
    return target


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def line_of(path: Path, start: str) -> int:
    """The 1-based number of the first line that starts with ``start``."""
    return next(number for number, line in enumerate(lines(path), start=1) if line.startswith(start))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(path: Path, code: str) -> LeafletError:
    with pytest.raises(LeafletError) as raised:
        po.read_catalog(path, FR, "fr")
    assert raised.value.code == code, raised.value
    assert raised.value.file == FR
    return raised.value


# -- what Babel still gets wrong (python-babel/babel#206, #566) --------------


def test_babel_still_reads_previous_msgid_lines_as_translator_comments() -> None:
    catalog = read_po(io.StringIO('#, fuzzy\n#| msgid "Old text"\nmsgid "New text"\nmsgstr "Texte"\n'))
    message = catalog.get("New text")
    assert message.user_comments == ['| msgid "Old text"']
    assert list(message.previous_id) == []


def test_babel_still_folds_previous_msgids_like_comments() -> None:
    catalog = Catalog(locale="fr")
    catalog.add("New text", "Texte", flags=["fuzzy"], previous_id=LONG)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, include_previous=True)
    previous = [line for line in buffer.getvalue().decode().split("\n") if line.startswith("#|")]
    # a quoted string cut across two lines, which gettext tools reject
    assert any(not line.rstrip().endswith('"') for line in previous), previous


def test_babel_still_fails_on_previous_msgids_of_obsolete_entries() -> None:
    with pytest.raises(PoFileError):
        read_po(io.StringIO('#~| msgid "Old"\n#~ msgid "Gone"\n#~ msgstr "Parti"\n'), abort_invalid=True)


def test_babel_still_drops_the_flags_of_obsolete_entries() -> None:
    catalog = read_po(io.StringIO('#, fuzzy\n#~ msgid "Gone"\n#~ msgstr "Parti"\n'))
    assert catalog.obsolete["Gone"].fuzzy
    buffer = io.BytesIO()
    write_po(buffer, catalog, ignore_obsolete=False)
    assert '#~ msgid "Gone"' in buffer.getvalue().decode()
    assert '#, fuzzy\n#~ msgid "Gone"' not in buffer.getvalue().decode()


# -- round trips -----------------------------------------------------------------


@pytest.mark.parametrize("name", REAL)
def test_reading_and_writing_a_real_catalog_keeps_every_byte(name: str) -> None:
    locale = None if name.endswith(".pot") else name.split("/")[1]
    catalog = po.read_catalog(ROOT / name, name, locale)
    assert writer.render(catalog) == (ROOT / name).read_bytes()


def test_previous_msgids_and_obsolete_flags_survive_a_round_trip(fr: Path) -> None:
    catalog = po.read_catalog(fr, FR, "fr")
    catalog.get("Overview").previous_id = [LONG]
    catalog.get("Overview").flags.add("fuzzy")
    catalog.obsolete["Gone"] = Message("Gone", "Parti", flags=["fuzzy"], previous_id=["Went"])
    fr.write_bytes(writer.render(catalog))

    text = fr.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid ""\n#| "Most people get better without any problems. ' in text
    assert '#| "what to look out for and when."\nmsgid "Overview"\n' in text  # wrapped as strings, above its entry
    assert '#, fuzzy\n#~| msgid "Went"\n#~ msgid "Gone"\n#~ msgstr "Parti"\n' in text
    again = po.read_catalog(fr, FR, "fr")
    assert again.get("Overview").previous_id == [LONG]
    assert again.get("Overview").user_comments == []
    assert again.obsolete["Gone"].previous_id == ["Went"]
    assert again.obsolete["Gone"].fuzzy
    assert writer.render(again) == fr.read_bytes()


def test_a_previous_msgid_goes_to_the_entry_with_the_same_msgctxt_and_msgid() -> None:
    catalog = Catalog(locale="fr")
    catalog.add("Home", "Accueil")
    catalog.add("Home", "Domicile", context="address", flags=["fuzzy"], previous_id=["House"])
    catalog.add(("Day", "Days"), ("Jour", "Jours"), flags=["fuzzy"], previous_id=["Date", "Dates"])
    text = writer.render(catalog).decode()
    assert '#| msgid "House"\nmsgctxt "address"\nmsgid "Home"\n' in text
    assert '#| msgid "Date"\n#| msgid_plural "Dates"\nmsgid "Day"\n' in text
    assert text.count("#|") == 3


def test_guessed_format_flags_are_dropped_from_prose_only() -> None:
    catalog = Catalog(locale="fr")
    catalog.add("100% sure", "Sûr à 100 %", locations=[("docs/risks.md", 3)], flags=["python-format"])
    catalog.add("Reviewed by %(name)s.", "", locations=[("overrides/main.html", 1)], flags=["python-format"])
    text = writer.render(catalog).decode()
    assert text.count("#, python-format") == 1
    assert '#, python-format\nmsgid "Reviewed by' in text


# -- broken catalogs -------------------------------------------------------------


def test_a_duplicate_msgid_names_both_lines(fr: Path) -> None:
    first = line_of(fr, 'msgid "Overview"')
    fr.write_text(fr.read_text(encoding="utf-8") + '\nmsgid "Overview"\nmsgstr "Vue d\'ensemble"\n', encoding="utf-8")
    second = len(lines(fr)) - 2
    error = refused(fr, "duplicate-msgid")
    assert str(error).startswith(f"{FR}:{second}: duplicate-msgid msgid 'Overview' is in the catalog twice")
    assert str(error).endswith(f"; first entry on line {first}")
    assert error.line == second


def test_the_same_msgid_in_another_context_or_obsolete_is_no_duplicate(fr: Path) -> None:
    extra = '\nmsgctxt "menu"\nmsgid "Overview"\nmsgstr "Sommaire"\n\n#~ msgid "Overview"\n#~ msgstr "Aperçu"\n'
    fr.write_text(fr.read_text(encoding="utf-8") + extra, encoding="utf-8")
    catalog = po.read_catalog(fr, FR, "fr")
    assert catalog.get("Overview", "menu").string == "Sommaire"
    assert catalog.get("Overview").string == "Présentation"


@pytest.mark.parametrize("charset", ["ASCII", "windows-1252", "CHARSET", "latin-1"])
def test_a_charset_other_than_utf8_is_refused_on_its_header_line(fr: Path, charset: str) -> None:
    edit(fr, "charset=UTF-8", f"charset={charset}")
    error = refused(fr, "catalog-charset")
    line = line_of(fr, '"Content-Type:')
    assert str(error) == (
        f"{FR}:{line}: catalog-charset the catalog declares charset={charset}; it must be UTF-8: "
        'set "Content-Type: text/plain; charset=UTF-8\\n"'
    )


@pytest.mark.parametrize("spelling", ["UTF-8", "utf8", "Utf-8"])
def test_any_spelling_of_utf8_is_accepted(fr: Path, spelling: str) -> None:
    edit(fr, "charset=UTF-8", f"charset={spelling}")
    assert po.read_catalog(fr, FR, "fr").get("Overview").string == "Présentation"


def test_a_missing_charset_is_refused_on_the_headers_line(fr: Path) -> None:
    edit(fr, '"Content-Type: text/plain; charset=UTF-8\\n"\n', "")
    error = refused(fr, "catalog-charset")
    assert str(error).startswith(f"{FR}:{line_of(fr, 'msgstr')}: catalog-charset the catalog declares no charset;")


def test_a_byte_order_mark_is_refused_on_line_1(fr: Path) -> None:
    fr.write_bytes(b"\xef\xbb\xbf" + fr.read_bytes())
    error = refused(fr, "catalog-encoding")
    assert str(error) == f"{FR}:1: catalog-encoding the catalog starts with a byte order mark (U+FEFF): remove the byte order mark"


def test_a_catalog_that_is_not_utf8_names_its_line(fr: Path) -> None:
    data = fr.read_bytes().replace("Présentation".encode(), "Présentation".encode("latin-1"), 1)
    fr.write_bytes(data)
    line = data[: data.index("Présentation".encode("latin-1"))].count(b"\n") + 1
    assert str(refused(fr, "catalog-encoding")).startswith(f"{FR}:{line}: catalog-encoding the catalog is not valid UTF-8")


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("nplurals=x; plural=(n > 1);", "expected the form 'nplurals=2; plural=(n != 1);'"),
        ("nplurals=2; plural=(n > 1;", "plural='(n > 1' is not an expression gettext can evaluate"),
        ("nplurals=1; plural=(n > 1);", "plural= gives form 1 for n=2, but nplurals=1"),
    ],
)
def test_a_bad_plural_forms_header_names_its_own_line(fr: Path, header: str, problem: str) -> None:
    line = line_of(fr, '"Plural-Forms:')
    assert line > 1
    edit(fr, "nplurals=2; plural=(n > 1);", header)
    error = refused(fr, "catalog-plural-forms")
    assert str(error).startswith(f"{FR}:{line}: catalog-plural-forms the Plural-Forms header {header!r} is not valid: {problem}")


def test_a_plural_forms_header_wrapped_over_two_lines_is_read() -> None:
    catalog = po.read_catalog(ROOT / "locales/ar/LC_MESSAGES/messages.po", "ar.po", "ar")
    assert catalog.num_plurals == 6


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
        ("\r", "U+000D CARRIAGE RETURN"),
        ("\\r", "U+000D CARRIAGE RETURN"),
    ],
    ids=["line-separator", "paragraph-separator", "raw-carriage-return", "escaped-carriage-return"],
)
def test_a_line_break_inside_a_msgstr_names_its_line_and_character(fr: Path, written: str, named: str) -> None:
    edit(fr, '"hanche guidées par échographie."', f'"hanche guidées{written} par échographie."')
    line = line_of(fr, '"hanche guidées')  # the msgstr's second line, not its keyword's
    error = refused(fr, "catalog-line-break")
    assert str(error) == f"{FR}:{line}: catalog-line-break the msgstr contains {named}, which would start a new line on the page: remove it"


@pytest.mark.parametrize(
    ("old", "new", "where", "problem"),
    [
        ('msgid "Overview"', 'msgid "Overview', 'msgid "Overview', "expected a keyword and a quoted string, but found"),
        ('msgstr "Présentation"', "", 'msgid "Overview"', "the msgid on this line has no msgstr after it"),
        ('msgid "Overview"\n', "", 'msgstr "Présentation"', "msgstr without a msgid before it"),
        ('msgstr "Présentation"', 'msgstr "Présentation"\n# note\n"orphan"', '"orphan"', "a quoted string without a msgid"),
        ('msgid "Overview"', '#| msgstr "x"\nmsgid "Overview"', "#| msgstr", "a '#|' line holds a previous msgctxt, msgid"),
    ],
    ids=["missing-quote", "missing-msgstr", "missing-msgid", "stray-string", "previous-msgstr"],
)
def test_a_broken_entry_names_its_line(fr: Path, old: str, new: str, where: str, problem: str) -> None:
    edit(fr, old, new)
    error = refused(fr, "invalid-catalog")
    assert str(error).startswith(f"{FR}:{line_of(fr, where)}: invalid-catalog not a valid PO file: {problem}")


def test_an_unreadable_catalog_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LeafletError) as raised:
        po.read_catalog(tmp_path, FR, "fr")  # a folder
    assert (raised.value.code, raised.value.line) == ("catalog-unreadable", 1)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(min_value=0, max_value=1400), junk=st.text(alphabet='#~|:,. "\\msgidtrx[0]\r\u2028\n\ufeffé', max_size=12))
def test_any_damage_is_a_leaflet_error_never_a_traceback(fr: Path, at: int, junk: str) -> None:
    original = (ROOT / FR).read_text(encoding="utf-8").split("\n")
    damaged = [*original[:at], junk, *original[at:]]
    fr.write_text("\n".join(damaged), encoding="utf-8")
    error = None
    try:
        writer.render(po.read_catalog(fr, FR, "fr"), FR)
    except LeafletError as raised:
        error = raised
    if error is not None:
        assert error.file == FR
        assert error.line >= 1
        assert error.code

"""leaflet.i18n.writer: catalogs are written exactly as GNU msgcat writes them, escapes
in the old flag form become comments first, and without msgcat nothing is written."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from helpers import missing
from leaflet.checks.escapes import escaped
from leaflet.i18n import writer
from leaflet.i18n.po import read_catalog
from leaflet.model import LeafletError

FR = "locales/fr/LC_MESSAGES/messages.po"
#: text gettext wraps by the Unicode line-breaking rules: spaces, no-break spaces, Han, Arabic
TEXTS = {
    "Keep the plaster dry on the day of your injection. You can take it off the next day.":
        "Gardez le pansement au sec le jour de votre injection. Vous pouvez l'enlever le lendemain : 38\u00a0°C.",
    "If you have diabetes, check your blood sugar more often for a week. See [Diabetes](before.md#diabetes).":
        "如果您有糖尿病，注射后的一周里，请比平时更常测血糖。请查看[糖尿病](before.md#diabetes)。如果您有糖尿病，请比平时更常测血糖。",
    "Most people get better without any problems. But it is important to know what to look out for.":
        "يتحسن معظم الناس دون أي مشكلات. لكن من المهم أن تعرف ما الذي يجب الانتباه إليه ومتى تطلب المساعدة من الطبيب.",
}


def msgcat(data: bytes) -> bytes:
    if shutil.which("msgcat") is None:
        missing("msgcat (GNU gettext) is not installed: apt-get install gettext")
    return subprocess.run(["msgcat", "-"], input=data, capture_output=True, check=True, timeout=60).stdout


def sample() -> Catalog:
    catalog = Catalog(locale="fr", charset="utf-8")
    for msgid, msgstr in TEXTS.items():
        catalog.add(msgid, msgstr, locations=[("docs/after.md", 17)], auto_comments=["after.md#aftercare: list item"])
    return catalog


def test_a_catalog_is_written_as_msgcat_writes_it_whatever_the_script() -> None:
    babels = io.BytesIO()
    write_po(babels, sample(), width=76)  # Babel's own layout, which msgcat rewraps
    written = writer.render(sample(), FR)
    assert written == msgcat(written)
    after_header = [data.split(b'\nmsgid ""\n', 1)[1].split(b"\n\n", 1)[1] for data in (msgcat(babels.getvalue()), written)]
    assert after_header[0] == after_header[1]  # every message laid out as msgcat lays out Babel's own file
    assert max(len(line) for line in written.decode().split("\n")) > 76  # not Babel's width: gettext's 79


def test_old_escape_flags_become_comments_that_msgcat_keeps(tmp_path: Path) -> None:
    catalog = sample()
    message = catalog.get(next(iter(TEXTS)))
    message.flags.add("allow-number-changed")
    path = tmp_path / "messages.po"
    path.write_bytes(msgcat(writer.render(catalog, FR)))
    text = path.read_text(encoding="utf-8")
    assert "allow-number-changed" not in text.replace("'#, allow-number-changed'", "")
    assert "# allow: number-changed — moved from the flag '#, allow-number-changed'; no reason was given\n" in text
    assert escaped(read_catalog(path, FR, "fr").get(message.id)) == {"number-changed"}


def test_the_header_is_in_msgmerges_order() -> None:
    header = writer.render(sample(), FR).decode().split("\n\n", 1)[0]
    fields = [line[1:].partition(":")[0] for line in header.split("\n") if line.startswith('"')]
    known = [field for field in fields if field in writer._HEADER_ORDER]
    assert known == sorted(known, key=writer._HEADER_ORDER.index)
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in header


def test_without_msgcat_the_error_names_the_debian_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LeafletError) as raised:
        writer.render(sample(), FR)
    assert str(raised.value) == (
        f"{FR}:1: gettext-missing GNU gettext's msgcat is not installed, and catalogs are written the way it "
        "writes them: install Debian's gettext package (apt-get install gettext; elsewhere, your system's gettext "
        "package)"
    )


def test_what_msgcat_refuses_is_an_error_naming_the_catalog() -> None:
    msgcat(b"")  # skips, or fails in CI, without gettext
    with pytest.raises(LeafletError) as raised:
        writer.msgcat(b'msgid "Overview"\n', FR)
    assert (raised.value.file, raised.value.line, raised.value.code) == (FR, 1, "gettext-failed")
    assert raised.value.message == "msgcat could not write the catalog: <stdin>:1: missing 'msgstr' section"

"""The printed PDF made whole: its title, language and dates set, the same bytes for the same input.

Chromium writes the time of printing into the PDF (CreationDate, ModDate)
and no file identifier. Here the dates become ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention) when it is set, and the identifier a
digest of the printed content, so two runs with the same epoch give the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, ByteStringObject, DictionaryObject, NameObject, TextStringObject


@dataclass(frozen=True)
class Metadata:
    title: str
    language: str  # BCP 47: /Lang
    author: str  # the clinic
    subject: str  # the site's description


def pdf_date(moment: dt.datetime) -> str:
    """A PDF date string in UTC: ``D:20261102000000Z``."""
    return moment.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


def moment_of(epoch: str | None, now: dt.datetime | None = None) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, else now."""
    if epoch is None or not epoch.strip():
        return now or dt.datetime.now(dt.UTC)
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"SOURCE_DATE_EPOCH: expected whole seconds since 1970 but received: {epoch!r}") from None


def finish(printed: bytes, metadata: Metadata, moment: dt.datetime, headings: Sequence[str] = ()) -> bytes:
    """The printed PDF with its metadata set, its outline named by ``headings``, its varying parts fixed."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(printed)))
    outline = writer.root_object.get("/Outlines")
    if outline is not None:
        retitle(outline.get_object(), list(headings))
    date = pdf_date(moment)
    writer.metadata = {
        "/Title": metadata.title,
        "/Author": metadata.author,
        "/Subject": metadata.subject,
        "/Creator": "make leaflets",
        "/Producer": "Chromium (Skia/PDF), pypdf",
        "/CreationDate": date,
        "/ModDate": date,
    }
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(metadata.language)
    # Viewers show the title, not the file name, in their title bar (PDF/UA asks for it).
    preferences = root.get("/ViewerPreferences")
    preferences = preferences.get_object() if preferences is not None else DictionaryObject()
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = preferences
    # Chromium's printed content is the same for the same site; without dates, so is this digest.
    digest = ByteStringObject(hashlib.md5(_without_dates(printed) + date.encode(), usedforsecurity=False).digest())
    writer._ID = ArrayObject([digest, digest])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def retitle(outline: DictionaryObject, headings: list[str]) -> None:
    """Each outline entry named as its heading reads.

    Chromium 156 names a heading that opens a printed page with its first
    line twice and joins its lines without a space ("Before your
    injectionBefore your injection"). Entries come in the order of the
    headings; one that reads as none of the headings after the last one named is left as it is.
    """
    position = 0
    item = outline.get("/First")
    stack: list[Any] = []
    while item is not None:
        entry = item.get_object()
        title = _compact(str(entry.get("/Title", "")))
        found = next((i for i in range(position, len(headings)) if _names(title, headings[i])), None)
        if found is not None:
            entry[NameObject("/Title")] = TextStringObject(headings[found])
            position = found + 1
        if "/First" in entry:
            stack.append(entry.get("/Next"))
            item = entry["/First"]
            continue
        item = entry.get("/Next")
        while item is None and stack:
            item = stack.pop()


def _names(title: str, heading: str) -> bool:
    """Whether an outline title (without spaces) is ``heading``, its first line perhaps said twice."""
    compact = _compact(heading)
    return title.endswith(compact) and compact.startswith(title[: len(title) - len(compact)])


def _compact(text: str) -> str:
    return "".join(text.split())


def _without_dates(printed: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(printed))
    hashed = hashlib.sha256()
    for page in reader.pages:
        hashed.update(page.get_contents().get_data() if page.get_contents() else b"")
    return hashed.digest()

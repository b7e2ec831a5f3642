"""Reading the glossaries: ``glossary/<lang>.tbx``, TermBase eXchange as Weblate imports it.

Each ``termEntry`` holds one English ``term`` and one term in the file's
language (Weblate reads one term per language of an entry)::

    <termEntry id="blood-thinner.forbidden">
      <descrip type="definition">the note on the term</descrip>
      <langSet xml:lang="en"><tig>
        <term>blood thinner</term>
        <termNote type="x-forms">blood thinner; blood thinners</termNote>
      </tig></langSet>
      <langSet xml:lang="fr"><tig>
        <term>anticoagulant</term>
        <termNote type="administrativeStatus">forbidden</termNote>
        <termNote type="x-forms">anticoagulant*</termNote>
        <note from="translator">why it is forbidden</note>
      </tig></langSet>
    </termEntry>

``administrativeStatus`` is ``preferredTerm-admn-sts`` or ``admittedTerm-admn-sts``
(approved) or ``forbidden`` (Weblate's forbidden translation); ``x-forms``
lists the forms the check accepts, separated by ``;`` (the term itself when
absent). Anything else is an error naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ..model import LeafletError
from .glossary import Glossary, Rendering, Term, files

INVALID = "invalid-glossary"
APPROVED = ("preferredTerm-admn-sts", "admittedTerm-admn-sts")
FORBIDDEN = "forbidden"
SOURCE = "en"
_LANG = "xml:lang"


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def all(self, tag: str, **attrs: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag and all(c.attrs.get(k) == v for k, v in attrs.items())]

    def one(self, tag: str, **attrs: str) -> Node | None:
        found = self.all(tag, **attrs)
        return found[0] if found else None


def _parse(data: bytes, display: str) -> Node:
    """The XML as nodes with their lines; no DTD, entity or external file is ever read."""
    parser = expat.ParserCreate()
    stack: list[Node] = [Node("", {}, 1)]

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].text += data

    def entity(*_: object) -> None:
        raise LeafletError(display, parser.CurrentLineNumber, "a glossary may not declare entities", INVALID)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise LeafletError(display, error.lineno, f"not a valid TBX file: {expat.errors.messages[error.code]}",
                           INVALID) from None
    return stack[0]


def read_glossary(path: Path, display: str) -> Glossary:
    """One language's glossary; its language is the file's name (``fr.tbx``)."""
    locale = path.stem
    root = _parse(path.read_bytes(), display)
    martif = root.one("martif")
    body = martif.one("text") if martif else None
    body = body.one("body") if body else None
    if body is None:
        raise LeafletError(display, 1, "expected <martif><text><body> around the entries", INVALID)
    grouped: dict[str, list[tuple[Node, tuple[str, ...], Rendering]]] = {}
    for entry in body.all("termEntry"):
        english, forms, rendering = _entry(entry, locale, display)
        grouped.setdefault(english, []).append((entry, forms, rendering))
    terms = tuple(_term(english, found) for english, found in grouped.items())
    return Glossary(locale, display, terms)


def _term(english: str, entries: list[tuple[Node, tuple[str, ...], Rendering]]) -> Term:
    forms = tuple(dict.fromkeys(form for _, found, _ in entries for form in found))
    notes = [_text(n) for entry, _, _ in entries for n in entry.all("descrip")]
    return Term(english, forms, tuple(r for *_, r in entries), next(filter(None, notes), ""), entries[0][0].line)


def _entry(entry: Node, locale: str, display: str) -> tuple[str, tuple[str, ...], Rendering]:
    english = _tig(entry, SOURCE, display)
    tig = _tig(entry, locale, display)
    status = tig.one("termNote", type="administrativeStatus")
    value = _text(status) if status else APPROVED[0]
    if value not in (*APPROVED, FORBIDDEN):
        expected = ", ".join(repr(v) for v in (*APPROVED, FORBIDDEN))
        raise LeafletError(display, status.line if status else tig.line,
                           f"administrativeStatus: expected one of {expected} but received {value!r}", INVALID)
    note = " ".join(_text(n) for n in tig.all("note"))
    if value == FORBIDDEN and not note:
        raise LeafletError(display, tig.line, 'a forbidden rendering needs its reason in <note from="translator">',
                           INVALID)
    term = _term_text(english, display)
    rendering = Rendering(_term_text(tig, display), _forms(tig, display), value == FORBIDDEN, note, tig.line)
    return term, _forms(english, display), rendering


def _tig(entry: Node, lang: str, display: str) -> Node:
    sets = [s for s in entry.all("langSet") if _same(s.attrs.get(_LANG, ""), lang)]
    tigs = [t for s in sets for t in s.all("tig")]
    if len(tigs) != 1:
        what = "no" if not tigs else f"{len(tigs)}"
        raise LeafletError(display, (sets[0] if sets else entry).line,
                           f"entry {entry.attrs.get('id', '')!r} has {what} {lang!r} term; expected one "
                           "(give each rendering its own termEntry)", INVALID)
    return tigs[0]


def _same(lang: str, locale: str) -> bool:
    return re.split("[_-]", lang.lower()) == re.split("[_-]", locale.lower())


def _term_text(tig: Node, display: str) -> str:
    term = tig.one("term")
    if term is None or not _text(term):
        raise LeafletError(display, tig.line, "a <tig> needs a non-empty <term>", INVALID)
    return _text(term)


def _forms(tig: Node, display: str) -> tuple[str, ...]:
    node = tig.one("termNote", type="x-forms")
    if node is None:
        return (_term_text(tig, display),)
    forms = tuple(form.strip() for form in _text(node).split(";"))
    if not all(form.strip("* ") for form in forms):
        raise LeafletError(display, node.line, f"x-forms: an empty form in {_text(node)!r}", INVALID)
    return forms


def _text(node: Node) -> str:
    return " ".join(node.text.split())


def read_glossaries(root: Path) -> dict[str, Glossary]:
    """Every language's glossary (none when the project has no ``glossary/`` folder)."""
    return {path.stem: read_glossary(path, path.relative_to(root).as_posix()) for path in files(root)}

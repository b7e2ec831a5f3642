"""Check results kept between runs, by content, in ``.cache/leaflet/``.

Every check is a pure function of the English, the translation and the
language (:func:`leaflet.checks.qa._details`), given the code of the checks,
the Markdown settings they render with and the glossaries. So a result is
kept under a key made of those three texts and the language's glossary, in a file named after a hash of
everything else: this package's source, ``mkdocs.yml``, the glossaries and
the versions of Python, Python-Markdown, PyMdown Extensions and Babel. Any
change to those starts a new file; nothing is ever reused across them. A
translation that changes by one character is a new key and is checked anew.

Nothing is skipped: a result is only ever the one the same checks gave for
the same texts. ``LEAFLET_CACHE=0`` turns the cache off (the benchmarks use
it to measure a cold run): results are then kept for the run alone, in
memory, where the processes of a build hand them to each other
(:mod:`leaflet.parallel`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import processes

FOLDER = Path(".cache") / "leaflet"
_PACKAGE = Path(__file__).resolve().parents[1]  # hooks/leaflet
_LIBRARIES = ("markdown", "pymdown-extensions", "babel")

Details = tuple[tuple[str, str], ...]


class _Store:
    """Results by key; read from and written to ``path`` unless the cache is off (``salt`` None)."""

    def __init__(self, root: Path, salt: str | None) -> None:
        self.root, self.salt = root, salt
        path = self.path = root / FOLDER / f"qa-{salt}.json"
        self.changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if salt else {}
        except (OSError, ValueError):
            data = {}
        self.results: dict[str, list[list[str]]] = data if isinstance(data, dict) else {}


_store: _Store | None = None


def salt(root: Path) -> str:
    """A hash of everything a result depends on besides its three texts."""
    digest = hashlib.sha256()
    code = [(p.relative_to(_PACKAGE).as_posix(), p) for p in sorted(_PACKAGE.rglob("*.py"))]
    read = [root / "mkdocs.yml", *sorted(root.glob("glossary/*.tbx"))]
    settings = [(p.relative_to(root).as_posix(), p) for p in read]
    for name, path in code + settings:
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    versions = [sys.version] + [_version(name) for name in _LIBRARIES]
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:24]


def _version(name: str) -> str:
    try:
        return f"{name} {importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{name} none"


def open_store(root: Path) -> None:
    """Use the cache of the project at ``root``, for what it is now: once per build or report
    (``mkdocs serve`` rebuilds after an edit). The same file is read once."""
    global _store
    if os.environ.get("LEAFLET_CACHE") == "0":
        _store = _Store(root, None)  # this run's results only
        return
    current = salt(root)
    if _store is None or (_store.root, _store.salt) != (root, current):
        _store = _Store(root, current)


def use_store(root: Path) -> None:
    """The cache the build opened for ``root``; the reviewer command opens it here."""
    if _store is None or _store.root != root:
        open_store(root)


@functools.lru_cache(maxsize=64)
def _terms(terms: tuple[Any, ...]) -> str:
    """The glossary checks, by what they check: their codes and the glossary they are bound to."""
    bound = [(c.code, repr(getattr(getattr(c.run, "__self__", None), "glossary", c.run.__qualname__))) for c in terms]
    return hashlib.sha256(repr(bound).encode()).hexdigest()


def key(msgid: str, msgstr: str, locale: str, terms: tuple[Any, ...] = ()) -> str:
    texts = [msgid, msgstr, locale, _terms(terms)]
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()


def get(msgid: str, msgstr: str, locale: str, terms: tuple[Any, ...] = ()) -> Details | None:
    if _store is None:
        return None
    found = _store.results.get(key(msgid, msgstr, locale, terms))
    return None if found is None else tuple((code, detail) for code, detail in found)


def put(msgid: str, msgstr: str, locale: str, terms: tuple[Any, ...], details: Details) -> None:
    if _store is not None:
        _store.results[key(msgid, msgstr, locale, terms)] = [list(pair) for pair in details]
        _store.changed = True


def mark() -> int:
    """How many results there are: a process building its share of the languages starts here."""
    return 0 if _store is None else len(_store.results)


def added_since(count: int) -> dict[str, list[list[str]]]:
    """The results learnt after :func:`mark` said ``count`` (new keys come last)."""
    return {} if _store is None else processes.added_since(_store.results, count)


def merge(results: dict[str, list[list[str]]]) -> None:
    """Take in what another process of the build learnt."""
    if _store is not None and results:
        _store.results.update(results)
        _store.changed = True


def save() -> None:
    """Write what was learnt, atomically; older files (other salts) go."""
    if _store is None or not _store.changed or _store.salt is None:
        return
    folder = _store.path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp") as out:
            json.dump(_store.results, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(out.name, _store.path)
        for old in folder.glob("qa-*.json"):
            if old != _store.path:
                old.unlink(missing_ok=True)
        _store.changed = False
    except OSError:
        pass  # a read-only checkout still builds; it just checks everything each time


def _template_key(root: Path) -> str:
    """A hash of the salt (the open store's, if it is this project's) and of every file extraction reads."""
    opened = _store.salt if _store is not None and _store.root == root else None
    digest = hashlib.sha256((opened or salt(root)).encode())
    inputs = [root / "babel.cfg", root / "mkdocs.yml"]
    for folder, pattern in (("docs", "*"), ("overrides", "*"), ("hooks/leaflet", "*.py")):
        inputs += sorted(p for p in (root / folder).rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    for path in inputs:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:24]


def template_ids(root: Path, extract: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The messages extraction finds, kept by a hash of every file it reads (``babel.cfg``:
    the pages, ``mkdocs.yml``, the theme overrides, this package) and of the versions above."""
    if os.environ.get("LEAFLET_CACHE") == "0":
        return extract()
    path = root / FOLDER / f"template-{_template_key(root)}.json"
    try:
        return frozenset(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    ids = extract()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("template-*.json"):
            old.unlink(missing_ok=True)
        path.write_text(json.dumps(sorted(ids), ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass
    return ids

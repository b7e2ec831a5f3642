"""A build's languages, built by several processes at once (:mod:`leaflet.processes`).

mkdocs-static-i18n builds its languages one after the other: once the first
(English) is built, its ``on_post_build`` calls MkDocs' ``build`` once per
other language, each into its own folder of the site. The hooks put
:func:`language_build` in that call's place: with a plan for the build
(:func:`plan`), the languages after the first are shared out between
processes, and the hooks' per-language state comes back through their
:class:`~leaflet.processes.Keeper`. The other processes start while the
first language is still being built (:func:`start`), so the processor that
building it leaves idle builds other languages meanwhile; this process
takes its share once English is built. ``mkdocs serve`` always builds in
one process. Like the rest of the core, this module imports nothing from MkDocs:
the hooks hand it MkDocs' ``build`` and the error MkDocs reports.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from .build import SiteBuild
from .checks import qacache
from .hosting import policy
from .model import LeafletError
from .processes import Keeper, Plan, jobs

#: the plan of the build under way, if its languages are shared out
_plan: Plan | None = None
#: work any process may take while languages are built: name -> what to do
_tasks: Mapping[str, Callable[[], object]] = {}
#: MkDocs' build, as mkdocs-static-i18n calls it for each language (:func:`language_build`)
_build: Callable[..., None] | None = None


def plan(
    locales: Sequence[str],
    keeper: Keeper,
    *,
    serving: bool,
    stopped: Callable[[str], BaseException],
    first: Sequence[str] = (),
    tasks: Mapping[str, Callable[[], object]] | None = None,
) -> None:
    """Share out this build's ``locales`` (those after the first), or build them all here.
    ``stopped`` makes the error for a process that ended without a word; ``first`` are built
    before the others (the slowest). ``tasks`` (names that are no language's) go out with the
    languages, to whichever process is free: work the build would otherwise do at the end."""
    global _plan, _tasks
    processes = min(jobs(), len(locales))
    _tasks = {name: _reported(task, stopped) for name, task in (tasks or {}).items()}
    items = (*locales, *_tasks)
    _plan = None if serving or processes < 2 else Plan(items, processes, keeper, stopped, first)


def _reported(work: Callable[[], object], stopped: Callable[[str], BaseException]) -> Callable[[], object]:
    """``work``, its bad input reported as the build reports a plugin's (``stopped``), never as a traceback."""
    def run() -> object:
        try:
            return work()
        except LeafletError as error:
            raise stopped(str(error)) from None

    return run


def start(config: Any, prepare: Callable[[Any], None]) -> None:
    """Start the plan's other processes while this one builds the first language (the site
    folder cleaned, its files listed): each builds languages as mkdocs-static-i18n's loop does
    once the first is built, ``prepare(i18n)`` doing what the loop does before its first build."""
    if _plan is None or _build is None:
        return
    # mkdocs-static-i18n's rule for its languages' builds
    dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
    _plan.start(_item_builder(config, _build, dirty, prepare))


def _item_builder(
    config: Any, build: Callable[..., None], dirty: bool, prepare: Callable[[Any], None] | None = None
) -> Callable[[str], None]:
    """How a process does an item of the plan: a task, or a language built as mkdocs-static-i18n's
    loop builds it (``prepare(i18n)`` first, once, in a process the loop did not start)."""
    i18n = config.plugins["i18n"]

    def build_one(item: str) -> None:
        nonlocal prepare
        if item in _tasks:
            _tasks[item]()
            return
        if prepare is not None:
            prepare(i18n)
            prepare = None
        i18n.current_language = item
        build(config, dirty=dirty)

    return build_one


def abandon() -> None:
    """The build failed in this process: the plan's other processes stop."""
    if _plan is not None:
        _plan.abandon()


def language_build(build: Callable[..., None]) -> Callable[..., None]:
    """mkdocs-static-i18n's call to ``build`` the language it has just set, shared out by the plan."""
    global _build
    _build = build

    def shared_out(config: Any, *, dirty: bool = False, **options: Any) -> None:
        i18n = config.plugins["i18n"]
        if _plan is None or options or i18n.current_language not in _plan.items:
            build(config, dirty=dirty, **options)
            return
        _plan.step(i18n.current_language, _item_builder(config, build, dirty))

    return shared_out


class Handover:
    """What a build keeps per language, handed from another process to the first
    (a :class:`~leaflet.processes.Keeper`): mkdocs-static-i18n's search entries, the
    findings, each language's search settings and sitemap entries, the check results,
    the template's messages once extracted, the catalogs it read (its languages', the drafts')
    and what its pages run inline (:func:`leaflet.hosting.policy.remember`)."""

    def __init__(self, i18n: Any, build: SiteBuild, search: dict[str, Any], sitemap: dict[str, Any]) -> None:
        self.i18n, self.build, self.search, self.sitemap = i18n, build, search, sitemap

    def mark(self) -> _Mark:
        """The drafts read are not marked: a process reads only those it checks."""
        return _Mark(
            len(self.i18n.search_entries), len(self.build.findings), frozenset(self.search), qacache.mark(),
            frozenset(self.build.catalogs), policy.mark(),
        )

    def added(self, mark: _Mark) -> _Added:
        def new(kept: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
            return {code: value for code, value in kept.items() if code not in known}

        return _Added(
            self.i18n.search_entries[mark.entries:], self.build.findings[mark.findings:],
            new(self.search, mark.built), new(self.sitemap, mark.built), qacache.added_since(mark.results),
            self.build.extracted, self.build.drafts_read, new(self.build.catalogs, mark.read),
            policy.added_since(mark.scanned),
        )

    def merge(self, added: _Added) -> None:
        self.i18n.search_entries.extend(added.entries)
        self.build.findings.extend(added.findings)
        self.search.update(added.search)
        self.sitemap.update(added.pages)
        qacache.merge(added.results)
        self.build.extracted = self.build.extracted or added.extracted
        self.build.drafts_read.update(added.drafts)
        self.build.catalogs.update(added.read)
        policy.merge(added.scanned)


class _Mark(NamedTuple):
    """Where a process's state stood when it began its share."""

    entries: int  # search entries
    findings: int
    built: frozenset[str]  # languages with search settings
    results: int  # check results
    read: frozenset[str]  # catalogs
    scanned: int  # pages scanned for the security policy


class _Added(NamedTuple):
    """What a process added to the build's state during its share (picklable)."""

    entries: list[Any]
    findings: list[Any]
    search: dict[str, Any]
    pages: dict[str, Any]  # sitemap entries, by language
    results: Any
    extracted: frozenset[str] | None
    drafts: dict[str, Any]
    read: dict[str, Any]
    scanned: dict[bytes, Any]

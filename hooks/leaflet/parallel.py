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
from typing import Any

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
    i18n = config.plugins["i18n"]
    build, prepared = _build, []
    # mkdocs-static-i18n's rule for its languages' builds
    dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv

    def build_one(item: str) -> None:
        if item in _tasks:
            _tasks[item]()
            return
        if not prepared:
            prepare(i18n)
            prepared.append(True)
        i18n.current_language = item
        build(config, dirty=dirty)

    _plan.start(build_one)


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

        def build_one(item: str) -> None:
            if item in _tasks:
                _tasks[item]()
                return
            i18n.current_language = item
            build(config, dirty=dirty)

        _plan.step(i18n.current_language, build_one)

    return shared_out


class Handover:
    """What a build keeps per language, handed from another process to the first
    (a :class:`~leaflet.processes.Keeper`): mkdocs-static-i18n's search entries, the
    findings, each language's search settings and sitemap entries, the check results,
    the template's messages once extracted, the catalogs it read (its languages', the drafts')
    and what its pages run inline (:func:`leaflet.hosting.policy.remember`)."""

    def __init__(self, i18n: Any, build: SiteBuild, search: dict[str, Any], sitemap: dict[str, Any]) -> None:
        self.i18n, self.build, self.search, self.sitemap = i18n, build, search, sitemap

    def mark(self) -> tuple[int, int, frozenset[str], int, frozenset[str], int]:
        """The drafts read are not marked: a process reads only those it checks."""
        return (
            len(self.i18n.search_entries), len(self.build.findings), frozenset(self.search), qacache.mark(),
            frozenset(self.build.catalogs), policy.mark(),
        )

    def added(self, mark: tuple[int, int, frozenset[str], int, frozenset[str], int]) -> tuple[Any, ...]:
        entries, findings, built, results, read, scanned = mark
        return (
            self.i18n.search_entries[entries:], self.build.findings[findings:],
            {code: value for code, value in self.search.items() if code not in built},
            {code: value for code, value in self.sitemap.items() if code not in built},
            qacache.added_since(results), self.build.extracted, self.build.drafts_read,
            {code: value for code, value in self.build.catalogs.items() if code not in read},
            policy.added_since(scanned),
        )

    def merge(self, added: tuple[Any, ...]) -> None:
        entries, findings, search, pages, results, extracted, drafts, read, scanned = added
        self.i18n.search_entries.extend(entries)
        self.build.findings.extend(findings)
        self.search.update(search)
        self.sitemap.update(pages)
        qacache.merge(results)
        self.build.extracted = self.build.extracted or extracted
        self.build.drafts_read.update(drafts)
        self.build.catalogs.update(read)
        policy.merge(scanned)

"""A build's languages, built by several processes at once.

mkdocs-static-i18n builds its languages one after the other: once the first
(English) is built, its ``on_post_build`` calls MkDocs' ``build`` once per
other language, each into its own folder of the site. :func:`install` takes
that call's place. With a :class:`Plan` for the build, the first call forks
one process per spare processor; each builds its share of the languages
exactly as this process would, while this one builds its own share. After
the last language, what each process learnt joins this one's, as if it had
been learnt here:

- its log, replayed here, so strict mode counts its warnings and the log
  reads as one build's;
- what the hooks keep per language (:class:`Keeper`): mkdocs-static-i18n's
  search entries, the findings, the check results;
- its failure, raised here as if here.

``LEAFLET_JOBS`` sets the number of processes (``1``: one, as
mkdocs-static-i18n alone builds); by default, one per processor this
process may use. ``mkdocs serve`` always builds in one process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import PluginError

from .model import CONFIG, LeafletError

JOBS = "LEAFLET_JOBS"


class Keeper(Protocol):
    """What the hooks keep per language, handed between processes."""

    def mark(self) -> Any:
        """Where things stand, in a process about to build its share."""

    def added(self, mark: Any) -> Any:
        """What that process's builds added since ``mark``: picklable."""

    def merge(self, added: Any) -> None:
        """Take in what another process's builds added."""


def jobs() -> int:
    """``LEAFLET_JOBS``, else the processors this process may use."""
    value = os.environ.get(JOBS, "").strip()
    if not value:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if not value.isdecimal() or int(value) < 1:
        raise LeafletError(CONFIG, 1, f"{JOBS}: expected a whole number of processes, 1 or more, "
                           f"but received: {value!r}", "invalid-setting")
    return int(value)


@dataclass
class _Share:
    """One process's languages, and what came back from it."""

    locales: list[str]
    pid: int = 0
    pipe: int = -1


@dataclass
class Plan:
    """The languages of one build after the first, in mkdocs-static-i18n's order, and who builds which."""

    locales: Sequence[str]
    processes: int
    keeper: Keeper
    shares: list[_Share] = field(default_factory=list)
    started: bool = False

    def worker(self, locale: str) -> int:
        """Who builds ``locale``: 0, this process, takes every ``processes``-th from the second;
        the others (1, 2 ...) start at the first, so they end up with as many or one more."""
        return (self.locales.index(locale) + 1) % self.processes

    def step(self, locale: str, build_one: Callable[[str], None]) -> None:
        """mkdocs-static-i18n's call for ``locale``: start the others first; build it here if it is
        this process's; after the last language, take in the others' work."""
        try:
            if not self.started:
                self.started = True
                self._start(build_one)
            if self.worker(locale) == 0:
                build_one(locale)
        except BaseException:
            self._stop()
            raise
        if locale == self.locales[-1]:
            self._join()

    def _start(self, build_one: Callable[[str], None]) -> None:
        for n in range(1, self.processes):
            locales = [locale for locale in self.locales if self.worker(locale) == n]
            read, write = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's coverage is not collected
                os.close(read)
                _child(locales, build_one, self.keeper, write)
            os.close(write)
            self.shares.append(_Share(locales, pid, read))

    def _join(self) -> None:
        shares, self.shares = self.shares, []
        failure: BaseException | None = None
        for share in shares:
            data = _read_all(share.pipe)
            _pid, status = os.waitpid(share.pid, 0)
            if not data:
                failure = failure or PluginError(
                    f"the process building {', '.join(share.locales)} stopped "
                    f"({_how(status)}) before it finished; {JOBS}=1 builds every language in one process"
                )
                continue
            records, added, error = pickle.loads(data)
            for record in records:
                logging.getLogger(record.name).handle(record)
            self.keeper.merge(added)
            failure = failure or error
        if failure is not None:
            raise failure

    def _stop(self) -> None:
        """This process failed: the others stop too, and leave no process behind."""
        for share in self.shares:
            with contextlib.suppress(ProcessLookupError):
                os.kill(share.pid, signal.SIGTERM)
            os.close(share.pipe)
            os.waitpid(share.pid, 0)
        self.shares = []


def _child(locales: list[str], build_one: Callable[[str], None], keeper: Keeper, pipe: int) -> None:
    """Build ``locales``, send back the log, what the builds added and any failure, and end."""
    status = 0
    try:
        collected = _collect_log()
        mark = keeper.mark()
        error: BaseException | None = None
        try:
            for locale in locales:
                build_one(locale)
        except BaseException as failure:  # every failure goes back to be raised there
            error = _picklable(failure)
        payload = pickle.dumps((collected.records, keeper.added(mark), error))
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        os._exit(status)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def _collect_log() -> _Collector:
    """MkDocs' log, kept to be replayed by the first process rather than written here."""
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    collector = _Collector()
    logger.addHandler(collector)
    return collector


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return PluginError("".join(traceback.format_exception_only(error)).strip())
    return error


def _read_all(fd: int) -> bytes:
    chunks = []
    with os.fdopen(fd, "rb") as pipe:
        while chunk := pipe.read(1 << 16):
            chunks.append(chunk)
    return b"".join(chunks)


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


#: the plan of the build under way, if its languages are shared out
_plan: Plan | None = None


def plan(locales: Sequence[str], keeper: Keeper, *, serving: bool) -> None:
    """Share out this build's ``locales`` (those after the first), or build them all here."""
    global _plan
    processes = min(jobs(), len(locales))
    _plan = None if serving or processes < 2 else Plan(tuple(locales), processes, keeper)


def _language_build(config: Any, *, dirty: bool = False, **options: Any) -> None:
    """mkdocs-static-i18n's call to build the language it has just set."""
    i18n = config.plugins["i18n"]
    if _plan is None or options or i18n.current_language not in _plan.locales:
        return mkdocs_build(config, dirty=dirty, **options)

    def build_one(locale: str) -> None:
        i18n.current_language = locale
        mkdocs_build(config, dirty=dirty)

    _plan.step(i18n.current_language, build_one)
    return None


def install() -> None:
    """Put :func:`_language_build` where mkdocs-static-i18n calls MkDocs' ``build`` per language."""
    i18n_plugin.build = _language_build  # type: ignore[attr-defined]

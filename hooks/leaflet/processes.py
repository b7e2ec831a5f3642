"""Work shared out between processes: one per processor this process may use.

A :class:`Plan` takes items (languages) in order. At the first it forks
the other processes, each doing its share of the items exactly as this
process would, while this one does its own share. After the last item,
what each other process learnt joins this one's, as if it had been learnt
here:

- its log (MkDocs' logger), replayed here, so strict mode counts its
  warnings and the log reads as one run's;
- what a :class:`Keeper` hands over (the build's per-language state, the
  check results);
- its failure, raised here as if here.

``LEAFLET_JOBS`` sets the number of processes (``1``: this one alone); by
default, one per processor this process may use. The builds use it through
:mod:`leaflet.parallel`, ``locale-coverage`` through :func:`each`.
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

from .model import CONFIG, LeafletError

JOBS = "LEAFLET_JOBS"


class Keeper(Protocol):
    """What a process learns, handed to the first."""

    def mark(self) -> Any:
        """Where things stand, in a process about to do its share."""

    def added(self, mark: Any) -> Any:
        """What that process added since ``mark``: picklable."""

    def merge(self, added: Any) -> None:
        """Take in what another process added."""


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
    """The items (languages) in order, and which process does which."""

    locales: Sequence[str]
    processes: int
    keeper: Keeper
    #: the error for a process that ended without a word: given its message
    stopped: Callable[[str], BaseException] = lambda message: LeafletError(CONFIG, 1, message, "process-stopped")
    shares: list[_Share] = field(default_factory=list)
    started: bool = False

    def worker(self, locale: str) -> int:
        """Who does ``locale``: 0, this process, takes every ``processes``-th from the second;
        the others (1, 2 ...) start at the first, so they end up with as many or one more."""
        return (self.locales.index(locale) + 1) % self.processes

    def step(self, locale: str, build_one: Callable[[str], None]) -> None:
        """The turn of ``locale``: the first turn starts the other processes; ``build_one`` runs here
        if ``locale`` is this process's; after the last, the others' work is taken in."""
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
                failure = failure or self.stopped(
                    f"the process building {', '.join(share.locales)} stopped "
                    f"({_how(status)}) before it finished; {JOBS}=1 does all the work in one process"
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
    """Do ``locales``, send back the log, what was added and any failure, and end."""
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
        return RuntimeError("".join(traceback.format_exception_only(error)).strip())
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




def each(items: Sequence[str], work: Callable[[str], None], keeper: Keeper) -> None:
    """``work(item)`` for every item, shared out between processes; ``keeper`` brings back what it learnt."""
    processes = min(jobs(), len(items))
    if processes < 2:
        for item in items:
            work(item)
        return
    plan = Plan(tuple(items), processes, keeper)
    for item in items:
        plan.step(item, work)

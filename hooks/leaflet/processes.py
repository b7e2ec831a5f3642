"""Work shared out between processes: one per processor this process may use.

A :class:`Plan` forks the other processes; then every process, this one
included, takes the next item (a language) from a shared queue as it comes
free, and does it exactly as this process would. When none is left, what
each other process learnt joins this one's, as if it had been learnt here:

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

import atexit
import contextlib
import itertools
import logging
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
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


def added_since(kept: Mapping[Any, Any], count: int) -> dict[Any, Any]:
    """What ``kept`` (filled in order) gained after it held ``count`` entries: for a
    :class:`Keeper` whose state is a dictionary."""
    return dict(itertools.islice(kept.items(), count, None))


def jobs() -> int:
    """``LEAFLET_JOBS``, else the processors this process may use on Linux, and one elsewhere:
    work is shared out by forking, which Windows lacks and macOS makes unsafe for some
    libraries (Python itself stopped forking by default there)."""
    value = os.environ.get(JOBS, "").strip()
    if value and (not value.isdecimal() or int(value) < 1):
        raise LeafletError(CONFIG, 1, f"{JOBS}: expected a whole number of processes, 1 or more, "
                           f"but received: {value!r}", "invalid-setting")
    if not hasattr(os, "fork"):
        return 1
    if value:
        return int(value)
    return len(os.sched_getaffinity(0)) if sys.platform == "linux" else 1


@dataclass
class _Share:
    """Another process, and the pipe its work comes back through."""

    pid: int
    pipe: int


@dataclass
class Plan:
    """Items (languages) done by several processes, each taking the next as it comes free."""

    items: Sequence[str]
    processes: int
    keeper: Keeper
    #: the error for a process that ended without a word: given its message
    stopped: Callable[[str], BaseException] = lambda message: LeafletError(CONFIG, 1, message, "process-stopped")
    #: items to take before the others, in this order: the slowest, where the caller knows them
    first: Sequence[str] = ()
    shares: list[_Share] = field(default_factory=list)
    done: bool = False
    #: the items not yet taken, once the other processes have started (:meth:`start`)
    queue: int | None = None
    owner: int = field(default_factory=os.getpid)

    def order(self) -> list[str]:
        """The order items are taken in."""
        return [*(item for item in self.first if item in self.items),
                *(item for item in self.items if item not in self.first)]

    def step(self, locale: str, build_one: Callable[[str], None]) -> None:
        """The turn of ``locale`` in the caller's loop: the first turn does every item (:meth:`run`),
        later turns find nothing left to do."""
        if not self.done:
            self.run(build_one)

    def start(self, build_one: Callable[[str], None]) -> None:
        """Start the other processes now, while this one is still busy: they take items at once,
        doing each with ``build_one``; :meth:`run` later takes this process's share."""
        self.queue = _queue(len(self.items))
        atexit.register(self.abandon)  # never leave a process behind, whatever happens here
        try:
            self._start(self.order(), build_one, self.queue)
        except BaseException:
            self.abandon()
            raise

    def run(self, build_one: Callable[[str], None]) -> None:
        """Start the other processes (unless :meth:`start` has), take items here until none is
        left, then take in the others' work. Items go out one at a time, so a slow one never
        holds up the rest."""
        self.done = True
        order = self.order()
        try:
            if self.queue is None:
                self.queue = _queue(len(order))
                self._start(order, build_one, self.queue)
            for index in _taken(self.queue):
                build_one(order[index])
        except BaseException:
            self.abandon()
            raise
        self._close_queue()
        self._join()

    def abandon(self) -> None:
        """This process failed: the others stop too, and leave no process behind (in the
        process that made the plan; nothing once the others are joined)."""
        if os.getpid() == self.owner:
            self._stop()
            self._close_queue()

    def _close_queue(self) -> None:
        if self.queue is not None:
            os.close(self.queue)
            self.queue = None

    def _start(self, order: list[str], build_one: Callable[[str], None], queue: int) -> None:
        for _ in range(1, self.processes):
            read, write = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's coverage is not collected
                os.close(read)
                _child(order, queue, build_one, self.keeper, write)
            os.close(write)
            self.shares.append(_Share(pid, read))

    def _join(self) -> None:
        shares, self.shares = self.shares, []
        failure: BaseException | None = None
        for share in shares:
            data = _read_all(share.pipe)
            _pid, status = os.waitpid(share.pid, 0)
            if not data:
                failure = failure or self.stopped(
                    f"a process doing its share of {', '.join(self.items)} stopped ({_how(status)}) "
                    f"before it finished; {JOBS}=1 does all the work in one process"
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


_RECORD = 2  # bytes per item number in the queue


def _queue(count: int) -> int:
    """A pipe holding the numbers 0 .. count - 1, its writing end closed: processes take the next
    by reading one record (a pipe read of a few bytes is atomic)."""
    if count * _RECORD > 65536:
        raise ValueError(f"{count} items: more than one pipe's buffer holds")
    read, write = os.pipe()
    data = b"".join(number.to_bytes(_RECORD, "big") for number in range(count))
    while data:
        data = data[os.write(write, data):]
    os.close(write)
    return read


def _taken(queue: int) -> Iterator[int]:
    """The item numbers this process takes, until none is left."""
    while record := os.read(queue, _RECORD):
        yield int.from_bytes(record, "big")


def _child(order: list[str], queue: int, build_one: Callable[[str], None], keeper: Keeper, pipe: int) -> None:
    """Take items and do them, send back the log, what was added and any failure, and end."""
    status = 0
    try:
        collected = _collect_log()
        mark = keeper.mark()
        error: BaseException | None = None
        try:
            for index in _taken(queue):
                build_one(order[index])
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
    Plan(tuple(items), processes, keeper).run(work)

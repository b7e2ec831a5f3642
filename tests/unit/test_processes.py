"""leaflet.processes: work shared out between processes, with real forks and pipes.

The real builds (the same site from one process and from two) are in
tests/build/test_parallel_build.py.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from helpers import Recorder
from leaflet import processes
from leaflet.model import LeafletError

log = logging.getLogger("mkdocs.plugins.leaflet")


def run(plan: processes.Plan, keeper: Recorder, build_one: Any) -> None:
    """mkdocs-static-i18n's loop, calling the plan for each language in turn."""
    for locale in plan.items:
        plan.step(locale, build_one)


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processes the plan forks (other tests may have processes of their own running)."""
    pids: list[int] = []
    fork = os.fork

    def recording() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(processes.os, "fork", recording)
    return pids


def reaped(pids: list[int]) -> bool:
    """Every one of ``pids`` has ended and been waited for: none is left behind."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(pids)


def test_every_language_is_built_once_and_this_process_learns_all_of_them(forked: list[int]) -> None:
    keeper = Recorder()
    locales = ("fr", "es", "de", "ar", "zh-Hans")
    plan = processes.Plan(locales, 2, keeper)

    def build_one(locale: str) -> None:
        keeper.done.append(f"{locale}:{os.getpid()}")
        time.sleep(0.2)  # long enough for the other process to take the next language meanwhile

    run(plan, keeper, build_one)
    by = [entry.split(":") for entry in keeper.done]
    assert sorted(locale for locale, _pid in by) == sorted(locales), "each language once"
    assert len({pid for _locale, pid in by}) == 2, "both processes took languages"
    assert reaped(forked)


def test_the_slowest_go_first_and_each_process_takes_the_next_as_it_comes_free() -> None:
    keeper = Recorder()
    plan = processes.Plan(("fr", "es", "de", "zh-Hans"), 2, keeper, first=("zh-Hans",))
    assert plan.order() == ["zh-Hans", "fr", "es", "de"]

    def build_one(locale: str) -> None:
        keeper.done.append(f"{locale}:{os.getpid()}")
        time.sleep(1.0 if locale == "zh-Hans" else 0.1)

    run(plan, keeper, build_one)
    by = dict(entry.split(":") for entry in keeper.done)
    slow = by.pop("zh-Hans")
    assert set(by.values()) == {pid for pid in by.values() if pid != slow}, (
        "while one process builds the slow language, the other builds all the rest"
    )


def test_the_other_process_log_is_replayed_here_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    keeper = Recorder()
    plan = processes.Plan(("fr", "es"), 2, keeper)
    here = os.getpid()

    def build_one(locale: str) -> None:
        log.warning(f"locales/{locale}/LC_MESSAGES/leaflet.po:7: number-changed (process {os.getpid()})")
        keeper.done.append(locale)
        if os.getpid() == here:
            time.sleep(0.3)  # the other process takes the other language meanwhile

    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        run(plan, keeper, build_one)
    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 2
    assert [message for message in said if f"(process {here})" not in message], "the other process's warning"
    assert sorted(keeper.done) == ["es", "fr"]


def test_a_failure_in_the_other_process_is_raised_here_after_its_log(forked: list[int]) -> None:
    keeper = Recorder()
    plan = processes.Plan(("fr", "es", "de"), 2, keeper)
    here = os.getpid()

    def build_one(locale: str) -> None:
        if os.getpid() != here:
            raise PluginError(f"locales/{locale}/LC_MESSAGES/leaflet.po:3: the catalog is broken")
        keeper.done.append(locale)
        time.sleep(0.3)

    with pytest.raises(PluginError, match=r"locales/\w+/LC_MESSAGES/leaflet.po:3: the catalog is broken"):
        run(plan, keeper, build_one)
    assert len(keeper.done) == 2, "this process built the other two languages"
    assert reaped(forked)


def test_a_process_that_dies_is_named_with_the_work(forked: list[int]) -> None:
    keeper = Recorder()
    plan = processes.Plan(("fr", "es"), 2, keeper)
    here = os.getpid()

    def build_one(locale: str) -> None:
        if os.getpid() != here:
            os._exit(3)
        keeper.done.append(locale)
        time.sleep(0.3)

    with pytest.raises(LeafletError, match=r"a process doing its share of fr, es stopped \(exit status 3\).*LEAFLET_JOBS=1"):
        run(plan, keeper, build_one)
    assert reaped(forked)


def test_when_this_process_fails_the_others_are_stopped_and_reaped(forked: list[int]) -> None:
    keeper = Recorder()
    plan = processes.Plan(("fr", "es", "de", "ar"), 2, keeper)
    here = os.getpid()

    def build_one(locale: str) -> None:
        if os.getpid() == here:
            raise LeafletError(f"locales/{locale}/LC_MESSAGES/leaflet.po", 1, "unreadable", "invalid-catalog")
        time.sleep(30)  # the other process: stopped long before this ends

    started = time.monotonic()
    with pytest.raises(LeafletError, match="unreadable"):
        run(plan, keeper, build_one)
    assert reaped(forked)
    assert time.monotonic() - started < 10


def test_started_early_the_others_build_while_this_process_is_busy(forked: list[int]) -> None:
    """The others start while this process still builds the first language; it then takes
    what is left, and learns everything, as if it had started them itself."""
    keeper = Recorder()
    plan = processes.Plan(("zh-Hans", "fr", "es"), 2, keeper, first=("zh-Hans",))

    def early(locale: str) -> None:
        keeper.done.append(f"{locale}:early")
        time.sleep(0.6)

    plan.start(early)
    time.sleep(0.2)  # this process builds English meanwhile
    run(plan, keeper, lambda locale: keeper.done.append(f"{locale}:late"))
    done = dict(entry.split(":") for entry in keeper.done)
    assert sorted(done) == ["es", "fr", "zh-Hans"], "each language once"
    assert done["zh-Hans"] == "early", "the slowest was taken at once, by the process started early"
    assert "late" in done.values(), "this process took its share once free"
    assert reaped(forked)


def test_a_failure_before_this_process_takes_its_share_stops_the_others(forked: list[int]) -> None:
    keeper = Recorder()
    plan = processes.Plan(("fr", "es"), 2, keeper)
    plan.start(lambda locale: time.sleep(30))
    started = time.monotonic()
    plan.abandon()  # the first language's build failed
    assert reaped(forked)
    assert time.monotonic() - started < 10
    plan.abandon()  # again (MkDocs reports the error to every build under way): nothing more to do


def test_jobs_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(processes.JOBS, "3")
    assert processes.jobs() == 3
    monkeypatch.delenv(processes.JOBS)
    assert processes.jobs() == len(os.sched_getaffinity(0))
    monkeypatch.setattr(processes.sys, "platform", "darwin")
    assert processes.jobs() == 1, "elsewhere than Linux, one process unless LEAFLET_JOBS says more"
    monkeypatch.setenv(processes.JOBS, "2")
    assert processes.jobs() == 2
    monkeypatch.delattr(processes.os, "fork")
    assert processes.jobs() == 1, "no fork (Windows): one process whatever LEAFLET_JOBS says"
    for wrong in ("0", "two", "-1"):
        monkeypatch.setenv(processes.JOBS, wrong)
        with pytest.raises(LeafletError, match=rf"LEAFLET_JOBS: expected a whole number .* received: '{wrong}'"):
            processes.jobs()


def test_each_does_every_item_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for jobs in ("1", "2", "3"):
        monkeypatch.setenv(processes.JOBS, jobs)
        keeper = Recorder()
        processes.each(["fr", "es", "de", "ar"], lambda item, keeper=keeper: keeper.done.append(item), keeper)
        assert sorted(keeper.done) == ["ar", "de", "es", "fr"]

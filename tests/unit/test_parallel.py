"""leaflet.parallel: which builds share their languages out (the sharing: test_processes.py)."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from leaflet import parallel, processes


class Keeper:
    def mark(self) -> int:
        return 0

    def added(self, mark: int) -> list[str]:
        return []

    def merge(self, added: list[str]) -> None:
        pass


def test_serve_and_one_process_build_here(monkeypatch: pytest.MonkeyPatch) -> None:
    keeper = Keeper()
    monkeypatch.setenv(processes.JOBS, "2")
    parallel.plan(["fr", "es"], keeper, serving=True, stopped=PluginError)
    assert parallel._plan is None
    parallel.plan(["fr"], keeper, serving=False, stopped=PluginError)
    assert parallel._plan is None, "one language after the first: nothing to share"
    monkeypatch.setenv(processes.JOBS, "1")
    parallel.plan(["fr", "es"], keeper, serving=False, stopped=PluginError)
    assert parallel._plan is None
    monkeypatch.setenv(processes.JOBS, "2")
    parallel.plan(["fr", "es"], keeper, serving=False, stopped=PluginError)
    assert parallel._plan is not None
    assert parallel._plan.processes == 2
    parallel.plan([], keeper, serving=False, stopped=PluginError)


def test_a_build_names_a_stopped_process_as_mkdocs_reports_a_plugin_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(processes.JOBS, "2")
    parallel.plan(["fr", "es"], Keeper(), serving=False, stopped=PluginError)
    assert parallel._plan is not None
    assert isinstance(parallel._plan.stopped("the process building fr stopped"), PluginError)
    parallel.plan([], Keeper(), serving=False, stopped=PluginError)

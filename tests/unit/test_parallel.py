"""leaflet.parallel: which builds share their languages out (the sharing: test_processes.py)."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from helpers import Recorder
from leaflet import parallel, processes


def test_serve_and_one_process_build_here(monkeypatch: pytest.MonkeyPatch) -> None:
    keeper = Recorder()
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
    parallel.plan(["fr", "es"], Recorder(), serving=False, stopped=PluginError)
    assert parallel._plan is not None
    assert isinstance(parallel._plan.stopped("the process building fr stopped"), PluginError)
    parallel.plan([], Recorder(), serving=False, stopped=PluginError)


def test_languages_and_tasks_are_each_done_once_by_whichever_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs-static-i18n's loop, as it calls MkDocs' build once per language after the first."""
    from types import SimpleNamespace

    monkeypatch.setenv(processes.JOBS, "2")
    recorder = Recorder()
    i18n = SimpleNamespace(current_language="en")
    config = SimpleNamespace(plugins={"i18n": i18n})

    def build(config: object, *, dirty: bool = False) -> None:
        recorder.done.append(i18n.current_language)

    later = ["fr", "es", "de", "zh-Hans"]
    tasks = {"draft:pl": lambda: recorder.done.append("draft:pl"), "template:": lambda: recorder.done.append("t")}
    parallel.plan(later, recorder, serving=False, stopped=PluginError, first=["zh-Hans"], tasks=tasks)
    shared_out = parallel.language_build(build)
    for code in later:
        i18n.current_language = code
        shared_out(config)
    assert sorted(recorder.done) == sorted([*later, "draft:pl", "t"])
    parallel.plan([], recorder, serving=False, stopped=PluginError)
    i18n.current_language = "fr"
    shared_out(config)
    assert recorder.done[-1] == "fr", "with no plan, the call builds the language it was given"

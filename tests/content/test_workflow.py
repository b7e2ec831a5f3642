"""The example GitHub workflow parses and is hardened: actions pinned by commit, a
read-only token, no persisted credentials, pip's cache, the reports kept as an artifact."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from helpers import ROOT

PATH = ".github/workflows/translations.yml"
TEXT = (ROOT / PATH).read_text(encoding="utf-8")
WORKFLOW: dict[Any, Any] = yaml.safe_load(TEXT)
STEPS = [step for job in WORKFLOW["jobs"].values() for step in job["steps"]]
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def steps_using(action: str) -> list[dict[str, Any]]:
    return [step for step in STEPS if step.get("uses", "").startswith(f"{action}@")]


def test_runs_on_pushes_and_pull_requests() -> None:
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads a bare on as true
    assert set(triggers) == {"push", "pull_request"}  # never pull_request_target, which runs with secrets


@pytest.mark.parametrize("step", [step for step in STEPS if "uses" in step], ids=lambda step: step["uses"])
def test_every_action_is_pinned_by_commit_with_its_release_named(step: dict[str, Any]) -> None:
    assert PINNED.match(step["uses"]), step["uses"]
    line = next(line for line in TEXT.splitlines() if step["uses"] in line)
    assert re.search(r"#\s*v\d+(\.\d+)*\s*$", line), line


def test_the_token_is_read_only() -> None:
    assert WORKFLOW["permissions"] == {"contents": "read"}
    for job in WORKFLOW["jobs"].values():
        assert all(value in ("read", "none") for value in job.get("permissions", {}).values())


def test_checkout_leaves_no_credentials() -> None:
    checkouts = steps_using("actions/checkout")
    assert checkouts
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_pip_s_cache_is_keyed_on_the_pinned_versions() -> None:
    (python,) = steps_using("actions/setup-python")
    assert python["with"]["cache"] == "pip"
    assert "requirements.lock" in python["with"]["cache-dependency-path"].split()


def test_the_reports_are_written_then_kept_as_an_artifact_even_on_failure() -> None:
    (upload,) = steps_using("actions/upload-artifact")
    assert upload["if"] == "always()"
    folder = upload["with"]["path"].rstrip("/")
    written = [step["run"] for step in STEPS if "--output" in step.get("run", "")]
    formats = re.findall(rf"--format (\w+) --output {folder}/\S+", "\n".join(written))
    assert set(formats) == {"html", "junit", "json"}
    assert f"--badges {folder}/badges" in "\n".join(written)
    assert STEPS.index(upload) < next(i for i, step in enumerate(STEPS) if "--format github" in step.get("run", ""))


def test_reviewing_md_documents_the_example() -> None:
    assert PATH in (ROOT / "REVIEWING.md").read_text(encoding="utf-8")

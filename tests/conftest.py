"""Shared fixtures: a real build of the real site, and throwaway copies of
the project to break on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import copy_project, run_build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from the repository with ``--strict``."""
    build = run_build(copy_project(tmp_path_factory.mktemp("built")))
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, to change and build."""
    return copy_project(tmp_path)

"""Shared fixtures: a real build of the real site, and throwaway copies of
the project to break on purpose."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest

from helpers import copy_project, missing, run_build
from leaflet.i18n.writer import NO_GETTEXT
from leaflet.model import LeafletError


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """The project writes catalogs through GNU gettext's msgcat: where it is missing, a test
    that writes one is skipped, or fails with LEAFLET_REQUIRE_TOOLS=1 (CI)."""
    try:
        return (yield)
    except LeafletError as error:
        if error.code == NO_GETTEXT:
            missing(error.message)
        raise


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

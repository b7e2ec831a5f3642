"""A build's languages, built by several processes at once (:mod:`leaflet.processes`).

mkdocs-static-i18n builds its languages one after the other: once the first
(English) is built, its ``on_post_build`` calls MkDocs' ``build`` once per
other language, each into its own folder of the site. :func:`install` takes
that call's place: with a plan for the build (:func:`plan`), the languages
after the first are shared out between processes, and the hooks' per-language
state comes back through their :class:`~leaflet.processes.Keeper`.
``mkdocs serve`` always builds in one process.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import PluginError

from .processes import Keeper, Plan, jobs

#: the plan of the build under way, if its languages are shared out
_plan: Plan | None = None


def plan(locales: Sequence[str], keeper: Keeper, *, serving: bool) -> None:
    """Share out this build's ``locales`` (those after the first), or build them all here."""
    global _plan
    processes = min(jobs(), len(locales))
    _plan = None if serving or processes < 2 else Plan(tuple(locales), processes, keeper, stopped=PluginError)


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

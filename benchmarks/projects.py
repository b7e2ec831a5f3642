"""Throwaway copies of the project for the benchmarks: more languages, and the
plain mkdocs-static-i18n build of the same content to compare against.

A synthetic language is a copy of the French catalog (and its sign-off) under
another code, as in issue 13. The plain build has one suffix file per page and
language (``risks.fr.md``), holding the Markdown the project renders for that
language, and no hooks, overrides or per-language search: what
mkdocs-static-i18n does on its own.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from leaflet.build import PageInput, SiteBuild  # noqa: E402
from leaflet.content.frontmatter import split_front_matter  # noqa: E402
from leaflet.settings.languages import interface_language  # noqa: E402

FILES = ("mkdocs.yml", "required-sections.yml", "babel.cfg", "docs", "overrides", "hooks", "locales", "glossary")
#: the 14 languages added for the 20-language case: codes Material, Babel and lunr all know
EXTRA = ("it", "pt", "nl", "sv", "da", "fi", "nb", "cs", "sk", "hu", "ro", "tr", "el", "ru")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MKDOCS = [sys.executable, "-m", "mkdocs"]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def _i18n(config: dict) -> dict:
    return next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)


def read_config(project: Path) -> dict:
    return yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))


def write_config(project: Path, config: dict) -> None:
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def add_languages(project: Path, codes: Iterable[str], model: str = "fr") -> None:
    """Publish ``codes``, each with a copy of ``model``'s catalog and sign-off."""
    config = read_config(project)
    languages = _i18n(config)["languages"]
    for code in codes:
        folder = project / "locales" / code
        shutil.copytree(project / "locales" / model, folder)
        po = folder / "LC_MESSAGES" / "messages.po"
        po.write_text(po.read_text(encoding="utf-8").replace(f'"Language: {model}\\n"', f'"Language: {code}\\n"'),
                      encoding="utf-8")
        languages.append({"locale": code, "name": code.upper()})
    write_config(project, config)


def languages_of(project: Path) -> list[str]:
    """The published languages, source first."""
    return [entry["locale"] for entry in _i18n(read_config(project))["languages"] if entry.get("build", True)]


def _plain(code: str) -> str:
    """The code a plain project must use: mkdocs-static-i18n makes it Material's language,
    and Material has no file for some tags (``zh-Hans``: ``zh``)."""
    material = Path(importlib.util.find_spec("material").origin).parent / "templates/partials/languages"
    return interface_language(code, [path.stem for path in material.glob("*.html")])


def make_plain(project: Path, target: Path) -> Path:
    """The plain mkdocs-static-i18n project of ``project``'s content, in ``target``."""
    shutil.copytree(project / "docs", target / "docs")
    build = SiteBuild(project, project / "mkdocs.yml")
    for page in sorted((project / "docs").glob("*.md")):
        source = page.read_text(encoding="utf-8")
        meta, body, _line = split_front_matter(source)
        for code in build.languages.published:
            shown = {key: meta[key] for key in ("title", "description") if key in meta}
            text = build.page_markdown(PageInput(f"docs/{page.name}", page.name, source, body, shown), code, False)
            front = yaml.safe_dump(shown, allow_unicode=True) if shown else ""
            suffix = "" if code == build.languages.source else f".{_plain(code)}"
            (target / "docs" / f"{page.stem}{suffix}.md").write_text(f"---\n{front}---\n\n{text}", encoding="utf-8")
    config = read_config(project)
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    _i18n(config).pop("reconfigure_search", None)
    for language in _i18n(config)["languages"]:
        language["locale"] = _plain(language["locale"])
    write_config(target, config)
    return target


#: the check cache off (leaflet.checks.qacache): every check run, as in a fresh clone
COLD = {**ENV, "LEAFLET_CACHE": "0"}


def build(project: Path, site: Path, *args: str, env: dict[str, str] = ENV) -> float:
    """One ``mkdocs build --strict`` in a fresh process; its wall time in seconds."""
    start = time.perf_counter()
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site), *args],
        cwd=project, capture_output=True, text=True, env=env,
    )
    took = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return took


def interleaved(runs: dict[str, Callable[[], float]], repeat: int) -> dict[str, list[float]]:
    """Each measurement ``repeat`` times, taking turns, so a busy moment of the
    shared machine falls on every side alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            times[name].append(run())
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def content_pages(project: Path) -> int:
    return len(list((project / "docs").glob("*.md")))


def each_size(description: str, measure: Callable[[int, int, Path], None], prefix: str) -> None:
    """``measure(languages, repeat, folder)`` for each ``--languages`` count, in a fresh temporary folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--languages", type=int, nargs="+", default=[6, 20])
    args = parser.parse_args()
    for count in args.languages:
        with tempfile.TemporaryDirectory(prefix=prefix) as work:
            measure(count, args.repeat, Path(work))

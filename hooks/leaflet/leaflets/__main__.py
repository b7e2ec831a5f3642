"""``make leaflets``: one PDF of the whole leaflet per published language, into the built site.

Run from the repository root after ``make site``. Exit 0 when every PDF is
written, 2 when something it needs is missing (the built site, Chromium, a
font: the message names the Debian package) or a setting is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..build import SiteBuild
from ..model import CONFIG, LeafletError
from .browser import Printer, served
from .pdf import moment_of
from .printing import Run, make_leaflet
from .settings import PAPERS, fonts_for, language_root, read_leaflet_settings
from .tools import MissingTool, chromium_path, installed_families, require_fonts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make leaflets", description="One PDF of the whole leaflet per published language."
    )
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--paper", choices=PAPERS, help="overrides extra.leaflets.paper in mkdocs.yml")
    parser.add_argument("--language", action="append", metavar="TAG", help="only this language (repeatable)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    try:
        run = _prepare(root, args)
        languages = _languages(run.build.languages.published, args.language)
        require_fonts([font for language in languages for font in fonts_for(language)], installed_families())
        executable = chromium_path()
    except (LeafletError, MissingTool, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    with served(run.site_dir) as base:
        try:
            printer = Printer(executable)
        except MissingTool as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        try:
            for language in languages:
                started = time.monotonic()
                made = make_leaflet(Run(run.build, run.settings, run.site_dir, base, run.moment), printer, language)
                print(
                    f"{made.path.relative_to(run.site_dir.parent).as_posix()}: {made.size:,} bytes, "
                    f"{time.monotonic() - started:.1f} s, linked from {made.pages_linking} pages"
                )
        finally:
            printer.close()
    return 0


def _languages(published: tuple[str, ...], chosen: list[str] | None) -> list[str]:
    unknown = [code for code in chosen or () if code not in published]
    if unknown:
        raise ValueError(f"--language: expected one of: {', '.join(published)} but received: {unknown[0]!r}")
    return [code for code in published if not chosen or code in chosen]


def _prepare(root: Path, args: argparse.Namespace) -> Run:
    if not (root / CONFIG).is_file():
        raise LeafletError(CONFIG, 1, "not found; run make leaflets from the repository root", "invalid-settings")
    build = SiteBuild(root, root / CONFIG)
    settings = read_leaflet_settings(build.project, args.paper)
    site_dir = args.site_dir.resolve()
    for language in build.languages.published:
        if not (language_root(site_dir, language, build.languages.source) / "index.html").is_file():
            raise LeafletError(
                args.site_dir.as_posix(), 1, f"no built site for {language}: run make site first", "no-site"
            )
    return Run(build, settings, site_dir, "", moment_of(os.environ.get("SOURCE_DATE_EPOCH")))


if __name__ == "__main__":
    raise SystemExit(main())

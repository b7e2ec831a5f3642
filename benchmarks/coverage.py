"""``locale-coverage`` time: on the project (6 languages) and on a synthetic
50 languages × 50 pages (issue 13).

Run by hand from the repository root::

    .venv/bin/python benchmarks/coverage.py [--repeat 5]

The synthetic case publishes 44 more languages, each a copy of the French
catalog under another code, and makes 50 pages out of the 7 (copies under new
names, each listed in required-sections.yml with its original's sections), so
sections × languages grow 50-fold while the catalogs keep the project's
messages. Each run is a fresh ``locale-coverage --format json`` process;
"cold" turns the check cache off (``LEAFLET_CACHE=0``), as in a fresh
clone, and "1 process" also keeps every check in one process.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import yaml
from projects import COLD, ENV, EXTRA, ROOT, add_languages, copy_project, languages_of, median

MORE = (
    "uk", "bg", "hr", "sl", "sr", "lt", "lv", "et", "ca", "gl", "eu", "is", "ga", "cy", "mt",
    "sq", "mk", "bs", "ka", "hy", "az", "kk", "uz", "id", "ms", "vi", "th", "ko", "ja", "hi",
)
#: cold, and in one process (LEAFLET_JOBS=1)
ONE = {**COLD, "LEAFLET_JOBS": "1"}
COMMAND = [str(ROOT / ".venv" / "bin" / "locale-coverage"), "--format", "json"]


def fifty_pages(project: Path, count: int = 50) -> None:
    docs = project / "docs"
    originals = sorted(docs.glob("*.md"))
    manifest_path = project / "required-sections.yml"
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    sections = manifest["sections"]
    for number in range(count - len(originals)):
        original = originals[number % len(originals)]
        copy = f"{original.stem}-{number + 1:02d}.md"
        shutil.copyfile(original, docs / copy)
        sections += [{**section, "page": copy} for section in sections if section["page"] == original.name]
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")


def timed(project: Path, repeat: int, env: dict[str, str] = ENV) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(COMMAND, cwd=project, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - start)
        if result.returncode == 2:
            raise SystemExit(result.stderr)
    return times


def report(label: str, times: list[float]) -> None:
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{label:<36} median {median(times):5.2f} s   ({runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="leaflet-coverage-") as work:
        project = copy_project(Path(work) / "six")
        report(f"{len(languages_of(project))} languages × 7 pages, cold", timed(project, args.repeat, COLD))
        report(f"{len(languages_of(project))} languages × 7 pages, cold, 1 process", timed(project, args.repeat, ONE))
        report(f"{len(languages_of(project))} languages × 7 pages", timed(project, args.repeat))
        big = copy_project(Path(work) / "fifty")
        add_languages(big, (*EXTRA, *MORE)[: 50 - len(languages_of(big))])
        fifty_pages(big)
        pages = len(list((big / "docs").glob("*.md")))
        report(f"{len(languages_of(big))} languages × {pages} pages, cold", timed(big, args.repeat, COLD))
        report(f"{len(languages_of(big))} languages × {pages} pages, cold, 1 process", timed(big, args.repeat, ONE))
        report(f"{len(languages_of(big))} languages × {pages} pages", timed(big, args.repeat))


if __name__ == "__main__":
    main()

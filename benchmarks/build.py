"""Time and memory of the parts of a build, on the real project.

Run by hand from the repository root: ``.venv/bin/python benchmarks/build.py``.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from leaflet.checks import coverage  # noqa: E402
from leaflet.content.segment import _segment, segment  # noqa: E402
from leaflet.i18n import catalogs  # noqa: E402
from leaflet.settings import read_project  # noqa: E402
from leaflet.settings.languages import catalog_code  # noqa: E402


def timed(label: str, function, repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    print(f"{label:<44} median {statistics.median(times) * 1000:8.1f} ms  (min {min(times) * 1000:.1f}, n={repeat})")


def segment_all() -> None:
    _segment.cache_clear()
    for page in sorted((ROOT / "docs").glob("*.md")):
        segment(page.read_text(encoding="utf-8"), page.name)


def read_all() -> None:
    for code, path in catalogs.discover(ROOT).items():
        catalogs.read_catalog(path, path.name, catalog_code(code))


def main() -> None:
    os.chdir(ROOT)
    pages = len(list((ROOT / "docs").glob("*.md")))
    languages = catalogs.discover(ROOT)
    print(f"{pages} pages, {len(languages)} catalogs ({', '.join(languages)})")
    timed("segment every page (cold cache)", segment_all, 20)
    timed("read every catalog", read_all, 5)
    timed("extract the template (pybabel's extractors)", lambda: catalogs.extract_template(ROOT), 5)
    timed("coverage and QA of every language", lambda: coverage.check(read_project(ROOT)), 3)
    builds = []
    for _ in range(3):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "/tmp/leaflet-benchmark-site"],
            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        builds.append(time.perf_counter() - start)
        if result.returncode:
            print(result.stdout + result.stderr)
            raise SystemExit(1)
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    label = "mkdocs build --strict, every language"
    print(f"{label:<44} median {statistics.median(builds):8.2f} s   (min {min(builds):.2f}, n=3)")
    print(f"{'peak memory of a build (max RSS)':<44} {child:8.0f} MiB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this script (max RSS)':<44} {peak:8.0f} MiB")


if __name__ == "__main__":
    main()

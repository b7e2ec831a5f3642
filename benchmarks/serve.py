"""The translator's loop: from saving a catalog to the change on the served page
(issue 13), with ``make serve LOCALE=fr``'s preview, at 6 and at 20 languages.

Run by hand from the repository root::

    .venv/bin/python benchmarks/serve.py [--repeat 5] [--languages 6 20]

Starts ``mkdocs serve`` on a copy of the project with ``LEAFLET_PREVIEW=fr``
(what ``make serve LOCALE=fr`` sets), saves the French catalog with one
heading changed, and polls the page every 20 ms until it shows the change
(the browser's live reload fetches the same page once the rebuild is done).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from babel.messages.pofile import read_po
from projects import ENV, EXTRA, MKDOCS, add_languages, copy_project, each_size, languages_of, median

from leaflet.i18n import catalogs

HEADING = "Possible complications"
PAGE = "hip-injection/fr/risks/"
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett")


def free_port() -> int:
    with socket.socket() as handle:
        handle.bind(("127.0.0.1", 0))
        return handle.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 120) -> float:
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"{text!r} never showed at {url}")
        time.sleep(0.02)
    return time.perf_counter() - start


def save_heading(project: Path, text: str) -> None:
    path = catalogs.po_path(project, "fr")
    with path.open("rb") as handle:
        catalog = read_po(handle)
    catalog[HEADING].string = text
    path.write_bytes(catalogs.render(catalog))


def measure(count: int, repeat: int, work: Path) -> None:
    project = copy_project(work / "project")
    add_languages(project, EXTRA[: count - len(languages_of(project))])
    port = free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
        env={**ENV, "LEAFLET_PREVIEW": "fr"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        first = wait_for(url, "<html")
        times = []
        for run in range(repeat):
            time.sleep(1.0)  # let the watcher settle between saves
            marker = f"Complications possibles {WORDS[run % len(WORDS)]}"  # no digits: QA rejects new numbers
            save_heading(project, marker)
            times.append(wait_for(url, marker))
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"{count} languages: first build served after {first:.1f} s; "
              f"save to changed page median {median(times):.2f} s ({runs})")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    each_size(__doc__.splitlines()[0], measure, "leaflet-serve-")

if __name__ == "__main__":
    main()

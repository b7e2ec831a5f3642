"""Build time and site size as languages grow, against a plain mkdocs-static-i18n
build of the same content, measured in the same run (issue 13).

Run by hand from the repository root::

    .venv/bin/python benchmarks/languages.py [--repeat 5] [--languages 6 20]

For each size it builds the project and the plain project in turn, ``repeat``
times each, and prints the medians, their ratio, and the site's bytes per
page-language. The 20-language case adds 14 languages, each a copy of the
French catalog under another code. Prints figures; asserts nothing.
"""

from __future__ import annotations

from pathlib import Path

from projects import (
    COLD,
    EXTRA,
    add_languages,
    build,
    content_pages,
    copy_project,
    each_size,
    interleaved,
    languages_of,
    make_plain,
    median,
    site_bytes,
)


def measure(count: int, repeat: int, work: Path) -> None:
    project = copy_project(work / "project")
    add_languages(project, EXTRA[: count - len(languages_of(project))])
    plain = make_plain(project, work / "plain")
    languages, pages = len(languages_of(project)), content_pages(project)
    sites = {"project": work / "site-project", "plain": work / "site-plain"}
    times = interleaved(
        {
            "project": lambda: build(project, sites["project"]),
            "cold": lambda: build(project, work / "site-cold", env=COLD),
            "cold-1": lambda: build(project, work / "site-cold-1", env={**COLD, "LEAFLET_JOBS": "1"}),
            "plain": lambda: build(plain, sites["plain"]),
        },
        repeat,
    )
    reference = median(times["plain"])
    print(f"{languages} languages, {pages} pages, n={repeat} (cold: the check cache off, as in a fresh clone; "
          f"cold-1: and one process, LEAFLET_JOBS=1)")
    for name in ("project", "cold", "cold-1", "plain"):
        runs = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"  build {name:<8} median {median(times[name]):6.2f} s   ({runs})")
    print(f"  build ratio project/plain   {median(times['project']) / reference:6.2f}")
    print(f"  build ratio cold/plain      {median(times['cold']) / reference:6.2f}")
    print(f"  build ratio cold-1/plain    {median(times['cold-1']) / reference:6.2f}")
    for name, site in sites.items():
        per = site_bytes(site) / (pages * languages) / 1000
        # Material's assets/ are there once, whatever the number of languages.
        own = (site_bytes(site) - site_bytes(site / "assets")) / (pages * languages) / 1000
        print(f"  site {name:<8} {per:7.1f} KB per page-language ({site_bytes(site) / 1e6:.1f} MB); "
              f"without Material's assets/ {own:5.1f} KB")


def main() -> None:
    each_size(__doc__.splitlines()[0], measure, "leaflet-languages-")

if __name__ == "__main__":
    main()

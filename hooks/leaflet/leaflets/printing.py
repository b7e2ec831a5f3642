"""One leaflet per published language: read the built pages, compose, print, finish, link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..build import SiteBuild
from ..settings.languages import language_tag
from . import strings
from .browser import Printer, Read
from .compose import Leaflet, Section, Words, compose
from .links import file_size, show_links
from .nav import anchor, nav_pages, page_path
from .pdf import Metadata, finish
from .settings import LeafletSettings, fonts_for, pdf_name


@dataclass(frozen=True)
class Made:
    language: str
    path: Path
    size: int  # bytes
    pages_linking: int  # built pages whose link to it now shows


@dataclass(frozen=True)
class Run:
    """What every language's leaflet shares."""

    build: SiteBuild
    settings: LeafletSettings
    site_dir: Path
    base: str  # the served site: http://127.0.0.1:<port>/
    moment: dt.datetime  # the PDFs' date


def make_leaflet(run: Run, printer: Printer, language: str) -> Made:
    build, config = run.build, run.build.project.config
    source = language == build.languages.source
    prefix = "" if source else language_tag(language) + "/"
    sources = nav_pages(config)
    directory_urls = config.get("use_directory_urls", True) is not False
    local = {src: run.base + prefix + page_path(src, directory_urls) for src in sources}
    arguments = {
        "pages": {url: anchor(src) for src, url in local.items()},
        "local": run.base,
        "online": run.settings.site_url,
    }
    read = {src: printer.read(local[src], {**arguments, "prefix": anchor(src) + "--"}) for src in sources}
    leaflet = _leaflet(run, language, sources, read)
    printed, headings = printer.print(compose(leaflet, run.base + prefix), run.settings.paper)
    metadata = Metadata(leaflet.title, leaflet.language, leaflet.clinic_name, leaflet.description)
    path = run.site_dir / prefix / pdf_name(language)
    path.write_bytes(finish(printed, metadata, run.moment, headings))
    size = path.stat().st_size
    built = [run.site_dir / prefix / page_path(src, directory_urls) / "index.html" for src in sources]
    linking = show_links([page for page in built if page.is_file()], pdf_name(language), file_size(size, language))
    return Made(language, path, size, linking)


def _leaflet(run: Run, language: str, sources: list[str], read: dict[str, Read]) -> Leaflet:
    build, config = run.build, run.build.project.config
    translate = build.translations_for(language).gettext
    clinic = build.clinic_for(language)
    first, last = read[sources[0]], read[sources[-1]]
    reviews = {page.review for page in read.values()}
    shared = reviews.pop() if len(reviews) == 1 else None
    sections = tuple(
        # Pages reviewed on different dates keep each its own review line.
        Section(anchor(src), page.canonical, page.content + _review(None if shared else page.review))
        for src, page in read.items()
    )
    site_name = translate(config["site_name"])
    words = Words(
        translate(strings.READ_LEAFLET_ONLINE), translate(strings.READ_PAGE_ONLINE),
        translate(strings.LEAFLET_QR), translate(strings.PAGE_QR), translate(strings.PAGE_NUMBER),
    )
    return Leaflet(
        language=language_tag(language),
        body=first.body,
        title=f"{site_name} – {clinic.name}",
        site_name=site_name,
        description=translate(config.get("site_description") or ""),
        clinic_name=clinic.name,
        in_hours=clinic.phones["in_hours"].number,
        home_url=first.canonical,
        notice=first.notice,
        review=shared,
        contacts=last.contacts,
        stylesheets=first.stylesheets,
        sections=sections,
        words=words,
        fonts=fonts_for(language),
        paper=run.settings.paper,
    )


def _review(review: str | None) -> str:
    return f'<p class="leaflet-review">{review}</p>' if review else ""

"""The printed leaflet as one HTML document: a title page, each page of the site, the contacts.

Plain string work over what the browser read from the built pages; nothing
here reads files or runs a browser.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import resources

from .qr import qr_svg
from .settings import Font


@dataclass(frozen=True)
class Section:
    """One page of the site, as the leaflet prints it."""

    anchor: str  # its id in the leaflet
    url: str  # the page online
    content: str  # the article's HTML: ids prefixed, links made printable


@dataclass(frozen=True)
class Words:
    """The leaflet's interface strings, translated."""

    read_leaflet: str
    read_page: str
    leaflet_qr: str
    page_qr: str
    page_number: str  # with %(page)s and %(pages)s


@dataclass(frozen=True)
class Leaflet:
    language: str  # the tag: lang
    body: tuple[tuple[str, str], ...]  # the site's body attributes: dir, Material's colour scheme
    title: str  # the document's title: the PDF's title
    site_name: str  # the procedure
    description: str
    clinic_name: str
    in_hours: str  # the in-hours number, in every page's footer
    home_url: str  # the language's leaflet online
    notice: str | None  # the translation's status notice (HTML)
    review: str | None  # the review dates every page shares (HTML)
    contacts: str  # the site's contacts box (HTML)
    stylesheets: tuple[str, ...]
    sections: tuple[Section, ...]
    words: Words
    fonts: tuple[Font, ...]
    paper: str


def compose(leaflet: Leaflet, base: str) -> str:
    """The whole document; ``base`` is where the site's stylesheets are served from."""
    links = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in leaflet.stylesheets)
    sections = "".join(_section(leaflet, section) for section in leaflet.sections)
    body = "".join(f' {name}="{html.escape(value)}"' for name, value in leaflet.body)
    direction = dict(leaflet.body).get("dir", "ltr")
    return (
        f'<!doctype html><html lang="{leaflet.language}" dir="{html.escape(direction)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(leaflet.title)}</title><base href=\"{html.escape(base)}\">{links}"
        f"<style>{_stylesheet(leaflet)}</style></head><body{body}>"
        f"{_title_page(leaflet)}{sections}"
        f'<section class="leaflet-contacts-page md-typeset">{leaflet.contacts}</section>'
        "</body></html>"
    )


def _title_page(leaflet: Leaflet) -> str:
    words = leaflet.words
    notice = f'<p class="leaflet-notice" role="note">{leaflet.notice}</p>' if leaflet.notice else ""
    review = f'<p class="leaflet-review">{leaflet.review}</p>' if leaflet.review else ""
    return (
        '<section class="leaflet-title-page md-typeset">'
        f'<p class="leaflet-title-page__clinic">{html.escape(leaflet.clinic_name)}</p>'
        f"<h1>{html.escape(leaflet.site_name)}</h1>"
        f'<p class="leaflet-summary">{html.escape(leaflet.description)}</p>{notice}{review}'
        f"{_qr(leaflet.home_url, words.leaflet_qr, words.read_leaflet, 'leaflet-qr')}</section>"
    )


def _section(leaflet: Leaflet, section: Section) -> str:
    """The page's article, its QR code just after its heading (read after the title, shown beside it)."""
    qr = _qr(section.url, leaflet.words.page_qr, leaflet.words.read_page, "leaflet-qr leaflet-qr--section")
    content = section.content
    end = content.find("</h1>")
    content = content[: end + 5] + qr + content[end + 5 :] if end >= 0 else qr + content
    return f'<section class="leaflet-section" id="{section.anchor}"><div class="md-typeset">{content}</div></section>'


def _qr(url: str, label: str, caption: str, css_class: str) -> str:
    shown = url.split("://", 1)[-1]
    return (
        f'<figure class="{css_class}">{qr_svg(url, label)}<figcaption>{html.escape(caption)} '
        f'<a class="leaflet-address" href="{html.escape(url)}">{html.escape(shown)}</a></figcaption></figure>'
    )


def _stylesheet(leaflet: Leaflet) -> str:
    """The leaflet's own rules, then its fonts, its paper and its footer: clinic, in-hours number, page numbers."""
    families = ", ".join(f'"{font.family}"' for font in leaflet.fonts)
    number = css_string(leaflet.words.page_number)
    number = number.replace("%(page)s", '" counter(page) "').replace("%(pages)s", '" counter(pages) "')
    footer = f"{css_string(f'{leaflet.clinic_name} · {leaflet.in_hours} · ')} {number}"
    return (
        resources.files(__package__).joinpath("leaflet.css").read_text(encoding="utf-8")
        + f":root {{ --leaflet-print-font: {families}, sans-serif; --md-text-font: {families}; }}\n"
        f"@page {{ size: {leaflet.paper}; margin: 16mm 16mm 20mm;"
        f" @bottom-center {{ content: {footer}; font-family: {families}, sans-serif; font-size: 9pt;"
        " color: #4c6272; } }\n"
    )


def css_string(text: str) -> str:
    """``text`` as a CSS string: quotes, backslashes and line ends escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'

"""What the hooks do to the build and the built site: per-language search
indexes, language links, markup fixes, the edits to Material's script, and the
theme's templates and files read once a build. Plain Python over files and
strings."""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
import jinja2.bccache

from .i18n.search import split_index, split_on_brackets
from .model import LeafletError

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_HREFLANG = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang=")')
#: Material's language switcher: one item per language, each indented over five lines
_SWITCHER = re.compile(r'<ul class="md-select__list">.*?</ul>', re.DOTALL)
_BETWEEN_TAGS = re.compile(r">\s+<")
_AROUND_TEXT = re.compile(r">\s+([^<>]*?)\s+<")
#: lines of spaces alone, which the loops over languages in Material's head leave
_BLANK_LINES = re.compile(r"\n[ \t]+(?=\n)")


def without_checkbox_autocomplete(html: str) -> str:
    """Material's drawer and search toggles are checkboxes with autocomplete,
    which HTML does not allow on checkboxes (the Nu HTML Checker says so)."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates, kept for the life of the process.

    mkdocs-static-i18n builds every language with a new Jinja environment, which
    compiled Material's templates anew each time; ``mkdocs serve`` did so on every
    save. Jinja checks each template's source against the checksum it was compiled
    from, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = CompiledTemplates()


def material_search_settings(theme_env: Any, config: Any) -> dict[str, Any]:
    """Material's own search settings for the language of this pass."""
    theme_env.bytecode_cache = TEMPLATES
    template = theme_env.get_template("partials/language.html", None, {"config": config})
    language = template.module
    return {
        "lang": [language.t("search.config.lang")],
        "separator": split_on_brackets(language.t("search.config.separator")),
        "pipeline": [step for step in language.t("search.config.pipeline").split(",") if step.strip()],
    }


def material_languages(theme_env: Any) -> list[str]:
    """The languages Material has interface strings for: ``partials/languages/<code>.html``."""
    folder = "partials/languages/"
    return [name[len(folder):-5] for name in theme_env.list_templates(extensions=["html"]) if name.startswith(folder)]


def relative_alternates(alternates: Sequence[dict[str, Any]], site_url: str | None) -> None:
    """Language links relative to the page, as for every other page.

    mkdocs-static-i18n links home pages absolutely (``/hip-injection/fr/``),
    which breaks when a clinic hosts the site under another path.
    """
    prefix = urlsplit(site_url or "").path or "/"
    for alternate in alternates:
        link = alternate.get("link", "")
        if link.startswith(prefix):
            alternate["link"] = link[len(prefix):] or "./"


def split_search_index(
    site: Path, languages: Sequence[str], default: str, configs: Mapping[str, Mapping[str, Any]]
) -> None:
    """One search index per language, each under its language's root."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, index in split_index(merged, languages, default, configs).items():
        target = site / ("" if language == default else language) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def compact_languages(html: str) -> str:
    """What each page repeats once per language, without the spaces between and around its
    tags: the switcher's items, and the blank lines the head's loops leave. A browser shows
    both the same; a page's bytes then grow by a link and an item per language, no more."""
    head, separator, body = html.partition("</head>")
    head = _BLANK_LINES.sub("", head)
    body = _SWITCHER.sub(lambda m: _BETWEEN_TAGS.sub("><", _AROUND_TEXT.sub(r">\1<", m.group(0))), body)
    return head + separator + body


def absolute_hreflang(html: str, page_url: str | None) -> str:
    """The page's ``hreflang`` links as absolute URLs (Google and Lighthouse
    want them so), resolved against ``page_url``, the page's own address under
    ``site_url``. The language switcher's links stay relative."""
    if not page_url:
        return html
    return _HREFLANG.sub(lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), html)


#: Edits to the site's copy of Material's script: (what it says, what it says instead, why).
BUNDLE_EDITS = (
    (
        '"link[rel=alternate]"',
        '"link[rel=alternate]:not([hreflang])"',
        # Material fetches sitemap.xml beside every alternate link on each page view, to
        # map the page to its translation; mkdocs-static-i18n's switcher already links
        # each translation of the page, so those requests (one per language) buy nothing.
        "no sitemap request per language on a page view",
    ),
    (
        'zi=document.forms.namedItem("search")?ks():tt',
        # The index once the search toggle is first on, or at once on a page opened
        # from a search result (?h=, which search.highlight marks with the index).
        'zi=document.forms.namedItem("search")?L(Je("search"),$(new URL(location.href).searchParams.has("h")))'
        '.pipe(Re(o=>o),b(()=>ks()),Z(1)):tt',
        "the search index loads when the reader opens search, not on every page view",
    ),
)

#: Stands in for Material's search worker under its name, and loads it with the first
#: message: the page sends one only once the index is there (when the reader opens search).
WORKER_SHIM = """// Material's search worker, loaded on first use (see hooks/leaflet/site.py).
self.addEventListener("message", function first(event) {
  self.removeEventListener("message", first);
  importScripts("%s");
  self.dispatchEvent(new MessageEvent("message", { data: event.data }));
});
"""


def edit_material_scripts(site: Path) -> None:
    """Apply :data:`BUNDLE_EDITS` to ``assets/javascripts/bundle.*.min.js``, and put
    :data:`WORKER_SHIM` in the place of the search worker, which moves beside it.

    Each edit must match exactly once: a Material release that changes the
    script stops the build here rather than quietly undoing an edit.
    """
    scripts = site / "assets" / "javascripts"
    for bundle in sorted(scripts.glob("bundle.*.min.js")):
        bundle.write_text(_edited(bundle.read_text(encoding="utf-8"), bundle.name), encoding="utf-8")
    for worker in sorted(scripts.glob("workers/search.*.min.js")):
        text = worker.read_text(encoding="utf-8")
        # mkdocs serve rebuilds into the same folder: the shim and the moved worker may be there
        if not worker.name.endswith(".worker.min.js") and not text.startswith(WORKER_SHIM.split("\n")[0]):
            real = worker.with_name(worker.name.replace(".min.js", ".worker.min.js"))
            real.write_text(text, encoding="utf-8")
            worker.write_text(WORKER_SHIM % real.name, encoding="utf-8")


def _edited(text: str, name: str) -> str:
    for old, new, why in BUNDLE_EDITS:
        if text.count(old) == 1:
            text = text.replace(old, new)
        elif text.count(new) != 1:
            raise LeafletError(
                name, 1, f"expected {old!r} once in Material's script ({why}) but found it "
                f"{text.count(old)} times; check hooks/leaflet/site.py against this Material release",
                "material-changed",
            )
    return text


def theme_files_once(
    add_files_from_theme: Callable[..., None], files_class: Callable[[list[Any]], Any], file_class: Callable[..., Any]
) -> tuple[Callable[..., None], Callable[[], None]]:
    """MkDocs' ``Files.add_files_from_theme``, listing the theme's static files once a build.

    MkDocs walks every theme folder and matches every name in each language's pass, and
    Material's folders hold thousands of icons: the same list each time. Here MkDocs lists
    them into an empty collection once, and each pass adds what that gave, less what the
    docs folder overrides, as MkDocs would. Returns the method and what forgets the list
    (at the start of every build: ``mkdocs serve`` picks up a file added to ``overrides/``).
    """
    listed: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def once(files: Any, env: Any, config: Any) -> None:
        # mkdocs-static-i18n puts its sitemap's folder first in every pass, again: a folder named
        # twice lists nothing more, and the first that holds a file still gives it
        key = tuple(dict.fromkeys(config.theme.dirs))
        if key not in listed:
            # Listed with no static template left out (the first language's pass has 404.html, the
            # others not): each pass leaves out its own as MkDocs does, by the same patterns.
            scratch, kept = files_class([]), config.theme.static_templates
            config.theme.static_templates = set()
            try:
                add_files_from_theme(scratch, env, config)
            finally:
                config.theme.static_templates = kept
            listed[key] = [(file.src_uri, file.src_dir) for file in scratch]
        templates = list(config.theme.static_templates)
        for path, folder in listed[key]:
            if any(fnmatch.fnmatch(path.lower(), pattern) for pattern in templates):
                continue
            if files.get_file_from_path(path) is None:  # theme files do not override docs_dir files
                files.append(file_class(path, folder, config.site_dir, config.use_directory_urls))

    return once, listed.clear

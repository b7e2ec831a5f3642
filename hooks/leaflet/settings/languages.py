"""The one reader of the i18n plugin's languages in ``mkdocs.yml``.

The hooks, the reviewer command, the catalog commands and the tests all ask
it which language is the source (``default: true``) and which are published
(built: every listed language unless ``build: false``). Codes are checked
here, before any command uses one, with the line that holds them.

One language has one code, written as a BCP 47 tag in ``mkdocs.yml``
(``pt-BR``, ``zh-Hans``), and mapped here through every layer: its folder
and URL (the tag, as mkdocs-static-i18n names them), ``lang`` and
``hreflang`` (the tag), its catalog folder (gettext's POSIX form, ``pt_BR``,
``zh_Hans``, as Weblate and Poedit name them: :func:`catalog_code`) and
Material's interface language (its file for the tag, else for a related
code, else for the base language: :func:`interface_language`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import yaml
from babel import Locale, UnknownLocaleError
from babel.core import get_global

from ..model import CONFIG, DEFAULT_SOURCE, LeafletError
from .config import yaml_error

_CODE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")
_WHERE = "plugins.i18n.languages.locale"
LOCALES_FOLDER = "locales"


@dataclass(frozen=True)
class Language:
    code: str
    line: int  # 1-based, in mkdocs.yml
    default: bool = False
    build: bool = True


@dataclass(frozen=True)
class Languages:
    source: str
    published: tuple[str, ...]  # the source first, then every built translation
    listed: tuple[Language, ...] = ()

    @property
    def translations(self) -> tuple[str, ...]:
        """The published languages other than the source."""
        return tuple(code for code in self.published if code != self.source)

    def line_of(self, code: str) -> int:
        return next((language.line for language in self.listed if language.code == code), 1)


def parse_locale(code: object, where: str = "locale", path: str = CONFIG, line: int = 1) -> Locale:
    """A Babel locale, or an error that shows the expected form."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise LeafletError(
            path, line, f"{where}: expected a locale code such as 'fr' or 'pt_BR' but received: {code!r}",
            "invalid-locale",
        )
    try:
        return Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError):
        raise LeafletError(
            path, line, f"{where}: {code!r} is not a locale Babel knows; expected a code such as 'fr' or 'pt_BR'",
            "invalid-locale",
        ) from None


@functools.lru_cache(maxsize=256)
def locale_of(code: str) -> Locale:
    """The Babel locale of a code already checked, in either form (``pt-BR``, ``pt_BR``)."""
    return Locale.parse(code, sep="-" if "-" in code else "_")


def language_tag(code: str) -> str:
    """The BCP 47 tag: ``zh_Hans`` is ``zh-Hans``, ``pt_BR`` is ``pt-BR``."""
    locale = locale_of(code)
    return "-".join(part for part in (locale.language, locale.script, locale.territory, locale.variant) if part)


def catalog_code(code: str) -> str:
    """gettext's POSIX form, the name of the catalog's folder: ``zh-Hans`` is ``zh_Hans``."""
    return str(locale_of(code))


def interface_language(code: str, available: Iterable[str]) -> str:
    """Material's language file for a code: the tag itself, else the tag without
    its script, else with the script CLDR expects (``zh-HK`` reads ``zh-Hant``),
    else the base language, else English."""
    locale, files = locale_of(code), set(available)
    script = locale.script or _likely_script(locale.language)
    candidates = [language_tag(code)]
    if locale.territory:
        candidates.append(f"{locale.language}-{locale.territory}")
    if script:
        candidates.append(f"{locale.language}-{script}")
    candidates.append(locale.language)
    return next((candidate for candidate in candidates if candidate in files), "en")


def _likely_script(language: str) -> str | None:
    """The script CLDR expects for a language written without one (``zh``: ``Hans``)."""
    likely = get_global("likely_subtags").get(language)
    return Locale.parse(likely).script if likely else None


def read_languages(config_text: str, display: str = CONFIG) -> Languages:
    """Every language the i18n plugin lists, checked; just the source without the plugin."""
    try:
        root = yaml.compose(config_text)
    except yaml.YAMLError as error:
        raise yaml_error(display, error, "invalid-settings") from None
    entries = _language_nodes(root)
    if entries is None:
        return Languages(DEFAULT_SOURCE, (DEFAULT_SOURCE,))
    listed = tuple(_language(node, display) for node in entries)
    source = _source(listed, display)
    built = [language.code for language in listed if language.build and language.code != source]
    return Languages(source, (source, *built), listed)


def _source(listed: tuple[Language, ...], display: str) -> str:
    defaults = [language for language in listed if language.default]
    if len(defaults) == 1:
        return defaults[0].code
    line = defaults[1].line if len(defaults) > 1 else (listed[0].line if listed else 1)
    raise LeafletError(
        display, line, f"plugins.i18n.languages: expected exactly one language with default: true "
        f"but received {len(defaults)}", "invalid-settings",
    )


def _language_nodes(root: yaml.Node | None) -> list[yaml.Node] | None:
    plugins = _get(root, "plugins")
    if not isinstance(plugins, yaml.SequenceNode):
        return None
    for plugin in plugins.value:
        i18n = _get(plugin, "i18n")
        if i18n is not None:
            languages = _get(i18n, "languages")
            return list(languages.value) if isinstance(languages, yaml.SequenceNode) else []
    return None


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


def _language(node: yaml.Node, display: str) -> Language:
    line = node.start_mark.line + 1
    locale = _get(node, "locale")
    if locale is None:
        raise LeafletError(display, line, f"{_WHERE}: every language needs a locale such as \"fr\"", "invalid-locale")
    line = locale.start_mark.line + 1
    value = yaml.safe_load(yaml.serialize(locale))
    if not isinstance(value, str):
        raise LeafletError(
            display, line, f"{_WHERE}: YAML read the unquoted {locale.value!r} as {value!r}, not a locale code; "
            f"quote it: locale: \"{locale.value}\"", "invalid-locale",
        )
    parse_locale(value, _WHERE, display, line)
    if value != language_tag(value):
        raise LeafletError(
            display, line, f"{_WHERE}: write {value!r} as the language tag {language_tag(value)!r}, the form "
            f"URLs, lang and hreflang use; its catalog folder is {LOCALES_FOLDER}/{catalog_code(value)}",
            "invalid-locale",
        )
    return Language(value, line, _flag(node, "default", False), _flag(node, "build", True))


def _flag(node: yaml.Node, key: str, default: bool) -> bool:
    value = _get(node, key)
    return default if value is None else yaml.safe_load(yaml.serialize(value)) is True


def previewed(languages: Languages, code: str, drafts: Iterable[str] = ()) -> Languages:
    """English and ``code`` only, ``code`` built even when it is a draft (a catalog
    that ``mkdocs.yml`` does not publish): what ``make serve LOCALE=<code>`` shows."""
    known = {*languages.published, *drafts}
    if code not in known:
        raise LeafletError(
            CONFIG, 1, f"LOCALE: expected a published language or a draft with a catalog "
            f"({', '.join(sorted(known))}) but received: {code!r}", "unknown-locale",
        )
    return dataclasses.replace(languages, published=tuple(dict.fromkeys((languages.source, code))))

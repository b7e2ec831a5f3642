"""The project's files as the reviewer command reads them, without MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .findings import LeafletError

CONFIG = "mkdocs.yml"
IDENTICAL_OK = "locales/identical-ok.txt"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict[str, Any]:
    path = root / CONFIG
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader subclass)
    except OSError as error:
        raise LeafletError(CONFIG, 1, f"cannot read the site settings: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise LeafletError(CONFIG, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise LeafletError(CONFIG, 1, "expected the MkDocs settings")
    return data


def published_languages(config: dict[str, Any]) -> list[str]:
    """The i18n plugin's languages, default first; just the source if there is none."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or []
            codes = [lang.get("locale") for lang in languages if isinstance(lang, dict) and lang.get("build", True) is not False]
            default = [lang.get("locale") for lang in languages if isinstance(lang, dict) and lang.get("default")]
            ordered = default + [code for code in codes if code not in default]
            for code in ordered:
                if not isinstance(code, str):
                    raise LeafletError(CONFIG, 1, f"plugins.i18n.languages.locale: expected a quoted code such as \"fr\" but received: {code!r}")
            return ordered
    return ["en"]


def identical_ok(root: Path) -> frozenset[str]:
    """English texts that may stay the same in a translation (names, numbers)."""
    path = root / IDENTICAL_OK
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))

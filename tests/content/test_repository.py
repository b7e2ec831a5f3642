"""What the repository's own files promise: examples that work, files git keeps out."""

from __future__ import annotations

import ast
import re
import subprocess

import pytest
import yaml

from helpers import ROOT
from leaflet.i18n import catalogs
from leaflet.settings.languages import parse_locale

EXAMPLE = re.compile(r"^make language LOCALE=(\S+)", re.MULTILINE)


@pytest.mark.parametrize("document", ["README.md", "TRANSLATING.md"])
def test_the_new_language_example_names_a_language_not_started_yet(document: str) -> None:
    codes = EXAMPLE.findall((ROOT / document).read_text(encoding="utf-8"))
    assert codes, f"{document} shows no make language example"
    for code in codes:
        parse_locale(code)  # a code Babel knows, as make language requires
        assert code not in catalogs.discover(ROOT), f"{document}: {code} has a catalog already"


@pytest.mark.parametrize(
    ("path", "ignored"),
    [
        ("locales/fr/LC_MESSAGES/messages.mo", True),  # Poedit writes it beside the catalog
        ("reports/locale-coverage.html", True),  # .ci/run writes the reports there
        ("locales/fr/LC_MESSAGES/messages.po", False),
    ],
)
def test_git_ignores_what_tools_write(path: str, ignored: bool) -> None:
    result = subprocess.run(
        ["git", "-C", str(ROOT), "check-ignore", "--no-index", "--quiet", path], capture_output=True, timeout=60
    )
    assert result.returncode == (0 if ignored else 1), result.stderr


PLATFORM = (ROOT / "PLATFORM.md").read_text(encoding="utf-8")


def test_the_readme_keeps_the_platform_notice_visible() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[PLATFORM.md](PLATFORM.md)" in readme
    assert "5 May 2027" in readme


def test_platform_md_names_every_hook_event() -> None:
    tree = ast.parse((ROOT / "hooks" / "leaflet_hooks.py").read_text(encoding="utf-8"))
    events = {
        target.id for node in tree.body if isinstance(node, ast.Assign)
        for target in ast.walk(node) if isinstance(target, ast.Name) and target.id.startswith("on_")
    }
    assert len(events) >= 9
    assert {event for event in events if f"`{event}`" not in PLATFORM} == set()


def test_platform_md_names_every_i18n_option_and_override() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plugins = yaml.load(config, Loader=yaml.BaseLoader)["plugins"]  # BaseLoader: strings only, no tags
    i18n = next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)
    assert {option for option in i18n if f"`{option}" not in PLATFORM} == set()
    overrides = {path.name for path in (ROOT / "overrides").rglob("*") if path.is_file()}
    assert {name for name in overrides if name not in PLATFORM} == set()


def test_the_core_imports_nothing_from_mkdocs_its_plugins_or_its_theme() -> None:
    """As the README and PLATFORM.md say: the hooks file is the only place that knows MkDocs."""
    generator = {"mkdocs", "mkdocs_static_i18n", "material"}
    found = []
    for path in sorted((ROOT / "hooks" / "leaflet").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            )
            found += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in names
                      if name.split(".")[0] in generator]
    assert found == []

"""Regional and script variants (pt-BR, zh-Hant) through every layer of a real build:
the catalog folder in gettext's form, the URL and ``lang``/``hreflang`` as the language
tag, Material's interface strings from its own file, search with its own index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import Build, copy_project, run_build, soup
from leaflet.i18n import catalogs

VARIANTS = '''        - locale: "pt-BR"
          name: Português (Brasil)
        - locale: "zh-Hant"
          name: 繁體中文
'''


def _with_variants(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = '        - locale: "zh-Hans"\n'
    assert anchor in text
    config.write_text(text.replace(anchor, VARIANTS + anchor), encoding="utf-8")
    catalogs.init(project, "pt_BR")  # a translator's new catalog: nothing translated yet
    simplified, traditional = project / "locales/zh_Hans", project / "locales/zh_Hant"
    shutil.copytree(simplified, traditional)
    po = traditional / "LC_MESSAGES/messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Language: zh_Hans\\n"', '"Language: zh_Hant\\n"'),
                  encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("regional"))
    _with_variants(project)
    return run_build(project, strict=False)


def test_each_variant_is_built_under_its_tag(built: Build) -> None:
    assert built.returncode == 0, built.output
    assert "Traceback" not in built.output
    for tag in ("pt-BR", "zh-Hant"):
        page = soup(built.site / tag / "risks/index.html")
        assert page.html["lang"] == tag


def test_material_speaks_each_variant_from_its_own_file(built: Build) -> None:
    placeholder = {"pt-BR": "Buscar", "zh-Hant": "搜尋", "zh-Hans": "搜索"}
    for tag, text in placeholder.items():
        field = soup(built.site / tag / "index.html").select_one("input.md-search__input")
        assert field["placeholder"] == text, tag


def test_every_page_links_the_variants_by_tag(built: Build) -> None:
    english = soup(built.site / "risks/index.html")
    links = {link["hreflang"]: link["href"] for link in english.select('link[rel="alternate"][hreflang]')}
    assert links["pt-BR"].endswith("pt-BR/risks/")
    assert links["zh-Hant"].endswith("zh-Hant/risks/")
    assert links["zh-Hans"].endswith("zh-Hans/risks/")


def test_each_variant_searches_its_own_pages(built: Build) -> None:
    index = json.loads((built.site / "pt-BR/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["pt"]
    assert {doc["location"].split("/")[0] for doc in index["docs"]} >= {"", "risks"}


def test_gaps_name_the_catalog_in_gettext_s_form(built: Build) -> None:
    assert "locales/pt_BR/LC_MESSAGES/messages.po:" in built.output
    assert "[pt-BR#" in built.output


def test_the_catalog_form_in_mkdocs_yml_is_a_located_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('locale: "zh-Hans"', 'locale: "zh_CN"'), encoding="utf-8")
    line = text.splitlines().index('        - locale: "zh-Hans"') + 1
    build = run_build(project)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert (
        f"mkdocs.yml:{line}: invalid-locale plugins.i18n.languages.locale: write 'zh_CN' as the language tag "
        "'zh-Hans-CN'"
    ) in build.output

"""leaflet.settings.read_project: mkdocs.yml read and checked in one place for
the hooks and the reviewer command."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import LANGUAGES, copy_project
from leaflet.model import LeafletError
from leaflet.settings import read_project
from leaflet.settings.config import IDENTICAL_OK


def error(root: Path, config_file: Path | None = None) -> LeafletError:
    with pytest.raises(LeafletError) as raised:
        read_project(root, config_file)
    return raised.value


class TestRead:
    def test_a_copy_of_the_project(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        project = read_project(root)
        assert project.root == root
        assert project.config_file == "mkdocs.yml"
        assert project.config["site_name"]
        assert list(project.languages.published) == LANGUAGES
        assert project.clinic.phones

    def test_identical_ok_are_the_listed_texts_without_comments(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        (root / IDENTICAL_OK).write_text("# names\nRiverside\n\n  OK  \n", encoding="utf-8")
        assert read_project(root).identical_ok == frozenset({"Riverside", "OK"})

    def test_no_identical_ok_file_allows_nothing(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        (root / IDENTICAL_OK).unlink()
        assert read_project(root).identical_ok == frozenset()

    def test_another_config_file_is_named_relative_to_the_root(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        (root / "site").mkdir()
        (root / "mkdocs.yml").rename(root / "site" / "other.yml")
        assert read_project(root, root / "site" / "other.yml").config_file == "site/other.yml"

    def test_a_config_file_outside_the_root_keeps_its_path(self, tmp_path: Path) -> None:
        (tmp_path / "repo").mkdir()
        root = copy_project(tmp_path / "repo")
        outside = tmp_path / "elsewhere.yml"
        (root / "mkdocs.yml").rename(outside)
        assert read_project(root, outside).config_file == outside.as_posix()


class TestErrors:
    def test_a_missing_config_file(self, tmp_path: Path) -> None:
        found = error(tmp_path)
        assert str(found) == "mkdocs.yml:1: invalid-settings cannot read the site settings: No such file or directory"

    def test_settings_that_are_not_utf8(self, tmp_path: Path) -> None:
        (tmp_path / "mkdocs.yml").write_bytes("site_name: Clínica\n".encode("latin-1"))
        assert str(error(tmp_path)) == "mkdocs.yml:1: invalid-settings the site settings are not valid UTF-8"

    def test_unreadable_settings(self, tmp_path: Path) -> None:
        (tmp_path / "mkdocs.yml").mkdir()
        assert error(tmp_path).message == "cannot read the site settings: Is a directory"

    def test_broken_yaml_names_its_line(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs.yml").write_text(text + "nav: [unclosed\n", encoding="utf-8")
        found = error(root)
        assert (found.file, found.code) == ("mkdocs.yml", "invalid-settings")
        assert found.line > text.count("\n")
        assert found.message.startswith("not valid YAML")

    def test_settings_that_are_not_a_mapping(self, tmp_path: Path) -> None:
        (tmp_path / "mkdocs.yml").write_text("- a list\n", encoding="utf-8")
        assert str(error(tmp_path)) == "mkdocs.yml:1: invalid-settings expected the MkDocs settings"

    def test_a_bad_language_stops_the_project(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs.yml").write_text(text.replace('locale: "fr"', "locale: no"), encoding="utf-8")
        found = error(root)
        line = text.splitlines().index('        - locale: "fr"') + 1
        assert (found.line, found.code) == (line, "invalid-locale")

"""leaflet.build: one build's state, asked for each language what to render,
on a copy of the project (no MkDocs run)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel import Locale

from helpers import ROOT, copy_project
from leaflet.build import PageInput, SiteBuild, summary, translate_body
from leaflet.content.carecards import LEVELS
from leaflet.content.frontmatter import split_front_matter
from leaflet.content.placeholders import PLACEHOLDER, values
from leaflet.content.review import parse_review
from leaflet.content.segment import segment
from leaflet.content.strings import CLINICAL_REVIEW_PENDING, UNTRANSLATED
from leaflet.i18n.catalogs import discover
from leaflet.model import Kind, LeafletError

#: a shipped page that names a clinic phone, so filling placeholders shows
PAGE = next(
    path.name for path in sorted((ROOT / "docs").glob("*.md")) if "{{ phone." in path.read_text(encoding="utf-8")
)


def page_input(root: Path, name: str = PAGE, source: str | None = None) -> PageInput:
    """A page as MkDocs hands it to the hooks: front matter split off, final newline dropped."""
    source = source if source is not None else (root / "docs" / name).read_text(encoding="utf-8")
    meta, body, _ = split_front_matter(source)
    return PageInput(f"docs/{name}", name, source, body.rstrip("\n"), meta)


def review_dates(root: Path, name: str = PAGE) -> tuple[dt.date, dt.date]:
    review = split_front_matter((root / "docs" / name).read_text(encoding="utf-8"))[0]["review"]
    return review["last_reviewed"], review["next_review"]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def build(root: Path) -> SiteBuild:
    """The shipped project, on a day its review dates are valid."""
    return SiteBuild(root, root / "mkdocs.yml", today=review_dates(root)[0])


class TestState:
    def test_every_published_translation_has_its_catalog_and_sign_off(self, root: Path) -> None:
        build = SiteBuild(root, root / "mkdocs.yml", today=review_dates(root)[0])
        published = set(build.languages.translations)
        assert set(build.translations) == published
        assert not build.catalogs  # each read by the process that builds its language
        assert not build.sign_off
        for code in published:
            assert build.catalog(code) is build.catalog(code)
            build.translation_notice(code)
        assert set(build.catalogs) == set(build.sign_off) == published
        assert build.root == build.project.root

    def test_a_broken_catalog_is_named_when_its_language_is_built(self, tmp_path: Path) -> None:
        project = copy_project(tmp_path)
        (project / "locales/fr/LC_MESSAGES/messages.po").write_text('msgid "x"\nmsgstr\n', encoding="utf-8")
        build = SiteBuild(project, project / "mkdocs.yml", today=review_dates(project)[0])
        with pytest.raises(LeafletError) as raised:
            build.translations["fr"]
        assert (raised.value.file, raised.value.line) == ("locales/fr/LC_MESSAGES/messages.po", 2)

    def test_only_translated_messages_are_rendered(self, build: SiteBuild) -> None:
        for code, translations in build.translations.items():
            catalog = build.catalog(code)
            for msgid, msgstr in translations.messages.items():
                message = catalog.get(msgid)
                assert message is not None
                assert (message.string, message.fuzzy) == (msgstr, False)

    def test_rel_is_repo_relative_or_left_as_given(self, build: SiteBuild, tmp_path: Path) -> None:
        assert build.rel(build.root / "docs" / PAGE) == f"docs/{PAGE}"
        assert build.rel(tmp_path / "x.md") == (tmp_path / "x.md").as_posix()

    def test_a_language_without_a_catalog_translates_nothing(self, build: SiteBuild) -> None:
        translations = build.translations_for("en")
        assert translations.locale == build.languages.source
        assert dict(translations.messages) == {}


class TestPerLanguage:
    @pytest.mark.parametrize(("language", "rtl"), [("ar", True), ("fr", False), ("zh", False), ("en", False)])
    def test_direction(self, build: SiteBuild, language: str, rtl: bool) -> None:
        assert build.is_rtl(language) is rtl

    def test_care_card_labels_are_translated(self, build: SiteBuild) -> None:
        french = build.translations["fr"]
        assert build.care_card_labels("fr") == {level: french.gettext(label) for level, label in LEVELS.items()}
        assert build.care_card_labels("en") == LEVELS

    def test_nav_titles_are_translated_in_place_with_their_children(self, build: SiteBuild) -> None:
        french = build.translations["fr"]
        title = next(iter(french.messages))  # any message the catalog translates
        child = SimpleNamespace(title=title, children=None)
        section = SimpleNamespace(title="Not a message anywhere", children=[child])
        untitled = SimpleNamespace(title=None)
        build.translate_titles([section, untitled], "fr")
        assert (section.title, child.title, untitled.title) == ("Not a message anywhere", french.get(title), None)

    def test_an_unsigned_translation_says_so(self, build: SiteBuild) -> None:
        unsigned = [code for code, sign_off in build.sign_off.items() if not sign_off.clinically_reviewed]
        for code in unsigned:
            assert build.translation_notice(code) == build.translations[code].gettext(CLINICAL_REVIEW_PENDING)
        assert build.translation_notice(build.languages.source) is None

    def test_the_clinic_is_the_same_in_the_source_language(self, build: SiteBuild) -> None:
        assert build.clinic_for(build.languages.source) == build.project.clinic

    def test_the_clinic_s_phones_are_the_same_in_every_language_its_dates_the_language_s(
        self, build: SiteBuild
    ) -> None:
        for code in build.languages.translations:
            clinic = build.clinic_for(code)
            assert clinic.phones == build.project.clinic.phones
            assert clinic.locale == Locale.parse(code, sep="-")


class TestPageMarkdown:
    def test_french_units_are_the_catalog_s(self, build: SiteBuild, root: Path) -> None:
        page = page_input(root)
        french = build.translations["fr"]
        out = build.page_markdown(page, "fr", first_pass=False)
        units = segment(page.source, PAGE).units
        body_units = [u for u in units if u.kind not in (Kind.TITLE, Kind.DESCRIPTION) and "{{" not in u.text]
        translated = [u for u in body_units if french.get(u.text)]
        assert translated, "the French catalog translates this page"
        for unit in translated:
            assert french.get(unit.text) in out
        assert not out.endswith("\n")  # MkDocs' text had no final newline; none is added

    def test_front_matter_is_translated_in_place(self, build: SiteBuild, root: Path) -> None:
        page = page_input(root)
        english = dict(page.meta)
        build.page_markdown(page, "fr", first_pass=False)
        french = build.translations["fr"]
        assert page.meta["title"] == (french.get(english["title"]) or english["title"])
        assert page.meta["review"] == english["review"]

    def test_placeholders_are_filled_in_every_language(self, build: SiteBuild, root: Path) -> None:
        phones = build.project.clinic.phones.values()
        for language in build.languages.published:
            out = build.page_markdown(page_input(root), language, first_pass=False)
            assert "{{" not in out
            assert any(f"]({phone.href})" in out for phone in phones), language

    def test_english_is_the_page_itself_with_its_details_filled(self, build: SiteBuild, root: Path) -> None:
        page = page_input(root)
        details = values(build.project.clinic)
        expected = PLACEHOLDER.sub(lambda match: details[match.group(1).strip()], page.markdown)
        assert build.page_markdown(page, "en", first_pass=False) == expected

    def test_review_dates_show_the_reader_s_way(self, build: SiteBuild, root: Path) -> None:
        page = page_input(root)
        review, _ = parse_review(page.meta, page.source, page.path, build.today)
        assert review is not None
        build.page_markdown(page, "fr", first_pass=False)
        assert build.reviews[PAGE] == {**review.display(Locale.parse("fr")), "translated": True}
        build.page_markdown(page_input(root), "en", first_pass=False)
        assert build.reviews[PAGE] == {**review.display(build.project.clinic.locale), "translated": False}

    def test_english_not_in_the_catalog_shows_marked(self, build: SiteBuild, root: Path) -> None:
        added = "A paragraph no catalog has yet."
        source = (root / "docs" / PAGE).read_text(encoding="utf-8") + f"\n{added}\n"
        out = build.page_markdown(page_input(root, source=source), "fr", first_pass=False)
        label = build.translations["fr"].gettext(UNTRANSLATED)
        assert out.endswith(
            "<span class='leaflet-untranslated'>"
            f"<span class='leaflet-untranslated__label'>{label}</span> <span lang='en'>{added}</span></span>"
        )

    def test_an_unknown_placeholder_stops_the_page(self, build: SiteBuild, root: Path) -> None:
        source = (root / "docs" / PAGE).read_text(encoding="utf-8") + "\nCall {{ phone.fax }}.\n"
        with pytest.raises(LeafletError) as raised:
            build.page_markdown(page_input(root, source=source), "en", first_pass=False)
        assert (raised.value.file, raised.value.line) == (f"docs/{PAGE}", source.count("\n"))
        assert raised.value.message.startswith("unknown placeholder {{ phone.fax }}")


class TestStrictCounting:
    def test_a_look_alike_character_is_a_finding_in_the_first_pass_only(self, build: SiteBuild, root: Path) -> None:
        source = (root / "docs" / PAGE).read_text(encoding="utf-8") + "\nRest for 2\u2024 days.\n"
        before = len(build.findings)
        build.page_markdown(page_input(root, source=source), "fr", first_pass=False)
        assert len(build.findings) == before
        build.page_markdown(page_input(root, source=source), "en", first_pass=True)
        (finding,) = [f for f in build.findings[before:] if f.code == "lookalike-punctuation"]
        assert (finding.file, finding.line) == (f"docs/{PAGE}", source.count("\n"))
        assert finding.code == "lookalike-punctuation"

    def test_a_page_past_its_review_date_is_a_finding(self, root: Path) -> None:
        _, next_review = review_dates(root)
        late = SiteBuild(root, root / "mkdocs.yml", today=next_review + dt.timedelta(days=1))
        before = len(late.findings)
        late.page_markdown(page_input(root), "en", first_pass=True)
        assert [f.code for f in late.findings[before:] if f.code.startswith("review")] == ["review-overdue"]

    def test_finish_adds_the_published_languages_findings(self, build: SiteBuild, tmp_path: Path) -> None:
        before = list(build.findings)
        report = build.finish(tmp_path, {})
        assert build.findings == before + build.published_findings(report)
        assert all(f.locale in build.languages.published for f in build.published_findings(report))


class TestFinish:
    def test_writes_one_search_index_per_language(self, build: SiteBuild, tmp_path: Path) -> None:
        docs = [{"location": "", "title": "Home"}] + [
            {"location": f"{code}/", "title": code} for code in build.languages.translations
        ]
        (tmp_path / "search").mkdir()
        (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}))
        build.finish(tmp_path, {"fr": {"lang": ["fr"]}})
        for code in build.languages.translations:
            index = json.loads((tmp_path / code / "search" / "search_index.json").read_text(encoding="utf-8"))
            assert index["docs"] == [{"location": "", "title": code}]
        french = json.loads((tmp_path / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert french["config"] == {"lang": ["fr"]}
        english = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert english["docs"] == [{"location": "", "title": "Home"}]

    def test_leaves_the_one_sitemap_where_it_is(self, build: SiteBuild, tmp_path: Path) -> None:
        (tmp_path / "sitemap.xml").write_text("<urlset/>")
        (tmp_path / "fr" / "risks").mkdir(parents=True)
        (tmp_path / "fr" / "risks" / "index.html").write_text("<html></html>")
        build.finish(tmp_path, {})
        assert [path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("sitemap.xml")] == ["sitemap.xml"]

    def test_reports_every_catalog(self, build: SiteBuild, root: Path, tmp_path: Path) -> None:
        report = build.finish(tmp_path, {})
        assert [locale.locale for locale in report.locales] == sorted(set(discover(root)) - {"en"})
        assert {locale.locale for locale in report.locales if locale.published} == set(build.languages.translations)


class TestSummary:
    def test_counts_published_findings_and_lists_drafts(self, build: SiteBuild, tmp_path: Path) -> None:
        report = build.finish(tmp_path, {})
        published = len(build.published_findings(report))
        text = summary(build, report)
        assert text.startswith(
            f"locale coverage: {published} finding{'s' if published != 1 else ''} in published languages "
            f"({', '.join(build.languages.translations)})"
        )
        for draft in (locale for locale in report.locales if not locale.published):
            assert f"{draft.locale} ({len(draft.findings)} gaps)" in text
        assert text.endswith("see locale-coverage") == any(not locale.published for locale in report.locales)


class TestSignedAndMissing:
    def test_a_clinically_reviewed_translation_has_no_notice(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        (root / "locales" / "fr" / "review.yml").write_text(
            "translator: A\nclinical_reviewer: Dr C\nreviewed_on: 2026-11-02\n", encoding="utf-8"
        )
        signed = SiteBuild(root, root / "mkdocs.yml")
        assert signed.translation_notice("fr") is None
        assert signed.sign_off["fr"].clinical_reviewer == "Dr C"

    def test_a_published_language_needs_a_catalog(self, tmp_path: Path) -> None:
        root = copy_project(tmp_path)
        (root / "locales" / "fr" / "LC_MESSAGES" / "messages.po").unlink()
        with pytest.raises(LeafletError) as raised:
            SiteBuild(root, root / "mkdocs.yml")
        assert str(raised.value) == (
            "locales/fr/LC_MESSAGES/messages.po:1: no-catalog no catalog for published language 'fr'; "
            "start one with: make language LOCALE=fr"
        )


class TestTranslateBody:
    @pytest.mark.parametrize("name", sorted(path.name for path in (ROOT / "docs").glob("*.md")))
    def test_translating_each_unit_as_itself_gives_the_page_back(self, name: str, root: Path) -> None:
        page = page_input(root, name)
        assert translate_body(page.source, name, page.markdown, lambda unit: unit.text) == page.markdown
        assert translate_body(page.source, name, page.markdown + "\n", lambda unit: unit.text) == page.markdown + "\n"

    def test_markdown_changed_before_the_hook_is_segmented_as_given(self) -> None:
        source = "---\ntitle: T\n---\n\nOne.\n"
        out = translate_body(source, "a.md", "One.\n\nTwo.", lambda unit: unit.text.upper())
        assert out == "ONE.\n\nTWO."


class TestIncludes:
    """A page that includes a snippet, built for each language."""

    NAME = "_snippets/unit-test-card.md"

    @pytest.fixture
    def snippet(self, build: SiteBuild, root: Path) -> tuple[str, str]:
        """(a text the French catalog translates, one no catalog has), written as a snippet."""
        known = next(
            msgid for msgid in build.translations["fr"].messages
            if segment(msgid, "x.md").units[0].kind is Kind.PARAGRAPH and "{{" not in msgid and "\n" not in msgid
        )
        new = "Call {{ phone.urgent_advice }} if you cannot reach us."
        path = root / "docs" / self.NAME
        path.parent.mkdir(exist_ok=True)
        path.write_text(f'!!! urgent "A card written once:"\n\n    {known}\n\n    {new}\n', encoding="utf-8")
        return known, new

    def source(self, root: Path, indent: str = "") -> str:
        text = (root / "docs" / PAGE).read_text(encoding="utf-8")
        return text + f'\n{indent}--8<-- "{self.NAME}"\n'

    def test_english_shows_the_snippet_as_if_written_in_place(
        self, build: SiteBuild, root: Path, snippet: tuple[str, str]
    ) -> None:
        out = build.page_markdown(page_input(root, source=self.source(root)), "en", first_pass=False)
        in_place = page_input(root, source=self.source(root).replace(
            f'--8<-- "{self.NAME}"\n', (root / "docs" / self.NAME).read_text(encoding="utf-8")
        ))
        assert out == build.page_markdown(in_place, "en", first_pass=False)
        assert "    Call [111](tel:111) if you cannot reach us." in out

    def test_french_translates_the_snippet_and_marks_what_is_not(
        self, build: SiteBuild, root: Path, snippet: tuple[str, str]
    ) -> None:
        known, new = snippet
        out = build.page_markdown(page_input(root, source=self.source(root)), "fr", first_pass=False)
        english = new.replace("{{ phone.urgent_advice }}", "[111](tel:111)")
        label = build.translations["fr"].gettext(UNTRANSLATED)
        assert f"    {build.translations['fr'].get(known)}\n" in out
        assert (
            f"    <span class='leaflet-untranslated'><span class='leaflet-untranslated__label'>{label}</span> "
            f"<span lang='en'>{english}</span></span>"
        ) in out

    def test_an_indented_include_indents_the_snippet(
        self, build: SiteBuild, root: Path, snippet: tuple[str, str]
    ) -> None:
        out = build.page_markdown(page_input(root, source=self.source(root, "    ")), "en", first_pass=False)
        assert '\n    !!! urgent "A card written once:"\n\n        ' in out

    def test_an_unknown_placeholder_in_a_snippet_names_the_snippet(self, build: SiteBuild, root: Path) -> None:
        path = root / "docs" / self.NAME
        path.parent.mkdir(exist_ok=True)
        path.write_text("One.\n\nCall {{ phone.fax }}.\n", encoding="utf-8")
        with pytest.raises(LeafletError) as raised:
            build.page_markdown(page_input(root, source=self.source(root)), "fr", first_pass=False)
        assert (raised.value.file, raised.value.line, raised.value.code) == (
            f"docs/{self.NAME}", 3, "unknown-placeholder"
        )

    def test_an_include_of_a_missing_file_names_the_page_and_line(self, build: SiteBuild, root: Path) -> None:
        source = self.source(root).replace(self.NAME, "_snippets/none.md")
        with pytest.raises(LeafletError) as raised:
            build.page_markdown(page_input(root, source=source), "en", first_pass=True)
        assert str(raised.value) == (
            f"docs/{PAGE}:{source.count(chr(10))}: include-missing the included file docs/_snippets/none.md "
            "does not exist"
        )

    def test_a_look_alike_in_a_snippet_is_found_once_in_the_snippet(self, root: Path) -> None:
        path = root / "docs" / self.NAME
        path.parent.mkdir(exist_ok=True)
        path.write_text("One.\n\nRest for 2\u2024 days.\n", encoding="utf-8")
        fresh = SiteBuild(root, root / "mkdocs.yml", today=review_dates(root)[0])
        for _ in range(2):
            fresh.page_markdown(page_input(root, source=self.source(root)), "en", first_pass=True)
        found = [(f.file, f.line) for f in fresh.findings if f.code == "lookalike-punctuation"]
        assert found == [(f"docs/{self.NAME}", 3)]


class TestSources:
    def test_a_page_without_sources_is_a_finding_in_the_first_pass(self, build: SiteBuild, root: Path) -> None:
        source = (root / "docs" / PAGE).read_text(encoding="utf-8")
        meta, _, _ = split_front_matter(source)
        if "sources" in meta:
            source = source.replace("sources:", "old_sources:", 1)
        before = len(build.findings)
        build.page_markdown(page_input(root, source=source), "fr", first_pass=False)
        assert len(build.findings) == before
        build.page_markdown(page_input(root, source=source), "en", first_pass=True)
        assert [f.code for f in build.findings[before:] if f.code.startswith("sources")] == ["sources-missing"]

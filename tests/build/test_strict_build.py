"""The hooks through real ``mkdocs build`` runs on a broken copy of the project."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_build
from leaflet.i18n import catalogs


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def manifest_line(project: Path, page: str, section_id: str) -> int:
    lines = (project / "required-sections.yml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip() == f"- page: {page}" and lines[number].strip() == f"id: {section_id}":
            return number
    raise AssertionError(f"{page}#{section_id} not in the manifest")


def test_the_unchanged_project_builds_strict_without_warnings(project: Path) -> None:
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output


def test_a_removed_safety_section_fails_the_strict_build(project: Path) -> None:
    edit(project / "docs/risks.md", "## Possible complications {#complications}", "## Possible complications")
    build = run_build(project)
    assert build.returncode == 1
    line = manifest_line(project, "risks.md", "complications")
    assert (
        f"required-sections.yml:{line}: section-missing docs/risks.md has no heading "
        "with id 'complications', a required safety section" in build.output
    ), build.output
    assert "Traceback" not in build.output


def test_a_removed_section_only_warns_without_strict(project: Path) -> None:
    edit(project / "docs/get-help.md", "{#get-help}", "")
    build = run_build(project, strict=False)
    assert build.returncode == 0
    assert "WARNING" in build.output
    assert "docs/get-help.md has no heading with id 'get-help'" in build.output


def test_a_deleted_required_page_fails_the_strict_build(project: Path) -> None:
    (project / "docs/after.md").unlink()
    edit(project / "mkdocs.yml", "  - After your injection: after.md\n", "")
    edit(project / "docs/index.md", "(after.md)", "(on-the-day.md)")
    build = run_build(project)
    assert build.returncode == 1
    assert "section-missing required page docs/after.md does not exist (section 'aftercare')" in build.output


def test_an_unknown_placeholder_fails_the_build_with_file_and_line(project: Path) -> None:
    page = project / "docs/get-help.md"
    edit(page, "Call {{ phone.in_hours }}.", "Call {{ phone.daytime }}.")
    line = line_of(page, "{{ phone.daytime }}")
    build = run_build(project, strict=False)  # an error even when not strict
    assert build.returncode == 1
    assert f"docs/get-help.md:{line}: unknown-placeholder unknown placeholder {{{{ phone.daytime }}}}; expected one of:" in build.output
    assert "phone.in_hours" in build.output
    assert "Traceback" not in build.output


def test_a_page_past_its_review_date_fails_the_strict_build(project: Path) -> None:
    page = project / "docs/on-the-day.md"
    edit(page, "next_review: 2027-11-02", "next_review: 2026-11-03")
    edit(page, "last_reviewed: 2026-11-02", "last_reviewed: 2025-11-03")
    build = run_build(project)
    assert build.returncode == 1
    line = line_of(page, "next_review:")
    assert f"docs/on-the-day.md:{line}: review-overdue clinical review was due on 2026-11-03" in build.output


def test_a_page_without_a_review_record_fails_the_strict_build(project: Path) -> None:
    page = project / "docs/questions.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"review:\n(  .*\n)+", "", text, count=1), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 1
    assert "docs/questions.md:1: review-missing front matter has no 'review:'" in build.output


def test_lookalike_punctuation_in_a_page_fails_the_strict_build(project: Path) -> None:
    page = project / "docs/after.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("2 days", "2 days\u2024", 1), encoding="utf-8")
    line = line_of(page, "2 days\u2024")
    build = run_build(project)
    assert build.returncode == 1
    assert (
        f"docs/after.md:{line}: lookalike-punctuation U+2024 ONE DOT LEADER looks like '.' but is not"
        in build.output
    )


def test_a_missing_clinic_number_is_a_configuration_error_naming_the_key(project: Path) -> None:
    edit(project / "mkdocs.yml", '      emergency: "999"\n', "")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    line = line_of(project / "mkdocs.yml", "    phones:")
    assert (
        f"mkdocs.yml:{line}: invalid-settings extra.clinic.phones: expected exactly in_hours, out_of_hours, "
        "urgent_advice, emergency" in build.output
    )
    assert "Traceback" not in build.output


def test_an_undialable_number_is_a_configuration_error(project: Path) -> None:
    edit(project / "mkdocs.yml", 'tel: "+441614960000"', 'tel: "call us"')
    build = run_build(project, strict=False)
    assert build.returncode == 1
    line = line_of(project / "mkdocs.yml", "in_hours:")
    assert f"mkdocs.yml:{line}: invalid-settings extra.clinic.phones.in_hours.tel: expected a dialable number" in build.output
    assert "'call us'" in build.output


def test_a_malformed_manifest_entry_names_its_line(project: Path) -> None:
    manifest = project / "required-sections.yml"
    edit(manifest, "    id: diabetes\n", "    id: Diabetes Advice\n")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    line = line_of(manifest, "id: Diabetes Advice") - 1
    assert f"required-sections.yml:{line}: invalid-manifest id: expected lower-case words joined by '-'" in build.output


def test_a_changed_clinic_number_reaches_every_page(project: Path) -> None:
    edit(project / "mkdocs.yml", '{number: "0161 496 0999", tel: "+441614960999"}', '{number: "0161 496 0123", tel: "+441614960123"}')
    build = run_build(project)
    assert build.returncode == 0, build.output
    html = (build.site / "get-help" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+441614960123"' in html
    assert "0161 496 0999" not in html


def test_placeholders_in_the_front_matter_become_plain_text(project: Path) -> None:
    page = project / "docs/questions.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^description: .*$", "description: How to reach {{ clinic.name }} on {{ phone.in_hours }}.", text, count=1, flags=re.M), encoding="utf-8")
    catalogs.refresh(project)  # new English: the catalogs must know it (it stays untranslated)
    build = run_build(project)
    assert build.returncode == 0, build.output
    html = (build.site / "questions" / "index.html").read_text(encoding="utf-8")
    assert "How to reach Riverside Hip and Joint Clinic on 0161 496 0000." in html
    assert "{{" not in html.split("<body")[0]


def test_an_unknown_placeholder_in_the_front_matter_names_its_line(project: Path) -> None:
    page = project / "docs/questions.md"
    edit(page, "title: Questions and contacts", 'title: "{{ clinic.nmae }}: questions"')
    build = run_build(project, strict=False)
    assert build.returncode == 1
    assert "docs/questions.md:2: unknown-placeholder unknown placeholder {{ clinic.nmae }}" in build.output


def test_a_page_without_sources_fails_the_strict_build(project: Path) -> None:
    page = project / "docs/on-the-day.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^sources:\n(  .*\n)+", "", text, count=1, flags=re.M), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 1
    assert "docs/on-the-day.md:1: sources-missing front matter has no 'sources:'" in build.output


def test_a_malformed_source_fails_the_strict_build_naming_its_line(project: Path) -> None:
    page = project / "docs/after.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^sources:\n(  .*\n)*", "", text, count=1, flags=re.M)
    page.write_text(text.replace("\n---\n", "\nsources:\n  - {title: A leaflet, year: 2024}\n---\n", 1),
                    encoding="utf-8")
    line = line_of(page, "  - {title: A leaflet, year: 2024}")
    build = run_build(project)
    assert build.returncode == 1
    assert (
        f"docs/after.md:{line}: sources-invalid sources[1]: publisher: expected a non-empty text but received: None"
        in build.output
    )


def test_an_include_of_a_missing_snippet_stops_any_build_with_its_line(project: Path) -> None:
    page = project / "docs/risks.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "_snippets/nowhere.md"\n', encoding="utf-8")
    line = line_of(page, "_snippets/nowhere.md")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    assert (
        f"docs/risks.md:{line}: include-missing the included file docs/_snippets/nowhere.md does not exist"
        in build.output
    )
    assert "Traceback" not in build.output


def test_an_include_inside_a_snippet_stops_any_build(project: Path) -> None:
    snippets = project / "docs/_snippets"
    snippets.mkdir(exist_ok=True)
    (snippets / "outer.md").write_text('Outer.\n\n--8<-- "_snippets/inner.md"\n', encoding="utf-8")
    (snippets / "inner.md").write_text("Inner.\n", encoding="utf-8")
    page = project / "docs/risks.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "_snippets/outer.md"\n', encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 1
    assert "docs/_snippets/outer.md:3: include-nested a snippet cannot include another ('_snippets/inner.md')" in (
        build.output
    )

"""The progress page: one self-contained HTML file for translators and clinic managers.

Per language: its badge, its sign-off and what changed in the English since,
a bar per required section (safety sections first) and per page of
translated, unsafe, fuzzy and missing messages, and every finding linked to
its line. Nothing is fetched (no script, stylesheet, font or image from
elsewhere), so the file can be opened from disk or kept as a CI artifact. It
is a reviewers' page, never part of the patient site.
"""

from __future__ import annotations

from html import escape

from babel import Locale, UnknownLocaleError

from ..model import Finding, LocaleCoverage, Report
from .badge import badge
from .words import changed_sections, level, names, verdict, verdict_of

SAFETY = ' <span class="safety">SAFETY</span>'
#: the parts of a bar, in order: (css class, legend)
PARTS = (("ok", "translated"), ("unsafe", "rejected by a check"), ("fuzzy", "fuzzy"), ("gap", "not translated"))
STYLE = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1f2328;margin:0;
background:#f6f8fa}
main,header{max-width:68rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:0 0 .5rem;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
section.language{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.2rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d8dee4;vertical-align:middle}
th{font-size:.85rem;color:#59636e;font-weight:600}
.bar{display:flex;height:.9rem;border-radius:4px;overflow:hidden;background:#eaeef2;width:100%;min-width:8rem}
.bar span{display:block;height:100%}
.ok{background:#1a7f37}.unsafe{background:#cf222e}.fuzzy{background:#bf8700}.gap{background:#afb8c1}
.wide{overflow-x:auto}
.item{white-space:nowrap}
.key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-.1rem;margin:0 .25rem 0 .8rem}
.counts{font-size:.85rem;color:#59636e;white-space:nowrap}
.legend{font-size:.85rem;color:#59636e}
.verdict{font-weight:600}.fails{color:#cf222e}.passes{color:#1a7f37}
.safety{font-size:.75rem;font-weight:700;color:#fff;background:#cf222e;border-radius:3px;padding:0 .3rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}
dt{color:#59636e}dd{margin:0}
ol.findings{padding-left:1.5rem;font-size:.9rem}
ol.findings li{margin:.2rem 0;overflow-wrap:anywhere}
.level{font-size:.75rem;font-weight:700;text-transform:uppercase;margin-right:.3rem}
.level.error{color:#cf222e}.level.warning{color:#9a6700}
code{font-size:.85em;background:#eff1f3;border-radius:3px;padding:0 .2rem}
a{color:#0969da}
"""


def as_html(report: Report, to_root: str = "") -> str:
    """The page. ``to_root`` leads from the page's folder to the repository root (``../`` for
    ``reports/``), so each finding links to its file and line."""
    body = [
        "<header>", "<h1>Translation progress</h1>",
        f'<p class="verdict {"passes" if report.ok else "fails"}">{escape(verdict(report))}</p>',
        "<p>For translators and reviewers: the coverage of every language, from <code>docs/</code> and "
        "<code>locales/</code> as they are now. This page is not part of the patient site.</p>",
        _legend(), "</header>", "<main>", _overview(report),
        *(_language(report, locale, to_root) for locale in report.locales), "</main>",
    ]
    if not report.locales:
        body.insert(-1, "<p>No translation catalogs: English only.</p>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Translation progress</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body) + "\n</body>\n</html>\n"
    )


def language_name(code: str) -> str:
    """``French (français)``; the code itself for a language Babel does not know."""
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return code
    english, own = locale.get_display_name("en"), locale.get_display_name(locale)
    return f"{english} ({own})" if own and own != english else english


def _legend() -> str:
    keys = " ".join(f'<span class="item"><span class="key {css}"></span>{what}</span>' for css, what in PARTS)
    return f'<p class="legend" aria-hidden="true">Bars: {keys}</p>'


def _bar(counts: tuple[int, int, int, int], what: str) -> str:
    """A bar of (translated, unsafe, fuzzy, not translated), with the counts in words for screen readers."""
    total = sum(counts)
    spans = "".join(
        f'<span class="{css}" style="width:{100 * n / total:.3f}%"></span>'
        for (css, _), n in zip(PARTS, counts, strict=True) if n and total
    )
    words = ", ".join(f"{n} {label}" for (_, label), n in zip(PARTS, counts, strict=True) if n) or "no messages"
    return f'<div class="bar" role="img" aria-label="{escape(what)}: {words}">{spans}</div>'


def _counts(counts: tuple[int, int, int, int]) -> str:
    translated, total = counts[0], sum(counts)
    rest = [f"{n} {label}" for (_, label), n in zip(PARTS[1:], counts[1:], strict=True) if n]
    return f'<span class="counts">{translated}/{total}{" · " + ", ".join(rest) if rest else ""}</span>'


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _table(headings: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in headings)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(_row(r) for r in rows)}</tbody></table>"
    return f'<div class="wide">{table}</div>'  # scrolls on its own on a narrow screen


def _overview(report: Report) -> str:
    rows = []
    for locale in report.locales:
        m = locale.messages
        counts = (m.get("translated", 0), 0, m.get("fuzzy", 0), m.get("untranslated", 0))
        rows.append([
            f'<a href="#lang-{escape(locale.locale)}">{escape(language_name(locale.locale))}</a>', badge(locale),
            _bar(counts, f"{locale.locale}: catalog"), _counts(counts),
            "clinically reviewed" if locale.review.clinically_reviewed else "not yet clinically reviewed",
        ])
    return "<h2>Languages</h2>" + _table(["Language", "State", "Catalog", "Messages", "Sign-off"], rows)


def _language(report: Report, locale: LocaleCoverage, to_root: str) -> str:
    kind = "published" if locale.published else "draft"
    sections = sorted(locale.sections, key=lambda section: not section.safety)  # safety sections first
    section_rows = [
        [
            f"<code>{escape(s.page)}#{escape(s.id)}</code>" + (SAFETY if s.safety else ""),
            "✓ covered" if s.ok else '<span class="fails">✗ not covered</span>',
            _bar(counts := (s.translated, 0, s.fuzzy, s.untranslated + s.missing), f"{s.page}#{s.id}"),
            _counts(counts),
        ]
        for s in sections
    ]
    page_rows = [
        [f"<code>{escape(p.page)}</code>", _bar(c := (p.translated, p.unsafe, p.fuzzy, p.untranslated + p.missing),
                                                 p.page), _counts(c)]
        for p in locale.pages
    ]
    parts = [
        f'<section class="language" id="lang-{escape(locale.locale)}" aria-labelledby="h-{escape(locale.locale)}">',
        f'<h2 id="h-{escape(locale.locale)}">{escape(language_name(locale.locale))} <code>{escape(locale.locale)}'
        f"</code> {badge(locale)} <span class=\"counts\">{kind}: {escape(verdict_of(locale))}</span></h2>",
        _sign_off(locale),
        "<h3>Required sections, safety first</h3>",
        _table(["Section", "State", "Progress", "Messages"], section_rows),
    ]
    if page_rows:
        parts += ["<h3>Pages</h3>", _table(["Page", "Progress", "Messages"], page_rows)]
    parts += _findings(report, locale, to_root)
    return "\n".join([*parts, "</section>"])


def _sign_off(locale: LocaleCoverage) -> str:
    review = locale.review
    clinical = (
        f"{escape(str(review.clinical_reviewer))} on {review.reviewed_on}" if review.clinically_reviewed
        else '<span class="fails">not yet: every page says so to its readers</span>'
    )
    changed = changed_sections(locale)
    since = ", ".join(f"<code>{escape(c)}</code>" for c in changed) if changed else escape(
        locale.review_note or "nothing"
    )
    rows = [
        ("Translation", escape(names(locale.review) or "nobody recorded")),
        ("Clinical review", clinical),
        ("Signed-off English", f"<code>{escape(review.source_version)}</code>" if review.source_version else "none"),
        ("English changed since", since),
    ]
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _findings(report: Report, locale: LocaleCoverage, to_root: str) -> list[str]:
    if not locale.findings and not locale.escapes:
        return ["<p>No findings.</p>"]
    safety = {section.id for section in locale.sections if section.safety}
    # errors first, then what concerns a safety section
    ordered = sorted(locale.findings, key=lambda f: (level(report, f) != "error", f.section not in safety))
    out = [f"<h3>Findings ({len(ordered)})</h3>", '<ol class="findings">']
    out += [_finding(report, finding, to_root) for finding in ordered]
    out.append("</ol>")
    if locale.escapes:
        out.append("<h3>Escapes</h3><ul>")
        out += [
            f"<li>{_link(e.file, e.line, to_root)} <code>allow: {escape(e.code)}</code>"
            f"{f' — {escape(e.reason)}' if e.reason else ''}{'' if e.applied else ' (ignored: safety section)'}</li>"
            for e in locale.escapes
        ]
        out.append("</ul>")
    return out


def _link(file: str, line: int, to_root: str) -> str:
    return f'<a href="{escape(to_root + file)}#L{line}"><code>{escape(file)}:{line}</code></a>'


def _finding(report: Report, finding: Finding, to_root: str) -> str:
    where = f" <span class=\"counts\">[{escape(finding.section)}]</span>" if finding.section else ""
    return (
        f'<li><span class="level {level(report, finding)}">{level(report, finding)}</span>'
        f"{_link(finding.file, finding.line, to_root)} <code>{escape(finding.code)}</code> "
        f"{escape(finding.message)}{where}</li>"
    )

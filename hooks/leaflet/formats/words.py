"""The words every human-readable format uses for a section, a language and its review."""

from __future__ import annotations

from ..model import Finding, LocaleCoverage, Report, SectionCoverage, SignOff

YES, NO = "✓", "✗"


def cell(section: SectionCoverage) -> str:
    """``✗ 1/3 (1 fuzzy, 1 empty)``: a section's state in one language."""
    mark = YES if section.ok else NO
    detail = f"{section.translated}/{section.total}"
    counts = ((section.fuzzy, "fuzzy"), (section.untranslated, "empty"), (section.missing, "missing"))
    extra = [f"{n} {what}" for n, what in counts if n]
    return f"{mark} {detail}" + (f" ({', '.join(extra)})" if extra else "")


def verdict_of(locale: LocaleCoverage) -> str:
    """``ok``, ``fails`` or ``incomplete (draft: not fatal)``."""
    return "ok" if locale.ok else ("fails" if locale.published else "incomplete (draft: not fatal)")


def state(locale: LocaleCoverage) -> str:
    kind = "published" if locale.published else "draft"
    return f"{locale.locale} ({kind}): {verdict_of(locale)}"


def review_line(locale: LocaleCoverage) -> str:
    """Who reviewed the language, and which sections' English changed since the sign-off."""
    review = locale.review
    if review.clinically_reviewed:
        said = f"clinically reviewed by {review.clinical_reviewer} on {review.reviewed_on}"
    else:
        said = "not yet clinically reviewed"
    who = names(review)
    changed = changed_sections(locale)
    parts = [said] + ([who] if who else [])
    if changed:
        parts.append("English changed since sign-off in: " + ", ".join(changed))
    elif locale.review_note:
        parts.append(locale.review_note)
    return "; ".join(parts)


def changed_sections(locale: LocaleCoverage) -> list[str]:
    """The required sections whose English changed since the language was signed off."""
    return [s.id for s in locale.sections if s.changed_since_sign_off]


def names(review: SignOff) -> str:
    """Who translated and who reviewed the language, with the language review's date."""
    language = review.language_reviewer or ""
    if review.language_reviewed_on:
        language = f"{language} on {review.language_reviewed_on}".strip()
    return ", ".join(
        f"{label} {value}" for label, value in (("translator", review.translator), ("language reviewer", language))
        if value
    )


def level(report: Report, finding: Finding) -> str:
    """``error`` in a published language, where it fails the gate; ``warning`` in a draft."""
    return "error" if report.is_published(finding.locale) else "warning"


def verdict(report: Report) -> str:
    published = sum(1 for finding in report.findings if report.is_published(finding.locale))
    drafts = len(report.findings) - published
    return (
        f"{'OK' if report.ok else 'FAILED'}: {published} finding{'s' if published != 1 else ''} "
        f"in published languages, {drafts} in drafts."
    )


def percent(part: int, whole: int) -> int:
    """A share as a whole percent, rounded down: 99.6% translated is not 100%."""
    return 100 * part // whole if whole else 100

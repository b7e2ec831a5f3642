"""Interface strings the hooks put on pages, marked for extraction.

``N_`` marks a string for ``pybabel extract`` without translating it; the
hooks translate it for the language being built.
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message


UNTRANSLATED = N_("Not yet translated:")
CLINICAL_REVIEW_PENDING = N_(
    "This translation has not yet been checked by a clinician. "
    "If anything is unclear, please ask us."
)

"""Translation status, QA, coverage of required sections and sign-off."""

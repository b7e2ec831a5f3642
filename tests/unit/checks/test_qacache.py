"""leaflet.checks.qacache: the key of a kept result (the runs themselves: tests/build/test_check_cache.py)."""

from __future__ import annotations

from leaflet.checks import qacache


def test_glossaries_are_part_of_the_key() -> None:
    from leaflet.checks.glossary import checks_for
    from leaflet.i18n.glossary import Glossary

    one, other = checks_for(Glossary("fr", "a.tbx", ())), checks_for(Glossary("fr", "b.tbx", ()))
    assert qacache.key("x", "y", "fr", one) != qacache.key("x", "y", "fr", other)
    assert qacache.key("x", "y", "fr", one) == qacache.key("x", "y", "fr", checks_for(Glossary("fr", "a.tbx", ())))

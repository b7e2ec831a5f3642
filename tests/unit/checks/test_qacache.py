"""leaflet.checks.qacache: the key of a kept result (the runs themselves: tests/build/test_check_cache.py)."""

from __future__ import annotations

from leaflet.checks import qacache


def test_glossaries_are_part_of_the_key() -> None:
    from leaflet.checks.glossary import checks_for
    from leaflet.i18n.glossary import Glossary

    one, other = checks_for(Glossary("fr", "a.tbx", ())), checks_for(Glossary("fr", "b.tbx", ()))
    assert qacache.key("x", "y", "fr", one) != qacache.key("x", "y", "fr", other)
    assert qacache.key("x", "y", "fr", one) == qacache.key("x", "y", "fr", checks_for(Glossary("fr", "a.tbx", ())))


def test_with_the_cache_off_results_are_kept_for_the_run_and_handed_between_processes(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LEAFLET_CACHE", "0")
    qacache.open_store(tmp_path)
    qacache.put("a", "b", "fr", (), (("number-changed", "1 became 2"),))
    start = qacache.mark()
    qacache.put("c", "d", "fr", (), ())
    learnt = qacache.added_since(start)
    assert list(learnt) == [qacache.key("c", "d", "fr")]

    qacache.open_store(tmp_path)  # another process's store: nothing from before
    assert qacache.get("c", "d", "fr") is None
    qacache.merge(learnt)
    assert qacache.get("c", "d", "fr") == ()
    qacache.save()
    assert not (tmp_path / qacache.FOLDER).exists(), "the cache is off: nothing is written"

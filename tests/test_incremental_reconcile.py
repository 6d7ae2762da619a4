"""A movement told without its mover (``reconcile.narrative``) in a reconciler's call no longer stops every unit of
the call from being carried over: only the units the adoption of its mover may change or read are made again
(``narrative.narrative_units``); the store still equals the stage from scratch."""
from riwaya import blocks
from riwaya.reconcile import core
from riwaya.reconcile.core import Entities
from riwaya.reconcile.narrative import narrative_units
from riwaya.store import Store

from .test_blocks import _corpus_dump, _from_scratch, copy_store


def _m(doc, at, *agents, cls="movement", typ="arrival", role="agent"):
    return {"doc": doc, "trigger_start": at, "class": cls, "type": typ,
            "participants": [{"entity": a, "role": role} for a in agents]}


def _make(members, ents):
    """An event as the adoption reads it (as written): its class and type, its members' participants and
    triggers."""
    parts = {(p["entity"], p["role"]) for m in members for p in m["participants"]}
    return core._written({"class": members[0]["class"], "type": members[0]["type"],
            "participants": [{"entity": e, "role": r, "accounts": ["A"]} for e, r in sorted(parts)],
            "evidence": [{"doc": m["doc"], "trigger_start": m["trigger_start"]} for m in members]}, ents)


def test_the_units_an_orphans_adoption_changes_or_reads():
    ents = Entities([{"id": "p1", "type": "person", "name_ar": "بشار الأسد"}])
    made = []

    def make(members):
        made.append(members)
        return _make(members, ents)
    units = [[[_m("d1", 500, "raw:الطائرة")]],           # 0 "the plane landed": an orphan, given a mover
             [[_m("d1", 300, "p1")]],                   # 1 its narrative's mover, 200 characters before
             [[_m("d1", 100, "p1")], [_m("d9", 5, "p1")]],  # 2 400 before: out of the narrative's reach
             [[_m("d1", 600, "p1")]],                   # 3 after it
             [[_m("d2", 400, "p1")]],                   # 4 another document
             [[_m("d3", 450, "raw:طائرة")]],             # 5 an indefinite plane: another one, a mover of its own
             [[_m("d3", 500, "raw:الطائرة", "p1")]],     # 6 the plane with its mover named: no orphan
             [[_m("d4", 500, "raw:الطائرة", role="patient")]],   # 7 the plane moved: no orphan
             [[_m("d5", 500, "raw:الطائرة", cls="harm", typ="attack")]]]   # 8 no movement
    assert narrative_units(units, ents, make) == {0, 1}
    assert len(made) == 3                               # built only where a mention may be an orphan's: 0, 6, 7
    # the same with the orphan's text first written otherwise ("the base", compared normalised)
    ents.surface["raw:x"] = "القاعدة الروسية"
    units[0] = [[_m("d1", 500, "raw:x")]]
    assert narrative_units(units, ents, make) == {0, 1}
    # an orphan whose event is two mentions, one of them with nobody named: both documents' narratives
    units[0] = [[_m("d1", 500, "raw:الطائرة"), _m("d2", 450)]]
    assert narrative_units(units, ents, make) == {0, 1, 4}
    assert narrative_units(units[1:], ents, make) == set()


def test_a_call_with_an_orphan_carries_the_units_outside_its_narrative_over(built_db, corpus_dir, tmp_path,
                                                                            monkeypatch):
    """The seeds' first article tells a plane that took off and landed without its mover; one call reconciles
    the whole story. A document deleted, then added back: a call that adopts a mover carries units over too
    (it carried none before), and the store equals the stage from scratch each time."""
    from riwaya.pipeline import build, refresh
    calls = []
    real = core.reconcile

    def rec(*a, **kw):
        out = real(*a, **kw)
        orphans = [ev for ev in out["events"] if ev.get("participants") and any(
            p.get("inherited") == "narrative" for p in ev["participants"])]
        calls.append((orphans, out.get("carried") or []))
        return out
    monkeypatch.setattr(core, "reconcile", rec)
    import riwaya.reconcile as R
    monkeypatch.setattr(R, "reconcile", rec)
    dst = tmp_path / "n.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    gone = sorted(d["id"] for d in s.documents())[-1]
    s.delete([gone])
    refresh(s)
    assert any(adopted and carried for adopted, carried in calls), calls
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch1.db")
    calls.clear()
    build([str(corpus_dir)], url, progress=False)
    assert any(adopted and carried for adopted, carried in calls), calls
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch2.db")


def test_the_reconcilers_number_and_narrative_words_are_the_time_lexicons():
    """The reconciler reads counts and narrative times with the lexicon's words, not its compiled rules."""
    from riwaya.reconcile.conflicts import narrative_refs
    from riwaya.timex.lexicon import cardinals, load
    for lang in ("ar", "en"):
        assert cardinals(lang) == load(lang).words["cardinal"]
        assert narrative_refs(lang) == frozenset(load(lang).words["narr"])


def test_clause_readings_with_the_number_read_last():
    from riwaya.reconcile.values import flight_phase, victim_age, victim_rank, went_alone
    text = "وقتل طفل يبلغ من العمر أربعة أعوام ونصف في القصف، وأصيب ضابط صف. غادر وحده قبل الهبوط"
    kill = (text.index("وقتل"), text.index("وقتل") + 4)
    assert victim_age(text, kill) == 4.5
    assert victim_age(text.replace("أربعة", "13"), kill) == 13.5
    assert victim_age("a 58-year-old man was killed", (19, 25)) == 58
    assert victim_age(text.replace("أعوام", "أيام"), kill) is None
    hurt = (text.index("وأصيب"), text.index("وأصيب") + 5)
    assert victim_rank(text, hurt) == "nco"
    left = (text.index("غادر"), text.index("غادر") + 4)
    assert went_alone(text, left) and flight_phase(text, left) == "landing"       # "before the landing"

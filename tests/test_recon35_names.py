"""recon35 (issue #15): a person told by a shorter form of another person's name (``events.short_name_links``).

On the clusters corpus' train stories the name resolver kept a girl shot at a hotel as two people, «زينب» (the reports
that name her by her given name) and «زينب» / «زينب الفاضل محمد حسين لباد» (the one that gives her full name): every
mention of the one clashed with every mention of the other by main actors, at the pair gate and at the join. With the
switch, a person with no knowledge-base record whose name, given name first, is some words of another person's name
of the same given name may be that person (``may_be``), as an unresolved span may be a named one."""
import json
from pathlib import Path

from riwaya.reconcile import core

SHIPPED = json.loads((Path(core.__file__).parents[1] / "data" / "reconcile" / "config.json").read_text("utf-8"))


def _person(eid, name_ar, aliases=(), kb_id=None):
    return {"id": eid, "type": "person", "name_ar": name_ar, "name_en": None, "aliases": list(aliases),
            "kb_id": kb_id, "mentions": []}


ENTS = [_person("e:p:zainab", "زينب"),
        _person("e:p:zainab_full", "زينب", ["زينب الفاضل محمد حسين لباد"]),
        _person("e:p:saad", "سعد دوابشة"),
        _person("e:p:saad_full", "سعد محمد دوابشة"),
        _person("e:p:ali", "علي سعد دوابشة"),
        _person("e:p:mbs", "محمد", kb_id="Q123"),
        _person("e:p:mbs_full", "محمد بن سلمان")]


def _shot(mid, doc, victim):
    # «تعرضت الطفلة زينب بالخطأ لإطلاق نار أثناء لهوها في حديقة الفندق»
    return {"id": mid, "doc": doc, "class": "harm", "type": "attack", "polarity": "asserted", "trigger": "لإطلاق",
            "start": 0, "end": 80, "trigger_start": 20, "trigger_end": 26, "origin": None, "destination": None,
            "via": [], "place": None, "time": None, "participants": [{"entity": victim, "role": "patient"}]}


def _linked(rule, ids):
    core.config()["events"]["short_name_links"] = rule
    ms = [_shot(f"d{k}:ev1", f"d{k}", x) for k, x in enumerate(ids)]
    core._link_actors(ms, core.Entities(ENTS))
    return ms


def test_shipped_value():
    assert SHIPPED["events"]["short_name_links"] in (False, {"max_words": 1})


def test_a_given_name_may_be_the_full_name(events_cfg):
    a, b = _linked({"max_words": 1}, ["e:p:zainab", "e:p:zainab_full"])
    assert a["participants"][0]["may_be"] == ("e:p:zainab_full",)
    fa, fb = core._features(a), core._features(b)
    assert fa["alts"] & fb["alts"]
    assert core._pair_ok(a, b, fa, fb)                             # no clash of main actors
    assert core.pair_features(a, b, fa, fb).get("actors_linked") == 1.0
    assert core._sigs_ok({core._sig(a, fa)}, {core._sig(b, fb)}, core.config()["events"])   # nor at the join


def test_switch_off_is_the_old_clash(events_cfg):
    a, b = _linked(False, ["e:p:zainab", "e:p:zainab_full"])
    assert "may_be" not in a["participants"][0]
    assert not core._pair_ok(a, b, core._features(a), core._features(b))


def test_what_is_not_linked(events_cfg):
    # two words of a longer name («سعد دوابشة» of «سعد محمد دوابشة»): only with max_words 2 or more
    a, b = _linked({"max_words": 1}, ["e:p:saad", "e:p:saad_full"])
    assert "may_be" not in a["participants"][0]
    a, b = _linked(True, ["e:p:saad", "e:p:saad_full"])
    assert a["participants"][0]["may_be"] == ("e:p:saad_full",)
    # another given name of one family («علي سعد دوابشة», the child): never
    a, b = _linked(True, ["e:p:saad", "e:p:ali"])
    assert "may_be" not in a["participants"][0]
    # a person of the knowledge base is told apart by it, not by a name's words
    a, b = _linked(True, ["e:p:mbs", "e:p:mbs_full"])
    assert "may_be" not in a["participants"][0]


def test_only_among_the_people_the_mentions_name(events_cfg):
    # the full name is an entity of the index, but no mention of the call names it: nothing to link to
    (a,) = _linked({"max_words": 1}, ["e:p:zainab"])
    assert "may_be" not in a["participants"][0]

"""A place the knowledge base cannot locate is no clash with a region or country that may hold it (issue #15, merge27;
``events.unlocated_places``, ``core._place_compat``'s loose form, ``core._unlocated_ok``): "هجوم انتحاري في ولاية
فرياب" against "هجوم انتحاري في أفغانستان" can be one attack, since the name tagger's "فرياب" has no record,
coordinates or country to test its containment by. Not where the two share a named main actor (one organisation's
strikes in a town and in the country are mostly two), not for killings, deaths and injuries (the victims identify
them), and never against a city (the unknown place may lie anywhere)."""
import pytest

from riwaya.reconcile import core

AFGHANISTAN = {"id": "e:country:af", "type": "place", "name_ar": "أفغانستان", "kb_id": "country:af",
               "coordinates": [33.0, 65.0], "attrs": {"kind": "country", "country": "AF"}}
MEDINA_PROVINCE = {"id": "e:state:sa:14", "type": "place", "name_ar": "منطقة المدينة المنورة", "kb_id": "state:sa:14",
                   "coordinates": [24.5, 39.6], "attrs": {"kind": "governorate", "country": "SA"}}
KABUL = {"id": "e:capital:af", "type": "place", "name_ar": "كابول", "kb_id": "capital:af",
         "coordinates": [34.5, 69.2], "attrs": {"kind": "city", "country": "AF"}}
FARYAB = {"id": "e:p:faryab", "type": "place", "name_ar": "فرياب", "kb_id": None, "coordinates": None, "attrs": {}}
KHAYBAR_SOUTH = {"id": "e:p:khaybar-south", "type": "place", "name_ar": "خيبر الجنوب", "kb_id": None,
                 "coordinates": None, "attrs": {}}
TALIBAN = {"id": "e:org:taliban", "type": "organization", "name_ar": "حركة طالبان", "kb_id": "org:taliban"}
ENTS = core.Entities([AFGHANISTAN, MEDINA_PROVINCE, KABUL, FARYAB, KHAYBAR_SOUTH, TALIBAN])


def _m(mid, doc, typ, cls, place, parts=()):
    """A canonical mention: "فجر انتحاري نفسه في سوق بولاية فرياب" (the attack's place its key place)."""
    return {"id": mid, "doc": doc, "type": typ, "class": cls, "polarity": "asserted", "place": place,
            "participants": [{"entity": e, "role": r} for e, r in parts]}


def _ok(a, b, same):
    return core._pair_ok(a, b, core._features(a), core._features(b), same)


def _sig_ok(a, b, same):
    return core._sig_ok(core._sig(a, core._features(a)), core._sig(b, core._features(b)), same)


@pytest.fixture
def off(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "unlocated_places", None)


def test_shipped_setting():
    rule = core.config()["events"]["unlocated_places"]
    assert {"country", "governorate", "region"} <= set(rule["containers"]) and "city" not in rule["containers"]
    assert set(rule["except_types"]) == {"killing", "death", "injury"}


def test_unlocated_and_container():
    assert core._unlocated(FARYAB) and core._unlocated(KHAYBAR_SOUTH)
    assert not core._unlocated(AFGHANISTAN) and not core._unlocated(KABUL) and not core._unlocated(TALIBAN)
    kinds = frozenset(core.config()["events"]["unlocated_places"]["containers"])
    assert core._container(AFGHANISTAN, kinds) and core._container(MEDINA_PROVINCE, kinds)
    assert not core._container(KABUL, kinds) and not core._container(FARYAB, kinds)


def test_loose_place_test():
    same = core._place_compat(ENTS)
    assert not same(FARYAB["id"], AFGHANISTAN["id"])          # the strict test: no containment known
    assert same.loose(FARYAB["id"], AFGHANISTAN["id"]) and same.loose(AFGHANISTAN["id"], FARYAB["id"])
    assert same.loose(KHAYBAR_SOUTH["id"], MEDINA_PROVINCE["id"])
    assert not same.loose(FARYAB["id"], KABUL["id"])          # a city holds no unknown province
    assert not same.loose(FARYAB["id"], KHAYBAR_SOUTH["id"])  # two unknown places: two names, two places


def test_an_attack_in_an_unknown_province_and_in_its_country_may_be_one():
    same = core._place_compat(ENTS)
    a = _m("a", "d1", "attack", "harm", FARYAB["id"])
    b = _m("b", "d2", "attack", "harm", AFGHANISTAN["id"])
    assert _ok(a, b, same) and _sig_ok(a, b, same)


def test_off_keeps_them_apart(off):
    same = core._place_compat(ENTS)
    assert not hasattr(same, "loose")
    a = _m("a", "d1", "attack", "harm", FARYAB["id"])
    b = _m("b", "d2", "attack", "harm", AFGHANISTAN["id"])
    assert not _ok(a, b, same) and not _sig_ok(a, b, same)


def test_against_a_city_still_two():
    same = core._place_compat(ENTS)
    a = _m("a", "d1", "attack", "harm", FARYAB["id"])
    b = _m("b", "d2", "attack", "harm", KABUL["id"])
    assert not _ok(a, b, same)


def test_one_named_doer_in_two_places_still_two():
    """"غارات على مواقع طالبان في فرياب" / "غارة على طالبان في أفغانستان": a named main actor in common (the one
    struck) keeps the places apart (train: the coalition's strikes on one organisation in a town and in Iraq)."""
    same = core._place_compat(ENTS)
    a = _m("a", "d1", "attack", "harm", FARYAB["id"], [(TALIBAN["id"], "patient")])
    b = _m("b", "d2", "attack", "harm", AFGHANISTAN["id"], [(TALIBAN["id"], "patient")])
    assert not _ok(a, b, same)


@pytest.mark.parametrize("typ,cls", [("killing", "harm"), ("injury", "harm"), ("death", "other")])
def test_casualties_keep_their_places(typ, cls):
    """"مقتل شخصين في خيبر الجنوب" / "مقتل ثلاثة في منطقة المدينة": the victims identify a killing."""
    same = core._place_compat(ENTS)
    a = _m("a", "d1", typ, cls, KHAYBAR_SOUTH["id"])
    b = _m("b", "d2", typ, cls, MEDINA_PROVINCE["id"])
    assert not _ok(a, b, same) and not _sig_ok(a, b, same)

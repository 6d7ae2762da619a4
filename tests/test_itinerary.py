from riwaya.itinerary import build_itineraries


def ev(i, typ, cls, who, t, **kw):
    d = {"id": i, "class": cls, "type": typ, "participants": [{"entity": who, "role": "agent"}],
         "origin": None, "destination": None, "via": None, "place": None, "means": None,
         "time": {"earliest": t, "latest": t, "text": "", "precision": "day"},
         "evidence": [{"doc": "d1", "start": 0, "end": 1, "attribution": {"chain": []}}]}
    d.update(kw)
    return d


def test_legs_and_fate():
    ents = [{"id": "p1", "type": "person", "name_ar": "بشار الأسد", "name_en": "Bashar al-Assad"},
            {"id": "g1", "type": "place", "name_ar": "موسكو", "name_en": "Moscow"}]
    evs = [ev("e2", "departure", "movement", "p1", "2024-12-08T02:00:00+03:00", origin="حميميم", destination="g1"),
           ev("e1", "transfer", "movement", "p1", "2024-12-07T22:00:00+03:00", origin="دمشق", destination="حميميم",
              means="موكب روسي"),
           ev("e3", "whereabouts", "other", "p1", "2024-12-20T00:00:00+03:00", place="g1")]
    out = build_itineraries(evs, ents)
    assert len(out) == 1 and out[0]["person"] == "p1"
    legs = out[0]["legs"]
    assert [l["event"] for l in legs] == ["e1", "e2"]
    assert legs[0]["means"] == "موكب روسي" and legs[1]["to"] == "g1"
    assert out[0]["fate"]["status"] == "located" and out[0]["fate"]["place"] == "g1"


def test_fate_from_destination_only():
    ents = [{"id": "p2", "type": "person", "name_ar": "علي مملوك", "name_en": None}]
    evs = [ev("e9", "escape", "movement", "p2", None, destination="روسيا")]
    out = build_itineraries(evs, ents)
    assert out[0]["fate"]["place"] == "روسيا" and out[0]["fate"]["status"] == "moved"


def test_fate_from_a_whereabouts_sentence_with_a_shared_family_name(tmp_path):
    # "بشار وماهر الأسد في روسيا": بشار has no mention span of its own, the extractor ties it to the KB
    from riwaya.pipeline import build
    from riwaya.store import Store
    src = tmp_path / "a.txt"
    src.write_text("غادر الرئيس بشار الأسد دمشق.\nبشار وماهر الأسد في روسيا، يعيشان حياة فارهة.\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'a.db'}"
    build([str(src)], url, progress=False)
    exp = Store(url).export()
    ids = {e["kb_id"]: e["id"] for e in exp["entities"] if e.get("kb_id")}
    fates = {i["person"]: i["fate"] for i in exp["itineraries"]}
    for kb in ("person:bashar-al-assad", "person:maher-al-assad"):
        f = fates.get(ids[kb])
        assert f and f["status"] == "located" and f["place"] == ids["country:ru"], kb


def test_legs_at_the_same_time_follow_the_route_the_report_tells():
    # "متجهًا إلى قاعدة حميميم الجوية في سوريا، ومن ثم إلى موسكو": two legs, one time window
    from riwaya.itinerary import build_itineraries
    t = {"earliest": "2024-12-07T18:00:00+03:00", "latest": "2024-12-07T23:59:59+03:00"}
    ev = lambda i, dest, s: {"id": i, "class": "movement", "type": "departure", "destination": dest, "time": t,
                             "participants": [{"entity": "P", "role": "agent"}],
                             "evidence": [{"doc": "d", "start": 0, "end": 100}]}
    ents = [{"id": "P", "type": "person", "name_en": "P", "mentions": []},
            {"id": "H", "type": "place", "mentions": [{"doc": "d", "start": 20, "end": 30}]},
            {"id": "M", "type": "place", "mentions": [{"doc": "d", "start": 60, "end": 65}]}]
    it = build_itineraries([ev("a", "M", 60), ev("b", "H", 20)], ents)[0]
    assert [l["to"] for l in it["legs"]] == ["H", "M"] and it["fate"]["place"] == "M"


def test_new_corpus_stage_code_reruns_the_stage_with_nothing_new(tmp_path, monkeypatch):
    from riwaya import corpus
    from riwaya.pipeline import build
    from riwaya.store import Store
    src = tmp_path / "a.txt"
    src.write_text("غادر الرئيس بشار الأسد دمشق إلى موسكو.", "utf-8")
    url = f"sqlite:///{tmp_path / 'a.db'}"
    build([str(src)], url, progress=False)
    assert Store(url).corpus_is_current()
    monkeypatch.setattr(corpus, "CORPUS_VERSION", "changed")
    assert not Store(url).corpus_is_current()
    build([str(src)], url, progress=False)
    assert Store(url).corpus_is_current()


def test_anaphoric_place_is_an_unknown_endpoint():
    # seed 003: "غادر الأسد المكان … متجهًا إلى قاعدة حميميم", "planning to leave the country"
    ents = [{"id": "p1", "type": "person", "name_ar": "بشار الأسد", "name_en": "Bashar al-Assad"},
            {"id": "g2", "type": "place", "name_ar": "قاعدة حميميم", "name_en": "Hmeimim Air Base"}]
    evs = [ev("e1", "departure", "movement", "p1", "2024-12-07T22:00:00+03:00", origin="raw:المكان", destination="g2"),
           ev("e2", "departure", "movement", "p1", "2024-12-07T18:58:00+03:00", origin="raw:country")]
    legs = build_itineraries(evs, ents)[0]["legs"]
    assert [(l["from"], l["to"]) for l in legs] == [(None, "g2")]


def test_planned_and_denied_moves_are_no_legs():
    ents = [{"id": "p1", "type": "person", "name_ar": "بشار الأسد", "name_en": "Bashar al-Assad"},
            {"id": "g1", "type": "place", "name_ar": "موسكو", "name_en": "Moscow"}]
    evs = [ev("e1", "return", "movement", "p1", "2024-12-07T18:00:00+03:00", destination="raw:منزله", polarity="planned"),
           ev("e2", "arrival", "movement", "p1", "2024-12-07T20:00:00+03:00", destination="g1", polarity="denied"),
           ev("e3", "escape", "movement", "p1", "2024-12-08T02:00:00+03:00", destination="g1")]
    out = build_itineraries(evs, ents)[0]
    assert [l["event"] for l in out["legs"]] == ["e3"]


def test_a_later_step_of_the_same_account_ends_hiding():
    # seed 000: "اختبأ مملوك والحسن في السفارة حتى رتّب مسؤولون روس قافلةً … قبل أن يصلا إلى روسيا لاحقًا"
    ents = [{"id": "p1", "type": "person", "name_ar": "علي مملوك", "name_en": "Ali Mamlouk"},
            {"id": "ru", "type": "place", "name_ar": "روسيا", "name_en": "Russia"}]
    def at(e, trig):
        e["evidence"] = [{"doc": "d1", "start": 1881, "end": 2000, "trigger_start": trig}]
        return e
    evs = [at(ev("e1", "hiding", "movement", "p1", None, place="raw:السفارة"), 1890),
           at(ev("e2", "arrival", "movement", "p1", None, destination="ru"), 1960)]
    for e in evs:
        e["time"] = None
    fate = build_itineraries(evs, ents)[0]["fate"]
    assert fate["status"] == "moved" and fate["place"] == "ru"
    # told by another account, a hiding place still outranks an inferred destination
    evs[1]["evidence"] = [{"doc": "d2", "start": 10, "end": 50, "trigger_start": 12}]
    assert build_itineraries(evs, ents)[0]["fate"]["status"] == "hiding"


# ---------------------------------------------------------------- accounts, alternatives, fate (issue 15)

from riwaya.itinerary import Itinerary, Leg  # noqa: E402

PEOPLE = [{"id": "p1", "type": "person", "name_en": "A. Person", "name_ar": "فلان",
           "mentions": [{"doc": "da", "start": 0, "end": 4}, {"doc": "db", "start": 0, "end": 4},
                        {"doc": "dc", "start": 0, "end": 4}]},
          {"id": "p2", "type": "person", "name_en": "B. Other", "name_ar": "علان",
           "mentions": [{"doc": "dc", "start": 60, "end": 64}]},
          {"id": "g:pal", "type": "place", "name_en": "the palace", "name_ar": "القصر"},
          {"id": "g:apt", "type": "place", "name_en": "Damascus International Airport", "name_ar": "مطار دمشق",
           "coordinates": [33.41, 36.52], "attrs": {"kind": "airport", "country": "SY"}},
          {"id": "g:hmm", "type": "place", "name_en": "Hmeimim", "name_ar": "حميميم", "coordinates": [35.40, 35.95],
           "attrs": {"kind": "air_base", "country": "SY"}},
          {"id": "g:mow", "type": "place", "name_en": "Moscow", "name_ar": "موسكو", "coordinates": [55.75, 37.62],
           "attrs": {"kind": "city", "country": "RU"}}]


def _doc(i, outlet, text):
    return {"id": i, "outlet": outlet, "text": text}


def _m(doc, acc, typ="departure", start=0, end=50, pol="asserted", **vals):
    v = {"origin": None, "destination": None, "via": None, "means": None, "time": None, "polarity": pol}
    v.update(vals)
    return {"doc": doc, "start": start, "end": end, "type": typ, "account": acc, "independent_account": acc,
            "attribution": {"chain": []}, "values": v}


def _ev(i, typ, cls, evidence, role="agent", who="p1", **kw):
    d = {"id": i, "class": cls, "type": typ, "polarity": "asserted",
         "participants": [{"entity": who, "role": role, "accounts": sorted({e["account"] for e in evidence})}],
         "origin": None, "destination": None, "via": [], "place": None, "means": None, "time": None,
         "evidence": evidence}
    d.update(kw)
    return d


def test_alternative_routes_from_two_accounts():
    docs = [_doc("da", "Outlet A", "x" * 100), _doc("db", "Outlet B", "x" * 100), _doc("dc", "Outlet C", "x" * 100)]
    leg1 = _ev("e1", "transfer", "movement",
               [_m("da", "A", "transfer", origin="g:pal", destination="g:hmm", means="موكب روسي"),
                _m("db", "B", "departure", origin="g:apt", destination="g:hmm", means="طائرة")],
               origin="g:pal", destination="g:hmm", means="موكب روسي",
               time={"earliest": "2024-12-07T22:00:00+03:00", "latest": "2024-12-08T03:00:00+03:00"})
    leg2 = _ev("e2", "departure", "movement",
               [_m("da", "A", origin="g:hmm", destination="g:mow"), _m("db", "B", destination="g:mow"),
                _m("dc", "C", destination="g:mow")],
               origin="g:hmm", destination="g:mow",
               time={"earliest": "2024-12-08T04:00:00+03:00", "latest": "2024-12-08T08:00:00+03:00"})
    it = build_itineraries([leg2, leg1], PEOPLE, docs)[0]
    assert [lg["event"] for lg in it["legs"]] == ["e1", "e2"]
    assert it["legs"][0]["disputed"] and not it["legs"][1]["disputed"]
    assert {a["name"] for a in it["legs"][1]["accounts"]} == {"Outlet A", "Outlet B", "Outlet C"}
    routes = {tuple(a["name"] for a in r["accounts"]): r for r in it["alternatives"]}
    assert set(routes) == {("Outlet A",), ("Outlet B",)}
    a, b = routes[("Outlet A",)]["legs"], routes[("Outlet B",)]["legs"]
    assert (a[0]["from"], a[0]["means"]) == ("g:pal", "موكب روسي") and (b[0]["from"], b[0]["means"]) == ("g:apt", "طائرة")
    assert a[1]["event"] == b[1]["event"] == "e2" and not a[1]["disputed"]     # the shared leg in both
    assert Itinerary.from_dict(it).to_dict() == it                           # typed and back, unchanged


def test_precision_is_no_alternative():
    docs = [_doc("da", "Outlet A", "x" * 100), _doc("db", "Outlet B", "x" * 100)]
    ents = PEOPLE + [{"id": "g:ru", "type": "place", "name_en": "Russia", "name_ar": "روسيا",
                      "kb_id": "country:ru", "coordinates": [60.0, 100.0], "attrs": {"kind": "country", "country": "RU"}}]
    e = _ev("e1", "escape", "movement", [_m("da", "A", destination="g:mow"), _m("db", "B", destination="g:ru")],
            destination="g:mow")
    it = build_itineraries([e], ents, docs)[0]
    assert not it["legs"][0]["disputed"] and it["alternatives"] == []


def _fate_of(text, evidence_kw=None, role="patient", who="p1", typ="killing", start=0):
    docs = [_doc("dc", "Outlet C", text)]
    m = _m("dc", "C", typ, start=start, end=len(text), **(evidence_kw or {}))
    e = _ev("k1", typ, "harm" if typ == "killing" else "other", [m], role=role, who=who)
    out = {i["person"]: i for i in build_itineraries([e], PEOPLE, docs)}
    return (out.get("p1") or {}).get("fate")


def test_fate_from_an_asserted_statement_with_its_account():
    f = _fate_of("فلان قتل في غارة على المدينة يوم الأحد.")
    assert f["status"] == "dead" and [a["name"] for a in f["accounts"]] == ["Outlet C"]


def test_fate_rejected_from_opinion_hypothetical_question_denial_other_person():
    assert _fate_of("فلان قد يقتل إذا عاد إلى البلاد.") is None                   # hypothetical, unlabelled
    assert _fate_of("فلان killed? nobody knows.") is None                          # a question
    assert _fate_of("I think فلان is politically dead.") is None                   # an opinion
    assert _fate_of("فلان is probably dead, a commentator wrote.") is None          # a guess
    assert _fate_of("ومن المرجح أن فلان قتل في الغارة.") is None                   # "most likely"
    assert _fate_of("فلان انتهى سياسيا برأيي.") is None                            # "in my opinion"
    assert _fate_of("فلان was killed, according to a rumour the Kremlin denied.") is None
    assert _fate_of("وشملت أحكام الإعدام كلا من فلان وآخرين.") is None           # a death sentence is no death
    assert _fate_of("فلان قتل في غارة.", {"pol": "hypothetical"}) is None
    assert _fate_of("فلان قتل في غارة.", {"pol": "denied"}) is None
    assert _fate_of("فلان قتل في غارة.", {"pol": "hedged"}) is None                 # "reportedly"
    assert _fate_of("فلان قتل جنديا في غارة.", role="agent") is None               # the killer is not the dead
    # another person's sentence in the cluster: p1 is not named in it
    assert _fate_of("xxxx" + " " * 56 + "علان قتل في غارة.", start=60) is None


def test_alternatives_across_two_events_the_reconciler_kept_apart():
    docs = [_doc("da", "Outlet A", "x" * 100), _doc("db", "Outlet B", "x" * 100)]
    tm = {"earliest": "2024-12-07T22:00:00+03:00", "latest": "2024-12-08T03:00:00+03:00"}
    a = _ev("e1", "transfer", "movement", [_m("da", "A", "transfer", origin="g:pal", destination="g:hmm",
                                             means="موكب روسي", time=tm)], origin="g:pal", destination="g:hmm", time=tm)
    b = _ev("e2", "flight", "movement", [_m("db", "B", "flight", origin="g:apt", destination="g:hmm", means="طائرة",
                                           time=tm)], origin="g:apt", destination="g:hmm", time=tm)
    # the same account's two legs to one place are two steps, never alternatives
    c = _ev("e3", "return", "movement", [_m("db", "B", "return", origin="g:mow", destination="g:hmm", time=tm)],
            origin="g:mow", destination="g:hmm", time=tm)
    it = build_itineraries([a, b, c], PEOPLE, docs)[0]
    disputed = {lg["event"]: lg["disputed"] for lg in it["legs"]}
    assert disputed == {"e1": True, "e2": True, "e3": False}
    assert len(it["alternatives"]) == 2
    assert {r["accounts"][0]["name"] for r in it["alternatives"]} == {"Outlet A", "Outlet B"}


def test_same_itinerary_whatever_the_hash_seed(tmp_path):
    """One account tells a leg once as a flight and once as an arrival (a tie): the leg's type, and so
    which end its time bounds, is the first told, not what a set's order gives in this process."""
    import json
    import os
    import subprocess
    import sys
    docs = [_doc("da", "Outlet A", "x" * 100)]
    leg = _ev("e1", "flight", "movement",
              [_m("da", "A", "flight", destination="g:mow",
                  time={"earliest": "2014-01-01T00:00:00+03:00", "latest": "2014-12-31T23:59:59+03:00"}),
               _m("da", "A", "arrival", start=60, end=90, destination="g:mow")],
              destination="g:mow")
    src = tmp_path / "in.json"
    src.write_text(json.dumps({"events": [leg], "entities": PEOPLE, "documents": docs}), encoding="utf-8")
    code = ("import json,sys; from riwaya.itinerary import build_itineraries; d=json.load(open(sys.argv[1]));"
            "print(json.dumps(build_itineraries(d['events'], d['entities'], d['documents']), sort_keys=True))")
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True,
                                env=env, check=True).stdout)
    assert len(outs) == 1
    assert json.loads(outs.pop())[0]["legs"][0]["type"] == "flight"


def test_itineraries_in_blocks_of_people_equal_all_at_once():
    """``iter_itineraries`` (the corpus stage: a few people's events read back at a time, fresh copies
    as from the store) gives what ``build_itineraries`` gives over every event at once, whatever the
    block size; each block reads back only its own people's events."""
    import copy
    import json

    from riwaya.itinerary import iter_itineraries
    docs = [_doc("da", "Outlet A", "x" * 100), _doc("db", "Outlet B", "x" * 100), _doc("dc", "Outlet C", "x" * 100)]
    tm = {"earliest": "2024-12-07T22:00:00+03:00", "latest": "2024-12-08T03:00:00+03:00"}
    evs = [_ev("e1", "transfer", "movement", [_m("da", "A", "transfer", origin="g:pal", destination="g:hmm",
                                                 time=tm)], origin="g:pal", destination="g:hmm", time=tm),
           _ev("e2", "flight", "movement", [_m("db", "B", "flight", origin="g:apt", destination="g:hmm", time=tm)],
               origin="g:apt", destination="g:hmm", time=tm),
           _ev("e3", "departure", "movement", [_m("dc", "C", destination="g:mow", start=60, end=90)], who="p2",
               destination="g:mow"),
           _ev("e4", "killing", "harm", [_m("dc", "C", "killing", start=60, end=90)], role="patient", who="p2"),
           _ev("e5", "departure", "movement", [_m("da", "A", destination="g:mow")], polarity="planned",
               destination="g:mow")]
    whole = build_itineraries(copy.deepcopy(evs), PEOPLE, docs)
    assert [i["person"] for i in whole] == ["p1", "p2"]
    for size in (1, 2, 1000):
        asked = []

        def load(refs):
            asked.append(list(refs))
            return {r: json.loads(json.dumps(evs[r])) for r in refs}
        got = list(iter_itineraries(enumerate(copy.deepcopy(evs)), load, PEOPLE, docs, block_events=size))
        assert json.dumps(got, sort_keys=True) == json.dumps(whole, sort_keys=True)
        assert sorted(r for refs in asked for r in refs) == [0, 1, 2, 3]
        assert len(asked) == (2 if size < 4 else 1)     # p1's two events, then p2's two; the plan is no leg

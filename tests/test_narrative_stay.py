"""A stay's implicit side (issue #15): a movement told without its mover takes the narrative's, "the base"
is the base the document names, a clock time past a heading takes the narrative's day; a leg told whole
from the journey's start leaves the stay's place; a continuation's time bounds the arrival; a document's
translated half is one account with it; a time-check finding on a stay is a contradiction on `duration`."""
from riwaya.itinerary import build_itineraries
from riwaya.reconcile.core import Entities
from riwaya.reconcile.narrative import adopt_narrative_movers, day_of_clock, place_kind

from tests.test_timecheck import DOCS, STAY_ENTS, event, mention, t

# seed 001's paragraph (corpus/fall-of-assad), the narrative's last movement two sentences before
SEED = ("وجلس الرئيس بجانب النافذة يطيل النظر نحو مدينة تغادره كما غادرها بصمت . \n\n"
        "وتجاوزت الطائرة الساعه الـ3 فجرا، وتقلع الطائرة ثم تهبط في القاعدة الروسية، ليبدأ فصل جديد من حالة "
        "التوتر، حيث تفيد المعلومات بان الرئيس وأبنائه بقوا في قاعدة حميميم الجوية لبضع ساعات.")
ENTS = [{"id": "p1", "type": "person", "name_en": "A. Person", "name_ar": "الرئيس",
         "mentions": [{"doc": "d1", "start": SEED.index("الرئيس"), "end": SEED.index("الرئيس") + 6}]},
        {"id": "g:hmm", "type": "place", "name_en": "Hmeimim", "name_ar": "قاعدة حميميم", "coordinates": [35.40, 35.95],
         "kb_id": "kb:hmeimim", "attrs": {"kind": "air_base"},
         "mentions": [{"doc": "d1", "start": SEED.index("قاعدة حميميم"), "end": SEED.index("قاعدة حميميم") + 12}]}]


def _ev(i, typ, trigger, participants, time=None, acc="A", doc="d1", text=SEED):
    ts = text.index(trigger)
    return {"id": i, "class": "movement", "type": typ, "participants": participants, "origin": None,
            "destination": None, "via": [], "place": None, "time": None, "polarity": "asserted",
            "evidence": [{"doc": doc, "start": 0, "end": len(text), "mention": f"{doc}:{i}", "trigger": trigger,
                          "trigger_start": ts, "trigger_end": ts + len(trigger), "type": typ, "account": acc,
                          "independent_account": acc, "values": {"time": time, "destination": None}}]}


def _seed_events():
    leaves = _ev("e1", "escape", "تغادره", [{"entity": "p1", "role": "agent", "accounts": ["A"]}])
    leaves["evidence"][0]["values"]["time"] = t("2024-12-07T18:00:00+03:00", "2024-12-08T05:59:59+03:00")
    lands = _ev("e2", "arrival", "تهبط", [{"entity": "raw:القاعدة الروسية", "role": "agent", "accounts": ["A"]}])
    flies = _ev("e3", "flight", "وتقلع", [{"entity": "raw:الطائرة", "role": "agent", "accounts": ["A"]}])
    return leaves, lands, flies


def test_a_landing_without_its_mover_takes_the_narratives_mover_place_and_day():
    leaves, lands, flies = _seed_events()
    three_am = {"earliest": "2024-11-30T03:00:00+03:00", "latest": None, "text": "الساعه الـ3 فجرا",
                "precision": "hour", "tz": "+03:00", "inferred": "chain"}    # past a heading dated 30 November
    n = adopt_narrative_movers([leaves, lands, flies], {"d1": {"text": SEED}}, Entities(ENTS),
                               {"d1:e2": {"time": three_am}})
    assert n == 2
    assert {"entity": "p1", "role": "agent", "accounts": ["A"], "inherited": "narrative"} in lands["participants"]
    assert lands["destination"] == "g:hmm"                      # "القاعدة الروسية": the base the paragraph names
    assert lands["evidence"][0]["values"]["time"]["earliest"] == "2024-12-08T03:00:00+03:00"   # the narrative's day
    assert flies["destination"] is None                          # "وتقلع الطائرة": no place told


def test_a_named_actor_an_indefinite_plane_or_no_subject_keeps_its_own():
    text = ("غادر الرئيس العاصمة مساء. أقلعت طائرة من مطار دمشق متجهة إلى قاعدة حميميم وعلى متنها كبار المسؤولين. "
            "ووصلت القوات إلى المطار.")
    leaves = _ev("e1", "departure", "غادر", [{"entity": "p1", "role": "agent", "accounts": ["A"]}], text=text)
    other_plane = _ev("e2", "departure", "أقلعت", [{"entity": "raw:طائرة", "role": "agent", "accounts": ["A"]}], text=text)
    forces = _ev("e3", "arrival", "ووصلت", [{"entity": "raw:القوات", "role": "agent", "accounts": ["A"]}], text=text)
    nobody = _ev("e4", "arrival", "متجهة", [], text=text)
    assert adopt_narrative_movers([leaves, other_plane, forces, nobody], {"d1": {"text": text}}, Entities(ENTS)) == 0


def test_a_plane_landing_with_no_person_moving_before_is_nobodys_leg():
    # SaudiNewsNet 2015-07-21, aleqt.com/2015/07/20/article_974802.html: the plane went on and landed in Paris
    text = ('وبحسب صحيفة "صنداي مورنينج بوست" التي تصدر في هونج كونج، فإن القطعة المعدنية سقطت من على ارتفاع '
            "3700 متر واخترقت سقف مصنع، في حين أكملت الطائرة رحلتها وهبطت في باريس دون مشكلات.")
    lands = _ev("e1", "arrival", "وهبطت", [{"entity": "raw:الطائرة", "role": "agent", "accounts": ["A"]}], text=text)
    assert adopt_narrative_movers([lands], {"d1": {"text": text}}, Entities(ENTS)) == 0
    assert len(lands["participants"]) == 1


def test_place_kind_and_day_of_clock():
    assert place_kind("في القاعدة الروسية") == "air_base" and place_kind("at the base") == "air_base"
    assert place_kind("إلى المطار") == "airport" and place_kind("في باريس") is None
    open_3am = {"earliest": "2024-11-30T03:00:00+03:00", "latest": None, "precision": "hour", "tz": "+03:00"}
    night = {"earliest": "2024-12-07T18:00:00+03:00", "latest": "2024-12-08T05:59:59+03:00"}
    assert day_of_clock(open_3am, [night])["earliest"] == "2024-12-08T03:00:00+03:00"
    two_nights = {"earliest": "2024-12-06T00:00:00+03:00", "latest": "2024-12-07T23:59:59+03:00"}
    assert day_of_clock(open_3am, [two_nights]) is None                 # two days fit: none is told
    assert day_of_clock({**open_3am, "latest": "2024-11-30T03:00:00+03:00"}, [night]) is None   # its day is told


def _whole_journey(stay="PTXH", b_arrives="2024-03-08T04:30:00+03:00"):
    """A: flew from Port Town, landed at the base after 01:00, stayed there a few hours, then flew on; B tells the journey whole
    from Port Town, "... to the base, then to Far City before dawn" (the continuation's time: the arrival)."""
    a1 = mention("da", "A", "arrival", 0, "g:port", "g:base", time={**t("2024-03-08T01:00:00+03:00"), "latest": None})
    e1 = event("e1", [a1], "g:port", "g:base", typ="arrival", time=t("2024-03-08T01:00:00+03:00"))
    st = mention("da", "A", "stay", 40)
    st["values"].update(place="g:base", duration={"value": stay, "text": "لبضع ساعات"})
    s1 = {**event("s1", [st], typ="stay"), "place": "g:base"}
    b_cont = {**mention("db", "B", "escape", 0, None, "g:far", time=t("2024-03-08T00:00:00+03:00", b_arrives)),
              "trigger": "ثم"}
    e2 = event("e2", [mention("da", "A", "escape", 80, "g:port", "g:far", "طائرة"), b_cont], "g:port", "g:far",
               typ="escape", time=t("2024-03-08T02:00:00+03:00"))
    return build_itineraries([e1, s1, e2], STAY_ENTS, DOCS)[0]


def test_a_stay_against_the_other_accounts_arrival_is_a_duration_contradiction():
    [f] = _whole_journey()["time_findings"]        # 01:00 + at least 1 h + about 3 h of flight: after 04:30
    assert {a["name"] for a in f["accounts"]} == {"Outlet A", "Outlet B"}
    c = f["conflict"]
    assert c["slot"] == "duration" and c["kind"] == "contradiction" and c["event"] == "s1"
    assert c["values"][0]["value"] == "لبضع ساعات" and "arrived in Far City before" in c["values"][1]["label_en"]
    assert {e["doc"] for v in c["values"] for e in v["evidence"]} == {"da", "db"}
    assert _whole_journey(b_arrives="2024-03-08T09:00:00+03:00")["time_findings"] == []


def test_a_document_and_its_translation_are_one_account_of_a_leg():
    text = "غادر فلان إلى موسكو فجرا.\n\nX left for Moscow in the morning."
    docs = [{"id": "dd", "outlet": "Outlet D", "language": "ar", "text": text,
             "paragraphs": [{"start": 0, "end": 25, "lang": "ar", "furniture": False},
                            {"start": 27, "end": len(text), "lang": "en", "furniture": False}]}]
    ar = mention("dd", "D", "departure", 0, None, "g:mow")
    en = mention("dd", "E", "departure", 27, None, "g:mow")     # the English half quoted as another source
    it = build_itineraries([event("e1", [ar, en], None, "g:mow")], STAY_ENTS, docs)[0]
    [leg] = it["legs"]
    assert [a["account"] for a in leg["accounts"]] == ["D"]


def test_a_clock_time_without_its_day_takes_the_day_the_other_accounts_give_the_leg():
    three_am = {**t("2024-11-30T03:00:00+03:00"), "latest": None, "precision": "hour"}
    e = event("e1", [mention("da", "A", "departure", 0, "g:base", "g:far", time=three_am),
                     mention("db", "B", "departure", 0, "g:base", "g:far",
                             time=t("2024-03-07T18:00:00+03:00", "2024-03-08T05:59:59+03:00"))], "g:base", "g:far")
    e["evidence"][1]["values"]["time"]["earliest"] = "2024-12-07T18:00:00+03:00"
    e["evidence"][1]["values"]["time"]["latest"] = "2024-12-08T05:59:59+03:00"
    from riwaya import itinerary as I
    seen = {}
    orig = I._date_clock_times

    def spy(versions):
        orig(versions)
        seen.update({a: v.time["earliest"] for a, v in versions.items() if v.time})
    I._date_clock_times = spy
    try:
        build_itineraries([e], STAY_ENTS, DOCS)
    finally:
        I._date_clock_times = orig
    assert seen["A"] == "2024-12-08T03:00:00+03:00" and seen["B"] == "2024-12-07T18:00:00+03:00"


def test_the_seeds_stay_contradiction_is_stored_and_can_be_rejected(built_db, tmp_path):
    # the time check's contradiction is a conflict of the store (not only of the export), so a reviewer can
    # reject it, and the rejection holds when the stage runs again
    from click.testing import CliRunner

    from riwaya.cli import main
    from riwaya.store import Store
    from tests.test_blocks import copy_store
    copy_store(built_db, tmp_path / "s.db")
    url = f"sqlite:///{tmp_path / 's.db'}"
    stay = [c for c in Store(url).corpus()["conflicts"] if c.get("slot") == "duration"]
    assert len(stay) == 1 and stay[0]["kind"] == "contradiction"
    r = CliRunner().invoke(main, ["correct", "conflict", stay[0]["id"], "--reject", "--note", "test", "--db", url])
    assert r.exit_code == 0, r.output
    out = CliRunner().invoke(main, ["conflicts", "--db", url, "--kind", "contradiction"]).output
    assert "[duration]" not in out and "Contradictions" in out


def test_a_stay_contradiction_follows_corrected_events(built_db, tmp_path):
    # a correction that moves legs builds the itineraries again, and their stay contradictions with them:
    # rejecting another event keeps the stay's contradiction (its documents are read again), rejecting
    # the stay's own event removes it at once rather than at the next corpus stage
    from click.testing import CliRunner

    from riwaya.cli import main
    from riwaya.store import Store
    from tests.test_blocks import copy_store
    copy_store(built_db, tmp_path / "s.db")
    url = f"sqlite:///{tmp_path / 's.db'}"
    corpus = Store(url).corpus()
    [stay] = [c for c in corpus["conflicts"] if c.get("slot") == "duration"]
    other = next(e["id"] for e in corpus["events"] if e["id"] != stay["event"] and e.get("class") == "communication")

    def durations():
        out = CliRunner().invoke(main, ["conflicts", "--db", url, "--kind", "contradiction"]).output
        return out.count("[duration]")
    for ev, left in ((other, 1), (stay["event"], 0)):
        r = CliRunner().invoke(main, ["correct", "event", ev, "--reject", "--note", "test", "--db", url])
        assert r.exit_code == 0, r.output
        assert durations() == left

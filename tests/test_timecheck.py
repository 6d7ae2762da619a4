"""The temporal constraint check: consistent accounts, accounts that cannot all be true, UTC vs local."""
from riwaya.itinerary import build_itineraries
from riwaya.timecheck import REF, Constraint, Network, min_minutes, utc

ENTS = [{"id": "p1", "type": "person", "name_en": "A. Person", "name_ar": "فلان"},
        {"id": "g:dam", "type": "place", "name_en": "Damascus", "name_ar": "دمشق", "coordinates": [33.51, 36.29],
         "attrs": {"kind": "city", "country": "SY"}},
        {"id": "g:hmm", "type": "place", "name_en": "Hmeimim", "name_ar": "حميميم", "coordinates": [35.40, 35.95],
         "attrs": {"kind": "air_base", "country": "SY"}},
        {"id": "g:mow", "type": "place", "name_en": "Moscow", "name_ar": "موسكو", "coordinates": [55.75, 37.62],
         "attrs": {"kind": "city", "country": "RU"}},
        {"id": "g:ru", "type": "place", "name_en": "Russia", "name_ar": "روسيا", "coordinates": [60.0, 100.0],
         "attrs": {"kind": "country", "country": "RU"}}]
DOCS = [{"id": "da", "outlet": "Outlet A", "text": "x" * 200}, {"id": "db", "outlet": "Outlet B", "text": "x" * 200}]


def t(e, l=None, tz="+03:00"):
    return {"earliest": e, "latest": l or e, "text": "", "precision": "minute", "tz": tz}


def mention(doc, acc, typ, start, origin=None, dest=None, means=None, time=None):
    return {"doc": doc, "start": start, "end": start + 10, "type": typ, "account": acc, "independent_account": acc,
            "attribution": {"chain": []},
            "values": {"origin": origin, "destination": dest, "via": None, "means": means, "time": time,
                       "polarity": "asserted"}}


def event(i, evidence, origin=None, dest=None, typ="departure", time=None):
    accs = sorted({e["account"] for e in evidence})
    return {"id": i, "class": "movement", "type": typ, "polarity": "asserted",
            "participants": [{"entity": "p1", "role": "agent", "accounts": accs}],
            "origin": origin, "destination": dest, "via": [], "place": None, "means": None,
            "time": time, "evidence": evidence}


def two_legs(arrive_b, tz_b="+03:00", left_a="2024-12-08T01:30:00+03:00"):
    """A: left Hmeimim for Moscow at `left_a`; B: arrived in Moscow at `arrive_b`."""
    e1 = event("e1", [mention("da", "A", "departure", 0, "g:dam", "g:hmm", time=t("2024-12-07T22:00:00+03:00"))],
               "g:dam", "g:hmm")
    e2 = event("e2", [mention("da", "A", "departure", 20, "g:hmm", "g:mow", "طائرة", t(left_a)),
                      mention("db", "B", "arrival", 0, None, "g:mow", time=t(arrive_b, tz=tz_b))], "g:hmm", "g:mow")
    return build_itineraries([e1, e2], ENTS, DOCS)[0]


def test_network_consistent_and_narrowed():
    n = Network(["a", "b"])
    assert n.add(Constraint(REF, "a", 100)) is None          # a <= 100
    assert n.add(Constraint("b", "a", -30)) is None          # a - b <= -30: b at least 30 after a
    assert n.add(Constraint(REF, "b", 110)) is None          # b <= 110
    lo, hi = n.window("a")
    assert hi == 80                                          # narrowed: a <= 110 - 30


def test_network_inconsistent_names_the_cycle():
    n = Network(["a", "b"])
    c1 = Constraint("a", REF, -100, {"account": "A"})        # a >= 100
    c2 = Constraint(REF, "b", 120, {"account": "B"})         # b <= 120
    c3 = Constraint("b", "a", -30, {"account": "T"})         # b >= a + 30
    assert n.add(c1) is None and n.add(c2) is None
    cyc = n.add(c3)
    assert cyc and {c.label["account"] for c in cyc} == {"A", "B", "T"}


def test_min_travel_time():
    m, mode, km = min_minutes([35.40, 35.95], [55.75, 37.62], "طائرة خاصة")
    assert mode == "plane" and 2200 < km < 2300 and 180 < m < 200        # about three hours by air
    road, mode, _ = min_minutes([33.51, 36.29], [35.40, 35.95], "موكب من ثلاث سيارات")
    assert mode == "road" and road > 120


def test_consistent_accounts_no_finding():
    it = two_legs("2024-12-08T06:00:00+03:00")
    assert it["time_findings"] == []
    w = it["legs"][1]["window"]
    assert w["depart"][0] == "2024-12-07T22:30:00Z" and w["arrive"][0] >= "2024-12-08T01:30:00Z"


def test_inconsistent_accounts_finding_names_both_and_says_why():
    it = two_legs("2024-12-08T03:00:00+03:00")    # landed 1h30 after take-off: a flight takes > 3 h
    [f] = it["time_findings"]
    assert {a["name"] for a in f["accounts"]} == {"Outlet A", "Outlet B"}
    assert "Moscow" in f["reason"]["en"] and "at least" in f["reason"]["en"] and "Outlet B" in f["reason"]["en"]
    assert "موسكو" in f["reason"]["ar"] and "على الأقل" in f["reason"]["ar"]


def test_utc_and_local_compare_as_one_instant():
    # 03:30 UTC is 06:30 in Damascus: consistent with a 01:30 local take-off
    assert two_legs("2024-12-08T03:30:00+00:00", tz_b="+00:00")["time_findings"] == []
    # read as local time it would be too early: the same clock reading in +03:00 is a finding
    assert two_legs("2024-12-08T03:30:00+03:00")["time_findings"]
    assert utc("2024-12-08T01:55:00+00:00") == utc("2024-12-08T04:55:00+03:00")
    assert utc("2024-12-08T04:55:00", "+03:00") == utc("2024-12-08T01:55:00Z")


def test_one_account_against_itself_is_no_finding():
    e2 = event("e2", [mention("da", "A", "departure", 20, "g:hmm", "g:mow", "طائرة", t("2024-12-08T01:30:00+03:00")),
                      mention("da", "A", "arrival", 40, None, "g:mow", time=t("2024-12-08T09:00:00+03:00"))],
               "g:hmm", "g:mow")
    e3 = event("e3", [mention("da", "A", "arrival", 60, "g:hmm", "g:mow", time=t("2024-12-08T02:00:00+03:00"))],
               "g:hmm", "g:dam")
    it = build_itineraries([e2, e3], ENTS, DOCS)[0]
    assert it["time_findings"] == []


def test_a_country_bounds_no_travel_time():
    e = event("e1", [mention("da", "A", "departure", 0, "g:hmm", "g:ru", time=t("2024-12-08T01:30:00+03:00")),
                     mention("db", "B", "arrival", 0, None, "g:ru", time=t("2024-12-08T01:40:00+03:00"))],
              "g:hmm", "g:ru")
    assert build_itineraries([e], ENTS, DOCS)[0]["time_findings"] == []


# a stay told with its duration ("stayed at the base a few hours") holds between arriving and leaving
STAY_ENTS = ENTS + [
    {"id": "g:port", "type": "place", "name_en": "Port Town", "name_ar": "مدينة الميناء", "coordinates": [20.0, 10.0],
     "attrs": {"kind": "city", "country": "ZZ"}},
    {"id": "g:base", "type": "place", "name_en": "North Base", "name_ar": "القاعدة الشمالية", "coordinates": [21.0, 10.0],
     "attrs": {"kind": "air_base", "country": "ZZ"}},
    {"id": "g:far", "type": "place", "name_en": "Far City", "name_ar": "المدينة البعيدة", "coordinates": [41.0, 10.0],
     "attrs": {"kind": "city", "country": "QQ"}}]


def _stay_story(duration):
    """A: left Port Town at 01:00 for the base, stayed there `duration`, then flew on to Far City (about
    2,200 km); B: arrived in Far City at 07:00."""
    e1 = event("e1", [mention("da", "A", "departure", 0, "g:port", "g:base", time=t("2024-03-08T01:00:00+03:00"))],
               "g:port", "g:base")
    st = mention("da", "A", "stay", 40)
    st["values"].update(place="g:base", duration={"value": duration, "text": "x"})
    s1 = {**event("s1", [st], typ="stay"), "place": "g:base"}
    e2 = event("e2", [mention("da", "A", "departure", 80, "g:base", "g:far", "طائرة"),
                      mention("db", "B", "arrival", 0, None, "g:far", time=t("2024-03-08T07:00:00+03:00"))],
               "g:base", "g:far")
    return build_itineraries([e1, s1, e2], STAY_ENTS, DOCS)[0]


def test_a_stay_too_long_for_the_other_accounts_clock_is_a_finding():
    assert _stay_story("PT1H")["time_findings"] == []          # 01:00 + 1 h + about 3 h of flight: by 07:00
    [f] = _stay_story("PT4H")["time_findings"]                 # ... + 4 h: not before 08:00
    assert {a["name"] for a in f["accounts"]} == {"Outlet A", "Outlet B"}
    assert "stayed in North Base at least 4 h 00 min" in f["reason"]["en"] and "بقي في" in f["reason"]["ar"]
    assert any(c["kind"] == "stay" for c in f["constraints"])


def test_conflicts_command_lists_the_time_check_findings():
    from riwaya.reconcile.conflicts import format_time_findings
    it = two_legs("2024-12-08T03:00:00+03:00")
    lines = format_time_findings({"entities": ENTS, "itineraries": [it]})
    assert lines[0].endswith(": 1") and "A. Person" in lines[2] and "at least" in lines[2]
    assert "موسكو" in lines[3] and "Outlet A" in lines[4] and "Outlet B" in lines[4]
    assert format_time_findings({"entities": ENTS, "itineraries": [two_legs("2024-12-08T06:00:00+03:00")]}) == \
        ["== The time check (a person's legs, as the accounts time them, cannot all be true together): 0"]


def test_durations_read_in_both_languages():
    from riwaya.timecheck import _duration
    assert _duration(3, 7, "en") == "3 h 07 min"
    assert _duration(1, 0, "ar") == "ساعة واحدة" and _duration(2, 2, "ar") == "ساعتان ودقيقتان"
    assert _duration(3, 7, "ar") == "3 ساعات و7 دقائق" and _duration(11, 15, "ar") == "11 ساعة و15 دقيقة"

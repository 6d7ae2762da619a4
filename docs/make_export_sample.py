"""Build tests/fixtures/export_sample.json by hand from the seed texts (real offsets).

python docs/make_export_sample.py /work/shared/seeds tests/fixtures/export_sample.json
"""
import hashlib
import json
import re
import sys
from pathlib import Path

seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds")
out = sys.argv[2] if len(sys.argv) > 2 else "tests/fixtures/export_sample.json"

META = {
    "000": dict(outlet=None, title="هكذا اختفى أبرز أركان النظام", published="2025-12-08"),
    "001": dict(outlet="masrawy", title="من دمشق إلى موسكو.. لأول مرة التفاصيل الكاملة لهروب بشار الأسد تحت جنح الليل", published="2024-12-12"),
    "002": dict(outlet="alwatan.sy", title="ختام عهد النظام البائد.. تفاصيل فرار بشار من دمشق", published="2025-12-08"),
    "003": dict(outlet="الحرة", title="“بداية النهاية”… تفاصيل جديدة عن “آخر 24 ساعة” للأسد في سوريا", published="2025-02-02"),
    "004": dict(outlet=None, title="بلومبيرغ: الكرملين أمر الأسد بالفرار", published="2024-12-14"),
}
docs, T, K = [], {}, {}
for f in sorted(seeds.glob("*.txt")):
    text = f.read_text("utf-8")
    did = "d" + hashlib.sha256(text.encode()).hexdigest()[:16]
    k = f.name[:3]
    K[k] = did
    T[did] = text
    paras, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lang = "en" if re.search(r"[A-Za-z]{4}", line) and not re.search(r"[\u0600-\u06ff]", line) else "ar"
            furn = line.strip() in ("عاجل", "شارك", "تم نسخ الرابط", "مقالات ذات صلة") or line.startswith(("رئيس التحرير", "مدير التحرير"))
            paras.append({"start": pos, "end": pos + len(line), "lang": lang, "furniture": furn})
        pos += len(line) + 1
    docs.append({"id": did, "path": f"seeds/{f.name}", "url": None, "text": text, "language": "ar",
                 "languages": sorted({p["lang"] for p in paras if not p["furniture"]}), "paragraphs": paras,
                 "repairs": [], **META[k]})


def find(k, needle, n=1):
    d = K[k]
    i = -1
    for _ in range(n):
        i = T[d].find(needle, i + 1)
        if i < 0:
            raise SystemExit(f"not found in {k}: {needle}")
    return d, i, i + len(needle)


def ev(k, needle, chain=(), hedge=None, n=1):
    """Evidence: the sentence around needle, with an isnad of (name, kind, needle-or-None)."""
    d, s, e = find(k, needle, n)
    t = T[d]
    a = max(t.rfind(c, 0, s) for c in ".\n:،") + 1
    b = min([x for x in (t.find(c, e) for c in ".\n") if x >= 0] or [len(t)])
    while t[a] in " \n•":
        a += 1
    links = []
    for name, kind, nd in chain:
        link = {"name": name, "kind": kind, "start": None, "end": None}
        if nd:
            _, ls, le = find(k, nd)
            link.update(start=ls, end=le)
        links.append(link)
    return {"doc": d, "start": a, "end": b + (1 if b < len(t) and t[b] == "." else 0),
            "attribution": {"chain": links, "hedge": hedge}}


# repairs the ingest stage would make (hashtag underscores, glued names)
for k, before, after, kind in [("000", "بشار_الأسد", "بشار الأسد", "hashtag"), ("000", "هيئةتحريرالشام", "هيئة تحرير الشام", "glued"),
                               ("000", "ماهرالأسد", "ماهر الأسد", "glued"), ("000", "قحطان_خليل", "قحطان خليل", "hashtag"),
                               ("000", "إل ى", "إلى", "split"), ("001", "حمس", "حمص", "place_spelling")]:
    d, s, e = find(k, before)
    next(x for x in docs if x["id"] == d)["repairs"].append({"kind": kind, "start": s, "end": e, "before": before, "after": after})

E = []


def ent(id, type, ar, en, aliases=(), roles=(), coords=None, kb=None, kind=None):
    E.append({"id": id, "type": type, "name_ar": ar, "name_en": en, "aliases": list(aliases), "roles": list(roles),
              "kb_id": kb, "kind": kind, "coordinates": coords, "mentions": [], "_forms": [ar, en, *aliases]})


def role(title, org, k, needle):
    d, s, e = find(k, needle)
    return {"title": title, "org": org, "since": None, "until": None, "doc": d, "start": s, "end": e}


ent("E-assad", "person", "بشار الأسد", "Bashar al-Assad", ["بشار_الأسد", "الأسد", "بشار الاسد", "Assad", "بشار"],
    [role("رئيس الجمهورية", "سوريا", "001", "رئيس الجمهورية بشار الأسد"), role("President of Syria", "Syria", "003", "former Syrian President Bashar al-Assad")], kb="Q44329")
ent("E-maher", "person", "ماهر الأسد", "Maher al-Assad", ["ماهرالأسد"], [role("قائد الفرقة الرابعة", "الجيش السوري", "000", "قائد الفرقة الرابعة")], kb="Q313016")
ent("E-hafez", "person", "حافظ بشار الأسد", "Hafez Bashar al-Assad", ["ابنه الأكبر حافظ"], [], kb="Q20918113")
ent("E-saqr", "person", "كامل صقر", "Kamel Saqr", ["Kamal Saqr", "صقر", "Saqr"], [role("مدير المكتب الإعلامي السابق في الرئاسة السورية", "الرئاسة السورية", "003", "مدير المكتب الإعلامي السابق في الرئاسة السورية")])
ent("E-mamlouk", "person", "علي مملوك", "Ali Mamlouk", ["مملوك"], [], kb="Q2718624")
ent("E-kamal", "person", "كمال الحسن", "Kamal al-Hassan", [], [role("رئيس الاستخبارات العسكرية", "الاستخبارات العسكرية", "000", "رئيس الاستخبارات العسكرية")])
ent("E-bassam", "person", "بسام الحسن", "Bassam al-Hassan", ["اللواء بسام الحسن"], [role("لواء", None, "000", "اللواء بسام الحسن")])
ent("E-qahtan", "person", "قحطان خليل", "Qahtan Khalil", ["قحطان_خليل"], [role("رئيس استخبارات سلاح الجو", "المخابرات الجوية", "000", "رئيس استخبارات سلاح الجو")])
ent("E-larijani", "person", "علي لاريجاني", "Ali Larijani", ["Larijani"], [role("مستشار المرشد الإيراني", "إيران", "003", "مستشار المرشد الإيراني")], kb="Q335120")
ent("E-putin", "person", "فلاديمير بوتين", "Vladimir Putin", ["بوتين", "Putin"], [role("الرئيس الروسي", "روسيا", "003", "الرئيس الروسي فلاديمير بوتين")], kb="Q7747")
ent("E-luqa", "person", "حسام لوقا", "Hussam Louka", [], [role("مدير المخابرات العامة", "المخابرات العامة", "000", "مدير المخابرات العامة")])
ent("E-hts", "organization", "هيئة تحرير الشام", "Hayat Tahrir al-Sham", ["هيئةتحريرالشام", "HTS"], [], kb="Q28549596")
ent("E-nyt", "organization", "نيويورك تايمز", "The New York Times", [], [], kind="outlet")
ent("E-nbc", "organization", "إن بي سي نيوز", "NBC News", [], [], kind="outlet")
ent("E-bloomberg", "organization", "بلومبيرغ", "Bloomberg", [], [], kind="outlet")
ent("E-yak40", "vehicle", "طائرة ياك-40", "Yak-40", ["Yak-40"], [], kind="aircraft")
ent("E-damascus", "place", "دمشق", "Damascus", ["Damascus"], [], [33.5138, 36.2765], "Q3766", "city")
ent("E-palace", "place", "قصر المهاجرين", "Muhajireen Palace", ["القصر الرئاسي", "Palace of Muhajireen", "قصره"], [], [33.5226, 36.2857], None, "building")
ent("E-mezzeh", "place", "مطار دمشق العسكري", "Damascus military airport (Mezzeh)", [], [], [33.4775, 36.2236], None, "airport")
ent("E-dam-airport", "place", "مطار دمشق الدولي", "Damascus International Airport", ["مطار دمشق الدولى", "مطار دمشق"], [], [33.4114, 36.5156], None, "airport")
ent("E-hmeimim", "place", "قاعدة حميميم", "Khmeimim Air Base", ["حميميم", "Khmeimim Airbase", "قاعدة حميميم الجوية"], [], [35.4011, 35.9487], "Q21160969", "airbase")
ent("E-moscow", "place", "موسكو", "Moscow", ["Moscow"], [], [55.7558, 37.6173], "Q649", "city")
ent("E-embassy", "place", "السفارة الروسية في دمشق", "Russian embassy, Damascus", ["السفارة الروسية"], [], [33.5163, 36.2890], None, "building")
ent("E-lebanon", "place", "لبنان", "Lebanon", [], [], [33.8547, 35.8623], "Q822", "country")
ent("E-beirut", "place", "بيروت", "Beirut", [], [], [33.8938, 35.5018], "Q3820", "city")
ent("E-iran", "place", "إيران", "Iran", ["Iran"], [], [35.6892, 51.3890], "Q794", "country")
ent("E-russia", "place", "روسيا", "Russia", ["Russia"], [], [55.7558, 37.6173], "Q159", "country")
ent("E-homs", "place", "حمص", "Homs", ["Homs", "حمس"], [], [34.7324, 36.7137], "Q80988", "city")
ent("E-aleppo", "place", "حلب", "Aleppo", ["Aleppo"], [], [36.2021, 37.1343], "Q41183", "city")
ent("E-hama", "place", "حماة", "Hama", ["Hama"], [], [35.1318, 36.7578], "Q173579", "city")
ent("E-latakia-coast", "place", "الساحل السوري", "Syrian coast", [], [], None, None, "region")

# mentions: every occurrence of every form, longest first, no overlaps
for d in docs:
    taken = []
    forms = sorted(((f, e) for e in E for f in e["_forms"] if f), key=lambda x: -len(x[0]))
    for f, e in forms:
        for m in re.finditer(re.escape(f), d["text"]):
            s, t = m.span()
            if any(s < b and a < t for a, b in taken):
                continue
            taken.append((s, t))
            e["mentions"].append({"doc": d["id"], "start": s, "end": t})
for e in E:
    e.pop("_forms")
    e["mentions"].sort(key=lambda m: (m["doc"], m["start"]))

NYT = ("نيويورك تايمز", "source_outlet", "نيويورك تايمز")
NBC = ("إن بي سي نيوز", "source_outlet", "إن بي سي نيوز")
SAQR = ("كامل صقر", "named_source", "كامل صقر")
HURRA = ("الحرة", "outlet", None)
BLOOM = ("بلومبيرغ", "source_outlet", "بلومبيرغ")


def T_(e, l, text, prec):
    return {"earliest": e, "latest": l, "text": text, "precision": prec, "tz": "+03:00"}


EV = [
    dict(id="V-leave-night7", cls="movement", type="departure", participants=[{"entity": "E-assad", "role": "agent"}],
         origin="E-palace", destination="E-hmeimim", means="موكب روسي من ثلاث سيارات دفع رباعي",
         time=T_("2024-12-07T18:00:00+03:00", "2024-12-08T05:00:00+03:00", "ليلة السابع من ديسمبر 2024", "part_of_day"),
         evidence=[ev("000", "نُقل الأسد سرًّا من قصره", [NYT])]),
    dict(id="V-leave-0230", cls="movement", type="departure", participants=[{"entity": "E-assad", "role": "agent"}],
         origin="E-palace", destination="E-hmeimim", means=None,
         time=T_("2024-12-07T18:58:00+03:00", "2024-12-08T02:30:00+03:00", "بحلول الساعة 2:30 فجر الأحد 8 كانون الأول", "minute"),
         evidence=[ev("003", "غادر الأسد المكان دون إخبار أحد", [HURRA, NBC, SAQR]),
                   ev("003", "Assad left without informing anyone", [HURRA, NBC, ("Kamal Saqr", "named_source", "Kamal Saqr")])]),
    dict(id="V-flight-0300", cls="movement", type="flight", participants=[{"entity": "E-assad", "role": "agent"}],
         origin="E-dam-airport", destination="E-hmeimim", means="طائرة",
         time=T_("2024-12-08T03:00:00+03:00", None, "وتجاوزت الطائرة الساعه الـ3 فجرا", "hour"),
         evidence=[ev("001", "وتجاوزت الطائرة الساعه الـ3 فجرا", [("masrawy", "outlet", None), ("المعلومات", "unnamed_source", "تفيد المعلومات")], hedge="تفيد المعلومات")]),
    dict(id="V-airport-after-midnight", cls="movement", type="departure",
         participants=[{"entity": "E-assad", "role": "agent"}, {"entity": "E-hafez", "role": "companion"}],
         origin="E-dam-airport", destination="E-hmeimim", means=None,
         time=T_("2024-12-08T00:00:00+03:00", "2024-12-08T06:00:00+03:00", "بعد منتصف ليل 8 كانون الأول 2024", "part_of_day"),
         evidence=[ev("002", "لكنه اتجه مباشرة إلى مطار دمشق", [("alwatan.sy", "outlet", None), ("أحد مساعدي الأسد المقرّبين", "unnamed_source", "أحد مساعدي الأسد المقرّبين")])]),
    dict(id="V-hmeimim-moscow", cls="movement", type="flight",
         participants=[{"entity": "E-assad", "role": "agent"}, {"entity": "E-hafez", "role": "companion"}],
         origin="E-hmeimim", destination="E-moscow", means="طائرة خاصة",
         time=T_("2024-12-08T03:00:00+03:00", "2024-12-08T07:00:00+03:00", "قبل شروق الشمس", "part_of_day"),
         evidence=[ev("000", "ومن حميميم، غادر الأسد إلى موسكو", [NYT]),
                   ev("003", "ومن ثم إلى موسكو قبل شروق الشمس", [HURRA, NBC, SAQR]),
                   ev("004", "تم نقله جوًا عبر قاعدة حميميم", [BLOOM, ("مصدرين آخرين", "unnamed_source", "مصدرين آخرين")])]),
    dict(id="V-yak40", cls="movement", type="flight",
         participants=[{"entity": "E-qahtan", "role": "agent"}, {"entity": "E-yak40", "role": "means"}],
         origin="E-mezzeh", destination="E-hmeimim", means="E-yak40",
         time=T_("2024-12-08T01:30:00+03:00", "2024-12-08T01:30:59+03:00", "الساعة 1:30 صباح الثامن من ديسمبر 2024", "minute"),
         evidence=[ev("000", "أقلعت طائرة”Yak-40”", [NYT])]),
    dict(id="V-larijani-meeting", cls="communication", type="meeting",
         participants=[{"entity": "E-assad", "role": "agent"}, {"entity": "E-larijani", "role": "companion"}],
         origin=None, destination=None, place="E-damascus", means=None,
         time=T_("2024-12-07T00:00:00+03:00", "2024-12-07T23:59:59+03:00", "في ذلك اليوم", "day"),
         evidence=[ev("003", "عقد الأسد اجتماعًا مغلقًا", [HURRA, NBC])]),
    dict(id="V-statement-1858", cls="communication", type="statement", participants=[{"entity": "E-palace", "role": "agent"}],
         place="E-palace", time=T_("2024-12-07T18:58:00+03:00", "2024-12-07T18:58:59+03:00", "في الساعة 6:58 مساءً", "minute"),
         evidence=[ev("003", "أصدر القصر الرئاسي بيانًا مضللًا", [HURRA, NBC])]),
    dict(id="V-homs-falls", cls="control", type="fall_of_city", participants=[{"entity": "E-hts", "role": "agent"}],
         place="E-homs", time=T_("2024-12-07T00:00:00+03:00", "2024-12-07T23:59:59+03:00", "يوم السابع من كانون الأول", "day"),
         evidence=[ev("003", "حيث سقطت مدينة حمص", [HURRA, NBC])]),
    dict(id="V-aleppo-27", cls="control", type="fall_of_city", participants=[], place="E-aleppo",
         time=T_("2024-11-27T00:00:00+03:00", "2024-11-27T23:59:59+03:00", "27 تشرين الثاني", "day"),
         evidence=[ev("003", "عندما سقطت مدينة حلب", [HURRA, NBC, SAQR])]),
    dict(id="V-aleppo-30", cls="control", type="fall_of_city", participants=[], place="E-aleppo",
         time=T_("2024-11-30T00:00:00+03:00", "2024-11-30T23:59:59+03:00", "في 30 نوفمبر 2024", "day"),
         evidence=[ev("001", "في 30 نوفمبر 2024، شهدت حلب", [("masrawy", "outlet", None)])]),
    dict(id="V-hama-falls", cls="control", type="fall_of_city", participants=[], place="E-hama",
         time=T_("2024-12-05T00:00:00+03:00", "2024-12-05T23:59:59+03:00", "5 كانون الأول", "day"),
         evidence=[ev("003", "سقطت مدينة حماة أيضًا", [HURRA, NBC])]),
    dict(id="V-mamlouk-ambush", cls="harm", type="ambush", participants=[{"entity": "E-mamlouk", "role": "patient"}],
         place="E-damascus", time=T_("2024-12-08T00:00:00+03:00", None, "أثناء هروبه", "day"),
         evidence=[ev("000", "بعد نجاته من كمين أثناء هروبه", [NYT])]),
    dict(id="V-mamlouk-embassy", cls="movement", type="refuge", participants=[{"entity": "E-mamlouk", "role": "agent"}, {"entity": "E-kamal", "role": "companion"}],
         origin="E-damascus", destination="E-embassy", time=T_("2024-12-08T00:00:00+03:00", None, "", "day"),
         evidence=[ev("000", "لجأ كذلك إلى السفارة الروسية", [NYT])]),
    dict(id="V-embassy-convoy", cls="movement", type="convoy", participants=[{"entity": "E-mamlouk", "role": "agent"}, {"entity": "E-kamal", "role": "companion"}],
         origin="E-embassy", destination="E-hmeimim", via=[], means="قافلة محمية", time=None,
         evidence=[ev("000", "رتّب مسؤولون روس قافلةً محمية", [NYT, ("مصادر", "unnamed_source", "رواية مصادر")])]),
    dict(id="V-hmeimim-russia-mk", cls="movement", type="flight", participants=[{"entity": "E-mamlouk", "role": "agent"}, {"entity": "E-kamal", "role": "companion"}],
         origin="E-hmeimim", destination="E-russia", time={"earliest": "2024-12-08T00:00:00+03:00", "latest": None, "text": "لاحقًا", "precision": "day", "tz": "+03:00"},
         evidence=[ev("000", "قبل أن يصلا إلى روسيا لاحقًا", [NYT, ("مصادر", "unnamed_source", "رواية مصادر")])]),
    dict(id="V-kamal-injured", cls="harm", type="injury", participants=[{"entity": "E-kamal", "role": "patient"}], place="E-damascus",
         time=None, evidence=[ev("000", "ثم أُصيب أثناء محاولته الفرار", [NYT])]),
    dict(id="V-bassam-lebanon", cls="movement", type="escape", participants=[{"entity": "E-bassam", "role": "agent"}],
         origin="E-damascus", destination="E-lebanon", via=[], means="سيارات متعددة", time=None,
         evidence=[ev("000", "فرّ بسيارات متعددة عبر حواجز المعارضة", [NYT])]),
    dict(id="V-bassam-iran", cls="movement", type="escape", participants=[{"entity": "E-bassam", "role": "agent"}],
         origin="E-lebanon", destination="E-iran", time=None, evidence=[ev("000", "ثم إيران بمساعدة ضباط إيرانيين", [NYT])]),
    dict(id="V-bassam-beirut", cls="movement", type="return", participants=[{"entity": "E-bassam", "role": "agent"}],
         origin="E-iran", destination="E-beirut", time=None, evidence=[ev("000", "عاد الحسن لاحقًا إلى بيروت", [NYT])]),
    dict(id="V-kremlin-order", cls="communication", type="order", participants=[{"entity": "E-putin", "role": "agent"}, {"entity": "E-assad", "role": "recipient"}],
         time=T_("2024-12-07T00:00:00+03:00", "2024-12-08T02:00:00+03:00", "", "day"),
         evidence=[ev("004", "الكرملين أصدر أوامره للرئيس السوري", [BLOOM]),
                   ev("004", "فقد أُبلغ الأسد بأن المعركة", [BLOOM, ("ثلاثة أشخاص مطلعين", "unnamed_source", "ثلاثة أشخاص مطلعين")])]),
]
events = []
for e in EV:
    d = {"id": e["id"], "class": e["cls"], "type": e["type"], "participants": e.get("participants", []),
         "origin": e.get("origin"), "destination": e.get("destination"), "via": e.get("via", []), "place": e.get("place"),
         "means": e.get("means"), "time": e.get("time"), "evidence": e["evidence"],
         "corroboration": len({x["doc"] for x in e["evidence"]})}
    events.append(d)
EVD = {e["id"]: e for e in events}


def leg(f, t, evid, means=None):
    v = EVD[evid]
    return {"from": f, "to": t, "means": means or v["means"], "time": v["time"], "event": evid, "evidence": v["evidence"]}


itins = [
    {"person": "E-assad", "legs": [leg("E-palace", "E-hmeimim", "V-leave-0230"), leg("E-dam-airport", "E-hmeimim", "V-flight-0300"),
                                   leg("E-hmeimim", "E-moscow", "V-hmeimim-moscow")],
     "fate": {"status": "in_exile", "place": "E-moscow", "time": {"earliest": "2024-12-08T07:00:00+03:00", "latest": None, "text": "بشار وماهر الأسد في روسيا", "precision": "day", "tz": "+03:00"},
              "evidence": [ev("000", "بشار وماهر الأسد في روسيا", [NYT])]}},
    {"person": "E-mamlouk", "legs": [leg("E-damascus", "E-embassy", "V-mamlouk-embassy"), leg("E-embassy", "E-hmeimim", "V-embassy-convoy"),
                                     leg("E-hmeimim", "E-russia", "V-hmeimim-russia-mk")],
     "fate": {"status": "in_exile", "place": "E-russia", "time": None, "evidence": [ev("000", "قبل أن يصلا إلى روسيا لاحقًا", [NYT])]}},
    {"person": "E-bassam", "legs": [leg("E-damascus", "E-lebanon", "V-bassam-lebanon"), leg("E-lebanon", "E-iran", "V-bassam-iran"),
                                    leg("E-iran", "E-beirut", "V-bassam-beirut")],
     "fate": {"status": "in_exile", "place": "E-beirut", "time": None, "evidence": [ev("000", "عاد الحسن لاحقًا إلى بيروت", [NYT])]}},
]


def val(value, evids):
    evs = [x for i in evids for x in EVD[i]["evidence"]]
    return {"value": value, "events": list(evids), "documents": sorted({x["doc"] for x in evs}), "evidence": evs}


conflicts = [
    {"id": "C-assad-departure", "question": "When did Bashar al-Assad leave Damascus?", "kind": "contradiction",
     "values": [val("ليلة 7 ديسمبر (night of 7 Dec)", ["V-leave-night7"]), val("by 02:30, 8 Dec", ["V-leave-0230"]),
                val("after 03:00, 8 Dec", ["V-flight-0300"]), val("after midnight, 8 Dec", ["V-airport-after-midnight"])],
     "summary_ar": "تختلف الروايات في وقت مغادرة الأسد دمشق: ليلة السابع، أو قبل 2:30 فجر الثامن، أو بعد الثالثة فجرًا.",
     "summary_en": "Accounts disagree on when Assad left Damascus: the night of the 7th, before 02:30 on the 8th, or after 03:00."},
    {"id": "C-assad-origin", "question": "From where did Assad leave?", "kind": "contradiction",
     "values": [val("قصره → حميميم بموكب (palace, by motorcade)", ["V-leave-night7"]), val("مطار دمشق (Damascus airport)", ["V-airport-after-midnight", "V-flight-0300"])],
     "summary_ar": "موكب بري من القصر إلى حميميم، أم طائرة من مطار دمشق؟", "summary_en": "A road motorcade from the palace to Khmeimim, or a plane from Damascus airport?"},
    {"id": "C-aleppo-fall", "question": "When did Aleppo fall?", "kind": "contradiction",
     "values": [val("27 Nov 2024", ["V-aleppo-27"]), val("30 Nov 2024", ["V-aleppo-30"])],
     "summary_ar": "27 تشرين الثاني بحسب الحرة، و30 نوفمبر بحسب مصراوي.", "summary_en": "27 November per Alhurra/NBC, 30 November per Masrawy."},
]
relations = [{"kind": "translation", "doc": K["003"], "source": {"doc": K["003"], "start": 0, "end": T[K["003"]].find("“The Beginning")},
              "target": {"doc": K["003"], "start": T[K["003"]].find("“The Beginning"), "end": len(T[K["003"]])}}]
export = {"schema": "riwaya/1", "generated_by": "hand-made fixture (docs/make_export_sample.py)", "documents": docs,
          "entities": E, "events": events, "itineraries": itins, "conflicts": conflicts, "relations": relations}
# self-check
for e in E:
    for m in e["mentions"]:
        assert T[m["doc"]][m["start"]:m["end"]]
Path(out).write_text(json.dumps(export, ensure_ascii=False, indent=1), "utf-8")
print(len(docs), len(E), len(events), "->", out)

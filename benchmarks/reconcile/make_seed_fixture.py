"""Build tests/fixtures/reconcile_seeds.json: the five seed documents with
hand-annotated event mentions (spans located by quoting the text) and entities.

Annotation lives here as data; run: .venv/bin/python benchmarks/reconcile/make_seed_fixture.py
"""
import glob
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.environ.get("RIWAYA_SEEDS", "/work/shared/seeds")

ENTITIES = [
    ("assad", "person", "بشار الأسد", "Bashar al-Assad", ["الأسد", "Assad"], [33.51, 36.29]),
    ("hafez_jr", "person", "حافظ بشار الأسد", "Hafez al-Assad (son)", ["ابنه", "حافظ"], None),
    ("assad_sons", "person", "أبناء الأسد", "Assad's sons", ["أبنائه"], None),
    ("qahtan_khalil", "person", "قحطان خليل", "Qahtan Khalil", [], None),
    ("kremlin", "organization", "الكرملين", "the Kremlin", ["Kremlin"], None),
    ("nyt", "organization", "نيويورك تايمز", "New York Times", ["The New York Times", "NYT"], None),
    ("nbc", "organization", "إن بي سي نيوز", "NBC News", ["NBC"], None),
    ("bloomberg", "organization", "بلومبيرغ", "Bloomberg", [], None),
    ("alhurra", "organization", "الحرة", "Alhurra", [], None),
    ("saqr", "person", "كامل صقر", "Kamel Saqr", ["Kamal Saqr", "صقر"], None),
    ("palace", "place", "القصر الرئاسي", "presidential palace", ["قصره", "القصر"], [33.52, 36.27]),
    ("damascus_airport", "place", "مطار دمشق الدولي", "Damascus International Airport", ["مطار دمشق"], [33.41, 36.52]),
    ("damascus_mil_airport", "place", "مطار دمشق العسكري", "Damascus military airport", [], [33.49, 36.22]),
    ("hmeimim", "place", "قاعدة حميميم", "Hmeimim Air Base", ["Khmeimim"], [35.40, 35.95]),
    ("moscow", "place", "موسكو", "Moscow", [], [55.75, 37.62]),
    ("aleppo", "place", "حلب", "Aleppo", [], [36.20, 37.16]),
    ("hama", "place", "حماة", "Hama", [], [35.13, 36.75]),
    ("homs", "place", "حمص", "Homs", [], [34.73, 36.71]),
    ("convoy", "vehicle", "موكب", "convoy", [], None),
    ("plane", "vehicle", "طائرة", "plane", [], None),
]

def T(e, l, text, prec):
    return {"earliest": e, "latest": l, "text": text, "precision": prec, "tz": "+03:00"}

def A(*links, hedge=None):
    return {"chain": [{"name": n, "kind": k} for n, k in links], "hedge": hedge}

NIGHT7 = T("2024-12-07T18:00:00+03:00", "2024-12-08T06:00:00+03:00", "ليلة السابع من ديسمبر", "part_of_day")

# (doc prefix, quote, mention fields); quote must occur in the document
MENTIONS = [
    ("000", "نُقل الأسد سرًّا من قصره إلى قاعدة حميميم عبر موكب روسي خاص", dict(
        cls="movement", type="departure", trigger="نُقل",
        participants=[("assad", "agent"), ("hafez_jr", "companion")],
        origin="palace", destination="moscow", via=["hmeimim"], means="convoy", time=NIGHT7,
        attribution=A(("نيويورك تايمز", "source_outlet")))),
    ("000", "أقلعت طائرة”Yak-40” من مطار دمشق العسكري متجهة إلى قاعدة حميميم الروسية", dict(
        cls="movement", type="flight", trigger="أقلعت",
        participants=[("qahtan_khalil", "agent")],
        origin="damascus_mil_airport", destination="hmeimim", means="plane",
        time=T("2024-12-08T01:30:00+03:00", "2024-12-08T01:30:59+03:00", "1:30 صباح الثامن من ديسمبر", "minute"),
        attribution=A(("نيويورك تايمز", "source_outlet")))),
    ("001", "وتجاوزت الطائرة الساعه الـ3 فجرا، وتقلع الطائرة ثم تهبط في القاعدة الروسية", dict(
        cls="movement", type="flight", trigger="تقلع",
        participants=[("assad", "agent"), ("assad_sons", "companion")],
        origin="damascus_airport", destination="moscow", via=["hmeimim"], means="plane",
        time=T("2024-12-08T03:00:00+03:00", "2024-12-08T06:00:00+03:00", "تجاوزت الساعه الـ3 فجرا", "hour"),
        attribution=A(("المعلومات", "unnamed_source")))),
    ("001", "في 30 نوفمبر 2024، شهدت حلب انشقاقات كبيرة في صفوف قوات النظام", dict(
        cls="control", type="fall_of_city", trigger="سقوط",
        participants=[], place="aleppo",
        time=T("2024-11-30T00:00:00+03:00", "2024-11-30T23:59:59+03:00", "30 نوفمبر 2024", "day"),
        attribution=A())),
    ("002", "ذكرت وكالات أنباء أن الهارب بشار الأسد كشف خطته للفرار", dict(
        cls="movement", type="escape", trigger="الفرار",
        participants=[("assad", "agent"), ("assad", "decider")],
        attribution=A(("وكالات أنباء", "unnamed_source")))),
    ("002", "لكنه اتجه مباشرة إلى مطار دمشق، حيث غادر مع ابنه الأكبر حافظ إلى قاعدة حميميم الروسية باللاذقية، ومن هناك إلى موسكو", dict(
        cls="movement", type="departure", trigger="غادر",
        participants=[("assad", "agent"), ("hafez_jr", "companion")],
        origin="damascus_airport", destination="moscow", via=["hmeimim"],
        time=T("2024-12-07T17:00:00+03:00", "2024-12-07T23:59:59+03:00", "مساء السبت", "part_of_day"),
        attribution=A(("أحد مساعدي الأسد المقرّبين", "unnamed_source")))),
    ("003", "غادر الأسد المكان دون إخبار أحد بوجهته، متجهًا إلى قاعدة حميميم الجوية في سوريا، ومن ثم إلى موسكو قبل شروق الشمس", dict(
        cls="movement", type="departure", trigger="غادر",
        participants=[("assad", "agent")],
        origin="palace", destination="moscow", via=["hmeimim"],
        time=T("2024-12-07T18:58:00+03:00", "2024-12-08T02:30:00+03:00", "بحلول الساعة 2:30 فجر الأحد 8 كانون الأول", "minute"),
        attribution=A(("الحرة", "outlet"), ("إن بي سي نيوز", "source_outlet")))),
    ("003", "Assad left without informing anyone of his destination, heading to Khmeimim Airbase in Syria, and then to Moscow before dawn", dict(
        cls="movement", type="departure", trigger="left",
        participants=[("assad", "agent")],
        origin="palace", destination="moscow", via=["hmeimim"],
        time=T("2024-12-07T18:58:00+03:00", "2024-12-08T02:30:00+03:00", "By 2:30 AM on Sunday, December 8", "minute"),
        attribution=A(("Alhurra", "outlet"), ("NBC News", "source_outlet")))),
    ("003", "في وقت كان فيه الأسد يخطط سرًا لمغادرة البلاد", dict(
        cls="movement", type="escape", trigger="يخطط",
        participants=[("assad", "agent"), ("assad", "decider")],
        attribution=A(("الحرة", "outlet"), ("إن بي سي نيوز", "source_outlet")))),
    ("003", "بدأت في 27 تشرين الثاني عندما سقطت مدينة حلب في يد المعارضة", dict(
        cls="control", type="fall_of_city", trigger="سقطت", participants=[], place="aleppo",
        time=T("2024-11-27T00:00:00+03:00", "2024-11-27T23:59:59+03:00", "27 تشرين الثاني", "day"),
        attribution=A(("الحرة", "outlet"), ("إن بي سي نيوز", "source_outlet")))),
    ("003", "وفي 5 كانون الأول، سقطت مدينة حماة أيضًا في يد المعارضة", dict(
        cls="control", type="fall_of_city", trigger="سقطت", participants=[], place="hama",
        time=T("2024-12-05T00:00:00+03:00", "2024-12-05T23:59:59+03:00", "5 كانون الأول", "day"),
        attribution=A(("الحرة", "outlet"), ("إن بي سي نيوز", "source_outlet")))),
    ("003", "شهد يوم السابع من كانون الأول تطورات سريعة في الميدان السوري، حيث سقطت مدينة حمص", dict(
        cls="control", type="fall_of_city", trigger="سقطت", participants=[], place="homs",
        time=T("2024-12-07T00:00:00+03:00", "2024-12-07T23:59:59+03:00", "السابع من كانون الأول", "day"),
        attribution=A(("الحرة", "outlet"), ("إن بي سي نيوز", "source_outlet")))),
    ("004", "الكرملين أصدر أوامره للرئيس السوري بشار الأسد بالفرار من سوريا", dict(
        cls="movement", type="escape", trigger="الفرار",
        participants=[("assad", "agent"), ("kremlin", "decider")],
        attribution=A(("بلومبيرغ", "source_outlet")))),
    ("004", "تم نقله جوًا عبر قاعدة حميميم الجوية الروسية في سوريا", dict(
        cls="movement", type="flight", trigger="نقله جوًا",
        participants=[("assad", "agent")], via=["hmeimim"], means="plane",
        attribution=A(("بلومبيرغ", "source_outlet"), ("مصدرين آخرين", "unnamed_source")))),
]

# gold event clusters over mention indexes (for the benchmark)
GOLD_EVENTS = [[0, 2, 5, 6, 7, 4, 8, 12, 13], [1], [3, 9], [10], [11]]

OUTLETS = {"003": "الحرة"}


def build():
    docs = {}
    for f in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        key = os.path.basename(f)[:3]
        text = open(f, encoding="utf-8").read()
        docs[key] = {"id": "seed" + key, "text": text, "outlet": OUTLETS.get(key, "seed-outlet-" + key),
                     "title": text.strip().split("\n")[0][:120], "published": "2025-02-10",
                     "language": "ar", "languages": ["ar", "en"] if key == "003" else ["ar"]}
    mentions = []
    for i, (key, quote, f) in enumerate(MENTIONS):
        text = docs[key]["text"]
        s = text.find(quote)
        assert s >= 0, (key, quote)
        m = {"id": f"m{i:02d}", "doc": docs[key]["id"], "class": f["cls"], "type": f["type"],
             "trigger": f["trigger"], "start": s, "end": s + len(quote),
             "participants": [{"entity": e, "role": r} for e, r in f.get("participants", [])],
             "origin": f.get("origin"), "destination": f.get("destination"), "via": f.get("via", []),
             "place": f.get("place"), "means": f.get("means"), "amount": None, "time": f.get("time"),
             "attribution": f["attribution"], "negated": False, "polarity": "asserted"}
        mentions.append(m)
    ents = [{"id": i, "type": t, "name_ar": ar, "name_en": en, "aliases": al, "kb_id": None, "coordinates": c}
            for i, t, ar, en, al, c in ENTITIES]
    out = {"documents": list(docs.values()), "event_mentions": mentions, "entities": ents,
           "gold_events": [[f"m{i:02d}" for i in g] for g in GOLD_EVENTS]}
    path = os.path.join(ROOT, "tests", "fixtures", "reconcile_seeds.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    print("wrote", path, len(mentions), "mentions")


if __name__ == "__main__":
    build()

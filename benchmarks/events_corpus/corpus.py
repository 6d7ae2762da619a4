"""The annotated event corpus: article selection, sentence display and the annotation compiler.

Texts never enter the repo (SaudiNewsNet is research-only, see ../shared/data/saudinewsnet/README.md):
annotations point into the articles by `doc` id and character offsets, and the texts are read from
../shared/data at evaluation time.

    python benchmarks/events_corpus/corpus.py select          # writes the article queue (ids, split, topic)
    python benchmarks/events_corpus/corpus.py show DOC_ID     # the article with numbered sentences
    python benchmarks/events_corpus/corpus.py check FILE.yaml # resolve an annotator's file, report errors
    python benchmarks/events_corpus/corpus.py compile         # all annotation files -> annotations.jsonl

Doc ids: `snn/<crawl day>/<index in that day's JSON array>` for SaudiNewsNet (`content` field),
`gum/<doc name>` for GUM Wikinews (sentences joined by newlines: `# text =` lines),
`pudar/<sent_id>` and `puden/<sent_id>` for UD Arabic PUD sentences (Arabic text, English original).
"""
from __future__ import annotations

import functools
import hashlib
import json
import random
import re
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "benchmarks" / "data" / "events_corpus"
QUEUE = DATA / "queue.jsonl"
ANN_DIR = DATA / "annotations"
OUT = DATA / "annotations.jsonl"
ADJUDICATION = DATA / "adjudication.yaml"

CLASSES = {"movement", "control", "communication", "harm", "other"}
ROLES = {"agent", "patient", "companion", "origin", "destination", "via", "place", "means", "time",
         "amount", "decider", "topic"}
POLARITIES = {"asserted", "negated", "planned", "hypothetical", "question", "requested", "denied"}


def types() -> dict[str, str]:
    """type -> class, from the guideline's table (the single list annotators use)."""
    out = {}
    for line in (DATA / "GUIDELINE.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([a-z_]+)`\s*\|\s*(movement|control|communication|harm|other)\s*\|", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


# ---------------------------------------------------------------- texts
@functools.lru_cache(maxsize=32)
def _snn_day(day: str) -> list[dict]:
    with zipfile.ZipFile(SHARED / "saudinewsnet" / "dataset" / f"{day}.zip") as z:
        return json.loads(z.read(z.namelist()[0]))


@functools.lru_cache(maxsize=1)
def _gum() -> dict[str, str]:
    out = {}
    for f in sorted((SHARED / "gum_wikinews").glob("GUM_*.conllu")):
        sents = [l[len("# text = "):] for l in f.read_text(encoding="utf-8").splitlines() if l.startswith("# text = ")]
        out[f.stem] = "\n".join(sents)
    return out


@functools.lru_cache(maxsize=1)
def _pud() -> dict[str, tuple[str, str]]:
    out, sid, ar, en = {}, None, None, None
    for line in (SHARED / "ud_arabic_pud" / "ar_pud-ud-test.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sid = line.split("= ", 1)[1]
        elif line.startswith("# text = "):
            ar = line.split("= ", 1)[1]
        elif line.startswith("# text_en = "):
            en = line.split("= ", 1)[1]
        elif not line.strip() and sid:
            out[sid] = (ar, en)
            sid = ar = en = None
    return out


def text(doc: str) -> str:
    kind, _, rest = doc.partition("/")
    if kind == "snn":
        day, idx = rest.split("/")
        return _snn_day(day)[int(idx)]["content"]
    if kind == "gum":
        return _gum()[rest]
    if kind in ("pudar", "puden"):
        return _pud()[rest][0 if kind == "pudar" else 1]
    raise KeyError(f"unknown doc id {doc!r}")


def meta(doc: str) -> dict:
    kind, _, rest = doc.partition("/")
    if kind == "snn":
        day, idx = rest.split("/")
        a = _snn_day(day)[int(idx)]
        return {"outlet": a.get("source"), "url": a.get("url"), "title": a.get("title"),
                "retrieved": a.get("date_extracted") or None, "language": "ar"}   # the crawl day, not the publication
    return {"language": "en" if kind in ("gum", "puden") else "ar"}


_SENT = re.compile(r"[^.!?؟\n]*(?:[.!?؟]+|\n|$)")


def sentences(t: str) -> list[tuple[int, int]]:
    """Display sentences (start, end): split after . ! ? ؟ and at newlines; only for annotators' references."""
    out = []
    for m in _SENT.finditer(t):
        s, e = m.span()
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- selection
TOPICS = {  # keyword -> topic; the first topic whose keyword appears in title+lead wins
    "yemen": ["اليمن", "الحوثي", "صنعاء", "عدن", "هادي", "تعز", "مأرب", "صالح"],
    "syria": ["سوريا", "سورية", "السوري", "دمشق", "حلب", "الأسد", "حمص", "إدلب"],
    "iraq": ["العراق", "بغداد", "الموصل", "الأنبار", "العبادي", "الرمادي"],
    "security": ["داعش", "الإرهاب", "إرهابي", "تفجير", "هجوم", "القبض", "الأمن"],
    "court": ["محكمة", "المحكمة", "قضية", "حكم", "النيابة", "السجن"],
    "economy": ["النفط", "الاقتصاد", "سوق", "الأسهم", "مليار", "مليون", "البنك", "شركة"],
    "sports": ["مباراة", "الدوري", "المنتخب", "فريق", "النادي", "لاعب", "الهلال", "النصر", "الاتحاد"],
}
QUOTA = {"yemen": 150, "syria": 90, "iraq": 60, "security": 60, "court": 40, "economy": 50, "sports": 40,
         "domestic": 60}


def split_of(doc: str) -> str:
    h = int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 100
    return "test" if h < 22 else "dev" if h < 34 else "train"


def select() -> None:
    """A fixed, varied queue of SaudiNewsNet articles (500-2,200 characters), deterministic."""
    rng = random.Random(20261204)
    days = sorted(p.stem for p in (SHARED / "saudinewsnet" / "dataset").glob("*.zip"))
    pools: dict[str, list] = {k: [] for k in QUOTA}
    seen_titles = set()
    for day in days:
        for i, a in enumerate(_snn_day(day)):
            c, title = a.get("content") or "", (a.get("title") or "").strip()
            if not (500 <= len(c) <= 2200) or title in seen_titles:
                continue
            seen_titles.add(title)
            head = title + " " + c[:300]
            topic = next((t for t, kws in TOPICS.items() if any(k in head for k in kws)), "domestic")
            pools[topic].append(f"snn/{day}/{i}")
    rows = []
    for topic, n in QUOTA.items():
        for doc in rng.sample(pools[topic], min(n, len(pools[topic]))):
            rows.append({"doc": doc, "topic": topic, "split": split_of(doc)})
    rng.shuffle(rows)
    # English: all GUM Wikinews documents, and 120 PUD English originals
    for name in sorted(_gum()):
        rows.append({"doc": f"gum/{name}", "topic": "en-wikinews", "split": split_of(f"gum/{name}")})
    for sid in sorted(_pud())[::8][:125]:
        rows.append({"doc": f"puden/{sid}", "topic": "en-pud", "split": split_of(f"puden/{sid}")})
    # more English news for training (en7, annotator N): every other PUD English original of the train split
    first = {f"puden/{sid}" for sid in sorted(_pud())[::8][:125]}
    for sid in sorted(_pud()):
        doc = f"puden/{sid}"
        if doc not in first and split_of(doc) == "train":
            rows.append({"doc": doc, "topic": "en-pud", "split": "train"})
    # more Arabic news for training, chosen after this queue was drawn (annotator F: queue_F.jsonl; see the
    # README): kept in their own files so that a rerun keeps them; train-split documents only
    seen = {r["doc"] for r in rows}
    for extra in sorted(DATA.glob("queue_*.jsonl")):
        for line in extra.read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else None
            if r and r["doc"] not in seen and split_of(r["doc"]) == "train":
                rows.append({"doc": r["doc"], "topic": r["topic"], "split": "train"})
                seen.add(r["doc"])
    # more Arabic news for training (ann11a, annotator E, and later batches): every SaudiNewsNet document of an
    # annotation file that the draw above did not queue, train split only (dev and test stay frozen)
    rows.extend(_annotated_extra(seen))
    DATA.mkdir(parents=True, exist_ok=True)
    with QUEUE.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} documents queued -> {QUEUE}")


def show(doc: str) -> None:
    t = text(doc)
    m = meta(doc)
    print(f"# {doc}  outlet={m.get('outlet')} retrieved={m.get('retrieved')} title={m.get('title')!r}")
    for n, (s, e) in enumerate(sentences(t), 1):
        print(f"[{n}] {t[s:e]}")


# ---------------------------------------------------------------- compile
class AnnError(ValueError):
    pass


def _locate(t: str, sents, spec, default_s: int, what: str) -> dict:
    """An annotator's span reference -> {start, end, text}, checked against the text."""
    if isinstance(spec, str):
        spec = {"text": spec}
    if not isinstance(spec, dict) or not isinstance(spec.get("text"), str) or not spec["text"].strip():
        raise AnnError(f"{what}: expected a string or {{text, s, nth}}, got {spec!r}")
    s_no = int(spec.get("s", default_s))
    if not 1 <= s_no <= len(sents):
        raise AnnError(f"{what}: sentence {s_no} does not exist (1..{len(sents)})")
    lo, hi = sents[s_no - 1]
    needle, nth = spec["text"].strip(), int(spec.get("nth", 1))
    pos, k = lo - 1, 0
    while k < nth:
        pos = t.find(needle, pos + 1, hi)
        if pos < 0:
            raise AnnError(f"{what}: {needle!r} (occurrence {nth}) not in sentence {s_no}: {t[lo:hi][:120]!r}")
        k += 1
    return {"start": pos, "end": pos + len(needle), "text": needle}


def resolve_doc(item: dict, known_types: dict[str, str]) -> dict:
    doc = item.get("doc")
    t = text(doc)
    sents = sentences(t)
    events = []
    for j, ev in enumerate(item.get("events") or [], 1):
        where = f"{doc} event {j}"
        if not isinstance(ev, dict) or "s" not in ev or "trigger" not in ev:
            raise AnnError(f"{where}: needs s and trigger")
        typ = ev.get("type")
        if typ not in known_types:
            raise AnnError(f"{where}: unknown type {typ!r} (see GUIDELINE.md)")
        pol = ev.get("polarity", "asserted")
        if pol not in POLARITIES:
            raise AnnError(f"{where}: polarity {pol!r} not in {sorted(POLARITIES)}")
        trig = _locate(t, sents, {"text": ev["trigger"], "nth": ev.get("nth", 1)} if isinstance(ev["trigger"], str)
                       else ev["trigger"], ev["s"], where + " trigger")
        args = []
        for role, vals in (ev.get("args") or {}).items():
            if role not in ROLES:
                raise AnnError(f"{where}: unknown role {role!r}")
            for v in vals if isinstance(vals, list) else [vals]:
                args.append({"role": role, **_locate(t, sents, v, ev["s"], f"{where} {role}")})
        src = ev.get("source") or []
        sources = [_locate(t, sents, v, ev["s"], f"{where} source") for v in (src if isinstance(src, list) else [src])]
        hedge = _locate(t, sents, ev["hedge"], ev["s"], f"{where} hedge") if ev.get("hedge") else None
        events.append({"trigger": trig, "class": known_types[typ], "type": typ, "polarity": pol,
                       "args": args, "source": sources, "hedge": hedge, "note": ev.get("note")})
    return {"doc": doc, "annotator": item.get("annotator"), "split": split_of(doc), "events": events}


def load_file(path: Path) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(items, list):
        raise AnnError(f"{path}: expected a YAML list of documents")
    return items


def check(path: str) -> int:
    known, errors, n_ev = types(), 0, 0
    for item in load_file(Path(path)):
        try:
            n_ev += len(resolve_doc(item, known)["events"])
        except (AnnError, KeyError, ValueError, TypeError) as e:
            errors += 1
            print(f"ERROR {e}")
    print(f"{path}: {n_ev} events resolved, {errors} document(s) with errors")
    return 1 if errors else 0


ACTIONS = {"drop", "relabel", "drop_source", "polarity"}
CONVENTIONS = DATA / "adjudication_conventions.yaml"   # generated by adjudicate_conventions.py (adj13)


def adjudicate(primary: dict[str, dict], path: Path = ADJUDICATION) -> int:
    """Apply the adjudicator's decisions (adjudication.yaml) to the primary records, in place; returns how
    many decisions applied. Only the train split may be adjudicated (dev and test gold stay as annotated);
    an entry naming no annotated mention is an error, so a decision never silently stops applying.

    Actions: `drop` (the mention), `relabel` (one argument, `role` + `arg` text [`arg_s`, `arg_nth`], gets
    `to` as its role), `drop_source` (one source span, `arg` [`arg_s`, `arg_nth`], leaves the source) and
    `polarity` (the mention's polarity, which must be `from`, becomes `to`; modal24)."""
    if not path.exists():
        return 0
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as e:
        raise AnnError(f"{path.name}: not valid YAML: {e}") from None
    if not isinstance(entries, list):
        raise AnnError(f"{path.name}: expected a YAML list of decisions")
    n = 0
    for k, d in enumerate(entries, 1):
        where = f"{path.name} entry {k}"
        if not isinstance(d, dict) or d.get("action") not in ACTIONS or not d.get("reason"):
            raise AnnError(f"{where}: needs doc, s, trigger, action: drop and a reason")
        rec = primary.get(d.get("doc"))
        if rec is None:
            raise AnnError(f"{where}: document {d.get('doc')!r} is not annotated")
        if rec["split"] != "train":
            raise AnnError(f"{where}: {d['doc']} is in the {rec['split']} split; only train is adjudicated")
        t = text(d["doc"])
        sents = sentences(t)
        span = _locate(t, sents, {"text": d.get("trigger"), "nth": d.get("nth", 1)}, d.get("s", 0), where)
        hit = [e for e in rec["events"] if (e["trigger"]["start"], e["trigger"]["end"]) == (span["start"], span["end"])
               and e["type"] == d.get("type", e["type"])]
        if len(hit) != 1:
            raise AnnError(f"{where}: {len(hit)} annotated mentions with trigger {d.get('trigger')!r} there")
        ev = hit[0]
        if d["action"] == "drop":
            rec["events"].remove(ev)
            n += 1
            continue
        if d["action"] == "polarity":               # modal24: the mention's polarity `from` -> `to`
            if d.get("to") not in POLARITIES or ev["polarity"] != d.get("from"):
                raise AnnError(f"{where}: polarity needs `to` (a polarity) and `from` (the mention's: {ev['polarity']})")
            ev["polarity"] = d["to"]
            n += 1
            continue
        a = _locate(t, sents, {"text": d.get("arg"), "nth": d.get("arg_nth", 1)}, d.get("arg_s", d.get("s", 0)),
                    where + " arg")
        if d["action"] == "drop_source":
            src = [x for x in ev["source"] if (x["start"], x["end"]) == (a["start"], a["end"])]
            if len(src) != 1:
                raise AnnError(f"{where}: no source {d.get('arg')!r} on that mention")
            ev["source"].remove(src[0])
        else:
            to = d.get("to")
            if to not in ROLES:
                raise AnnError(f"{where}: relabel needs `to`, one of the roles")
            args = [x for x in ev["args"] if x["role"] == d.get("role") and (x["start"], x["end"]) == (a["start"], a["end"])]
            if len(args) != 1:
                raise AnnError(f"{where}: no {d.get('role')} {d.get('arg')!r} on that mention")
            args[0]["role"] = to
        n += 1
    return n


def _topic(doc: str) -> str:
    day, idx = doc.split("/")[1:]
    a = _snn_day(day)[int(idx)]
    head = (a.get("title") or "").strip() + " " + (a.get("content") or "")[:300]
    return next((t for t, kws in TOPICS.items() if any(k in head for k in kws)), "domestic")


def _annotated_extra(queued: set[str]) -> list[dict]:
    """SaudiNewsNet documents annotated for training after the first draw (annotator E on): in file order."""
    out = []
    for path in sorted(ANN_DIR.glob("*.yaml")):
        for item in load_file(path):
            doc = item["doc"]
            if doc.startswith("snn/") and doc not in queued and split_of(doc) == "train":
                queued.add(doc)
                out.append({"doc": doc, "topic": _topic(doc), "split": "train"})
    return out


def compile_all() -> None:
    """Every annotator file -> annotations.jsonl (first annotator of a doc is primary; the second's
    copy of a doubly annotated document goes to agreement.jsonl)."""
    known, primary, second = types(), {}, []
    for path in sorted(ANN_DIR.glob("*.yaml")):
        for item in load_file(path):
            rec = resolve_doc(item, known)
            rec["file"] = path.name
            (second.append(rec) if rec["doc"] in primary else primary.__setitem__(rec["doc"], rec))
    n_adj = adjudicate(primary) + adjudicate(primary, CONVENTIONS)
    with OUT.open("w", encoding="utf-8") as f:
        for rec in sorted(primary.values(), key=lambda r: r["doc"]):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with (DATA / "agreement.jsonl").open("w", encoding="utf-8") as f:
        for rec in second:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    by = {}
    for r in primary.values():
        lang = "en" if r["doc"].startswith(("gum/", "puden/")) else "ar"
        k = (lang, r["split"])
        by.setdefault(k, [0, 0])
        by[k][0] += 1
        by[k][1] += len(r["events"])
    for k, (d, e) in sorted(by.items()):
        print(f"{k[0]} {k[1]}: {d} documents, {e} event mentions")
    print(f"{len(second)} second annotations -> agreement.jsonl; {n_adj} train decisions applied "
          f"({ADJUDICATION.name}, {CONVENTIONS.name})")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "select":
        select()
    elif cmd == "show":
        show(sys.argv[2])
    elif cmd == "check":
        sys.exit(check(sys.argv[2]))
    elif cmd == "compile":
        compile_all()
    else:
        print(__doc__)
        sys.exit(2)

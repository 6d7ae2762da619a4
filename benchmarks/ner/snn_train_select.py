"""Deterministic choice of 40 SaudiNewsNet train articles for the SNN entity train file (ner12).
Never reads riwaya's output. Excludes: the 40 gold articles (articles.tsv) and any text sharing a 4-gram
overlap >= 30% with one of them; articles earlier sessions read (links/furniture gold); events corpus
dev/test documents (corpus.split_of != 'train'). 30 war/politics (snn_gold's criteria), 5 security,
5 domestic/economy; each pool sorted by sha1('ner12:' + id); one copy of a repeated text."""
import hashlib, re, sys
sys.path.insert(0, "/work/wt/ner12/benchmarks/ner"); sys.path.insert(0, "/work/wt/ner12")
import snn_gold as G
from benchmarks.events_corpus.corpus import split_of

SEC = re.compile(r"القبض|الشرطة|الأمن العام|إرهاب|مطلوب|المتحدث الأمني|ضبط")
ECO = re.compile(r"النفط|الاقتصاد|مليار|شركة|الاستثمار|وزارة|أمانة|المجلس البلدي")
QUOTA = {"war": 30, "security": 5, "domestic": 5}

def grams(t):
    w = t.split(); return {tuple(w[i:i + 4]) for i in range(len(w) - 3)}

def main():
    gold = [d for d, _ in G.articles()]
    kept = [grams(G.text_of(d)) for d in gold]
    seen = G._seen_urls()
    pools = {k: [] for k in QUOTA}
    for z in sorted(G.SNN.glob("*.zip")):
        for i, a in enumerate(G._day(z.stem)):
            t = a.get("content") or ""
            doc = f"snn/{z.stem}/{i}"
            if not 500 <= len(t) <= 2500 or a.get("url") in seen or doc in gold or split_of(doc) != "train":
                continue
            if len(G._PLACES.findall(t)) >= 3 and len(G._WAR.findall(t)) >= 2:
                cat = "war"
            elif len(SEC.findall(t)) >= 2:
                cat = "security"
            elif len(ECO.findall(t)) >= 2 and not G._PLACES.search(t):
                cat = "domestic"
            else:
                continue
            pools[cat].append((hashlib.sha1(("ner12:" + doc).encode()).hexdigest(), doc, a.get("source", ""), cat))
    out = []
    for cat, n in QUOTA.items():
        got = 0
        for h, doc, src, c in sorted(pools[cat]):
            g = grams(G.text_of(doc))
            if all(len(g & k) < 0.3 * min(len(g), len(k)) for k in kept):
                kept.append(g); out.append((h, doc, src, c)); got += 1
            if got == n:
                break
    out.sort()
    for h, doc, src, c in out:
        print(f"{doc}\ttrain\t{src}\t{c}")

main()

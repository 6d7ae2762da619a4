"""resolve38: what parsing the stored entities costs as EntityMemo stores them (one JSON array, the entity's text
inside it as an escaped string) against the text kept outside the JSON (header + raw text); offline, on a cache."""
import sqlite3, json, time, sys
vals = [v for k, v in sqlite3.connect(sys.argv[1]).execute("SELECT k, v FROM kv WHERE k LIKE 'ent1:%'")]
split = []
for v in vals:
    a = json.loads(v); text = a.pop()
    split.append(json.dumps(a, ensure_ascii=False) + "\n" + text)
for r in range(3):
    c = time.process_time()
    for v in vals:
        need, name_ar, roman, rec, docs, starts, ends, text = json.loads(v)
    t1 = time.process_time() - c
    c = time.process_time()
    for v in split:
        h, _, text = v.partition("\n"); need, name_ar, roman, rec, docs, starts, ends = json.loads(h)
    t2 = time.process_time() - c
    print(len(vals), "stored:", round(t1, 3), "s  text outside:", round(t2, 3), "s", sum(map(len, vals)) // 1000, "kchars")

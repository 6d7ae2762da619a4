import json
from collections import Counter
a = json.load(open("fp_base.json")); b = json.load(open("fp_plus.json"))
names = ["ver", "cver", "digest", "contexts", "used", "names", "surf", "stories", "actors"]
C = Counter(); ex = {}
for k, (key, pay, f, carried) in b.items():
    if carried: continue
    if k not in a: C["new_unit"] += 1; continue
    ka, pa, fa, _ = a[k]
    diff = [n for n, x, y in zip(names, pa, pay) if x != y]
    if key != ka: diff.append("unit_key")
    C[tuple(diff)] += 1
    ex.setdefault(tuple(diff), (k, pa, pay))
print(C.most_common())
for d, (k, pa, pb) in list(ex.items())[:6]:
    print("==", d, k[:200])
    for n, x, y in zip(names, pa, pb):
        if x != y:
            if isinstance(x, dict):
                print("  ", n, {kk: (x.get(kk), y.get(kk)) for kk in set(x) | set(y) if x.get(kk) != y.get(kk)})
            else:
                print("  ", n, str(x)[:300], "|", str(y)[:300])

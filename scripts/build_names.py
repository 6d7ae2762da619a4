"""Build compact Arabic-script given/family name lists (with frequency bins) from names-dataset.

Offline build step only; names-dataset is not a runtime dependency.
Output: riwaya/data/ner/names_given.txt, names_family.txt (name<TAB>bin), merged with
/work/shared/data/arabic_names lists; and names_given_en.txt, English given names (riwaya.ner.english:
given_names): a name among the EN_RANK commonest in the US, the UK, Canada or Australia whose lower-case form
is no common English word (wordfreq Zipf below EN_ZIPF: not Will, Mark, April, Grace).
"""
import gzip
import pickle
import re
from pathlib import Path

import names_dataset

ROOT = Path(__file__).resolve().parent.parent / "riwaya" / "data" / "ner"
AR = re.compile(r"^[\u0621-\u064A]{2,}$")
SRC = Path("/work/shared/data/arabic_names")


EN_RANK, EN_ZIPF = 1000, 4.5


def build_en(out="names_given_en.txt"):
    from wordfreq import zipf_frequency
    d = pickle.load(gzip.open(Path(names_dataset.__file__).parent / "v3" / "first_names.pkl.gz"))
    rows = sorted(k for k, v in d.items() if re.fullmatch(r"[A-Z][a-z]+", k)
                  and any((v.get("rank") or {}).get(c) and v["rank"][c] <= EN_RANK for c in ("US", "GB", "CA", "AU"))
                  and zipf_frequency(k.lower(), "en") < EN_ZIPF)
    (ROOT / out).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(out, len(rows))


def score(v):
    r = v.get("rank") or {}
    ranks = [x for x in r.values() if x]
    return min(ranks) if ranks else 10**6


def _unarticled(w):
    w = re.sub("[أإآ]", "ا", w)
    return w[2:] if w.startswith("ال") else w


def not_names(out_name):
    """names36 (issue #17): the project's own titles, roles and occupations (roles.txt, occupations.txt,
    entity_rules.yaml's person_title_words(_wiki), office_titles, occupation_nouns), compared without the
    article and hamza, the feminine -ة/-ه too. A listed name with the article that is one of these (الملكة, الرئيس,
    الكاتب) is a title, not a name; the bare forms stay (أمين, مختار, سلطان are given names). Empty for a list
    that entity_rules.yaml names_drop_titles does not name."""
    import yaml
    rules = yaml.safe_load((ROOT / "entity_rules.yaml").read_text(encoding="utf-8"))
    if out_name not in (rules.get("names_drop_titles") or []):
        return frozenset()
    words = [w for f in ("roles.txt", "occupations.txt") for w in (ROOT / f).read_text(encoding="utf-8").split("\n")
             if w.strip() and not w.startswith("#")]
    words += [w for k in ("person_title_words", "person_title_words_wiki", "office_titles", "occupation_nouns")
              for w in rules.get(k) or []]
    out = set()
    for w in words:
        b = _unarticled(w.strip())
        out |= {b, b + "ة", b + "ه"} if not b.endswith(("ة", "ه")) else {b, b[:-1]}
    return frozenset(out)


def _title(k, drop):
    """A listed name with the article whose rest is a title, role or occupation (not_names)."""
    k = k.replace("ى", "ي")
    return bool(drop) and re.sub("^[أإآ]ل", "ال", k).startswith("ال") and _unarticled(k) in drop


def build(pkl, extra, out, limit=20000):
    d = pickle.load(gzip.open(Path(names_dataset.__file__).parent / "v3" / pkl))
    items = [(score(v), k) for k, v in d.items() if AR.match(k)]
    items.sort()
    rows, drop = {}, not_names(out)
    for rank, k in items[:limit]:
        rows[k] = "1" if rank <= 200 else "2" if rank <= 2000 else "3"
    for f in extra:
        p = SRC / f
        if p.exists():
            for w in p.read_text(encoding="utf-8").split():
                if AR.match(w):
                    rows.setdefault(w, "1")
    rows = {k: v for k, v in rows.items() if not _title(k, drop)}
    (ROOT / out).write_text("\n".join(f"{k}\t{v}" for k, v in sorted(rows.items())) + "\n", encoding="utf-8")
    print(out, len(rows))


if __name__ == "__main__":
    build("first_names.pkl.gz", ["male-first-names-in-arabic.txt", "female-first-names-in-arabic.txt"], "names_given.txt")
    build("last_names.pkl.gz", ["last-names-in-arabic.txt"], "names_family.txt")
    build_en()

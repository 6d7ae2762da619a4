"""A store's dump less what holds the code's fingerprint (a part's block key, a document's memo key, the
corpus_documents tag) or the clock: the rows the corpus stage made, compared across codes."""
import hashlib, re, sqlite3, sys
SKIP = {("corpus_items", "block"), ("corpus_docs", "key"), ("corpus_journal", "at"), ("corpus", "updated_at")}
def normdump(db):
    con = sqlite3.connect(db); h = hashlib.sha256(); n = 0
    for (t,) in con.execute("select name from sqlite_master where type='table' order by name"):
        cols = [r[1] for r in con.execute(f"pragma table_info({t})") if (t, r[1]) not in SKIP]
        for row in con.execute(f"select {','.join(chr(34)+c+chr(34) for c in cols)} from {t} order by {','.join(chr(34)+c+chr(34) for c in cols)}"):
            row = list(row)
            if t == "meta" and row[0] == "corpus_documents":
                row[1] = row[1].split("|")[0]
            if t == "meta" and isinstance(row[1], str):      # the stories' statistics name the code's fingerprint
                row[1] = re.sub(r'^\{"version": "[0-9a-f]{10}:', '{"version": "<code>:', row[1])
            h.update(repr((t, row)).encode("utf-8")); n += 1
    return h.hexdigest()[:16], n
if __name__ == "__main__":
    for db in sys.argv[1:]:
        print(db, *normdump(db))

import pstats, sys, json
p = pstats.Stats(sys.argv[1])
st = p.stats
want = ["_refresh_store", "_resolve", "_event_mentions", "_stories", "_relations", "fingerprints", "reuse", "reconcile_block", "reconcile",
        "canonical_mentions", "_features", "units", "call_units", "cluster_subparts", "scored_pairs", "_merged", "unit_key",
        "narrative_units", "_build_event", "event_conflicts", "side_judge", "context_values", "_link_actors", "_memo_text_reads",
        "_key", "_pair", "_read", "reuse_renamed", "add", "iter_itineraries", "commit", "_doc_routes", "_ties", "_as_written",
        "adopt_narrative_movers", "distinct_conflicts", "mention_blocks", "candidate_pairs", "_pair_ok", "_pair_score", "iter_movers"]
rows = []
for (f, l, name), (cc, nc, tt, ct, callers) in st.items():
    if name in want and ("riwaya" in f or "corpus_stage" in f):
        rows.append((ct, nc, name, f.split("/riwaya/")[-1] + f":{l}"))
for ct, nc, name, where in sorted(rows, reverse=True):
    print(f"{ct:8.2f} s {nc:8d}  {name:24s} {where}")

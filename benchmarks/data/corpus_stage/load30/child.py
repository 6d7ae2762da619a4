"""One run of the corpus stage in a fresh process: argv code db [full]; prints the figures as JSON (last line)."""
import json, os, sys
code, db = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(code, "benchmarks")); sys.path.insert(0, code)
if sys.argv[3:] == ["full"]:
    from riwaya import blocks
    from riwaya.store import Store
    f = blocks.refresh_store(Store(f"sqlite:///{db}"), full=True)
    print(json.dumps({"figures": f}, default=str))
else:
    import corpus_stage
    corpus_stage._run_stage(db)

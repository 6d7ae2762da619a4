#!/bin/bash
cd /work/wt/load30
for c in X M; do
  code=$([ $c = X ] && echo /tmp/load30/xcode || echo /tmp/load30/basecode)
  db=$(.venv/bin/python -c "import sys; sys.argv=['x']; sys.path.insert(0,'benchmarks/data/corpus_stage/load30'); import exp; print(exp.plus_copy('$c','t1')[0])")
  (cd $code && RIWAYA_CACHE_DIR=/tmp/load30/${c}7749/t1_cache PYTHONHASHSEED=0 nice -n 10 $code/.venv/bin/python /work/wt/load30/benchmarks/data/corpus_stage/load30/tplus.py $code $db) > /tmp/load30/tplus_$c.txt 2>&1
done

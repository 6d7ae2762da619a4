#!/bin/bash
cd /work/wt/inc37
export SRC=/tmp/inc37/src2000.db WORK=/tmp/inc37/runs N=1921 CODES="M=/tmp/inc37/basecode,X=/tmp/inc37/xcode"
for c in X M; do
  code=/tmp/inc37/$([ $c = X ] && echo xcode || echo basecode)
  db=$(.venv/bin/python -c "import sys; sys.argv=['x']; sys.path.insert(0,'benchmarks/data/corpus_stage/load30'); import exp; print(exp.plus_copy('$c','t1')[0])")
  (cd $code && RIWAYA_CACHE_DIR=/tmp/inc37/runs/${c}1921/t1_cache PYTHONHASHSEED=0 nice -n 10 $code/.venv/bin/python /work/wt/inc37/benchmarks/data/corpus_stage/inc37/tplus.py $code $db) > /tmp/inc37/tplus_$c.txt 2>&1
done
echo DONE

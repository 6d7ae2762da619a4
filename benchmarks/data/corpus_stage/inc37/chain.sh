#!/bin/bash
cd /work/wt/inc37
export SRC=/tmp/inc37/src2000.db WORK=/tmp/inc37/runs N=1921 CODES="M=/tmp/inc37/basecode,X=/tmp/inc37/xcode"
for s in base:X base:M plus:X:r1 plus:M:r1 plus:X:r2 plus:M:r2 scratch:X; do
  .venv/bin/python benchmarks/data/corpus_stage/inc37/exp.py $s || exit 1
done
echo DONE

#!/bin/bash
# run the + 10 rounds once both bases are done
cd /work/wt/load30
while [ ! -s /tmp/load30/baseM.log ] || [ ! -s /tmp/load30/baseX.log ]; do sleep 10; done
export CODES="M=/tmp/load30/basecode,X=/tmp/load30/xcode"
.venv/bin/python benchmarks/data/corpus_stage/load30/exp.py plusonly:X:r1 plusonly:M:r1 full:X:f1 full:M:f1 plusonly:X:r2 plusonly:M:r2 >> /tmp/load30/plus.log 2>&1

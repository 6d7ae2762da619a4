#!/bin/bash
cd /tmp/scale21
export CODE=/work/wt/scale21 WORK=/tmp/scale21 SRC=/tmp/i18/src7k.db I19_CACHE=/tmp/scale21/cache NICE=15
/work/main/.venv/bin/python incr19_exp.py base 3000 main > base.log 2>&1
cp -r /tmp/scale21/cache /tmp/scale21/cache_after_base
/work/main/.venv/bin/python incr19_exp.py plus 3000 main again > plus_main.log 2>&1
I19_CACHE=/tmp/scale21/cache_scratch /work/main/.venv/bin/python incr19_exp.py scratch 3000 main > scratch.log 2>&1
echo ALLDONE >> plus_main.log

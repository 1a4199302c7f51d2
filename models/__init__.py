"""razmetka's core: documents, the store, ingest, natasha NER, quotes, exporters.

One process-wide setting lives here because it must run before numpy is first imported
(sqlite-utils imports it): natasha's taggers multiply small matrices, for which BLAS
threads cost more than they give, and on a busy machine they spin. NER ran 7-13x slower
with 2 OpenBLAS threads than with 1 while other processes were busy, and worker pools
need one thread per process anyway (docs/benchmarks.md). A user's own setting wins.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

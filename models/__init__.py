"""razmetka's core: documents, the store, the annotation service, NLP, quotes, import/export.

The names a caller needs are here, as sqlite-utils puts ``Database`` in its package::

    from models import AnnotationService, Store

    service = AnnotationService(Store("corpus.db"), annotator="anna")
    doc_id = service.listing().page(0, 1)[0].id
    changes = service.add_entity(doc_id, 0, 9, "PER")  # committed, logged, announced
    service.revert(changes)  # undone: the same spans under the same ids

- ``Store``: one SQLite database file (``StoreError``: why it cannot be opened or written;
  ``ConflictError``: an edit refused because another window or process changed its spans).
- ``AnnotationService``: every edit (as a ``ChangeSet`` of ``Change``s, undone by
  ``revert``) and query the window makes; ``EditError``: an edit that cannot be made.
- ``OpenDocument``: the document a window shows, kept equal to the store edit by edit.
- ``Document``, ``Entity``, ``Quote``, ``Speaker``, ``Noise``: the annotation values.
- ``LabelSet`` and ``load_labels``: the configured labels, colours and hotkeys.

They are imported on first use, so ``import models.spans`` stays cheap (the store pulls
in sqlite-utils, the service the exporters).

One process-wide setting lives here because it must run before numpy is first imported
(sqlite-utils imports it): natasha's taggers multiply small matrices, for which BLAS
threads cost more than they give, and on a busy machine they spin. NER ran 7-13x slower
with 2 OpenBLAS threads than with 1 while other processes were busy, and worker pools
need one thread per process anyway (docs/benchmarks.md). A user's own setting wins.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from importlib import import_module  # noqa: E402 (after the BLAS settings)
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from models.changes import Change, ChangeSet
    from models.labels import LabelSet, load_labels
    from models.service.annotation import AnnotationService
    from models.service.context import EditError
    from models.service.open_document import OpenDocument
    from models.spans import Document, Entity, Noise, Quote, Speaker
    from models.store.schema import StoreError
    from models.store.spans import ConflictError
    from models.store.store import Store

_WHERE = {
    "AnnotationService": "models.service.annotation",
    "Change": "models.changes",
    "ChangeSet": "models.changes",
    "ConflictError": "models.store.spans",
    "Document": "models.spans",
    "EditError": "models.service.context",
    "Entity": "models.spans",
    "LabelSet": "models.labels",
    "Noise": "models.spans",
    "OpenDocument": "models.service.open_document",
    "Quote": "models.spans",
    "Speaker": "models.spans",
    "Store": "models.store.store",
    "StoreError": "models.store.schema",
    "load_labels": "models.labels",
}
__all__ = [
    "AnnotationService",
    "Change",
    "ChangeSet",
    "ConflictError",
    "Document",
    "EditError",
    "Entity",
    "LabelSet",
    "Noise",
    "OpenDocument",
    "Quote",
    "Speaker",
    "Store",
    "StoreError",
    "load_labels",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    if name not in _WHERE:
        raise AttributeError(f"module 'models' has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name]), name)
    globals()[name] = value
    return value

"""Transitional: ``test_quotes_evaluate.py`` still imports the export corpus from here.

The corpus is tests/models/io/conftest.py's now, where the io tests ask for it as the
fixtures ``export_corpus`` and ``make_store``. Once that test asks for them too (their
fixtures then move up to tests/models/conftest.py), delete this module.
"""

from __future__ import annotations

from tests.models.io.conftest import corpus, make_store

__all__ = ["corpus", "make_store"]

"""Transitional: tests/gui's team tests (and team_window.py) still import the scripted team.

The team is tests/conftest.py's now, where every other test asks for it as fixtures
(``team``, ``build_team``, ``team_documents``, ``make_team_corpus``, ``assign_all``,
``merge_into`` …). Once the window tests do too, delete this module.
"""

from __future__ import annotations

from tests.conftest import D2, Team, assign_all, corpus_documents, make_corpus, merge, scripted_team

__all__ = ["D2", "Team", "assign_all", "corpus_documents", "make_corpus", "merge", "scripted_team"]

"""Transitional: tests/gui/test_entity_groups.py still imports the Вертинский article here.

The article is tests/conftest.py's now, where every other test asks for it as the
``vertinsky`` fixture. Once the window test does too, delete this module.
"""

from __future__ import annotations

from tests.conftest import RIGHT, TEXT, WRONG, article, normals, nth, speakers

__all__ = ["RIGHT", "TEXT", "WRONG", "article", "normals", "nth", "speakers"]

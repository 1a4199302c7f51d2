"""The entity panel's tree: label → normal form (with its mention count) → mentions.

Grouping by normal form shows at a glance that "Путина", "Путину" and "Владимир
Путин" are one person, and how often each name occurs. Every mention row carries its
code-point span (``SPAN_ROLE``) and entity id (``ENTITY_ID_ROLE``) so a click can select
it in the document view; a group row carries the span of its first mention.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from gui.paragraphs import Paragraphs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models.labels import LabelSet
    from models.spans import Entity

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3  # "label" | "group" | "mention"


def _item(text: str, level: str, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(level, LEVEL_ROLE)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _count(value: int | str) -> QStandardItem:
    item = QStandardItem(str(value))
    item.setEditable(False)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class EntityTreeModel(QStandardItemModel):
    """Entities of one document grouped per label and normal form."""

    def __init__(self, labels: LabelSet) -> None:
        super().__init__()
        self.labels = labels
        self._by_id: dict[int, QStandardItem] = {}
        self.setHorizontalHeaderLabels(["Entity", "Mentions"])

    def set_entities(self, entities: Sequence[Entity], text: str) -> None:
        """Rebuild the tree for a document's entities (in text order)."""
        self.clear()
        self.setHorizontalHeaderLabels(["Entity", "Mentions"])
        self._by_id = {}
        paragraphs = Paragraphs(text)
        groups: dict[str, dict[str, list[Entity]]] = defaultdict(lambda: defaultdict(list))
        for ent in sorted(entities, key=lambda e: (e.start, e.end)):
            groups[ent.label][ent.normal or ent.text].append(ent)
        order = [lb.name for lb in self.labels.entities]
        for label in sorted(groups, key=lambda n: (order.index(n) if n in order else 99, n)):
            self._add_label(label, groups[label], paragraphs)

    def _add_label(self, label: str, groups: dict[str, list[Entity]],
                   paragraphs: Paragraphs) -> None:
        known = self.labels.get(label)
        head = _item(label, "label", known.description if known else "")
        head.setData(QColor(known.color if known else "#999999"),
                     Qt.ItemDataRole.DecorationRole)
        total = sum(len(m) for m in groups.values())
        for normal, mentions in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            group = _item(normal, "group", f"{label} · {len(mentions)} mentions")
            group.setData((mentions[0].start, mentions[0].end), SPAN_ROLE)
            for ent in mentions:
                mention = _item(ent.text, "mention", f"{label} · {ent.start}–{ent.end}")
                mention.setData((ent.start, ent.end), SPAN_ROLE)
                if ent.id is not None:
                    mention.setData(ent.id, ENTITY_ID_ROLE)
                    self._by_id[ent.id] = mention
                group.appendRow([mention, _count(f"¶ {paragraphs.number(ent.start)}")])
            head.appendRow([group, _count(len(mentions))])
        self.appendRow([head, _count(total)])

    def span(self, index: QModelIndex) -> tuple[int, int] | None:
        """The code-point span a row stands for (None for a label row)."""
        value = index.siblingAtColumn(0).data(SPAN_ROLE)
        return tuple(value) if value else None  # type: ignore[return-value]

    def index_of_entity(self, entity_id: int) -> QModelIndex:
        """The mention row of an entity id (invalid when not shown)."""
        item = self._by_id.get(entity_id)
        return item.index() if item is not None else QModelIndex()

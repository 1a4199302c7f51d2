"""The entity panel's tree: label → normal form (with its mention count) → mentions.

Grouping by normal form shows at a glance that "Путина", "Путину" and "Владимир
Путин" are one person, and how often each name occurs. Every mention row carries its
code-point span (``SPAN_ROLE``) and entity id (``ENTITY_ID_ROLE``) so a click can select
it in the document view; a group row carries the span of its first mention.

Mention rows are made when a group is expanded (``canFetchMore``/``fetchMore``): an
article with 10,000 mentions opens with a few hundred group rows, not 10,000 items.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from gui.article.paragraphs import Paragraphs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models.labels import LabelSet
    from models.spans import Entity

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3  # "label" | "group" | "mention"
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4  # a group's number in ``_groups``
LOADED_ROLE = Qt.ItemDataRole.UserRole + 5  # whether a group's mention rows exist


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
        self._groups: list[list[Entity]] = []
        self._group_of: dict[int, int] = {}  # entity id -> group number
        self._group_items: list[QStandardItem] = []
        self._paragraphs = Paragraphs("")
        self.setHorizontalHeaderLabels(["Entity", "Mentions"])

    def set_entities(self, entities: Sequence[Entity], text: str) -> None:
        """Rebuild the tree for a document's entities (in text order)."""
        self.clear()
        self.setHorizontalHeaderLabels(["Entity", "Mentions"])
        self._by_id, self._groups, self._group_of, self._group_items = {}, [], {}, []
        self._paragraphs = Paragraphs(text)
        groups: dict[str, dict[str, list[Entity]]] = defaultdict(lambda: defaultdict(list))
        for ent in sorted(entities, key=lambda e: (e.start, e.end)):
            groups[ent.label][ent.normal or ent.text].append(ent)
        order = [lb.name for lb in self.labels.entities]
        for label in sorted(groups, key=lambda n: (order.index(n) if n in order else 99, n)):
            self._add_label(label, groups[label])

    def _add_label(self, label: str, groups: dict[str, list[Entity]]) -> None:
        known = self.labels.get(label)
        head = _item(label, "label", known.description if known else "")
        head.setData(QColor(known.color if known else "#999999"), Qt.ItemDataRole.DecorationRole)
        total = sum(len(m) for m in groups.values())
        for normal, mentions in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            group = _item(normal, "group", f"{label} · {len(mentions)} mentions")
            group.setData((mentions[0].start, mentions[0].end), SPAN_ROLE)
            group.setData(len(self._groups), GROUP_ROLE)
            group.setData(False, LOADED_ROLE)
            for ent in mentions:
                if ent.id is not None:
                    self._group_of[ent.id] = len(self._groups)
            self._groups.append(mentions)
            self._group_items.append(group)
            head.appendRow([group, _count(len(mentions))])
        self.appendRow([head, _count(total)])

    def _is_unloaded_group(self, parent: QModelIndex) -> bool:
        return (
            parent.isValid()
            and parent.column() == 0
            and parent.data(LEVEL_ROLE) == "group"
            and not parent.data(LOADED_ROLE)
        )

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """A group has mentions before they are loaded (so it shows an expander)."""
        return self._is_unloaded_group(parent) or super().hasChildren(parent)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        """A group's mention rows are made on first expansion."""
        return self._is_unloaded_group(parent)

    def fetchMore(self, parent: QModelIndex) -> None:
        """Make the mention rows of a group."""
        if not self._is_unloaded_group(parent):
            return
        group = self.itemFromIndex(parent)
        group.setData(True, LOADED_ROLE)
        label = group.parent().text()
        rows = []
        for ent in self._groups[group.data(GROUP_ROLE)]:
            mention = _item(ent.text, "mention", f"{label} · {ent.start}–{ent.end}")
            mention.setData((ent.start, ent.end), SPAN_ROLE)
            if ent.id is not None:
                mention.setData(ent.id, ENTITY_ID_ROLE)
                self._by_id[ent.id] = mention
            rows.append([mention, _count(f"¶ {self._paragraphs.number(ent.start)}")])
        for row in rows:
            group.appendRow(row)

    def span(self, index: QModelIndex) -> tuple[int, int] | None:
        """The code-point span a row stands for (None for a label row)."""
        value = index.siblingAtColumn(0).data(SPAN_ROLE)
        return tuple(value) if value else None  # type: ignore[return-value]

    def index_of_entity(self, entity_id: int) -> QModelIndex:
        """The mention row of an entity id, loading its group (invalid when not shown)."""
        if entity_id not in self._by_id and entity_id in self._group_of:
            self.fetchMore(self._group_items[self._group_of[entity_id]].index())
        item = self._by_id.get(entity_id)
        return item.index() if item is not None else QModelIndex()

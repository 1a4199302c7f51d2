"""The entity panel's tree: label → normal form (with its mention count) → mentions.

Grouping by normal form shows at a glance that "Путина", "Путину" and "Владимир
Путин" are one person, and how often each name occurs. Every mention row carries its
code-point span (``SPAN_ROLE``) and entity id (``ENTITY_ID_ROLE``) so a click can select
it in the document view; a group row carries the span of its first mention.

Mention rows are made when a group is expanded (``canFetchMore``/``fetchMore``): an
article with 10,000 mentions opens with a few hundred group rows, not 10,000 items.
Group and mention names are editable (F2 in the panel) but never written here: the
panel turns an edited name into a group edit, and the tree follows the committed change.
A new document rebuilds the tree (``set_entities``); an edit changes it in place
(``apply_changes``: rows inserted and removed, counts changed), so expanded groups, the
selection and the scroll position stay where the reviewer left them. Groups stay ordered
by mention count and labels as in the label set: the same tree a rebuild makes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from gui.article.paragraphs import Paragraphs
from models import Entity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models import Change, LabelSet

Index = QModelIndex | QPersistentModelIndex
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3  # "label" | "group" | "mention"
HEADERS = ["Entity", "Mentions"]


def _item(text: str, level: str, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(level != "label")  # F2 names a group or a mention (the panel commits)
    item.setData(level, LEVEL_ROLE)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _count(value: int | str) -> QStandardItem:
    item = QStandardItem(str(value))
    item.setEditable(False)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _pos(ent: Entity) -> tuple[int, int]:
    return ent.start, ent.end


def _rank(name: str, mentions: Sequence[Entity]) -> tuple[int, str]:
    """Where a group stands among its label's: most mentions first, then by name."""
    return -len(mentions), name


@dataclass
class _Group:
    """One normal form of one label: its row and its mentions in text order."""

    item: QStandardItem
    mentions: list[Entity] = field(default_factory=list)
    loaded: bool = False  # whether the mention rows exist


class EntityTreeModel(QStandardItemModel):
    """Entities of one document grouped per label and normal form."""

    def __init__(self, labels: LabelSet) -> None:
        super().__init__()
        self.labels = labels
        self._order = [lb.name for lb in labels.entities]
        self._heads: dict[str, QStandardItem] = {}
        self._groups: dict[tuple[str, str], _Group] = {}
        self._group_of: dict[int, tuple[str, str]] = {}  # entity id -> its group's key
        self._by_id: dict[int, QStandardItem] = {}  # entity id -> its mention row, if made
        self._paragraphs = Paragraphs("")
        self.setHorizontalHeaderLabels(HEADERS)

    # -- whole documents ---------------------------------------------------------------

    def set_entities(self, entities: Sequence[Entity], text: str) -> None:
        """Rebuild the tree for a document's entities (in text order)."""
        self.clear()
        self.setHorizontalHeaderLabels(HEADERS)
        self._heads, self._groups, self._group_of, self._by_id = {}, {}, {}, {}
        self._paragraphs = Paragraphs(text)
        grouped: dict[str, dict[str, list[Entity]]] = defaultdict(lambda: defaultdict(list))
        for ent in sorted(entities, key=_pos):
            grouped[ent.label][ent.normal or ent.text].append(ent)
        for label in sorted(grouped, key=self._label_rank):
            self._head(label)
            for name, mentions in sorted(grouped[label].items(), key=lambda kv: _rank(*kv)):
                group = self._new_group((label, name), mentions)
                self._tooltip_and_span((label, name), group)
            self._total(label)

    # -- edits in place ----------------------------------------------------------------

    def apply_changes(self, changes: Sequence[Change]) -> None:
        """Show one committed edit: rows removed, inserted or changed, counts updated."""
        for c in changes:
            before = c.before if isinstance(c.before, Entity) else None
            after = c.after if isinstance(c.after, Entity) else None
            if before is not None and after is not None and self._replace(before, after):
                continue
            if before is not None:
                self._remove(before)
            if after is not None:
                self._add(after)

    def _replace(self, before: Entity, after: Entity) -> bool:
        """Change a mention where it stands (same group, same place); False if it moves."""
        group = self._groups.get(self._key(before))
        if group is None or self._key(after) != self._key(before):
            return False
        i = self._find(group, before)
        if _pos(after) != _pos(before):
            return False
        group.mentions[i] = after  # a change keeps the id: the row shows the same
        return True

    def _add(self, ent: Entity) -> None:
        key = self._key(ent)
        group = self._groups.get(key)
        if group is None:  # a name's first mention: its group row, in its place
            self._new_group(key, [ent], self._row_for(key, _rank(key[1], [ent])))
            self._counted(key)
            return
        i = bisect_left(group.mentions, _pos(ent), key=_pos)
        group.mentions.insert(i, ent)
        if ent.id is not None:
            self._group_of[ent.id] = key
        if group.loaded:
            group.item.insertRow(i, self._mention_row(ent, key[0]))
        self._counted(key)

    def _remove(self, ent: Entity) -> None:
        key = self._key(ent)
        group = self._groups[key]
        i = self._find(group, ent)
        del group.mentions[i]
        if group.loaded:
            group.item.removeRow(i)
        if ent.id is not None:
            self._by_id.pop(ent.id, None)
            self._group_of.pop(ent.id, None)
        if group.mentions:
            self._counted(key)
            return
        head = self._heads[key[0]]
        head.removeRow(group.item.row())
        del self._groups[key]
        if head.rowCount():
            self._counted(key)
        else:
            self.removeRow(head.row())
            del self._heads[key[0]]

    # -- rows ----------------------------------------------------------------------------

    @staticmethod
    def _key(ent: Entity) -> tuple[str, str]:
        return ent.label, ent.normal or ent.text

    @staticmethod
    def _find(group: _Group, ent: Entity) -> int:
        i = bisect_left(group.mentions, _pos(ent), key=_pos)
        while group.mentions[i].id != ent.id:  # IndexError: not shown (a bug to see)
            i += 1
        return i

    def _head(self, label: str) -> QStandardItem:
        if label in self._heads:
            return self._heads[label]
        known = self.labels.get(label)
        head = _item(label, "label", known.description if known else "")
        head.setData(QColor(known.color if known else "#999999"), Qt.ItemDataRole.DecorationRole)
        rank = self._label_rank(label)
        row = sum(self._label_rank(other) < rank for other in self._heads)
        self.insertRow(row, [head, _count(0)])
        self._heads[label] = head
        return head

    def _label_rank(self, label: str) -> tuple[int, str]:
        return (self._order.index(label) if label in self._order else 99, label)

    def _new_group(
        self, key: tuple[str, str], mentions: list[Entity], row: int | None = None
    ) -> _Group:
        """A group row in its label at ``row`` (appended when None, as a rebuild does)."""
        group = _Group(_item(key[1], "group"), mentions)
        head = self._head(key[0])
        head.insertRow(head.rowCount() if row is None else row, [group.item, _count(len(mentions))])
        self._groups[key] = group
        self._group_of.update((e.id, key) for e in mentions if e.id is not None)
        return group

    def _row_for(
        self, key: tuple[str, str], rank: tuple[int, str], skip: _Group | None = None
    ) -> int:
        """Where a group of this rank stands among its label's other groups."""
        return sum(
            _rank(k[1], g.mentions) < rank
            for k, g in self._groups.items()
            if k[0] == key[0] and g is not skip
        )

    def _counted(self, key: tuple[str, str]) -> None:
        """After an edit: a group's count, tooltip, span and place, its label's total."""
        group = self._groups.get(key)
        if group is not None:
            self._tooltip_and_span(key, group)
            self._place(key, group)
        self._total(key[0])

    def _tooltip_and_span(self, key: tuple[str, str], group: _Group) -> None:
        group.item.setToolTip(f"{key[0]} · {len(group.mentions)} mentions")
        group.item.setData(_pos(group.mentions[0]), SPAN_ROLE)

    def _total(self, label: str) -> None:
        total = sum(len(g.mentions) for (lb, _), g in self._groups.items() if lb == label)
        self.item(self._heads[label].row(), 1).setText(str(total))

    def _place(self, key: tuple[str, str], group: _Group) -> None:
        """Keep the groups of a label in order: most mentions first, then by name."""
        head, row = self._heads[key[0]], group.item.row()
        want = self._row_for(key, _rank(key[1], group.mentions), skip=group)
        if want != row:
            head.insertRow(want, head.takeRow(row))
        head.child(want, 1).setText(str(len(group.mentions)))

    def _mention_row(self, ent: Entity, label: str) -> list[QStandardItem]:
        mention = _item(ent.text, "mention", f"{label} · {ent.start}–{ent.end}")
        mention.setData(_pos(ent), SPAN_ROLE)
        if ent.id is not None:
            mention.setData(ent.id, ENTITY_ID_ROLE)
            self._by_id[ent.id] = mention
        return [mention, _count(f"¶ {self._paragraphs.number(ent.start)}")]

    # -- mentions on demand --------------------------------------------------------------

    def _unloaded(self, parent: Index) -> _Group | None:
        if not (parent.isValid() and parent.column() == 0):
            return None
        if parent.data(LEVEL_ROLE) != "group":
            return None
        item = self.itemFromIndex(self.index(parent.row(), 0, parent.parent()))
        group = self._groups.get((item.parent().text(), item.text()))
        return group if group is not None and not group.loaded else None

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """A group has mentions before they are loaded (so it shows an expander)."""
        return self._unloaded(parent) is not None or super().hasChildren(parent)

    def canFetchMore(self, parent: Index) -> bool:
        """A group's mention rows are made on first expansion."""
        return self._unloaded(parent) is not None

    def fetchMore(self, parent: Index) -> None:
        """Make the mention rows of a group."""
        group = self._unloaded(parent)
        if group is None:
            return
        group.loaded = True
        label = group.item.parent().text()
        for ent in group.mentions:
            group.item.appendRow(self._mention_row(ent, label))

    def span_of(self, index: QModelIndex) -> tuple[int, int] | None:
        """The code-point span a row stands for (None for a label row)."""
        value = index.siblingAtColumn(0).data(SPAN_ROLE)
        return (int(value[0]), int(value[1])) if value else None

    def group_index(self, key: tuple[str, str]) -> QModelIndex:
        """The row of a ``(label, normal form)`` group (invalid when there is none)."""
        group = self._groups.get(key)
        return group.item.index() if group is not None else QModelIndex()

    def index_of_entity(self, entity_id: int) -> QModelIndex:
        """The mention row of an entity id, loading its group (invalid when not shown)."""
        key = self._group_of.get(entity_id)
        if entity_id not in self._by_id and key is not None:
            self.fetchMore(self._groups[key].item.index())
        item = self._by_id.get(entity_id)
        return item.index() if item is not None else QModelIndex()

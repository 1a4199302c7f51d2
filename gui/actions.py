"""Every annotation action with its shortcut and tooltip, grouped in one frozen dataclass.

(labelme's good idea.) The editing controller connects them, the Edit and Annotate menus
list them, and the keyboard map is generated from them, so the three never disagree.
Keys that act on the article (letters, arrows, Delete, Tab, and the Ctrl+Alt
apply/remove combinations) are attached to the document view and the side panels
(``in_view``), so typing in the document list's search box never edits; status, review
and help work window-wide.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from models import LabelSet

IN_VIEW = Qt.ShortcutContext.WidgetWithChildrenShortcut
IN_WINDOW = Qt.ShortcutContext.WindowShortcut


@dataclass(frozen=True)
class EditActions:
    """The annotation actions; ``label``/``label_exact``/``pick`` follow the label set."""

    label: tuple[QAction, ...]
    label_exact: tuple[QAction, ...]
    quote: QAction
    quote_exact: QAction
    delete: QAction
    grow_end: QAction
    shrink_end: QAction
    grow_start: QAction
    shrink_start: QAction
    confirm: QAction
    confirm_all: QAction
    next_suggestion: QAction
    previous_suggestion: QAction
    speaker: QAction
    pick: tuple[QAction, ...]
    unlink: QAction
    apply_words: QAction
    apply_forms: QAction
    apply_forms_corpus: QAction
    remove_words: QAction
    remove_forms_corpus: QAction
    done_next: QAction
    skip_next: QAction
    cancel: QAction
    review: QAction
    keymap: QAction
    keymap_in_view: QAction

    def all(self) -> list[QAction]:
        """Every action, in declaration order."""
        out: list[QAction] = []
        for f in fields(self):
            value = getattr(self, f.name)
            out += list(value) if isinstance(value, tuple) else [value]
        return out

    def in_view(self) -> list[QAction]:
        """The actions whose keys act on the article (and the panels beside it)."""
        return [a for a in self.all() if a.shortcutContext() == IN_VIEW]


def _action(
    parent: QWidget,
    text: str,
    keys: str | list[str],
    tip: str,
    context: Qt.ShortcutContext = IN_VIEW,
) -> QAction:
    action = QAction(text, parent)
    seqs = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys) if k]
    action.setShortcuts(seqs)
    action.setShortcutContext(context)
    shown = " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)
    parent.addAction(action)  # shortcuts work only on actions added to a widget
    return action


# field, menu text, keys, what it does, where the keys work ("view" or "window").
SPECS: tuple[tuple[str, str, str | list[str], str, str], ...] = (
    ("delete", "Delete span", ["Delete", "Backspace"], "Delete the selected span", "view"),
    (
        "grow_end",
        "End one word right",
        "Shift+Right",
        "Move the selected span's end one token right",
        "view",
    ),
    (
        "shrink_end",
        "End one word left",
        "Shift+Left",
        "Move the selected span's end one token left",
        "view",
    ),
    (
        "grow_start",
        "Start one word left",
        "Ctrl+Shift+Left",
        "Move the selected span's start one token left",
        "view",
    ),
    (
        "shrink_start",
        "Start one word right",
        "Ctrl+Shift+Right",
        "Move the selected span's start one token right",
        "view",
    ),
    (
        "confirm",
        "Confirm",
        ["Return", "Enter"],
        "Confirm the selected suggestion and go to the next one",
        "view",
    ),
    (
        "confirm_all",
        "Confirm all suggestions",
        ["Ctrl+Shift+Return", "A"],
        "Confirm every remaining model suggestion in this document",
        "view",
    ),
    (
        "next_suggestion",
        "Next suggestion",
        "Tab",
        "Select the next suggestion that is not yet confirmed",
        "view",
    ),
    (
        "previous_suggestion",
        "Previous suggestion",
        "Shift+Tab",
        "Select the previous suggestion that is not yet confirmed",
        "view",
    ),
    ("unlink", "Unlink speaker", "U", "Remove the selected quote's speaker", "view"),
    (
        "apply_words",
        "Apply to all (same words)",
        "Ctrl+Shift+A",
        "Label every other occurrence of these exact words in this document",
        "view",
    ),
    (
        "apply_forms",
        "Apply to all forms",
        "Ctrl+Alt+A",
        "Label every occurrence in any case ending (Путин, Путина, Путину) in this document",
        "view",
    ),
    (
        "apply_forms_corpus",
        "Apply to all forms in all documents",
        "Ctrl+Alt+Shift+A",
        "Label every occurrence in any case ending in every document",
        "view",
    ),
    (
        "remove_words",
        "Remove everywhere (same words)",
        "Ctrl+Shift+Delete",
        "Remove this label from these words everywhere in this document",
        "view",
    ),
    (
        "remove_forms_corpus",
        "Remove all forms in all documents",
        "Ctrl+Alt+Shift+Delete",
        "Remove this label from every case form in every document",
        "view",
    ),
    (
        "done_next",
        "Mark done, open next",
        "Ctrl+Return",
        "Mark this document done and open the next one not done",
        "window",
    ),
    (
        "skip_next",
        "Skip, open next",
        "Ctrl+Shift+K",
        "Mark this document skipped and open the next one not done",
        "window",
    ),
    ("cancel", "Cancel", "Escape", "Cancel picking a speaker; clear the selection", "view"),
    (
        "review",
        "Review changes…",
        "Ctrl+R",
        "Show the model's suggestions beside the current gold",
        "window",
    ),
    ("keymap", "Keyboard map", "F1", "Show every key", "window"),
    # "?" only in the article: in the list's search box it is a character to type.
    ("keymap_in_view", "Keyboard map", "?", "Show every key", "view"),
)


def _label_actions(view: QWidget, labels: LabelSet) -> dict[str, object]:
    """The actions whose keys come from the label set (resources/labels.json)."""
    a, q, sp = _action, labels.quote, labels.speaker
    return {
        "label": tuple(
            a(
                view,
                f"Label {lb.name}",
                lb.hotkey,
                f"Label the selection {lb.name} ({lb.description}), snapped to "
                f"whole words; with a span selected, relabel it",
            )
            for lb in labels.entities
        ),
        "label_exact": tuple(
            a(
                view,
                f"Label {lb.name}, exact characters",
                f"Alt+{lb.hotkey}",
                f"Label exactly the selected characters {lb.name}",
            )
            for lb in labels.entities
        ),
        "quote": a(
            view,
            "Make quote",
            q.hotkey,
            "Make the selection a quote (outer quotation marks left out)",
        ),
        "quote_exact": a(
            view,
            "Make quote, exact characters",
            f"Alt+{q.hotkey}",
            "Make exactly the selected characters a quote",
        ),
        "speaker": a(
            view,
            "Set speaker…",
            sp.hotkey,
            "With a quote selected: then click (or select) the mention that said it",
        ),
        "pick": tuple(
            a(
                view,
                f"Speaker candidate {n}",
                str(n),
                f"Make candidate {n} the selected quote's speaker",
            )
            for n in range(1, 10)
        ),
    }


def create_edit_actions(view: QWidget, window: QWidget, labels: LabelSet) -> EditActions:
    """The actions, with view-only keys on ``view`` and window-wide ones on ``window``."""
    made = _label_actions(view, labels)
    for name, text, keys, tip, where in SPECS:
        made[name] = (
            _action(view, text, keys, tip)
            if where == "view"
            else _action(window, text, keys, tip, IN_WINDOW)
        )
    return EditActions(**made)  # type: ignore[arg-type]


@dataclass(frozen=True)
class GroupActions:
    """The Entities panel's group edits; their keys work while the entity tree has focus.

    ``merge`` (on a group row) and ``move`` (on a mention row) share M: the panel
    enables one at a time, so the key never is ambiguous.
    """

    rename: QAction
    merge: QAction
    move: QAction

    def all(self) -> list[QAction]:
        """Every action, in declaration order."""
        return [getattr(self, f.name) for f in fields(self)]


GROUP_SPECS: tuple[tuple[str, str, str, str], ...] = (
    (
        "rename",
        "Rename…",
        "F2",
        "Rename the selected group: every mention takes the new normal form "
        "(on a mention row: that mention alone)",
    ),
    (
        "merge",
        "Merge into group…",
        "M",
        "Give the selected group's mentions the normal form of another group",
    ),
    (
        "move",
        "Move to group…",
        "M",
        "Move the selected mention to another group, or to a new one",
    ),
)


def create_group_actions(tree: QWidget) -> GroupActions:
    """The group actions, with keys on the entity tree itself (not on its name editor)."""
    made = {
        name: _action(tree, text, keys, tip, Qt.ShortcutContext.WidgetShortcut)
        for name, text, keys, tip in GROUP_SPECS
    }
    return GroupActions(**made)


# The Team menu (gui/team): field, menu text, keys, what it does; window-wide.
TEAM_SPECS: tuple[tuple[str, str, str, str], ...] = (
    ("agreement", "&Agreement", "Ctrl+Shift+G", "Measure how well the annotators agree"),
    ("adjudicate", "A&djudicate document", "Ctrl+Shift+J", "Settle this document's versions"),
    ("dashboard", "&Dashboard", "Ctrl+Shift+B", "Progress and quality as charts"),
)


def create_team_actions(window: QWidget) -> dict[str, QAction]:
    """The Team menu's actions by field name, their keys working window-wide."""
    return {f: _action(window, t, k, tip, IN_WINDOW) for f, t, k, tip in TEAM_SPECS}

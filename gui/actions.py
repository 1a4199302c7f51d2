"""Every annotation action with its shortcut and tooltip, grouped in one frozen dataclass.

(labelme's good idea.) The editing controller connects them, the Edit and Annotate menus
list them, and the keyboard map is generated from them, so the three never disagree.
Keys that act on the article (letters, arrows, Delete, Tab, and the Ctrl+Alt
apply/remove combinations) are attached to the document view, so typing in the
document list's search box never edits; status, review and help work window-wide.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from models.labels import LabelSet

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


def _action(parent: QWidget, text: str, keys: str | list[str], tip: str,
            context: Qt.ShortcutContext = IN_VIEW) -> QAction:
    action = QAction(text, parent)
    seqs = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys) if k]
    action.setShortcuts(seqs)
    action.setShortcutContext(context)
    shown = " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)
    parent.addAction(action)  # shortcuts work only on actions added to a widget
    return action


def create_edit_actions(view: QWidget, window: QWidget, labels: LabelSet) -> EditActions:
    """The actions, with view-only keys on ``view`` and window-wide ones on ``window``."""
    a = _action
    return EditActions(
        label=tuple(a(view, f"Label {lb.name}", lb.hotkey,
                      f"Label the selection {lb.name} ({lb.description}), snapped to whole "
                      f"words; with a span selected, relabel it") for lb in labels.entities),
        label_exact=tuple(a(view, f"Label {lb.name}, exact characters", f"Alt+{lb.hotkey}",
                            f"Label exactly the selected characters {lb.name}")
                          for lb in labels.entities),
        quote=a(view, "Make quote", labels.quote.hotkey,
                "Make the selection a quote (outer quotation marks left out)"),
        quote_exact=a(view, "Make quote, exact characters", f"Alt+{labels.quote.hotkey}",
                      "Make exactly the selected characters a quote"),
        delete=a(view, "Delete span", ["Delete", "Backspace"], "Delete the selected span"),
        grow_end=a(view, "End one word right", "Shift+Right",
                   "Move the selected span's end one token right"),
        shrink_end=a(view, "End one word left", "Shift+Left",
                     "Move the selected span's end one token left"),
        grow_start=a(view, "Start one word left", "Ctrl+Shift+Left",
                     "Move the selected span's start one token left"),
        shrink_start=a(view, "Start one word right", "Ctrl+Shift+Right",
                       "Move the selected span's start one token right"),
        confirm=a(view, "Confirm", ["Return", "Enter"], "Confirm the selected suggestion"),
        confirm_all=a(view, "Confirm all suggestions", ["Ctrl+Shift+Return", "A"],
                      "Confirm every remaining model suggestion in this document"),
        next_suggestion=a(view, "Next suggestion", "Tab",
                          "Select the next suggestion that is not yet confirmed"),
        previous_suggestion=a(view, "Previous suggestion", "Shift+Tab",
                              "Select the previous suggestion that is not yet confirmed"),
        speaker=a(view, "Set speaker…", labels.speaker.hotkey,
                  "With a quote selected: then click (or select) the mention that said it"),
        pick=tuple(a(view, f"Speaker candidate {n}", str(n),
                     f"Make candidate {n} the selected quote's speaker") for n in range(1, 10)),
        unlink=a(view, "Unlink speaker", "U", "Remove the selected quote's speaker"),
        apply_words=a(view, "Apply to all (same words)", "Ctrl+Shift+A",
                      "Label every other occurrence of these exact words in this document"),
        apply_forms=a(view, "Apply to all forms", "Ctrl+Alt+A",
                      "Label every occurrence in any case ending (Путин, Путина, Путину) "
                      "in this document"),
        apply_forms_corpus=a(view, "Apply to all forms in all documents", "Ctrl+Alt+Shift+A",
                             "Label every occurrence in any case ending in every document"),
        remove_words=a(view, "Remove everywhere (same words)", "Ctrl+Shift+Delete",
                       "Remove this label from these words everywhere in this document"),
        remove_forms_corpus=a(view, "Remove all forms in all documents",
                              "Ctrl+Alt+Shift+Delete",
                              "Remove this label from every case form in every document"),
        done_next=a(window, "Mark done, open next", "Ctrl+Return",
                    "Mark this document done and open the next one not done", IN_WINDOW),
        skip_next=a(window, "Skip, open next", "Ctrl+Shift+K",
                    "Mark this document skipped and open the next one not done", IN_WINDOW),
        cancel=a(view, "Cancel", "Escape", "Cancel picking a speaker; clear the selection"),
        review=a(window, "Review changes…", "Ctrl+R",
                 "Show the model's suggestions beside the current gold", IN_WINDOW),
        keymap=a(window, "Keyboard map", "F1", "Show every key", IN_WINDOW),
        # "?" only in the article: in the list's search box it is a character to type.
        keymap_in_view=a(view, "Keyboard map", "?", "Show every key"),
    )

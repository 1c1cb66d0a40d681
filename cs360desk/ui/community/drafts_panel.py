"""One drafted update in the drafts dialog: its text (or why there is none), its length, its
buttons; a text edited by hand is kept when the facts change, until the user rebuilds it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.update_drafts import LONG_UPDATE_WORDS, SHORT_POST_LIMIT, Draft, DraftKind
from cs360desk.i18n import N_, _, count_of, ngettext
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import button, note_label
from cs360desk.ui.common.read_only_mode import READ_ONLY_TIP
from cs360desk.ui.common.style import scaled_font


@dataclass(frozen=True)
class PanelKeys:
    """The Alt keys of one panel, distinct across the dialog: all three show side by side.

    Marked with N_(); whoever shows them translates them with _().
    """

    title: str
    copy: str
    save: str
    rebuild: str


PANEL_KEYS = {
    DraftKind.SHORT: PanelKeys(
        N_("S&hort public post"),
        N_("Co&py"),
        N_("&Save as communication…"),
        N_("&Rebuild from the facts"),
    ),
    DraftKind.LONG: PanelKeys(
        N_("&Longer public update"),
        N_("C&opy"),
        N_("Sa&ve as communication…"),
        N_("Re&build from the facts"),
    ),
    DraftKind.STAFF: PanelKeys(
        N_("St&aff briefing"),
        N_("Cop&y"),
        N_("Save as co&mmunication…"),
        N_("Rebuil&d from the facts"),
    ),
}
EMPTY = N_("The draft is empty: type one, or tick more facts below and rebuild it.")
SAVE_TIP = N_("Save this text in the Communications log: choose its channel, status and date")


def length_note(kind: DraftKind, text: str) -> tuple[str, bool]:
    """What the counter under a draft says, and whether it is a warning."""
    if kind is DraftKind.SHORT:
        count = len(text)
        over = count - SHORT_POST_LIMIT
        if over > 0:
            said = _("{count} / {limit}: over by {over}")
            return said.format(count=count, limit=SHORT_POST_LIMIT, over=over), True
        return _("{count} / {limit}").format(count=count, limit=SHORT_POST_LIMIT), False
    words = len(text.split())
    if kind is DraftKind.LONG:
        low, high = LONG_UPDATE_WORDS
        said = ngettext(
            "{n} word ({low}–{high} read best)", "{n} words ({low}–{high} read best)", words
        )
        return said.format(n=words, low=low, high=high), False
    return count_of(words, "{n} word", "{n} words"), False


class DraftPanel(QWidget):
    """`copy_requested`, `save_requested` and `rebuild_requested` carry nothing: the owner
    knows which panel it connected."""

    copy_requested = Signal()
    save_requested = Signal()
    rebuild_requested = Signal()

    def __init__(self, kind: DraftKind, *, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._read_only = read_only
        self._built: Draft | None = None
        keys = PANEL_KEYS[kind]
        self.setAccessibleName(kind.label)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(kind.label)
        self.editor.setTabChangesFocus(True)  # Tab moves on; the drafts need no tab characters
        self.editor.setPlaceholderText(_(EMPTY))
        self.heading = QLabel(_(keys.title))
        self.heading.setBuddy(self.editor)
        self.heading.setFont(scaled_font(self.heading, 1.1, bold=True))
        self.reason_label = plain_label(name="DraftReason", wrap=True)
        self.reason_label.setAccessibleName(
            _("{draft}: why there is no draft").format(draft=kind.label)
        )
        self.counter = plain_label(name="DraftCounter")
        self.counter.setAccessibleName(_("{draft} length").format(draft=kind.label))
        self.edited_note = note_label()
        self.edited_note.setAccessibleName(_("{draft}: edited by hand").format(draft=kind.label))
        self.rebuild_button = button(
            _(keys.rebuild), _("Replace the text with the draft the facts give")
        )
        self.copy_button = button(_(keys.copy), _("Copy the text to the clipboard, to paste it"))
        self.save_button = button(_(keys.save), _(READ_ONLY_TIP if read_only else SAVE_TIP))
        self._stack = QStackedWidget()
        self._stack.addWidget(self.editor)
        self._stack.addWidget(self._reason_box())
        self._build()
        self.editor.textChanged.connect(self._update)
        self.copy_button.clicked.connect(self.copy_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.rebuild_button.clicked.connect(self.rebuild_requested)
        self._update()

    def _reason_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("DraftReasonBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 12, 14, 12)
        title = plain_label(_("No draft"), name="DraftReasonTitle")
        title.setFont(scaled_font(title, 1.0, bold=True))
        layout.addWidget(title)
        layout.addWidget(self.reason_label)
        layout.addStretch(1)
        return box

    def _build(self) -> None:
        edited = QHBoxLayout()
        edited.setContentsMargins(0, 0, 0, 0)
        edited.addWidget(self.edited_note, 1)
        edited.addWidget(self.rebuild_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.counter, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self._stack, 1)
        layout.addLayout(edited)
        layout.addLayout(buttons)

    # What is shown ---------------------------------------------------------------------

    @property
    def text(self) -> str | None:
        """The text as it stands (edited or not); None while the panel shows a reason."""
        return self.editor.toPlainText() if self.shows_text else None

    @property
    def shows_text(self) -> bool:
        return self._stack.currentWidget() is self.editor

    @property
    def built(self) -> Draft | None:
        return self._built

    @property
    def edited(self) -> bool:
        """The text differs from the draft the facts give."""
        if not self.shows_text or self._built is None:
            return False
        return self.editor.toPlainText() != (self._built.text or "")

    def show_draft(self, draft: Draft) -> None:
        """The facts' draft, unless the user's own edit of the text is on show."""
        keep = self.edited
        self._built = draft
        if not keep:
            self._show_built()
        self._update()

    def reset(self) -> None:
        """Empty, while the drafts of another initiative or period load."""
        self._built = None
        self._stack.setCurrentWidget(self.editor)
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.editor.setPlaceholderText(_("Loading…"))
        self._update()

    def rebuild(self) -> None:
        self._show_built()
        self._update()

    def _show_built(self) -> None:
        draft = self._built
        if draft is None or draft.text is None:
            self.reason_label.setText(draft.reason if draft else "")
            self._stack.setCurrentIndex(1)
            self.editor.blockSignals(True)
            self.editor.clear()
            self.editor.blockSignals(False)
            return
        self._stack.setCurrentWidget(self.editor)
        self.editor.setPlaceholderText(_(EMPTY))
        if self.editor.toPlainText() != draft.text:
            self.editor.blockSignals(True)
            self.editor.setPlainText(draft.text)
            self.editor.blockSignals(False)

    def _update(self) -> None:
        text = self.text
        has_text = bool(text and text.strip())
        self.copy_button.setEnabled(has_text)
        self.save_button.setEnabled(has_text and not self._read_only)
        if text is None:
            self._set_counter("", False)
        else:
            self._set_counter(*length_note(self.kind, text))
        edited = self.edited
        self.edited_note.setVisible(edited)
        self.rebuild_button.setVisible(edited)
        if edited:
            built = self._built
            if built is not None and built.text is None:
                note = _(
                    "Edited by hand: kept as you wrote it. The facts now give no draft: {reason}"
                ).format(reason=built.reason)
            else:
                note = _("Edited by hand: kept as you wrote it.")
            self.edited_note.setText(note)

    def _set_counter(self, text: str, warning: bool) -> None:
        self.counter.setText(f"▲ {text}" if warning else text)
        self.counter.setProperty("warning", warning)
        self.counter.style().unpolish(self.counter)
        self.counter.style().polish(self.counter)

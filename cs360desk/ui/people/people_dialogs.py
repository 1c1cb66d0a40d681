"""Asking whom a departing person's open work goes to before they are deleted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.people_views import PersonChoice
from cs360desk.i18n import _, ngettext
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.style import apply_style
from cs360desk.ui.people.people_models import name_key


class HandOverDialog(QDialog):
    """A picker of who takes over; `ask()` is what callers (and tests, replacing it) use."""

    def __init__(
        self,
        people: Sequence[PersonChoice],
        name: str,
        count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = _("Delete {name}").format(name=name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        apply_style(self)
        self.setMinimumWidth(460)
        if count:
            text = ngettext(
                "{name} owns {n} open action item. Everything that names them as owner, lead, "
                "champion or sponsor moves to the person you choose, then they are deleted.",
                "{name} owns {n} open action items. Everything that names them as owner, lead, "
                "champion or sponsor moves to the person you choose, then they are deleted.",
                count,
            ).format(name=name, n=count)
        else:
            text = _(
                "{name} is named on records. Everything that names them as owner, lead, "
                "champion or sponsor moves to the person you choose, then they are deleted."
            ).format(name=name)
        intro = plain_label(text, wrap=True)
        self.person_box = QComboBox()
        self.person_box.setAccessibleName(_("Hand over to"))
        for person in sorted(people, key=lambda p: name_key(p.full_name)):
            shown = (
                person.full_name
                if person.active
                else _("{name} (inactive)").format(name=person.full_name)
            )
            self.person_box.addItem(shown, person.id)
        label = QLabel(_("&Hand over to:"))
        label.setBuddy(self.person_box)
        form = QFormLayout()
        form.addRow(label, self.person_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._buttons(bool(people)))

    def _buttons(self, can_hand_over: bool) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(
            _("Hand over and &delete"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(_("Hand over and delete"))
        self.ok_button.setEnabled(can_hand_over)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    @property
    def chosen(self) -> int | None:
        data = self.person_box.currentData()
        return int(data) if data is not None else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, people: Sequence[PersonChoice], name: str, count: int
    ) -> int | None:
        """The id of who takes over, or None when the user cancels."""
        dialog = cls(people, name, count, parent)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None

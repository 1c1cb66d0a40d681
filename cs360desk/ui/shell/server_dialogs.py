"""Shared workspaces on a server: File → Open shared workspace…, and the password prompt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import N_, _
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import note_label

DEFAULT_PORT = 5432
FIELD_WIDTH = 320
PASSWORD_REFUSED = N_("The server refused this password. Type it again.")
PASSWORD_ASKED = N_("The server asks for a password.")


@dataclass(frozen=True)
class PasswordAnswer:
    password: str
    remember: bool


@dataclass(frozen=True)
class SharedWorkspaceRequest:
    """What the Open shared workspace dialog was filled in with."""

    location: WorkspaceLocation  # never with a password in it
    password: str
    remember: bool
    acting_user: str  # empty: the changes are recorded as made by the database role


def server_location(host: str, port: int, database: str, user: str) -> WorkspaceLocation:
    """postgresql://user@host:port/database, each part quoted as a URL needs it."""
    host = host.strip()
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    user_part = f"{quote(user.strip(), safe='')}@" if user.strip() else ""
    url = f"postgresql://{user_part}{shown_host}:{port}/{quote(database.strip(), safe='')}"
    return WorkspaceLocation.parse(url)


def _remember_box(keychain_problem: str | None) -> QCheckBox:
    remember = QCheckBox(_("&Remember on this computer"))
    remember.setToolTip(_("Keep the password in this computer's keychain"))
    if keychain_problem:  # said beside it, and never ticked for nothing
        remember.setEnabled(False)
    return remember


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(_("Password"))
    field.setMinimumWidth(FIELD_WIDTH)
    return field


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


class PasswordPrompt(QDialog):
    """The password a server asks for as the app opens it; tests replace `ask`."""

    def __init__(
        self,
        location: WorkspaceLocation,
        *,
        refused: bool,
        keychain_problem: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Password"))
        self.setAccessibleName(_("Password for the shared workspace"))
        where = note_label(
            _("Password for the shared workspace {location}:").format(location=location.describe())
        )
        self.problem_label = note_label(_(PASSWORD_REFUSED) if refused else _(PASSWORD_ASKED))
        self.password_edit = _password_field()
        self.remember_box = _remember_box(keychain_problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.problem_label)
        form = QFormLayout()
        form.addRow(_buddy(_("&Password:"), self.password_edit), self.password_edit)
        form.addRow("", self.remember_box)
        layout.addLayout(form)
        if keychain_problem:
            layout.addWidget(note_label(keychain_problem))
        layout.addWidget(buttons)

    def answer(self) -> PasswordAnswer:
        return PasswordAnswer(self.password_edit.text(), self.remember_box.isChecked())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        location: WorkspaceLocation,
        *,
        refused: bool,
        keychain_problem: str | None,
    ) -> PasswordAnswer | None:
        prompt = cls(location, refused=refused, keychain_problem=keychain_problem, parent=parent)
        return prompt.answer() if prompt.exec() == QDialog.DialogCode.Accepted else None


class SharedWorkspaceDialog(QDialog):
    """Host, port, database, user and password of a shared workspace; OK opens it through
    `opener`, and a failure is said here, the dialog left open for another try.

    `workspace_opened` carries what `opener` returned and the request it was opened by."""

    workspace_opened = Signal(object, object)

    def __init__(
        self,
        opener: Callable[[SharedWorkspaceRequest], object],
        *,
        current: WorkspaceLocation | None = None,
        keychain_problem: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Open shared workspace"))
        self.setAccessibleName(_("Open shared workspace"))
        self._opener = opener
        self.opened: object | None = None
        self.host_edit = self._line(_("Host"), _("for example db.agency.local"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setAccessibleName(_("Port"))
        self.port_spin.setMaximumWidth(110)
        self.database_edit = self._line(_("Database"), "")
        self.user_edit = self._line(_("User"), _("the role on the server"))
        self.acting_user_edit = self._line(
            _("Your name in the History"), _("optional: else the user above")
        )
        self.acting_user_edit.setToolTip(
            _(
                "The name the History shows for each change you make, when several people "
                "share one user on the server."
            )
        )
        self.password_edit = _password_field()
        self.password_edit.setPlaceholderText(_("none, or the one remembered"))
        self.remember_box = _remember_box(keychain_problem)
        self.keychain_label = note_label(keychain_problem or "")
        self.keychain_label.setVisible(bool(keychain_problem))
        self.message_label = plain_label(name="FieldError", wrap=True)  # style.py colours it
        self.message_label.setAccessibleName(_("Why it did not open"))
        self.message_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Open"))
        self.buttons.accepted.connect(self._on_open)
        self.buttons.rejected.connect(self.reject)
        for field in (self.host_edit, self.database_edit, self.user_edit):
            field.textChanged.connect(self._on_changed)
        self._build_layout()
        if current is not None and not current.is_file:
            self._fill_from(current)
        self._on_changed()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        field.setMinimumWidth(FIELD_WIDTH)
        return field

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_buddy(_("&Host:"), self.host_edit), self.host_edit)
        form.addRow(_buddy(_("Po&rt:"), self.port_spin), self.port_spin)
        form.addRow(_buddy(_("&Database:"), self.database_edit), self.database_edit)
        form.addRow(_buddy(_("&User:"), self.user_edit), self.user_edit)
        acting = _buddy(_("Your &name in the History:"), self.acting_user_edit)
        form.addRow(acting, self.acting_user_edit)
        form.addRow(_buddy(_("&Password:"), self.password_edit), self.password_edit)
        form.addRow("", self.remember_box)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                _(
                    "A shared workspace lives on a PostgreSQL server, where several people "
                    "work in it at once."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.keychain_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _fill_from(self, location: WorkspaceLocation) -> None:
        parts = urlsplit(location.describe())
        self.host_edit.setText(parts.hostname or "")
        self.port_spin.setValue(parts.port or DEFAULT_PORT)
        self.database_edit.setText(unquote(parts.path.lstrip("/")))
        self.user_edit.setText(unquote(parts.username or ""))

    def request(self) -> SharedWorkspaceRequest:
        location = server_location(
            self.host_edit.text(),
            self.port_spin.value(),
            self.database_edit.text(),
            self.user_edit.text(),
        )
        return SharedWorkspaceRequest(
            location,
            self.password_edit.text(),
            self.remember_box.isChecked(),
            self.acting_user_edit.text().strip(),
        )

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # Slots -----------------------------------------------------------------------------

    def _on_changed(self, *_args: object) -> None:
        filled = all(
            field.text().strip() for field in (self.host_edit, self.database_edit, self.user_edit)
        )
        self.ok_button.setEnabled(filled)

    def _on_open(self) -> None:
        self.show_message("")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            request = self.request()
            self.opened = self._opener(request)
        except (WorkspaceError, OSError) as error:
            self.show_message(_("The shared workspace was not opened: {error}").format(error=error))
            self.password_edit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()  # closed first: what follows may replace the window it belongs to
        self.workspace_opened.emit(self.opened, request)

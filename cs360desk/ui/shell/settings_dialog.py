"""Edit → Settings…: the agency's settings, loaded and saved on the worker as one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QWidget

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import NotFoundError, UserFacingError, ValidationError, field_label
from cs360desk.domain.records import AgencyRecord
from cs360desk.i18n import N_, _, pgettext, ui_language
from cs360desk.services.agency_settings import agency_settings, save_agency_settings
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.read_only_mode import READ_ONLY_TIP, ReadOnlyGuard, keeps_working
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.settings import choose_language, chosen_language
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.shell.logo_file import LogoFiles, logo_from_file
from cs360desk.ui.shell.settings_dialog_view import LOCAL_ZONE_TEXT, SettingsView

NO_AGENCY = N_("This workspace has no agency yet. Set it up first: File → Set up this workspace…")
# Identifiers, not prose: spaces around them are never meant.
_TRIMMED = ("post_hashtag", "post_link")


def setting_name(field: str) -> str:
    """A setting as the status bar names it once saved: "post hashtag", "time zone"."""
    names = {
        "name": pgettext("setting", "name"),
        "jurisdiction": pgettext("setting", "jurisdiction"),
        "chief_name": pgettext("setting", "chief name"),
        "paper_size": pgettext("setting", "paper size"),
        "public_language": pgettext("setting", "language of printouts"),
        "post_hashtag": pgettext("setting", "post hashtag"),
        "post_link": pgettext("setting", "post link"),
        "public_update_days": pgettext("setting", "public update days"),
        "staff_update_days": pgettext("setting", "staff update days"),
        "meeting_grace_days": pgettext("setting", "meeting grace days"),
        "stage_stale_days": pgettext("setting", "stage stale days"),
        "recommendation_wait_days": pgettext("setting", "recommendation wait days"),
        "time_zone": pgettext("setting", "time zone"),
        "logo": pgettext("setting", "logo"),
    }
    return names.get(field) or field_label(field)


class SettingsDialog(SettingsView):
    """`saved` fires with the AgencyRecord once the changes are in the workspace.

    Made once per window and shown again with `reopen()`, which reloads what is stored: what
    was typed and then cancelled is gone.
    """

    saved = Signal(object)

    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._stored: AgencyRecord | None = None
        self._logo: bytes | None = None
        self._request = 0
        self._saving = False
        self._language_shown: object = None
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.choose_logo_button.clicked.connect(self._on_choose_logo)
        self.remove_logo_button.clicked.connect(self._on_remove_logo)
        if context.read_only:
            keeps_working(self.cancel_button)
            self.show_read_only(
                _("{read_only} The settings are shown but cannot be changed.").format(
                    read_only=_(READ_ONLY_TIP)
                )
            )
            self._guard = ReadOnlyGuard(self)

    @property
    def busy(self) -> bool:
        return self._stored is None or self._saving

    def reopen(self) -> None:
        """Show the dialog with the settings as stored now."""
        self._request += 1
        request = self._request
        self._stored = None
        self.clear_errors()
        self.ok_button.setEnabled(False)
        self._show_language()
        self._context.runner.run(
            agency_settings,
            on_success=lambda record: self._on_loaded(request, record),
            on_failure=lambda error: self._on_load_failed(request, error),
        )
        self.open()
        self.fit_height()

    def _on_loaded(self, request: int, record: AgencyRecord) -> None:
        if request != self._request:  # an older load, overtaken by this opening's own
            return
        self._stored = record
        self.fields.load({name: getattr(record, name) for name in self.fields.rows})
        self.set_time_zone(record.time_zone)
        found = self.public_language.findData(record.public_language)
        self.public_language.setCurrentIndex(max(found, 0))
        self._set_logo(record.logo)
        self.ok_button.setEnabled(True)
        self.fields.focus("name")

    def _on_load_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(error, NotFoundError):
            self.show_general_error(_(NO_AGENCY))
        else:
            self._context.runner.report_failure(error)

    def _show_language(self) -> None:
        """The language chosen on this computer, or the one the screens speak now."""
        shown = chosen_language(self._context.settings) or ui_language()
        index = self.language.findData(shown)
        self.language.setCurrentIndex(index if index >= 0 else 0)
        self._language_shown = self.language.currentData()

    def language_value(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        # A preference of this computer, not an edit of the workspace: nothing to undo.
        if self.language_value() != self._language_shown:
            choose_language(self._context.settings, self.language_value())
            self._language_shown = self.language_value()
        super().accept()

    def set_time_zone(self, name: str) -> None:
        index = self.time_zone.findData(name) if name else 0
        if index >= 0:
            self.time_zone.setCurrentIndex(index)
        else:  # a zone this computer does not list: shown as stored, checked when saved
            self.time_zone.setEditText(name)

    def time_zone_value(self) -> str:
        text = self.time_zone.currentText().strip()
        if text in ("", LOCAL_ZONE_TEXT, _(LOCAL_ZONE_TEXT)):
            return ""
        index = self.time_zone.findText(text, Qt.MatchFlag.MatchFixedString)  # any letter case
        found = self.time_zone.itemData(index) if index >= 0 else None
        return str(found) if found is not None else text

    def changes(self) -> dict[str, Any]:
        """What differs from the stored settings, as the service takes it."""
        stored = self._stored
        if stored is None:
            return {}
        values = self.fields.values()
        for name in _TRIMMED:
            values[name] = values[name].strip()
        values["time_zone"] = self.time_zone_value()
        values["public_language"] = str(self.public_language.currentData())
        values["logo"] = self._logo
        return {name: value for name, value in values.items() if value != getattr(stored, name)}

    def _on_ok(self) -> None:
        if self.busy:
            return
        self.clear_errors()
        changes = self.changes()
        if not changes:
            self.accept()
            return
        said = _("Saved: {fields}.").format(fields=", ".join(map(setting_name, changes)))
        self._set_saving(True)

        def job(session: WorkSession) -> tuple[AgencyRecord, Edit]:
            return save_agency_settings(session, **changes)

        self._writer.write(
            job,
            on_saved=lambda record: self._on_saved(record, said),
            on_failed=self._on_save_failed,
        )

    def _on_saved(self, record: AgencyRecord, said: str) -> None:
        self._set_saving(False)
        self._stored = record
        self.saved.emit(record)
        # After `saved`: a window reloading its overview would otherwise say "Loading…" last.
        self._context.show_status(said)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if not isinstance(error, UserFacingError):
            self._context.runner.report_failure(error)
            return
        said = _("Not saved: {error}").format(error=error)
        self._context.show_status(said)
        if isinstance(error, ValidationError) and error.field in self.rows:
            self.show_field_error(error.field, error.problem)
            self._focus(error.field)
        else:
            self.show_general_error(said)

    def _focus(self, field: str) -> None:
        if field == "time_zone":
            self.time_zone.setFocus(Qt.FocusReason.OtherFocusReason)
            editor = self.time_zone.lineEdit()
            if editor is not None:
                editor.selectAll()
        elif field == "logo":
            self.choose_logo_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.fields.focus(field)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.ok_button.setEnabled(not saving)
        self.ok_button.setText(_("Saving…") if saving else _("OK"))

    def reject(self) -> None:
        if self._saving:  # the save finishes either way; its outcome is shown here
            return
        super().reject()

    def _on_choose_logo(self) -> None:
        pictures = QStandardPaths.StandardLocation.PicturesLocation
        path = LogoFiles.choose(self, QStandardPaths.writableLocation(pictures))
        if path is not None:
            self.use_logo_file(path)

    def use_logo_file(self, path: Path) -> bool:
        """Take the file as the new logo (saved with OK), or say why not; True when taken."""
        found = logo_from_file(path)
        if isinstance(found, str):
            LogoFiles.refuse(self, path, found)
            return False
        self.rows["logo"].clear_error()
        self._set_logo(found)
        return True

    def _on_remove_logo(self) -> None:
        self._set_logo(None)
        self.choose_logo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data
        self.show_logo(data)

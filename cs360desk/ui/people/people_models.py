"""Table models of the People page: the people list and one person's team seats."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from cs360desk.domain.enums import NC_
from cs360desk.domain.people_views import PersonRow, TeamSeat
from cs360desk.i18n import N_, _
from cs360desk.ui.common.table_models import Column, DtoTableModel

R = TypeVar("R")


def name_key(text: str) -> tuple[str, str]:
    """Sorts "Óscar" with the O's and "Đức" with the D's, as a reader expects."""
    plain = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    letters = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return letters.casefold(), text


class KeyedTableModel(DtoTableModel[R]):
    """A DTO table whose rows carry a record id, so one row can be found and replaced."""

    def __init__(
        self, columns: Sequence[Column[R]], key: Callable[[R], int], parent: QObject | None = None
    ) -> None:
        super().__init__(columns, parent)
        self._key = key

    def row_of(self, record_id: int | None) -> int:
        """Position of the record's row, -1 when it is not listed."""
        for position in range(self.rowCount()):
            if self._key(self.row_at(position)) == record_id:
                return position
        return -1

    def id_at(self, row: int) -> int:
        return self._key(self.row_at(row))

    def replace(self, new_row: R) -> None:
        """Show a changed record in place, keeping selection and sort position."""
        position = self.row_of(self._key(new_row))
        if position < 0:
            return
        self._rows[position] = new_row
        first, last = self.index(position, 0), self.index(position, self.columnCount() - 1)
        self.dataChanged.emit(first, last)


class PersonTableModel(KeyedTableModel[PersonRow]):
    """Name, title, organization, affiliation, teams and contact; private contacts hidden."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(N_("Name"), _name, lambda r: name_key(r.person.full_name)),
                Column(NC_("job title", "Title"), lambda r: r.person.title),
                Column(N_("Organization"), lambda r: r.organization_name),
                Column(N_("Affiliation"), lambda r: r.person.affiliation.label),
                Column(N_("Teams"), lambda r: ", ".join(r.team_names)),
                Column(N_("Phone"), lambda r: r.shown_phone),
                Column(N_("E-mail"), lambda r: r.shown_email),
            ),
            lambda r: r.person.id,
            parent,
        )

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            valid = self.checkIndex(index, QAbstractItemModel.CheckIndexOption.IndexIsValid)
            if valid and not self.row_at(index.row()).person.active:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        return super().data(index, role)


def _name(row: PersonRow) -> str:
    # Inactive people are told by a word, not by the grey text alone.
    if row.person.active:
        return row.person.full_name
    return _("{name} (inactive)").format(name=row.person.full_name)


class SeatTableModel(KeyedTableModel[TeamSeat]):
    """The teams one person sits on now, with their role."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(N_("Team"), lambda s: s.team_name, lambda s: name_key(s.team_name)),
                Column(N_("Role"), lambda s: s.membership.role.label),
            ),
            lambda s: s.membership.team_id,
            parent,
        )

"""Table models of the Teams page: the initiative's teams, and one team's members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from cs360desk.domain.enums import MemberRole
from cs360desk.domain.people_views import TeamRow
from cs360desk.domain.views import MemberLine
from cs360desk.i18n import N_, _
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.table_models import Column
from cs360desk.ui.people.people_models import KeyedTableModel, name_key

AnyIndex = QModelIndex | QPersistentModelIndex
ROLE_COLUMN = 1


class TeamTableModel(KeyedTableModel[TeamRow]):
    """Name, kind, meeting cadence and current member count of each team."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(N_("Name"), lambda r: r.team.name, lambda r: name_key(r.team.name)),
                Column(N_("Kind"), lambda r: r.team.kind.label),
                Column(N_("Meets"), lambda r: r.team.cadence.label, lambda r: r.team.cadence.days),
                Column(
                    N_("Members"), lambda r: str(r.member_count), lambda r: r.member_count, True
                ),
            ),
            lambda r: r.team.id,
            parent,
        )


class MemberTableModel(KeyedTableModel[MemberLine]):
    """Name, role and joining date of each current member; the role is chosen in place.

    Choosing a role does not change the row: `role_chosen` asks the controller to save it,
    and the saved roster then comes back as new rows.
    """

    role_chosen = Signal(int, object)  # membership id, MemberRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(N_("Name"), lambda r: r.person.full_name, _name_key),
                Column(
                    N_("Role"),
                    lambda r: r.membership.role.label,
                    lambda r: list(MemberRole).index(r.membership.role),
                ),
                Column(
                    N_("Joined on"),
                    lambda r: format_date(r.membership.joined_on),
                    lambda r: r.membership.joined_on,
                ),
            ),
            lambda r: r.membership.id,
            parent,
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.column() == ROLE_COLUMN:
            if self.checkIndex(index, QAbstractItemModel.CheckIndexOption.IndexIsValid):
                return self.row_at(index.row()).membership.role
            return None
        return super().data(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ROLE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        valid = self.checkIndex(index, QAbstractItemModel.CheckIndexOption.IndexIsValid)
        if not valid or index.column() != ROLE_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        line = self.row_at(index.row())
        if not isinstance(value, MemberRole) or value is line.membership.role:
            return False
        self.role_chosen.emit(line.membership.id, value)
        return True


def _name_key(line: MemberLine) -> tuple[str, str]:
    return name_key(line.person.full_name)


def role_of(index: AnyIndex) -> str:
    """What screen readers call the list of roles in a member's row: "Role of María López"."""
    return _("Role of {name}").format(name=index.model().index(index.row(), 0).data())

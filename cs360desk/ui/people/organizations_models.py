"""Table models of the Community map: the organizations and the people of one of them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from cs360desk.domain.people_views import OrganizationRow, PersonChoice
from cs360desk.i18n import N_, _
from cs360desk.ui.common.table_models import Column
from cs360desk.ui.people.people_models import KeyedTableModel, name_key


class OrganizationTableModel(KeyedTableModel[OrganizationRow]):
    """Name, sector, internal or external, engagement and how many people are listed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    N_("Name"),
                    lambda r: r.organization.name,
                    lambda r: name_key(r.organization.name),
                ),
                Column(N_("Sector"), lambda r: r.organization.sector),
                Column(N_("Internal/external"), lambda r: r.organization.scope.label),
                Column(
                    N_("Engagement"),
                    lambda r: r.organization.engagement.label,
                    # Sorted from champion to unknown, the order of the scale.
                    lambda r: list(type(r.organization.engagement)).index(
                        r.organization.engagement
                    ),
                ),
                Column(N_("People"), lambda r: str(r.people_count), lambda r: r.people_count, True),
            ),
            lambda r: r.organization.id,
            parent,
        )


class MemberNameTableModel(KeyedTableModel[PersonChoice]):
    """The people listed under one organization."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    N_("Name"),
                    lambda p: (
                        p.full_name if p.active else _("{name} (inactive)").format(name=p.full_name)
                    ),
                    lambda p: name_key(p.full_name),
                ),
            ),
            lambda p: p.id,
            parent,
        )

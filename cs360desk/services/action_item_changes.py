"""Undoable writes of the action items section: one item, or many as a single edit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.views import ActionItemRow
from cs360desk.i18n import _, ngettext
from cs360desk.services import edits
from cs360desk.services.action_items import action_item_row
from cs360desk.services.catalog import ACTION_ITEM


def create_action_item(
    session: Session, *, today: date, **values: Any
) -> tuple[ActionItemRow, Edit]:
    record, edit = edits.create(session, ACTION_ITEM, **values)
    return action_item_row(session, record.id, today=today), edit


def change_action_item(
    session: Session,
    item_id: int,
    *,
    today: date,
    expected_version: int | None = None,
    **changes: Any,
) -> tuple[ActionItemRow, Edit]:
    """Save one change; ConflictError when someone saved the item since ``expected_version``."""
    _record, edit = edits.update(
        session, ACTION_ITEM, item_id, expected_version=expected_version, **changes
    )
    return action_item_row(session, item_id, today=today), edit


def change_action_items(session: Session, item_ids: Sequence[int], **changes: Any) -> Edit:
    """The same change to every item, undone as one; nothing is saved if one item refuses."""
    ids = _distinct(item_ids)
    done = [edits.update(session, ACTION_ITEM, item_id, **changes)[1] for item_id in ids]
    count = len(ids)
    label = ngettext(
        "Change action item ({fields})", "Change {n} action items ({fields})", count
    ).format(n=count, fields=edits.changed_fields(changes))
    return combine(label, *done)


def delete_action_items(session: Session, item_ids: Sequence[int]) -> Edit:
    """Delete every item (and its progress notes), undone as one."""
    ids = _distinct(item_ids)
    done = [edits.delete(session, ACTION_ITEM, item_id) for item_id in ids]
    count = len(ids)
    label = ngettext("Delete action item", "Delete {n} action items", count).format(n=count)
    return combine(label, *done)


def _distinct(item_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise ValidationError("id", _("select at least one action item"))
    return ids

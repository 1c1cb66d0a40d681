"""Action item text search: letter case in every script, and a search copy no write leaves stale."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.workspace import open_workspace
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.text_search import folded
from cs360desk.domain.tracker import ACTION_ITEMS
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services import edits
from cs360desk.services.action_items import action_item_page, count_action_items
from cs360desk.services.catalog import ACTION_ITEM
from cs360desk.services.sample_agency import generate_sample_agency
from cs360desk.services.tracker_import import apply_tracker_import
from tests.tracker_support import TODAY, edit_workbook, exported_copy, parse, row_of, sample_copy

if TYPE_CHECKING:
    from conftest import Builders


def found(session: Session, text: str) -> list[str]:
    where = ActionItemFilter(text=text)
    page = action_item_page(session, where, today=TODAY, sort="title", limit=1000)
    assert page.total == len(page.rows) == count_action_items(session, where, today=TODAY)
    return [row.item.title for row in page.rows]


def assert_search_copy_is_current(session: Session) -> None:
    """Every item, and nothing else, has its folded title and details in the search table."""
    items = session.execute(select(m.ActionItem.id, m.ActionItem.title, m.ActionItem.details))
    wanted = {item_id: (folded(title), folded(details)) for item_id, title, details in items}
    search = m.action_item_search
    stored = {row.id: (row.title, row.details) for row in session.execute(select(search))}
    assert stored == wanted


TITLES = (
    "Écrire au maire",
    "E\u0301lections: call the clerk",  # "É" typed as "E" and a combining accent
    "Gặp ông Nguyễn Đức ở chợ",
    "Reunión con JOSÉ sobre el AÑO nuevo",
    "Straße lights survey",
    "Καθαρισμός της ΟΔΟΥ",
    "Jose's list",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("écrire", ["Écrire au maire"]),
        ("ÉCRIRE", ["Écrire au maire"]),
        ("E\u0301CRIRE", ["Écrire au maire"]),
        ("élections", ["E\u0301lections: call the clerk"]),
        ("nguyễn đức", ["Gặp ông Nguyễn Đức ở chợ"]),
        ("NGUYỄN ĐỨC", ["Gặp ông Nguyễn Đức ở chợ"]),
        ("josé", ["Jose's list", "Reunión con JOSÉ sobre el AÑO nuevo"]),
        ("año", ["Reunión con JOSÉ sobre el AÑO nuevo"]),
        # Accents are set aside: "jose" finds "JOSÉ", as "nunez" finds "Núñez".
        ("jose", ["Jose's list", "Reunión con JOSÉ sobre el AÑO nuevo"]),
        ("nguyen", ["Gặp ông Nguyễn Đức ở chợ"]),
        ("ano nuevo", ["Reunión con JOSÉ sobre el AÑO nuevo"]),
        ("STRASSE", ["Straße lights survey"]),
        ("οδου", ["Καθαρισμός της ΟΔΟΥ"]),
        ("ΚΑΘΑΡΙΣΜΌΣ", ["Καθαρισμός της ΟΔΟΥ"]),  # final and medial sigma alike
        ("ÉLECTIONS", ["E\u0301lections: call the clerk"]),
    ],
)
def test_letter_case_and_composition_never_hide_an_item(
    build: Builders, text: str, expected: list[str]
) -> None:
    initiative = build.basics().initiative.id
    for title in TITLES:
        build.action_item(initiative, title=title)
    assert found(build.session, text) == expected


def test_details_are_searched_but_a_match_never_spans_title_and_details(build: Builders) -> None:
    initiative = build.basics().initiative.id
    build.action_item(initiative, title="Walk", details="Meet at the ÉGLISE first")
    assert found(build.session, "église") == ["Walk"]
    assert found(build.session, "walkmeet") == []
    assert found(build.session, "walk\nmeet") == []


def test_the_search_copy_follows_edits_and_deletes(build: Builders) -> None:
    initiative = build.basics().initiative.id
    item = build.action_item(initiative, title="Call the LANDLORD", details="unit 4B")
    kept = build.action_item(initiative, title="Print flyers")
    assert found(build.session, "landlord") == ["Call the LANDLORD"]
    ACTION_ITEM.update(build.session, item.id, title="Visit the tenant", details="Ñandú street")
    assert found(build.session, "landlord") == []
    assert found(build.session, "ÑANDÚ") == ["Visit the tenant"]
    ACTION_ITEM.update(build.session, kept.id, status="done")  # no text changed
    assert found(build.session, "flyers") == ["Print flyers"]
    ACTION_ITEM.delete(build.session, item.id)
    assert found(build.session, "tenant") == []
    assert_search_copy_is_current(build.session)


def test_undo_and_redo_keep_the_search_copy(build: Builders) -> None:
    initiative = build.basics().initiative.id
    item = build.action_item(initiative, title="Gặp ông Đức")
    _record, renamed = edits.update(build.session, ACTION_ITEM, item.id, title="Call Mrs. Hoa")
    assert found(build.session, "đức") == []
    edits.undo(build.session, renamed)
    assert found(build.session, "ĐỨC") == ["Gặp ông Đức"]
    edits.redo(build.session, renamed)
    assert found(build.session, "hoa") == ["Call Mrs. Hoa"]
    removed = edits.delete(build.session, ACTION_ITEM, item.id)
    assert found(build.session, "hoa") == []
    edits.undo(build.session, removed)
    assert found(build.session, "HOA") == ["Call Mrs. Hoa"]
    assert_search_copy_is_current(build.session)


def test_core_statements_keep_the_search_copy(build: Builders) -> None:
    """Bulk writes that skip the ORM are kept right by the database's triggers too."""
    initiative = build.basics().initiative.id
    item = build.action_item(initiative, title="Old title")
    session, table = build.session, m.ActionItem.__table__
    session.execute(update(table).where(table.c.id == item.id).values(details="NUEVO AÑO"))
    session.execute(update(table).where(table.c.id == item.id).values(id=item.id + 100))
    row = ACTION_ITEM.get(session, item.id + 100)
    stamp = row.updated_at
    values: dict[str, Any] = {
        "initiative_id": initiative, "title": "Bulk ÉCRIT", "details": "",
        "status": ActionStatus.OPEN, "priority": Priority.LOW,
        "created_at": stamp, "updated_at": stamp, "version": 1,
    }  # fmt: skip
    session.execute(insert(table), [values])
    assert found(session, "año") == ["Old title"]
    assert found(session, "écrit") == ["Bulk ÉCRIT"]
    session.execute(delete(table).where(table.c.title == "Bulk ÉCRIT"))
    assert found(session, "écrit") == []
    assert_search_copy_is_current(session)


def test_the_sample_agencys_bulk_rows_are_all_searchable(tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path / "sample.cs360")
    try:
        with workspace.session_factory.begin() as session:
            generate_sample_agency(session, size="small", seed=3, today=date(2026, 3, 16))
        with workspace.session_factory.begin() as session:
            assert_search_copy_is_current(session)
            assert session.scalar(select(m.ActionItem.id).limit(1)) is not None
    finally:
        workspace.close()


def test_a_tracker_import_keeps_the_search_copy(tmp_path: Path) -> None:
    workspace = open_workspace(sample_copy(tmp_path))
    try:
        exported = exported_copy(tmp_path)
        with workspace.session_factory.begin() as session:
            first = session.scalars(select(m.ActionItem.id).order_by(m.ActionItem.id)).first()

        def as_a_member(workbook: Any) -> None:
            sheet = workbook[ACTION_ITEMS]
            sheet[f"B{row_of(sheet, first)}"] = "Llamar al SEÑOR Pérez"
            sheet[f"B{sheet.max_row + 1}"] = "Gặp BÀ Lan"

        edit_workbook(exported, as_a_member)
        with workspace.session_factory.begin() as session:
            apply_tracker_import(session, parse(exported), today=TODAY)
        with workspace.session_factory.begin() as session:
            assert found(session, "señor pérez") == ["Llamar al SEÑOR Pérez"]
            assert found(session, "bà lan") == ["Gặp BÀ Lan"]
            assert_search_copy_is_current(session)
    finally:
        workspace.close()

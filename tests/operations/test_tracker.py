"""The Excel tracker: export, preview and apply, with the backup both faces take the same way."""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cs360desk.cli import tracker_commands
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.tracker import (
    ACTION_ITEMS,
    ImportBlockedError,
    ParsedTracker,
    RowStatus,
    TrackerFileError,
)
from cs360desk.operations.backups import BackupFile, backups_in, default_backup_folder
from cs360desk.operations.tracker import (
    InitiativeChoiceError,
    apply_import,
    export_tracker,
    preview_import,
    read_returned_tracker,
)
from cs360desk.operations.workspaces import existing_workspace, open_workspace
from cs360desk.reports.xlsx_safety import OLE2_MAGIC
from tests.conftest import Builders
from tests.tracker_support import (
    GUN_CRIME,
    TODAY,
    database_state,
    edit_workbook,
    exported_copy,
    row_of,
    sample_copy,
)

State = dict[str, list[tuple[Any, ...]]]


def backups(db: Path) -> list[BackupFile]:
    return backups_in(workspace=db, folder=default_backup_folder(db))


def returned(folder: Path, *, with_error: bool = False) -> Path:
    """The exported tracker, edited by a member: one item blocked, one new, maybe one bad."""

    def edit(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, 6)}"] = "Blocked"
        sheet.append([None, "Book the gym for the youth night"])
        if with_error:
            sheet[f"D{row_of(sheet, 7)}"] = "Nobody We Know"

    return edit_workbook(exported_copy(folder), edit)


def parsed(path: Path) -> ParsedTracker:
    return read_returned_tracker(path)


def apply_in(db: Path, source: Path, **options: Any) -> Any:
    with existing_workspace(db) as workspace:
        return apply_import(workspace=workspace, parsed=parsed(source), today=TODAY, **options)


def test_export_writes_the_chosen_initiatives_tracker(tmp_path: Path) -> None:
    seen: list[int] = []
    with existing_workspace(sample_copy(tmp_path)) as workspace:
        exported = export_tracker(
            workspace=workspace, initiative_id=GUN_CRIME, target=tmp_path / "t.xlsx", today=TODAY,
            progress=lambda percent, _message: seen.append(percent),
        )  # fmt: skip
    assert exported.path == tmp_path / "t.xlsx"
    assert exported.initiative_name == "Gun crime and fear of gun crime"
    assert openpyxl.load_workbook(exported.path).sheetnames[0] == ACTION_ITEMS
    assert seen == [10, 40]


def test_export_needs_a_choice_when_there_are_two(tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    with (
        existing_workspace(sample_copy(tmp_path)) as workspace,
        pytest.raises(InitiativeChoiceError) as raised,
    ):
        export_tracker(workspace=workspace, initiative_id=None, target=target, today=TODAY)
    assert raised.value.field == "initiative"
    assert raised.value.choices.startswith("1: Gun crime and fear of gun crime; 2: ")
    assert not target.exists()


def test_export_takes_the_only_initiative_and_refuses_none(
    tmp_path: Path, builders_for: type[Builders]
) -> None:
    workspace = open_workspace(tmp_path / "w.cs360")
    try:
        with pytest.raises(ValidationError, match="no initiative yet"):
            export_tracker(
                workspace=workspace, initiative_id=None, target=tmp_path / "t.xlsx", today=TODAY
            )
        with workspace.session_factory.begin() as session:
            builders_for(session).basics("Ciudad segura")
        exported = export_tracker(
            workspace=workspace, initiative_id=None, target=tmp_path / "t.xlsx", today=TODAY
        )
    finally:
        workspace.close()
    assert exported.initiative_name == "Ciudad segura"


def test_a_preview_changes_nothing_and_backs_nothing_up(tmp_path: Path) -> None:
    db, source = sample_copy(tmp_path), returned(tmp_path)
    before = database_state(db)
    with existing_workspace(db) as workspace:
        loaded = preview_import(workspace=workspace, source=source, today=TODAY)
    assert loaded.path == source and loaded.parsed.file_name == source.name
    assert (loaded.preview.count(RowStatus.CHANGED), loaded.preview.count(RowStatus.NEW)) == (1, 1)
    assert database_state(db) == before and backups(db) == []


def test_a_blocked_import_writes_nothing_and_backs_up_only_when_applying(tmp_path: Path) -> None:
    db, source = sample_copy(tmp_path), returned(tmp_path, with_error=True)
    before = database_state(db)
    with existing_workspace(db) as workspace:
        preview = preview_import(workspace=workspace, source=source, today=TODAY).preview
    assert preview.has_errors and backups(db) == []
    told: list[BackupFile] = []
    with pytest.raises(ImportBlockedError, match="nothing was imported") as raised:
        apply_in(db, source, skip_errors=False, on_backed_up=told.append)
    assert raised.value.preview.has_errors
    assert database_state(db) == before
    assert backups(db) == told and len(told) == 1
    assert database_state(told[0].path) == before


def test_skipping_errors_applies_the_valid_rows(tmp_path: Path) -> None:
    db, source = sample_copy(tmp_path), returned(tmp_path, with_error=True)
    applied = apply_in(db, source, skip_errors=True)
    assert (applied.result.applied, applied.result.skipped) == (2, 1)
    assert backups(db) == [applied.backup]


def test_the_backup_is_taken_before_the_transaction_opens(tmp_path: Path) -> None:
    """Seen from the progress report that precedes the transaction: the backup is there."""
    db, source = sample_copy(tmp_path), returned(tmp_path)
    before = database_state(db)
    at_apply: list[list[BackupFile]] = []

    def progress(percent: int, message: str) -> None:
        if message.startswith("Applying"):
            at_apply.append(backups(db))

    applied = apply_in(db, source, skip_errors=False, progress=progress)
    assert at_apply == [[applied.backup]]
    assert database_state(applied.backup.path) == before != database_state(db)


def test_a_cancel_after_the_backup_applies_nothing(tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel_at_apply(_percent: int, message: str) -> None:
        if message.startswith("Applying"):
            raise Cancelled

    db, source = sample_copy(tmp_path), returned(tmp_path)
    before = database_state(db)
    with pytest.raises(Cancelled):
        apply_in(db, source, skip_errors=False, progress=cancel_at_apply)
    assert database_state(db) == before and len(backups(db)) == 1


def test_a_hostile_file_is_refused_before_anything_is_read_or_backed_up(tmp_path: Path) -> None:
    db, fake = sample_copy(tmp_path), tmp_path / "tracker.xlsx"
    fake.write_bytes(OLE2_MAGIC + bytes(512) + "EncryptedPackage".encode("utf-16-le"))
    before = database_state(db)
    with pytest.raises(TrackerFileError, match="protected with a password"):
        read_returned_tracker(fake)
    with existing_workspace(db) as workspace, pytest.raises(TrackerFileError):
        preview_import(workspace=workspace, source=fake, today=TODAY)
    assert database_state(db) == before and backups(db) == []


def cli_apply(db: Path, source: Path) -> str:
    parser = argparse.ArgumentParser(prog="cs360desk")
    parser.add_argument("--db", type=Path)
    tracker_commands.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", str(db), "import", "xlsx", str(source), "--apply"])
    out = io.StringIO()
    assert tracker_commands.HANDLERS["import"](args, out) == 0
    return out.getvalue()


def app_apply(db: Path, source: Path) -> None:
    """What the Excel & calendar section runs on the worker: preview, then apply what it
    showed, with the job's progress (no transaction around it, see TaskRunner)."""
    progress: Callable[[int, str], None] = lambda _percent, _message: None  # noqa: E731
    with existing_workspace(db) as workspace:
        loaded = preview_import(workspace=workspace, source=source, today=TODAY, progress=progress)
        apply_import(
            workspace=workspace, parsed=loaded.parsed, today=TODAY, skip_errors=False,
            progress=progress,
        )  # fmt: skip


def test_the_app_and_the_command_line_back_up_the_same_way(tmp_path: Path) -> None:
    source = returned(tmp_path)
    (tmp_path / "cli").mkdir()
    (tmp_path / "app").mkdir()
    by_cli, by_app = sample_copy(tmp_path / "cli"), sample_copy(tmp_path / "app")
    before = database_state(by_cli)
    out = cli_apply(by_cli, source)
    app_apply(by_app, source)
    for db in (by_cli, by_app):
        [backup] = backups(db)
        assert database_state(backup.path) == before
        assert database_state(db) != before
    assert f"Backed up to {backups(by_cli)[0].path}" in out.splitlines()[0]

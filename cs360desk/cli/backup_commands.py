"""Commands that protect the workspace: backup, backups and restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from cs360desk.cli.common import Handler, Subcommands
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import _
from cs360desk.operations.backups import (
    BackupFile,
    BackupPlan,
    back_up,
    backups_in,
    default_backup_folder,
    restore,
)


def add_commands(commands: Subcommands) -> None:
    backup = commands.add_parser(
        "backup", help=_("back up the workspace now and print the new backup's path")
    )
    backup.add_argument("--to", type=Path, help=_("the folder for the backup (default: beside it)"))
    listing = commands.add_parser("backups", help=_("list the workspace's backups, newest first"))
    listing.add_argument("--in", dest="folder", type=Path, help=_("the folder to list"))
    restore = commands.add_parser(
        "restore", help=_("replace the workspace with a backup; the current one is kept")
    )
    restore.add_argument("file", type=Path, help=_("the backup file to restore"))
    restore.add_argument(
        "--force",
        action="store_true",
        help=_("needed to restore into a shared workspace (a snapshot of it is kept first)"),
    )


def _folder(args: argparse.Namespace, chosen: Path | None) -> Path:
    return chosen.expanduser() if chosen else default_backup_folder(args.db)


def _backup(args: argparse.Namespace, out: TextIO) -> int:
    made = back_up(workspace=args.db, plan=BackupPlan(folder=_folder(args, args.to)))
    print(made.path, file=out)
    return 0


def _backups(args: argparse.Namespace, out: TextIO) -> int:
    folder = _folder(args, args.folder)
    found = backups_in(workspace=args.db, folder=folder)
    location = WorkspaceLocation.parse(args.db)
    name = location.require_file().name if location.is_file else location.describe()
    if not found:
        print(_("No backups of {name} in {folder}").format(name=name, folder=folder), file=out)
        return 0
    said = _("Backups of {name} in {folder}, newest first:")
    print(said.format(name=name, folder=folder), file=out)
    for backup in found:
        print(f"  {describe(backup)}", file=out)
    return 0


def describe(backup: BackupFile) -> str:
    local = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{local}  {human_size(backup.size):>9}  {backup.path}"


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop always returns


def _restore(args: argparse.Namespace, out: TextIO) -> int:
    if not WorkspaceLocation.parse(args.db).is_file and not args.force:
        raise WorkspaceError(
            _(
                "restoring replaces everyone's records in the shared workspace {location}; "
                "add --force to do it (a snapshot of it is kept first)"
            ).format(location=args.db)
        )
    kept = restore(workspace=args.db, backup=args.file, plan=BackupPlan.beside(args.db))
    print(
        _("Restored {backup} into {workspace}").format(backup=args.file, workspace=args.db),
        file=out,
    )
    if kept is not None:
        print(_("The workspace as it was is kept as {path}").format(path=kept), file=out)
    return 0


HANDLERS: dict[str, Handler] = {"backup": _backup, "backups": _backups, "restore": _restore}

"""Run as a script by test_crash_safety: writes through the services until it is killed.

Prints one line per committed change, flushed, *after* the commit returned: that line is
the app's "saved" promise the test holds the workspace to."""

from __future__ import annotations

import sys
from pathlib import Path

from cs360desk.db.backups import BackupPolicy, take_backup
from cs360desk.db.workspace import open_workspace
from cs360desk.services import catalog

BATCH = 20


def main(workspace_path: str, backup_folder: str, tag: str) -> None:
    workspace = open_workspace(Path(workspace_path))
    policy = BackupPolicy(keep_last=3, keep_weeks=0)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        if number % 5 == 0:
            # Many rows in one transaction, as an import writes them: all or nothing.
            with workspace.session_factory.begin() as session:
                for row in range(BATCH):
                    catalog.PERSON.create(session, full_name=f"batch {tag}-{number} #{row}")
            print(f"batch {tag}-{number}", flush=True)
        elif number % 3 == 0:
            made = take_backup(Path(workspace_path), Path(backup_folder), policy=policy)
            print(f"backup {made.path}", flush=True)
        else:
            with workspace.session_factory.begin() as session:
                person = catalog.PERSON.create(
                    session, full_name=f"person {tag}-{number}", notes="n" * 2000
                )
            print(f"person {person.id} person {tag}-{number}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])

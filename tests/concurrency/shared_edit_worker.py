"""One user of a shared workspace in the concurrency test, run as its own process.

python -m tests.concurrency.shared_edit_worker URL NAME ITEM_IDS EDITS SECONDS SEED FOLDER

Each edit reads an action item and its version, then saves a new title with that expected
version, as the action items table does when a cell is edited. A ConflictError is a refused
edit; a WorkspaceBusyError is retried, as a busy server is no reason to bother the user.
Anything else is kept with its traceback. The outcomes go to FOLDER/NAME.json.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from cs360desk.db.sqlite_errors import WorkspaceBusyError
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import ConflictError
from cs360desk.services.action_item_changes import change_action_item
from cs360desk.services.catalog import ACTION_ITEM

TODAY = date(2026, 6, 1)
BUSY_RETRIES = 20
START_TIMEOUT_S = 60.0


def ready_file(folder: Path, name: str) -> Path:
    return folder / f"{name}.ready"


def go_file(folder: Path) -> Path:
    return folder / "go"


def result_file(folder: Path, name: str) -> Path:
    return folder / f"{name}.json"


def save_title(workspace: Workspace, item_id: int, version: int, title: str) -> dict[str, Any]:
    """One save, retried while the server reports it busy; its outcome."""
    outcome: dict[str, Any] = {"id": item_id, "read_version": version, "title": title}
    for attempt in range(BUSY_RETRIES):
        try:
            with workspace.session_factory.begin() as session:
                row, _edit = change_action_item(
                    session, item_id, today=TODAY, expected_version=version, title=title
                )
            return {**outcome, "outcome": "accepted", "version": row.item.version,
                    "busy_retries": attempt}  # fmt: skip
        except ConflictError as error:
            return {**outcome, "outcome": "refused", "error": type(error).__name__,
                    "message": str(error), "busy_retries": attempt}  # fmt: skip
        except WorkspaceBusyError:
            time.sleep(0.005 * (attempt + 1))
        except Exception as error:  # a bug: kept for the test to show, never retried
            return {**outcome, "outcome": "error", "error": type(error).__name__,
                    "traceback": "".join(traceback.format_exception(error))}  # fmt: skip
    return {**outcome, "outcome": "error", "error": "WorkspaceBusyError",
            "traceback": f"still busy after {BUSY_RETRIES} tries"}  # fmt: skip


def edit_for(
    workspace: Workspace, name: str, item_ids: list[int], edits: int, seconds: float, seed: int
) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    outcomes = []
    for number in range(edits):
        if time.monotonic() > deadline:
            break
        item_id = rng.choice(item_ids)
        with workspace.session_factory.begin() as session:
            version = ACTION_ITEM.get(session, item_id).version
        time.sleep(rng.uniform(0, 0.004))  # the user types: others may save meanwhile
        outcomes.append(save_title(workspace, item_id, version, f"{name} edit {number}"))
    return outcomes


def _wait_for_go(folder: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not go_file(folder).exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the test never said go")
        time.sleep(0.005)


def main(argv: list[str]) -> int:
    url, name, ids, edits, seconds, seed, where = argv
    folder = Path(where)
    report: dict[str, Any] = {"name": name, "outcomes": []}
    try:
        workspace = open_workspace(url, acting_user=name)
        try:
            ready_file(folder, name).touch()
            _wait_for_go(folder)
            started = time.monotonic()
            report["outcomes"] = edit_for(
                workspace, name, [int(i) for i in ids.split(",")], int(edits),
                float(seconds), int(seed),
            )  # fmt: skip
            report["seconds"] = time.monotonic() - started
        finally:
            workspace.close()
    except Exception as error:  # the worker itself broke: the test shows why
        report["crash"] = "".join(traceback.format_exception(error))
    result_file(folder, name).write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Issue 17: five processes make conflicting edits to the same records of a shared workspace
at once; every accepted edit is in the database and its history, every refused one was
reported as a conflict, and no server error (deadlock, serialization failure) reached a user.

The workspace is the large sample agency (100,000 action items), built once into .cache/bench
and copied into the test run's server (about 20 s); the edits collide on 20 of its items.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cs360desk.operations.copying import copy_workspace
from tests.benchmarks.workspace_cache import large_workspace
from tests.concurrency.shared_edit_worker import go_file, ready_file, result_file
from tests.postgres_support import Cluster

pytestmark = pytest.mark.postgresql

WORKERS = 5
EDITS = 200
SECONDS = 30
SHARED_ITEMS = 20
ROOT = Path(__file__).resolve().parents[2]
Item = tuple[int, str, int]  # id, title, version


def test_conflicting_edits_from_five_processes_are_all_accounted_for(
    postgres: Cluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    database = postgres.new_database()
    copy_workspace(large_workspace(seed=1), postgres.url(database))
    try:
        before = _items(postgres, database)
        last_change = _last_change(postgres, database)
        reports = _run_workers(postgres.url(database), [item[0] for item in before], tmp_path)
        history = _title_updates(postgres, database, last_change)
        after = {item[0]: item for item in _items(postgres, database)}
    finally:
        postgres.admin(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    _check_outcomes(reports)
    _check_history(reports, before, history, after)


def _items(cluster: Cluster, database: str) -> list[Item]:
    rows = cluster.query(
        f"SELECT id, title, version FROM action_item ORDER BY id LIMIT {SHARED_ITEMS}", database
    )
    assert len(rows) == SHARED_ITEMS, "the sample has too few action items to share"
    return [(int(i), str(t), int(v)) for i, t, v in rows]  # type: ignore[call-overload]


def _last_change(cluster: Cluster, database: str) -> int:
    ((highest,),) = cluster.query("SELECT COALESCE(MAX(id), 0) FROM change_record", database)
    return int(highest)  # type: ignore[call-overload]


def _run_workers(url: str, item_ids: list[int], folder: Path) -> list[dict[str, Any]]:
    """Start every worker, let them go at once, and gather what each reported."""
    ids = ",".join(str(i) for i in item_ids)
    names = [f"worker-{n}" for n in range(1, WORKERS + 1)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.concurrency.shared_edit_worker",
             url, name, ids, str(EDITS), str(SECONDS), str(seed), str(folder)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for seed, name in enumerate(names, start=1)
    ]  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not all(ready_file(folder, name).exists() for name in names):
            crashed = [p for p in processes if p.poll() is not None]
            assert not crashed, crashed[0].communicate()[0]
            assert time.monotonic() < deadline, "the workers did not start in 30 s"
            time.sleep(0.02)
        go_file(folder).touch()
        for process in processes:
            output, _ = process.communicate(timeout=SECONDS + 30)
            assert process.returncode == 0, output
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    return [json.loads(result_file(folder, name).read_text(encoding="utf-8")) for name in names]


def _title_updates(cluster: Cluster, database: str, after_id: int) -> list[tuple[str, int, Any]]:
    """Who changed which action item and how, in the order the changes were saved."""
    rows = cluster.query(
        "SELECT who, entity, entity_id, action, changes FROM change_record "
        f"WHERE id > {after_id} ORDER BY id",
        database,
    )
    others = [row for row in rows if (row[1], row[3]) != ("action_item", "update")]
    assert not others, f"the edits logged more than title updates: {others[:3]}"
    return [
        (str(who), int(item), json.loads(str(changes)))  # type: ignore[call-overload]
        for who, _entity, item, _action, changes in rows
    ]


def _check_outcomes(reports: list[dict[str, Any]]) -> None:
    """Each worker made its edits (or ran out of time); none met anything but a conflict."""
    crashes = [f"{r['name']}:\n{r['crash']}" for r in reports if "crash" in r]
    assert not crashes, "\n".join(crashes)
    errors = [
        f"{r['name']} editing item {o['id']}: {o['error']}\n{o['traceback']}"
        for r in reports
        for o in r["outcomes"]
        if o["outcome"] == "error"
    ]
    kinds = Counter(o.get("error", o["outcome"]) for r in reports for o in r["outcomes"])
    assert not errors, f"{len(errors)} edits failed with an error ({kinds}), first:\n{errors[0]}"
    for report in reports:
        outcomes = report["outcomes"]
        assert len(outcomes) == EDITS or report["seconds"] >= SECONDS, report["name"]
        refused = [o for o in outcomes if o["outcome"] == "refused"]
        assert {o["error"] for o in refused} <= {"ConflictError"}
    kinds = Counter(o["outcome"] for r in reports for o in r["outcomes"])
    assert kinds["refused"] > 0, "no edit collided, so nothing was tested"
    assert kinds["accepted"] > 0


def _check_history(
    reports: list[dict[str, Any]],
    before: list[Item],
    history: list[tuple[str, int, Any]],
    after: dict[int, Item],
) -> None:
    """The History holds exactly the accepted edits, each by its worker, each item's in the
    order of its versions, none lost; the database holds the last of each."""
    accepted = {
        (o["id"], o["version"]): (r["name"], o["title"])
        for r in reports
        for o in r["outcomes"]
        if o["outcome"] == "accepted"
    }
    logged: dict[tuple[int, int], tuple[str, str]] = {}
    for item_id, title, version in before:
        changes = [(who, c) for who, entity_id, c in history if entity_id == item_id]
        for step, (who, change) in enumerate(changes, start=1):
            old, new = change.pop("title")
            assert not change, f"item {item_id}: more than the title changed: {change}"
            assert old == title, f"item {item_id}, version {version + step}: an edit was lost"
            logged[(item_id, version + step)] = (who, new)
            title = new
        assert after[item_id] == (item_id, title, version + len(changes))
    assert logged == accepted
    per_worker = Counter(who for who, _item, _change in history)
    for report in reports:
        outcomes = report["outcomes"]
        assert per_worker[report["name"]] == sum(o["outcome"] == "accepted" for o in outcomes)
        for refused in (o for o in outcomes if o["outcome"] == "refused"):
            assert refused["read_version"] < after[refused["id"]][2], "refused, yet not stale"

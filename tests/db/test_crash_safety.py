"""SIGKILL at random moments during edits, batch writes and backups loses nothing saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cs360desk.db.backups import list_backups
from cs360desk.db.workspace import open_workspace
from cs360desk.services import catalog
from tests.db.crash_writer import BATCH
from tests.sqlite_support import integrity
from tests.workspace_support import transaction_in

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def writer(workspace: Path, backups: Path, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("crash_writer.py")),
            str(workspace),
            str(backups),
            tag,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def kill_at_random(process: subprocess.Popen[str], rng: random.Random) -> list[str]:
    """Lines the writer confirmed before it was killed somewhere in its work."""
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    assert first == "ready", "the writer failed to start"
    time.sleep(rng.uniform(0.0, 0.3))
    process.send_signal(signal.SIGKILL)
    rest, _ = process.communicate(timeout=30)
    return rest.splitlines()


def test_killed_writers_never_lose_a_saved_change(tmp_path: Path) -> None:
    path = tmp_path / "w.cs360"
    backups = tmp_path / "backups"
    seeded = open_workspace(path)
    with seeded.session_factory.begin() as session:
        for number in range(300):
            catalog.PERSON.create(session, full_name=f"seed {number}", notes="s" * 2000)
    seeded.close()
    rng = random.Random(360)
    confirmed: list[str] = []
    for round_number in range(KILLS):
        confirmed += kill_at_random(writer(path, backups, f"r{round_number}"), rng)
    assert integrity(path) == "ok"
    check_every_confirmed_change(path, confirmed)
    for backup in list_backups(backups, "w"):
        assert integrity(backup.path) == "ok"
    assert list_backups(backups, "w"), "no backup finished in any round"


def check_every_confirmed_change(path: Path, confirmed: list[str]) -> None:
    with transaction_in(path) as session:
        people = catalog.PERSON.list(session)
    by_id = {person.id: person.full_name for person in people}
    batches: dict[str, int] = {}
    for person in people:
        if person.full_name.startswith("batch "):
            key = person.full_name.removeprefix("batch ").split(" #")[0]
            batches[key] = batches.get(key, 0) + 1
    assert all(count == BATCH for count in batches.values()), "a batch was half-saved"
    saved = [line.split(" ", 2) for line in confirmed if line.startswith("person ")]
    assert len(saved) > KILLS, "the writers saved too little for the test to mean much"
    for _, record_id, name in saved:
        assert by_id.get(int(record_id)) == name
    for line in confirmed:
        if line.startswith("batch "):
            assert batches.get(line.removeprefix("batch ")) == BATCH

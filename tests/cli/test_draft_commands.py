"""`draft update`: the three drafts under headings, the JSON shape, --save, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from cs360desk.app import main
from cs360desk.db.workspace import open_workspace
from cs360desk.domain.enums import CommunicationStatus
from cs360desk.services.communications import communication_log

LAST_MONTH_END = date.today().replace(day=1) - timedelta(days=1)
LAST_MONTH = (LAST_MONTH_END.replace(day=1).isoformat(), LAST_MONTH_END.isoformat())


def run(db: Path, *argv: str) -> tuple[int, str, str]:
    """The real entry point in a child process: parsing, exit codes and streams as a user
    sees them."""
    done = subprocess.run(
        [sys.executable, "-m", "cs360desk.app", "--db", str(db), "draft", "update", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


def in_process(db: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), "draft", "update", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_all_three_drafts_print_under_headings(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = in_process(db, "--from", LAST_MONTH[0], "--to", LAST_MONTH[1], capsys=capsys)
    assert (code, err) == (0, "")
    assert out.index("== Short public post ==") < out.index("== Longer public update ==")
    assert out.index("== Longer public update ==") < out.index("== Staff briefing ==")
    assert f"{LAST_MONTH[0]} to {LAST_MONTH[1]}" in out.splitlines()[0]
    short = out.split("== Short public post ==\n")[1].split("\n(")[0]
    assert 0 < len(short) <= 280
    assert f"({len(short)} of 280 characters)" in out


def test_json_has_the_documented_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = in_process(
        db, "--json", "--from", LAST_MONTH[0], "--to", LAST_MONTH[1], capsys=capsys
    )
    assert code == 0
    shown = json.loads(out)
    assert set(shown) == {"initiative", "from", "to", "drafts", "facts", "empty"}
    assert (shown["initiative"], shown["from"], shown["to"]) == (1, *LAST_MONTH)
    assert set(shown["drafts"]) == {"short", "long", "staff"}
    assert isinstance(shown["drafts"]["staff"], str) and shown["empty"] is False
    assert len(shown["drafts"]["short"]) <= 280
    assert shown["facts"] and all(set(f) == {"kind", "id", "text"} for f in shown["facts"])
    assert {f["kind"] for f in shown["facts"]} >= {"action_item_done", "meeting_held", "measure"}


def test_one_kind_and_an_empty_period(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = in_process(
        db, "--json", "--kind", "short", "--from", "2001-03-01", "--to", "2001-03-31",
        capsys=capsys,
    )  # fmt: skip
    shown = json.loads(out)
    assert code == 0 and shown["empty"] is True
    assert shown["drafts"] == {"short": None, "long": None, "staff": None}
    code, out, _ = in_process(db, "--from", "2001-03-01", "--to", "2001-03-31", capsys=capsys)
    assert "(no draft: Nothing was recorded between Mar 1 and Mar 31, 2001" in out
    assert "No action items were completed between Mar 1 and Mar 31, 2001." in out


def test_save_records_the_printed_drafts_as_communications(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = open_workspace(db)
    with workspace.session_factory() as session:
        before = {c.id for c in communication_log(session, 1)}
    workspace.close()
    code, out, _ = in_process(
        db, "--save", "--kind", "staff", "--from", LAST_MONTH[0], "--to", LAST_MONTH[1],
        capsys=capsys,
    )  # fmt: skip
    assert code == 0
    line = out.strip().splitlines()[-1]
    assert line.startswith("Saved as communications (status draft): ")
    (saved,) = [int(n) for n in line.split(": ")[1].split(", ")]
    staff = out.split("== Staff briefing ==\n")[1].split("\nSaved as communications")[0]
    workspace = open_workspace(db)
    with workspace.session_factory() as session:
        log = {c.id: c for c in communication_log(session, 1)}
    workspace.close()
    assert set(log) - before == {saved}
    assert log[saved].status is CommunicationStatus.DRAFT
    assert log[saved].text == staff.rstrip("\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--initiative", "99"), "cs360desk: no initiative with id 99\n"),
        (
            ("--from", "2026-11-20", "--to", "2026-11-01"),
            "--from 2026-11-20 is after --to 2026-11-01",
        ),
        (("--from", "2026-02-30"), "--from '2026-02-30' is not a date (use YYYY-MM-DD)"),
        (("--to", "soon"), "--to 'soon' is not a date (use YYYY-MM-DD)"),
        (("--from", "2999-01-01"), "--from is after the period's end"),
    ],
)
def test_bad_options_get_one_line_and_exit_1(db: Path, argv: tuple[str, ...], message: str) -> None:
    code, out, err = run(db, *argv)
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err


def test_help_names_every_option(db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cs360desk.app", "draft", "update", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    for option in ("--initiative", "--from", "--to", "--kind", "--json", "--save"):
        assert option in done.stdout

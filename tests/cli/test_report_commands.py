"""`report progress|scanning|agenda|minutes`: files written, issues recorded, one-line errors."""

from __future__ import annotations

import argparse
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs360desk import cli
from cs360desk.cli import report_commands
from cs360desk.db.workspace import open_workspace
from cs360desk.domain.enums import ReportKind
from cs360desk.services.catalog import AGENCY, REPORT_ISSUED
from cs360desk.services.report_data import meeting_choices


def run(*argv: str) -> tuple[int, str, str]:
    """The command as the CLI runs it, whether or not it is registered in cli yet."""
    parser = argparse.ArgumentParser(prog="cs360desk")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--debug", action="store_true")
    report_commands.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    code = cli.guarded(args, lambda: report_commands.HANDLERS[args.command](args, out), err)
    return code, out.getvalue(), err.getvalue()


def issued(db: Path) -> list[tuple[ReportKind, date | None, date | None, str]]:
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        rows = REPORT_ISSUED.list(session)
    workspace.close()
    return [(r.kind, r.period_start, r.period_end, r.file_name) for r in rows]


def page_size(path: Path) -> tuple[int, int]:
    box = PdfReader(str(path)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_progress_writes_prints_and_records_the_update(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "update.pdf"
    before = issued(db)
    code, out, err = run("--db", str(db), "report", "progress", "-o", str(target))
    assert (code, err) == (0, "")
    assert out.strip() == str(target)
    assert page_size(target) == (612, 792)
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "Port Serena Police Department" in text and "Page 1 of" in text
    new = issued(db)[len(before) :]
    assert new == [
        (ReportKind.PROGRESS, before[-1][2] + timedelta(days=1), date.today(), "update.pdf")
    ]
    # The next update starts where this one ended: reprinting offers the same period.
    code, _, _ = run("--db", str(db), "report", "progress", "-o", str(target))
    assert issued(db)[-1][1:3] == new[0][1:3]


def test_progress_options(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "public.pdf"
    code, _, err = run(
        "--db", str(db), "report", "progress", "--public", "--paper", "a4", "--from",
        "2026-01-01", "--to", "2026-03-31", "--highlight", "Lights <fixed> & on",
        "--ask", "A second SRO", "--prepared-by", "Chief Boudreaux", "--draft", "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert page_size(target) == (595, 842)
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    flat = "".join(text.split())
    for expected in ("Jan1–Mar31,2026", "Lights<fixed>&on", "AsecondSRO", "ChiefBoudreaux"):
        assert expected in flat
    assert "@" not in text and "Public edition" in text
    assert all(
        kind is not ReportKind.PROGRESS or end != date(2026, 3, 31)
        for kind, _, end, _ in issued(db)
    )


def test_scanning_agenda_and_minutes(db: Path, tmp_path: Path) -> None:
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        meeting = meeting_choices(session, 1)[0]
    workspace.close()
    for argv, name in (
        (("report", "scanning"), "scan.pdf"),
        (("report", "agenda", "--meeting", str(meeting.meeting_id)), "agenda.pdf"),
        (("report", "minutes", "--meeting", str(meeting.meeting_id), "--paper", "a4"), "m.pdf"),
    ):
        code, out, err = run("--db", str(db), *argv, "-o", str(tmp_path / name))
        assert (code, err) == (0, ""), err
        assert out.strip() == str(tmp_path / name)
    kinds = [row[0] for row in issued(db)[-3:]]
    assert kinds == [ReportKind.SCANNING, ReportKind.AGENDA, ReportKind.MINUTES]
    day = meeting.starts_at.date()
    assert issued(db)[-1][1:] == (day, day, "m.pdf")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("progress", "--initiative", "99"), "no initiative with id 99"),
        (("agenda", "--meeting", "9999"), "no meeting with id 9999"),
        (("progress", "--from", "2026-05-01", "--to", "2026-04-01"), "is after --to"),
    ],
)
def test_user_errors_are_one_line(
    db: Path, tmp_path: Path, argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run("--db", str(db), "report", *argv, "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_target_is_one_clear_line_and_records_nothing(
    db: Path, tmp_path: Path
) -> None:
    before = issued(db)
    target = tmp_path / "missing" / "update.pdf"
    code, _, err = run("--db", str(db), "report", "progress", "-o", str(target))
    assert code == 1
    assert (
        err.strip()
        == f"cs360desk: cannot write {target}: the folder {target.parent} does not exist"
    )
    assert issued(db) == before


def test_a_missing_workspace_is_refused(tmp_path: Path) -> None:
    code, _, err = run("--db", str(tmp_path / "none.cs360"), "report", "scanning", "-o", "x.pdf")
    assert code == 1 and "no workspace" in err
    assert not (tmp_path / "none.cs360").exists()


def test_a_workspace_without_an_initiative(tmp_path: Path) -> None:
    db = tmp_path / "empty.cs360"
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        AGENCY.create(session, name="Ríoverde PD")
    workspace.close()
    code, _, err = run("--db", str(db), "report", "progress", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "no initiative" in err


def test_a_bad_date_is_an_argparse_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--db", str(db), "report", "progress", "--from", "13/01/2026", "-o", "x.pdf")
    assert exit_info.value.code == 2
    assert "is not a date (use YYYY-MM-DD)" in capsys.readouterr().err


def test_registered_in_the_real_command_line(db: Path, tmp_path: Path) -> None:
    from cs360desk.app import main

    assert report_commands in cli.COMMAND_MODULES
    assert (
        main(["--db", str(db), "report", "scanning", "--draft", "-o", str(tmp_path / "s.pdf")]) == 0
    )
    assert (tmp_path / "s.pdf").exists()

"""`--lang en|es` on `report`, `export` and `draft`: the file's language, whatever the screens
speak; a language the app does not speak is one line and exit 2, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cs360desk.app import main


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_report_lang_es_writes_the_progress_update_in_spanish(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "avance.pdf"
    assert main(["--db", str(db), "report", "progress", "-o", str(target), "--lang", "es"]) == 0
    text = _pdf_text(target)
    assert "Informe de avance" in text and "Progress Update" not in text


def test_report_without_lang_follows_the_agency_english_by_default(
    db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "update.pdf"
    assert main(["--db", str(db), "report", "progress", "-o", str(target), "--draft"]) == 0
    assert "Progress Update" in _pdf_text(target)


def test_export_xlsx_lang_es_names_the_sheets_in_spanish(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "planilla.xlsx"
    assert (
        main(
            [
                "--db",
                str(db),
                "export",
                "xlsx",
                "--initiative",
                "1",
                "-o",
                str(target),
                "--lang",
                "es",
            ]
        )
        == 0
    )
    assert "Tareas pendientes" in load_workbook(target, read_only=True).sheetnames


def test_draft_lang_es_drafts_in_spanish(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "draft", "update", "--lang", "es", "--kind", "staff"]) == 0
    out = capsys.readouterr().out
    assert "Informe para el personal" in out


@pytest.mark.parametrize(
    "command",
    [
        ["report", "progress", "-o", "x.pdf"],
        ["export", "xlsx", "-o", "x.xlsx"],
        ["draft", "update"],
    ],
)
def test_an_unknown_language_is_refused_before_anything_is_written(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db), *command, "--lang", "fr"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "unknown language 'fr': choose one of en, es" in err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.xlsx").exists()


def test_the_command_line_speaks_the_computers_language(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CS360DESK_LANG", "es")
    assert main(["--db", str(db), "check"]) == 0
    assert ": en buen estado; esquema " in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--db", str(db), "export", "xlsx", "-o", "x.xlsx", "--lang", "fr"])
    assert "idioma desconocido 'fr': elija uno de en, es" in capsys.readouterr().err

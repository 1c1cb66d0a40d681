"""`--help` and argparse's own errors speak the command line's language (CS360DESK_LANG, else
the computer's): our help texts and argparse's words ("usage:", "options", its errors) alike;
English stays exactly as it was."""

from __future__ import annotations

import pytest

from cs360desk.app import main


def _exit_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit status of a command that argparse ends, and its stdout and stderr with every
    run of spaces and line breaks made one space (argparse wraps to the terminal's width)."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    captured = capsys.readouterr()
    code = exited.value.code
    assert isinstance(code, int)
    return code, " ".join(captured.out.split()), " ".join(captured.err.split())


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS360DESK_LANG", "es")


@pytest.mark.usefixtures("spanish")
def test_help_is_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _exit_of(["--help"], capsys)
    assert code == 0
    assert out.startswith("uso: cs360desk [-h] [--db PATH|URL]")
    assert "argumentos posicionales:" in out and "opciones:" in out
    assert "-h, --help muestra este mensaje de ayuda y sale" in out
    assert "--db PATH|URL el espacio de trabajo que se usará: un archivo" in out
    assert "--version muestra el número de versión del programa y sale" in out
    assert "restore reemplaza el espacio de trabajo por una copia de seguridad" in out
    assert "De forma predeterminada, se usa el espacio de trabajo de $CS360DESK_DB" in out
    assert "usage:" not in out and "show this help message" not in out


@pytest.mark.usefixtures("spanish")
def test_a_command_help_is_spanish_with_the_languages_listed_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _err = _exit_of(["export", "xlsx", "--help"], capsys)
    assert code == 0
    assert out.startswith("uso: cs360desk export xlsx")
    assert "-o OUTPUT, --output OUTPUT el archivo .xlsx que se escribirá" in out
    assert "--lang LANG el idioma en que se escribe: en o es" in out


@pytest.mark.usefixtures("spanish")
def test_a_missing_argument_is_a_spanish_error_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _exit_of(["restore"], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("uso: cs360desk restore [-h] [--force] file")
    assert "cs360desk restore: error: se requieren los siguientes argumentos: file" in err


@pytest.mark.usefixtures("spanish")
def test_a_wrong_choice_is_a_spanish_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _exit_of(["demo", "--size", "huge"], capsys)
    assert code == 2
    expected = "argumento --size: opción no válida: 'huge' (elija entre 'small', 'large')"
    assert expected in err


def test_english_help_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _exit_of(["--help"], capsys)
    assert code == 0
    assert out.startswith("usage: cs360desk [-h] [--db PATH|URL] [--debug] [--version] COMMAND ...")
    assert "positional arguments:" in out and "options:" in out
    assert "-h, --help show this help message and exit" in out
    assert "--db PATH|URL the workspace to use: a workspace file, or a shared" in out
    assert "--version show program's version number and exit" in out
    assert "The workspace defaults to $CS360DESK_DB or " in out


def test_english_command_help_and_errors_are_unchanged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _code, out, _err = _exit_of(["export", "xlsx", "--help"], capsys)
    assert "--lang LANG the language to write in: en or es (default: the agency's" in out
    code, _out, err = _exit_of(["restore"], capsys)
    assert code == 2
    assert "cs360desk restore: error: the following arguments are required: file" in err

"""The Windows installer script, checked where Inno Setup cannot run: its paths and names
match what the PyInstaller spec builds, and it installs per user and keeps the user's data."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import pytest

from cs360desk import __version__
from cs360desk.cli import parse_args
from tests.installer.conftest import INSTALLER, ROOT, bundle, installer_module

ISS = INSTALLER / "windows" / "cs360desk.iss"


def iss_text() -> str:
    return ISS.read_text(encoding="utf-8")


def defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', iss_text(), re.MULTILINE))


def section(name: str) -> list[str]:
    """The lines of one [Section], comments and blank lines left out."""
    lines: list[str] = []
    current = None
    for raw in iss_text().splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == name and line and not line.startswith(";"):
            lines.append(line)
    return lines


def entries(name: str) -> list[dict[str, str]]:
    """`Key: value; Key: "quoted value"` lines as dictionaries (doubled quotes undone)."""
    parsed = []
    pattern = re.compile(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')
    for line in section(name):
        fields = {}
        for key, value in pattern.findall(line):
            value = value.strip()
            if value.startswith('"'):
                value = value[1:-1].replace('""', '"')
            fields[key] = value
        parsed.append(fields)
    return parsed


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in section("Setup"))


def expand(value: str) -> str:
    for name, replacement in defines().items():
        value = value.replace(f"{{#{name}}}", replacement)
    return value


def resolve(windows_path: str) -> Path:
    """A path the script gives relative to its own folder, as a real path on this machine."""
    path = ISS.parent
    for part in PureWindowsPath(windows_path).parts:
        path = path.parent if part == ".." else path / part
    return path.resolve()


def test_the_default_bundle_folder_is_where_build_py_writes_the_spec_output() -> None:
    build = installer_module("build")
    dist = build.ROOT / "dist"  # build.py's default --dist
    assert resolve(defines()["BundleDir"]) == (dist / bundle.BUNDLE_NAME).resolve()
    assert resolve(defines()["OutputDir"]) == dist.resolve()


def test_every_file_comes_from_the_bundle_folder() -> None:
    sources = [entry["Source"] for entry in entries("Files")]
    assert sources == ["{#BundleDir}\\*"]
    assert "recursesubdirs" in entries("Files")[0]["Flags"]


def test_the_programs_named_are_the_ones_the_spec_builds_for_windows() -> None:
    windowed = [name for name, console in bundle.WINDOWS_EXECUTABLES.items() if not console]
    console = [name for name, console in bundle.WINDOWS_EXECUTABLES.items() if console]
    assert defines()["AppExe"] == f"{windowed[0]}.exe"
    assert defines()["CliExe"] == f"{console[0]}.exe"
    assert bundle.command_line_executable("win32") == defines()["CliExe"]
    programs = {f"{name}.exe" for name in bundle.WINDOWS_EXECUTABLES}
    named = [expand(entry["Filename"]) for kind in ("Icons", "Run") for entry in entries(kind)] + [
        setup()["UninstallDisplayIcon"]
    ]
    assert named
    for filename in named:
        assert expand(filename).removeprefix("{app}\\") in programs


def test_icon_version_and_output_name_match_the_build() -> None:
    assert resolve(setup()["SetupIconFile"]) == (ROOT / "resources" / "icon.ico").resolve()
    assert (ROOT / "resources" / "icon.ico").is_file()
    assert defines()["AppVersion"] == __version__ == bundle.app_version()
    # build.py looks for the setup program under this name after compiling.
    assert expand(setup()["OutputBaseFilename"]) == f"{bundle.BUNDLE_NAME}-{__version__}-setup"


def test_installs_for_this_user_without_admin_rights() -> None:
    options = setup()
    assert options["PrivilegesRequired"] == "lowest"
    assert options["DefaultDirName"].startswith("{autopf}\\")
    shortcuts = {entry["Name"].split("\\")[0]: entry for entry in entries("Icons")}
    assert set(shortcuts) == {"{autoprograms}", "{autodesktop}"}
    assert shortcuts["{autodesktop}"]["Tasks"] == "desktopicon"
    tasks = {entry["Name"]: entry for entry in entries("Tasks")}
    assert "unchecked" in tasks["desktopicon"]["Flags"]  # the desktop shortcut is optional


def test_cs360_files_open_in_the_app_through_this_users_registry() -> None:
    registry = entries("Registry")
    assert registry
    assert {entry["Root"] for entry in registry} == {"HKCU"}
    assert all(entry["Subkey"].startswith("Software\\Classes\\") for entry in registry)
    extension = next(e for e in registry if e["Subkey"] == "Software\\Classes\\.cs360")
    file_type = extension["ValueData"]
    command = next(e for e in registry if e["Subkey"].endswith("\\shell\\open\\command"))
    assert (
        expand(command["Subkey"]) == f"Software\\Classes\\{expand(file_type)}\\shell\\open\\command"
    )
    assert expand(command["ValueData"]) == f'"{{app}}\\{defines()["AppExe"]}" --db "%1"'
    # What Windows runs for a double-clicked file opens the window on that file.
    args = parse_args(["--db", "C:\\Users\\chief\\Documents\\agency.cs360"])
    assert args.command is None
    assert args.db.require_file().name.endswith("agency.cs360")


@pytest.mark.parametrize("name", ["UninstallDelete", "InstallDelete"])
def test_uninstall_leaves_the_users_data(name: str) -> None:
    # Workspace, backups and settings live outside {app}; nothing asks to delete them.
    assert section(name) == []

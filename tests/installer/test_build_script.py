"""installer/build.py's packing steps, on a small stand-in for the app folder."""

from __future__ import annotations

import stat
import subprocess
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.installer.conftest import bundle, installer_module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return installer_module("build")


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / bundle.BUNDLE_NAME
    (folder / "_internal" / "resources").mkdir(parents=True)
    program = folder / "cs360desk"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    (folder / "_internal" / "resources" / "icon-16.png").write_bytes(b"png")
    return folder


def test_linux_archive_holds_the_folder_menu_entry_and_installer(
    build: ModuleType, fake_bundle: Path
) -> None:
    archive = build.linux_archive(fake_bundle, "9.8.7")
    assert archive.parent == fake_bundle.parent
    assert archive.name.startswith(f"{bundle.BUNDLE_NAME}-9.8.7-linux-")
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
    root = bundle.BUNDLE_NAME
    for name in ("cs360desk", "install.sh", "cs360desk.desktop", "_internal/resources/icon-16.png"):
        assert f"{root}/{name}" in members
    assert members[f"{root}/cs360desk"].mode & stat.S_IXUSR
    assert members[f"{root}/install.sh"].mode & stat.S_IXUSR
    assert not members[f"{root}/cs360desk.desktop"].mode & stat.S_IXUSR


def test_portable_zip_carries_the_portable_marker(build: ModuleType, fake_bundle: Path) -> None:
    archive = build.portable_zip(fake_bundle, "9.8.7")
    assert archive.name == f"{bundle.BUNDLE_NAME}-9.8.7-windows-portable.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        assert zipped.read(f"{bundle.BUNDLE_NAME}/portable") == b""
    assert f"{bundle.BUNDLE_NAME}/cs360desk" in names
    assert f"{bundle.BUNDLE_NAME}/_internal/resources/icon-16.png" in names
    assert not (fake_bundle / "portable").exists()  # the installed copy is not portable


def test_other_systems_get_the_folder_only(build: ModuleType, fake_bundle: Path) -> None:
    assert build.package(fake_bundle, "darwin") == []
    assert sorted(p.name for p in fake_bundle.parent.iterdir()) == [bundle.BUNDLE_NAME]


def test_a_failed_pyinstaller_run_fails_the_build(
    build: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def failing_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        assert command[1:3] == ["-m", "PyInstaller"]
        return subprocess.CompletedProcess(command, 1)

    monkeypatch.setattr(build.subprocess, "run", failing_run)
    assert build.main(["--dist", str(tmp_path / "d"), "--work", str(tmp_path / "w")]) == 1
    assert "PyInstaller failed" in capsys.readouterr().err


def test_a_missing_output_folder_fails_the_build(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def silent_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(build.subprocess, "run", silent_run)
    with pytest.raises(build.BuildError, match="is missing"):
        build.build_bundle(tmp_path / "d", tmp_path / "w")


def test_executables_per_system() -> None:
    assert bundle.executables("linux") == {"cs360desk": False}
    assert bundle.command_line_executable("linux") == "cs360desk"
    assert bundle.executables("win32") == {"CS360Desk": False, "cs360desk-cli": True}
    assert bundle.command_line_executable("win32") == "cs360desk-cli.exe"

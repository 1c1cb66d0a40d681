"""Builds CS360 Desk for the OS this runs on: `python installer/build.py` (or `make installer`).

PyInstaller makes the one-folder app in dist/CS360Desk; then
* Windows: a portable zip (with its `portable` marker) and, when Inno Setup's compiler is
  installed, the per-user setup program;
* Linux: a .tar.gz holding the folder, its menu entry and `install.sh`;
* other systems: the folder only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from bundle import BUNDLE_NAME, ROOT, app_version

from cs360desk.i18n.catalog import compile_all

INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "cs360desk.spec"
ISS = INSTALLER / "windows" / "cs360desk.iss"
LINUX_FILES = (INSTALLER / "linux" / "cs360desk.desktop", INSTALLER / "linux" / "install.sh")
# Where the Inno Setup 6 installer puts its compiler (os.environ ignores case on Windows).
ISCC_FOLDERS = (
    ("PROGRAMFILES(X86)", "Inno Setup 6"),
    ("PROGRAMFILES", "Inno Setup 6"),
    ("LOCALAPPDATA", "Programs/Inno Setup 6"),
)


class BuildError(Exception):
    """A step failed; the message says which and why."""


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the app's folder."""
    # The bundle ships compiled catalogs; a fresh checkout has only their .po sources.
    try:
        compile_all()
    except (OSError, ValueError) as error:
        raise BuildError(f"the message catalogs did not compile: {error}") from error
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")
    bundle = dist / BUNDLE_NAME
    if not bundle.is_dir():
        raise BuildError(f"PyInstaller reported success but {bundle} is missing")
    return bundle


def linux_archive(bundle: Path, version: str) -> Path:
    """`CS360Desk-<version>-linux-<machine>.tar.gz`, with the menu entry and its installer."""
    for source in LINUX_FILES:
        target = bundle / source.name
        shutil.copyfile(source, target)
        target.chmod(0o755 if source.suffix == ".sh" else 0o644)
    archive = bundle.parent / f"{BUNDLE_NAME}-{version}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=BUNDLE_NAME)
    return archive


def portable_zip(bundle: Path, version: str) -> Path:
    """`CS360Desk-<version>-windows-portable.zip`: unzip anywhere (a USB stick) and run; the
    `portable` marker keeps the workspace and settings in `data` beside the program."""
    archive = bundle.parent / f"{BUNDLE_NAME}-{version}-windows-portable.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(bundle.rglob("*")):
            zipped.write(path, Path(BUNDLE_NAME) / path.relative_to(bundle))
        zipped.writestr(f"{BUNDLE_NAME}/portable", "")
    return archive


def find_iscc() -> Path | None:
    found = shutil.which("iscc")
    if found:
        return Path(found)
    for variable, folder in ISCC_FOLDERS:
        base = os.environ.get(variable)
        if base and (Path(base) / folder / "ISCC.exe").is_file():
            return Path(base) / folder / "ISCC.exe"
    return None


def windows_setup(bundle: Path, version: str) -> Path | None:
    """Compile the Inno Setup script against this bundle; None when Inno Setup is missing."""
    iscc = find_iscc()
    if iscc is None:
        return None
    command = [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DBundleDir={bundle}",
        f"/DOutputDir={bundle.parent}",
        str(ISS),
    ]
    if subprocess.run(command).returncode != 0:
        raise BuildError("Inno Setup could not compile installer/windows/cs360desk.iss")
    return bundle.parent / f"{BUNDLE_NAME}-{version}-setup.exe"


def package(bundle: Path, platform: str = sys.platform) -> list[Path]:
    """The files to hand out, next to the bundle folder."""
    version = app_version()
    if platform.startswith("linux"):
        return [linux_archive(bundle, version)]
    if platform == "win32":
        setup = windows_setup(bundle, version)
        if setup is None:
            print("Inno Setup 6 not found: made the portable zip only", file=sys.stderr)
        return [portable_zip(bundle, version), *([setup] if setup else [])]
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument(
        "--no-package", action="store_true", help="build the app folder only, no archives"
    )
    args = parser.parse_args(argv)
    try:
        bundle = build_bundle(args.dist.resolve(), args.work.resolve())
        made = [] if args.no_package else package(bundle)
    except BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    for path in [bundle, *made]:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Names the PyInstaller spec, the build script and the installer checks share.

The Inno Setup script cannot import this, so a test holds it to the same names.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folder PyInstaller writes under dist/; installer/windows/cs360desk.iss copies from it.
BUNDLE_NAME = "CS360Desk"
# Windows needs two programs: a windowed one for the Start menu and files (no console window
# flashes up) and a console one for the command line, where a windowed program cannot print.
WINDOWS_EXECUTABLES = {"CS360Desk": False, "cs360desk-cli": True}
OTHER_EXECUTABLES = {"cs360desk": False}


def executables(platform: str = sys.platform) -> dict[str, bool]:
    """Each program to build and whether it opens a console window (Windows only matters)."""
    return WINDOWS_EXECUTABLES if platform == "win32" else OTHER_EXECUTABLES


def command_line_executable(platform: str = sys.platform) -> str:
    """The program the checks run commands with: the console one where there are two."""
    programs = executables(platform)
    name = next((name for name, console in programs.items() if console), next(iter(programs)))
    return f"{name}.exe" if platform == "win32" else name


def app_version() -> str:
    """The version in cs360desk/__init__.py, read without importing the app."""
    text = (ROOT / "cs360desk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("cs360desk/__init__.py has no __version__")
    return match.group(1)

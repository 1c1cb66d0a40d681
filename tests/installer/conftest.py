"""The built app, made once per test session with installer/build.py, and a way to run it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
if str(INSTALLER) not in sys.path:
    sys.path.append(str(INSTALLER))  # build.py imports its neighbour bundle.py

import bundle  # noqa: E402

BUILD_TIMEOUT_S = 1800


def installer_module(name: str) -> ModuleType:
    """A script of installer/ loaded under its own name, so it shadows no installed package."""
    spec = importlib.util.spec_from_file_location(
        f"cs360desk_installer_{name}", INSTALLER / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class BuiltApp:
    bundle: Path  # dist/CS360Desk
    packages: list[Path]  # what build.py printed after the folder: the archives

    @property
    def executable(self) -> Path:
        return self.bundle / bundle.command_line_executable()

    def environment(self, home: Path) -> dict[str, str]:
        """The user's environment with a fresh home: nothing of theirs is read or written."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("XDG_", "CS360DESK_", "PYTHON", "QT_"))
        }
        home.mkdir(parents=True, exist_ok=True)
        return {**env, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8"}

    def run(self, *args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.executable), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.environment(home),
            cwd=home,
            timeout=timeout,
        )


@pytest.fixture(scope="session")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> BuiltApp:
    """PyInstaller's build of this checkout. A failed build fails every test that needs it."""
    out = tmp_path_factory.mktemp("installer")
    result = subprocess.run(
        [
            sys.executable,
            str(INSTALLER / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr[-8000:]}"
    printed = [Path(line) for line in result.stdout.splitlines() if line.strip()]
    assert printed and printed[0] == out / "dist" / bundle.BUNDLE_NAME, result.stdout
    return BuiltApp(bundle=printed[0], packages=printed[1:])

"""The large sample workspace, built once per seed and schema revision and kept in .cache/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cs360desk.db.migration import head_revision
from tests.benchmarks.figures import cache_path

CACHE_DIR = Path(".cache") / "bench"


def large_workspace(seed: int, cache_dir: Path = CACHE_DIR) -> Path:
    """The cached workspace file; built (about ten seconds) when it is missing."""
    target = cache_path(cache_dir, seed, head_revision())
    if target.is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(target.name + ".building")
    scratch.unlink(missing_ok=True)
    print(f"building the large sample workspace (seed {seed}) in {target} …", flush=True)
    command = [sys.executable, "-m", "cs360desk.app", "--db", str(scratch), "demo"]
    subprocess.run([*command, "--size", "large", "--seed", str(seed)], check=True)
    os.replace(scratch, target)
    return target


def scratch_copy(source: Path, folder: Path, name: str = "bench.cs360") -> Path:
    """A copy to work on, so no benchmark changes the cached file."""
    target = folder / name
    shutil.copyfile(source, target)
    return target

"""Write an export beside its target and swap it in, so a failure never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.tracker import ExportFileError


def write_atomically(
    target: Path | str,
    write: Callable[[Path], None],
    *,
    error: type[UserFacingError] = ExportFileError,
    suffix: str | None = None,
) -> Path:
    """Call `write` with a temporary path in the target's folder, then replace the target.

    Whatever goes wrong (or a cancel), the target is either the old file or the new one, no
    temporary file is left, and a file-system problem is raised as one clear `error`.
    """
    target = Path(target).expanduser()
    _check_target(target, error, suffix)
    scratch = target.with_name(f".~{target.stem}-{secrets.token_hex(4)}{target.suffix}")
    try:
        # os.open with 0o666 lets the umask decide, as for any file the user saves.
        os.close(os.open(scratch, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as problem:
        raise error(_explain(target, problem)) from problem
    try:
        write(scratch)
        os.replace(scratch, target)
    except OSError as problem:
        raise error(_explain(target, problem)) from problem
    finally:
        # The original error is the one worth reporting, not a failed clean-up.
        with contextlib.suppress(OSError):
            scratch.unlink(missing_ok=True)
    return target


def _check_target(target: Path, error: type[UserFacingError], suffix: str | None) -> None:
    if suffix is not None and target.suffix.lower() != suffix:
        raise error(f"{target.name}: the file name must end in {suffix}")
    folder = target.parent
    if not folder.is_dir():
        raise error(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise error(f"cannot write {target}: it is a folder; choose a file name")
    if not os.access(folder, os.W_OK):
        raise error(f"cannot write {target}: the folder {folder} is not writable")


def _explain(target: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and not target.parent.is_dir():
        return f"cannot write {target}: the folder {target.parent} does not exist"
    if isinstance(error, PermissionError):
        # On Windows a file open in a reader cannot be replaced: say so, it is the usual cause.
        return f"cannot write {target}: permission denied (is it open in another program?)"
    reason = error.strerror or str(error)
    return f"cannot write {target}: {reason}"

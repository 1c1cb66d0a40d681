"""Write an export beside its target and swap it in, so a failure never leaves half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import traceback
from collections.abc import Callable
from pathlib import Path

from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.private_files import FILE_MODE
from cs360desk.domain.tracker import ExportFileError

# No space, or the user's quota on it used up (Windows' "disk full" codes map to ENOSPC).
_DISK_FULL = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())


def write_atomically(
    target: Path | str,
    write: Callable[[Path], None],
    *,
    error: type[UserFacingError] = ExportFileError,
    suffix: str | None = None,
) -> Path:
    """Call `write` with a temporary path in the target's folder, then replace the target.

    Whatever goes wrong (or a cancel), the target is either the old file or the new one, no
    temporary file is left, and a file-system problem is raised as one clear `error`; a full
    disk says "not saved: the disk is full". The new file is its owner's only (0600 on Linux
    and macOS): exports hold people's names, wherever the user saves them.
    """
    target = Path(target).expanduser()
    _check_target(target, error, suffix)
    scratch = target.with_name(f".~{target.stem}-{secrets.token_hex(4)}{target.suffix}")
    try:
        # Owner-only from the start; the writers open it again and the mode stays.
        os.close(os.open(scratch, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    except OSError as problem:
        raise error(_explain(target, problem)) from problem
    try:
        write(scratch)
        _flush_to_disk(scratch)
        os.replace(scratch, target)
    except BaseException as problem:
        # reportlab and openpyxl leave their file open when a write fails, held by the
        # traceback's frames; Windows cannot delete an open file, so let those frames go.
        _let_frames_go(problem)
        _remove(scratch)
        if isinstance(problem, OSError):
            raise error(_explain(target, problem)) from problem
        raise
    return target


def _let_frames_go(problem: BaseException) -> None:
    """Clear the locals of the failed frames, of this error and of those it was raised from."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [problem]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        pending.extend((current.__cause__, current.__context__))


def _remove(scratch: Path) -> None:
    # The original error is the one worth reporting, not a failed clean-up.
    with contextlib.suppress(OSError):
        scratch.unlink(missing_ok=True)


def _flush_to_disk(path: Path) -> None:
    """The bytes reach the disk before the rename, so a power cut cannot leave the target
    empty; some file systems only report a full disk here, not on write."""
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
    if error.errno in _DISK_FULL:
        return f"not saved: the disk is full ({target}). Free some space, then try again."
    if isinstance(error, FileNotFoundError) and not target.parent.is_dir():
        return f"cannot write {target}: the folder {target.parent} does not exist"
    if isinstance(error, PermissionError):
        # On Windows a file open in a reader cannot be replaced: say so, it is the usual cause.
        return f"cannot write {target}: permission denied (is it open in another program?)"
    reason = error.strerror or str(error)
    return f"cannot write {target}: {reason}"

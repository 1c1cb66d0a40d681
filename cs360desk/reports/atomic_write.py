"""Write an export beside its target and swap it in, so a failure never leaves half a file."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cs360desk.domain.tracker import ExportFileError


def write_atomically(target: Path, suffix: str, write: Callable[[Path], None]) -> None:
    """Call `write` with a temporary path in the target's folder, then replace the target."""
    target = Path(target).expanduser()
    if target.suffix.lower() != suffix:
        raise ExportFileError(f"{target.name}: the file name must end in {suffix}")
    folder = target.parent
    if not folder.is_dir():
        raise ExportFileError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportFileError(f"cannot write {target}: it is a folder")
    if not os.access(folder, os.W_OK):
        raise ExportFileError(f"cannot write {target}: the folder {folder} is not writable")
    # Named, not mkstemp'd: the file is created with the user's usual permissions.
    scratch = folder / f".~{target.stem}-{secrets.token_hex(4)}{suffix}"
    try:
        write(scratch)
        os.replace(scratch, target)
    except PermissionError as error:
        raise ExportFileError(
            f"cannot write {target}: permission denied (is it open in another program?)"
        ) from error
    except OSError as error:
        raise ExportFileError(f"cannot write {target}: {error.strerror or error}") from error
    finally:
        scratch.unlink(missing_ok=True)

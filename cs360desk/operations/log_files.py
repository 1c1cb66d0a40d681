"""The app's log file: standard `logging` to a few rotating UTF-8 files in the user log folder."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO, cast

from cs360desk.domain.private_files import make_private_folder, private_opener
from cs360desk.operations.app_folders import log_folder

LOG_ENV = "CS360DESK_LOG_DIR"
LOG_NAME = "cs360desk.log"
# A few MB of history is weeks of ordinary use, and little enough for an old laptop's disk.
MAX_BYTES = 2_000_000
KEPT_FILES = 4
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"


class AppLogFile(RotatingFileHandler):
    """The rotating log file; a write that fails is noted on stderr once, then dropped quietly.

    Logging must never stop the app: another copy may hold the file during rotation on
    Windows, or the disk may fill up. The files it creates are the user's only (0600 on Linux
    and macOS): log lines can name people.
    """

    def __init__(self, path: Path, err: TextIO | None) -> None:
        super().__init__(
            path,
            maxBytes=MAX_BYTES,
            backupCount=KEPT_FILES,
            encoding="utf-8",
            errors="backslashreplace",  # user text with lone surrogates still gets logged
        )
        self._err = err
        self._complained = False
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    @property
    def path(self) -> Path:
        return Path(self.baseFilename)

    def _open(self) -> TextIOWrapper:
        # logging's own _open, but a file it creates (the first, or the next after a rotation)
        # is owner-only; the rotated files are renamed, so they keep that.
        stream = open(  # noqa: SIM115 (the handler keeps it open)
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=private_opener,
        )
        return cast(TextIOWrapper, stream)  # a text mode ("a"), so a text stream

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        if not self._complained:
            self._complained = True
            _say(self._err, f"cannot write to the log file {self.path}; carrying on without it")


def default_log_folder() -> Path:
    """$CS360DESK_LOG_DIR when set, else the user's log folder (`data/logs` when portable)."""
    chosen = os.environ.get(LOG_ENV)
    return Path(chosen).expanduser() if chosen else log_folder()


@contextmanager
def logging_to(
    folder: Path, *, debug: bool = False, err: TextIO | None = None
) -> Iterator[Path | None]:
    """Log to `folder`/cs360desk.log, at INFO (DEBUG with `debug`), for the `with` block.

    Yields the file's path, or None when the folder cannot be written: then the app runs on
    without a file, having said so on `err` (stderr by default) once.
    """
    root = logging.getLogger()
    handler = _open_log_file(folder, err if err is not None else sys.stderr)
    previous_level = root.level
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    if handler is not None:
        root.addHandler(handler)
    try:
        yield handler.path if handler is not None else None
    finally:
        if handler is not None:
            root.removeHandler(handler)
            with suppress(OSError, ValueError):  # the last flush to a disk that went away
                handler.close()
        root.setLevel(previous_level)


def current_log_file() -> Path | None:
    """The log file being written now, for messages that point the user at it."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, AppLogFile):
            return handler.path
    return None


def _open_log_file(folder: Path, err: TextIO | None) -> AppLogFile | None:
    try:
        make_private_folder(folder)
        return AppLogFile(folder / LOG_NAME, err)
    except OSError as error:
        _say(err, f"cannot write the log file in {folder} ({error.strerror or error}); no log")
        return None


def _say(err: TextIO | None, text: str) -> None:
    # A windowed build has no stderr at all (None); a closed one must not raise either.
    if err is None:
        return
    with suppress(OSError, ValueError):
        print(f"cs360desk: {text}", file=err)

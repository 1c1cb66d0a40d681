"""A child process for the GUI figures; prints one JSON object on its last line of output.

Modes: ``bare`` (an empty QMainWindow), ``app`` (the main window painted, then the workspace
opened into it and the dashboard loaded), ``memory`` (the app with every section visited) and
``action_items`` (first page and filter keystroke timings, in this process; on a workspace
file or, for the PostgreSQL rows, a shared workspace's server URL).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WINDOW_SIZE = (1280, 800)
SEARCH_TEXT = "sch"  # typed one letter at a time, as a user narrows the list


def bare() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    _wait(window.isVisible)
    window.repaint()
    painted = time.monotonic()
    app.processEvents()
    return {"painted": painted}


def _wait(condition: Any, timeout_s: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def _main_window(db_path: Path | str, scratch: Path) -> tuple[Any, float]:
    """As `ui.application.run_gui` starts: the window painted, then the workspace opened into
    it and the dashboard loaded. Returns the window and when it was first painted."""
    from cs360desk.ui.common.settings import ini_settings
    from cs360desk.ui.shell.application import application, show_main_window

    application(sys.argv[:1])
    settings = ini_settings(scratch / "settings.ini")
    shown = db_path if isinstance(db_path, Path) else Path(db_path.rsplit("/", 1)[-1])
    window = show_main_window(shown, settings)
    _wait(window.isVisible)
    window.repaint()
    painted = time.monotonic()
    _open_into(window, settings, db_path)
    _wait(window.controller.first_page_ready)  # the dashboard shows its figures
    window.repaint()
    return window, painted


def _open_into(window: Any, settings: Any, location: Path | str) -> None:
    """The workspace file as the app opens it; a shared workspace (a server URL, for the
    PostgreSQL rows) opened as a workspace and loaded into the same window."""
    from cs360desk.ui.shell.opening import build_main_window, open_into

    if isinstance(location, str):
        from cs360desk.db.workspace import open_workspace

        build_main_window(open_workspace(location), settings, window=window)
    elif open_into(window, settings) is None:
        raise RuntimeError(f"{location} did not open")


def app(db_path: Path, scratch: Path) -> dict[str, Any]:
    _window, painted = _main_window(db_path, scratch)
    return {"painted": painted, "ready": time.monotonic()}


def memory(db_path: Path, scratch: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    window, _painted = _main_window(db_path, scratch)
    runner = window.controller.runner
    for index, _title in enumerate(window.controller.sections):
        window.sidebar.setCurrentRow(index)
        for _turn in range(3):  # a page that asks for more settles within a few turns
            QApplication.processEvents()
            _wait(lambda: not runner.busy)
        window.repaint()
    return {"vm_hwm_mb": _high_water_mark_mb(), "sections": len(window.controller.sections)}


def _high_water_mark_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def action_items(db_path: Path | str, scratch: Path, runs: int) -> dict[str, Any]:
    """Seconds from asking for the list to the first page painted, and per keystroke."""
    window, _painted = _main_window(db_path, scratch)
    controller = window.controller
    section = controller.sections["Action items"]
    window.sidebar.setCurrentRow(list(controller.sections).index("Action items"))
    _wait(lambda: not controller.runner.busy)
    view = section.view
    view.status_box.setCurrentIndex(0)  # "Any status": every item of the initiative
    _wait(lambda: not controller.runner.busy)
    first_page = [_until_loaded(section, lambda: section.show_initiative(controller.initiative_id))
                  for _ in range(runs)]  # fmt: skip
    keystrokes = []
    for _ in range(runs):
        if view.search_box.text():
            _until_loaded(section, lambda: _type(view, ""))
        for length in range(1, len(SEARCH_TEXT) + 1):
            text = SEARCH_TEXT[:length]
            keystrokes.append(_until_loaded(section, lambda text=text: _type(view, text)))
    return {
        "first_page": first_page,
        "keystroke": keystrokes,
        "rows": section.view.model.rowCount(),
    }


def _type(view: Any, text: str) -> None:
    view.search_box.setText(text)
    view.search_box.returnPressed.emit()  # Enter: skips the pause that waits for more typing


def _until_loaded(section: Any, action: Any) -> float:
    """Seconds from `action` until the section has loaded and painted what it loaded.

    The paint timed is the one the event loop makes for the change, which is the one the user
    sees; the probe flushes it if it is still pending. (A forced repaint on top would time a
    second paint of the whole page that no user waits for.)
    """
    from PySide6.QtWidgets import QApplication

    done: list[bool] = []
    section.loaded.connect(lambda: done.append(True))
    started = time.perf_counter()
    action()
    _wait(lambda: bool(done))
    QApplication.processEvents()  # the pending paint, when the wait ended before it
    elapsed = time.perf_counter() - started
    section.loaded.disconnect()
    return elapsed


def _location(argument: str) -> Path | str:
    """A workspace file, or a shared workspace's server URL."""
    return argument if argument.startswith("postgresql://") else Path(argument)


def main(argv: list[str]) -> int:
    mode = argv[0]
    with tempfile.TemporaryDirectory(prefix="cs360-bench-") as folder:
        scratch = Path(folder)
        if mode == "bare":
            result = bare()
        elif mode == "app":
            result = app(Path(argv[1]), scratch)
        elif mode == "memory":
            result = memory(Path(argv[1]), scratch)
        else:
            result = action_items(_location(argv[1]), scratch, int(argv[2]))
        print(json.dumps(result), flush=True)
    os._exit(0)  # the figures are out; skip Qt's teardown, which is not what we measure


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run-time hook of the built app: tells Qt where its plugins are, before any app code runs.

It stands in for PyInstaller's own PySide6 hook (the spec drops that one), which sets the same
paths but also imports QtCore at every start, only to check for a qt.conf that the PySide6
wheels embed themselves: that cost every command-line run about 150 ms.
"""

import os
import sys


def _point_qt_at_the_bundle() -> None:
    # The wheels keep Qt's plugins in PySide6/plugins on Windows, PySide6/Qt/plugins elsewhere.
    bundle = sys._MEIPASS  # type: ignore[attr-defined]  # set by PyInstaller's bootloader
    qt = os.path.join(bundle, "PySide6", *([] if sys.platform == "win32" else ["Qt"]))
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if sys.platform == "win32":
        # Plugins and any DLL collected at the top of the bundle are found through PATH.
        os.environ["PATH"] = bundle + os.pathsep + os.environ.get("PATH", "")


_point_qt_at_the_bundle()

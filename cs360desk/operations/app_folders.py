"""Where the app keeps its files by default, for the faces that must not reach into db/."""

from __future__ import annotations

from cs360desk.db.app_folders import default_workspace, log_folder, portable_settings_file

__all__ = ["default_workspace", "log_folder", "portable_settings_file"]

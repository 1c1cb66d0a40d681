"""The PySide6 desktop face of CS360 Desk: windows, views, dialogs and background tasks."""

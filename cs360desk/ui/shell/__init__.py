"""The frame of the app: start-up, opening the workspace, main window, first run, search."""

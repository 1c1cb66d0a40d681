"""The Reports section: choose a report, build it in the background, preview, print and save it."""

"""The Excel & calendar section: export the tracker, import it with a preview, calendars."""

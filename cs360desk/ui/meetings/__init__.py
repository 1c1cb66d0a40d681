"""The Meetings section: the list of meetings and one meeting's agenda, attendance, minutes."""

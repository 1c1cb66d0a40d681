"""The Dashboard section: momentum signals, the next meetings and the overdue work."""

"""Use cases over a Session: validate, read and write, return frozen records; no Qt."""

"""Tests of cs360desk.services."""

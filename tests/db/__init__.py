"""Tests of cs360desk.db."""

"""Tests of cs360desk.domain."""

"""Benchmarks of the scale targets (issue 8); run with `make bench`, never by pytest."""

"""CS360 Desk: an offline workbench for CS360 problem solving in small police agencies."""

__version__ = "0.1.0"

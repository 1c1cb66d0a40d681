"""Starts CS360 Desk; the same as the `cs360desk` command."""

import sys

from cs360desk.app import main

if __name__ == "__main__":
    sys.exit(main())

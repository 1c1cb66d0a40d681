"""Every operation test that takes `workspace` or `sample` runs on a workspace file and on a
PostgreSQL server (tests/backends.py)."""

from tests.backends import (  # noqa: F401
    backend,
    file_workspace,
    sample,
    sample_location,
    workspace,
    workspace_location,
)

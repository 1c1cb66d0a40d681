"""The sample agency: fill an empty workspace with it, or make a workspace that holds it."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from cs360desk.db.copying import clear_rows
from cs360desk.db.snapshots import take_snapshot
from cs360desk.db.workspace import BackupPlan, Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import make_private_folder
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.operations.progress import Progress
from cs360desk.operations.workspaces import WorkspaceSession
from cs360desk.services.sample_agency import SampleSize, SampleSummary, generate_sample_agency
from cs360desk.services.workspace_info import is_empty

__all__ = [
    "AgencyPresentError",
    "SampleOutcome",
    "SampleSize",
    "SampleWorkspace",
    "add_sample_agency",
    "create_sample_workspace",
]


class SampleOutcome(Enum):
    WRITTEN = "written"
    LEFT_AS_IS = "left as it is"
    REPLACED = "replaced"


@dataclass(frozen=True)
class SampleWorkspace:
    path: Path | WorkspaceLocation
    outcome: SampleOutcome
    kept: Path | None = None  # a replaced workspace, kept beside the new one (or a snapshot)


class AgencyPresentError(WorkspaceError):
    """The workspace already holds an agency and replacing it was not asked for."""

    def __init__(self, path: Path | WorkspaceLocation) -> None:
        super().__init__(f"{path} already holds an agency (the sample goes into a new one)")
        self.path = path


def add_sample_agency(
    session: WorkspaceSession,
    *,
    size: SampleSize = "small",
    seed: int = 1,
    today: date,
    progress: Progress | None = None,
) -> SampleSummary:
    """Fill an empty workspace with the sample agency within the caller's transaction."""
    return generate_sample_agency(session, size=size, seed=seed, today=today, progress=progress)


def create_sample_workspace(
    *,
    path: Path | WorkspaceLocation,
    size: SampleSize,
    seed: int,
    today: date,
    keep_existing: bool = False,
    force: bool = False,
    progress: Progress | None = None,
) -> SampleWorkspace:
    """A workspace at `path` holding the sample agency; a new or empty one is filled.

    One that already holds an agency raises AgencyPresentError, unless `force` (it is
    replaced and kept beside as `*.replaced-DATE`; on a server, as a snapshot in its backup
    folder) or `keep_existing` (it is left alone)."""
    recipe = _Recipe(size, seed, today, progress)
    location = WorkspaceLocation.parse(path)
    if not location.is_file:
        return _on_server(location, recipe, keep_existing=keep_existing, force=force)
    path = location.require_file()
    if not path.exists():
        make_private_folder(path.parent)
        recipe.fill(open_workspace(path))
        return SampleWorkspace(path, SampleOutcome.WRITTEN)
    existing = open_workspace(path)
    try:
        with existing.session_factory.begin() as session:
            empty = is_empty(session)
    except BaseException:
        existing.close()
        raise
    if empty:
        recipe.fill(existing)
        return SampleWorkspace(path, SampleOutcome.WRITTEN)
    existing.close()
    if keep_existing and not force:
        return SampleWorkspace(path, SampleOutcome.LEFT_AS_IS)
    if not force:
        raise AgencyPresentError(path)
    return SampleWorkspace(path, SampleOutcome.REPLACED, _replace(path, recipe))


@dataclass(frozen=True)
class _Recipe:
    size: SampleSize
    seed: int
    today: date
    progress: Progress | None

    def fill(self, workspace: Workspace) -> None:
        """The sample in one transaction; the workspace is closed after, whatever happens."""
        try:
            with workspace.session_factory.begin() as session:
                add_sample_agency(
                    session, size=self.size, seed=self.seed, today=self.today,
                    progress=self.progress,
                )  # fmt: skip
        finally:
            workspace.close()


def _on_server(
    location: WorkspaceLocation, recipe: _Recipe, *, keep_existing: bool, force: bool
) -> SampleWorkspace:
    workspace = open_workspace(location)
    try:
        with workspace.session_factory.begin() as session:
            empty = is_empty(session)
        if not empty and keep_existing and not force:
            return SampleWorkspace(location, SampleOutcome.LEFT_AS_IS)
        if not empty and not force:
            raise AgencyPresentError(location)
        kept = None
        if not empty:
            kept = take_snapshot(
                location, workspace.engine, BackupPlan.beside(location).folder
            ).path
        # One transaction: the old records go and the sample comes, or neither.
        with workspace.session_factory.begin() as session:
            clear_rows(session.connection())
            add_sample_agency(
                session, size=recipe.size, seed=recipe.seed, today=recipe.today,
                progress=recipe.progress,
            )  # fmt: skip
    finally:
        workspace.close()
    outcome = SampleOutcome.REPLACED if kept else SampleOutcome.WRITTEN
    return SampleWorkspace(location, outcome, kept)


def _replace(path: Path, recipe: _Recipe) -> Path:
    """Build the new workspace beside the old one, then swap; returns where the old is kept."""
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".cs360-demo-") as scratch:
        fresh = Path(scratch) / path.name
        recipe.fill(open_workspace(fresh))
        kept = path.with_name(f"{path.name}.replaced-{time.strftime('%Y%m%d-%H%M%S')}")
        path.rename(kept)
        fresh.rename(path)
    return kept

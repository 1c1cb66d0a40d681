"""One undoable write of the Meetings section: run on the worker, recorded, told in the status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import UserFacingError
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession

T = TypeVar("T")
Refused = Callable[[UserFacingError], None]


class EditWriter:
    """Every save goes through `write`: the Edit lands in the undo history, the user is told."""

    def __init__(self, context: SectionContext) -> None:
        self._context = context

    def write(
        self,
        job: Callable[[WorkSession], tuple[T, Edit]],
        *,
        done: str,
        on_saved: Callable[[T], None],
        on_refused: Refused | None = None,
    ) -> None:
        """`done` goes to the status bar ("" to let `on_saved` say something else)."""
        context = self._context

        def succeeded(result: tuple[T, Edit]) -> None:
            value, edit = result
            context.history.record(edit)
            if done:
                context.show_status(done)
            on_saved(value)

        def failed(error: BaseException) -> None:
            if isinstance(error, UserFacingError) and on_refused is not None:
                context.show_status(f"Not saved: {error}")
                on_refused(error)
            else:
                context.runner.report_failure(error)

        context.runner.run(job, on_success=succeeded, on_failure=failed)

    def read(self, job: Callable[[WorkSession], T], on_loaded: Callable[[T], None]) -> None:
        """A load that changes nothing; failures go to the app-wide reporter."""
        self._context.runner.run(job, on_success=on_loaded)


def edit_only(edit: Edit) -> tuple[Any, Edit]:
    """For writes whose only result is the Edit (moves, deletes, bulk fills)."""
    return bool(edit), edit

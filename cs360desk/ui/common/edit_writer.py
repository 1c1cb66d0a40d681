"""The one way a view writes: on the worker, the Edit recorded for undo, the user told."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import UserFacingError
from cs360desk.i18n import _
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession

T = TypeVar("T")
Refused = Callable[[UserFacingError], None]
Failed = Callable[[BaseException], None]


def _nothing(_value: object) -> None:
    """For writes whose caller has nothing to do once saved but say so."""


class EditWriter:
    """Every save of every section goes through `write`: its Edit lands in the undo history.

    Only this class records edits, so undo, redo and the other sections' reloading see all.
    """

    def __init__(self, context: SectionContext) -> None:
        self._context = context

    def write(
        self,
        job: Callable[[WorkSession], tuple[T, Edit]],
        *,
        done: str | Callable[[T, Edit], str] = "",
        on_saved: Callable[[T], None] = _nothing,
        on_refused: Refused | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        """Run `job`; once it has saved, record its Edit, say `done`, call `on_saved`.

        `done` goes to the status bar, translated ("" to let `on_saved` say something else), or
        is made from the saved value and the Edit (whose label says what was done). A refusal the
        user can act on (UserFacingError) is said in the status bar and handed to
        `on_refused`; `on_failed` instead takes every failure. Without either, failures go to
        the app-wide reporter.
        """
        context = self._context

        def succeeded(result: tuple[T, Edit]) -> None:
            value, edit = result
            self.record(edit)
            said = done if isinstance(done, str) else done(value, edit)
            if said:
                context.show_status(said)
            on_saved(value)

        def failed(error: BaseException) -> None:
            if on_failed is not None:
                on_failed(error)
            elif isinstance(error, UserFacingError) and on_refused is not None:
                context.show_status(_("Not saved: {error}").format(error=error))
                on_refused(error)
            else:
                context.runner.report_failure(error)

        context.runner.run(job, on_success=succeeded, on_failure=failed)

    def record(self, edit: Edit) -> None:
        """An Edit saved by work run another way: a long job with progress, a load that filled
        something in. Undo takes it back like any other.
        """
        self._context.history.record(edit)

    def read(self, job: Callable[[WorkSession], T], on_loaded: Callable[[T], None]) -> None:
        """A load that changes nothing; failures go to the app-wide reporter."""
        self._context.runner.run(job, on_success=on_loaded)


def edit_only(edit: Edit) -> tuple[bool, Edit]:
    """For writes whose only result is the Edit (moves, bulk fills): whether it changed any."""
    return bool(edit), edit

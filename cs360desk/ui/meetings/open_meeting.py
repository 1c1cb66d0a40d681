"""What the agenda and attendance controllers need of the meeting editor they work inside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.meeting_views import MeetingSheet


class OpenMeeting(Protocol):
    """The meeting shown in the editor, and how its parts tell the user and reload."""

    @property
    def sheet(self) -> MeetingSheet | None: ...

    @property
    def meeting_id(self) -> int | None: ...

    def show_status(self, text: str) -> None: ...

    def show_problem(self, error: UserFacingError) -> None: ...

    def reload_parts(self, then: Callable[[], None] | None = None) -> None: ...

"""Read model of the initiative page: its stages as a stepper, with the day each was reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cs360desk.domain.enums import Stage
from cs360desk.domain.problem_views import Choice
from cs360desk.domain.records import InitiativeRecord, StageChangeRecord

STAGES: tuple[Stage, ...] = tuple(Stage)


class StepState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    AHEAD = "ahead"


@dataclass(frozen=True)
class StageStep:
    stage: Stage
    state: StepState
    reached_on: date | None  # None: ahead, or reached before the app kept stage dates
    note: str


def next_stage(stage: Stage) -> Stage | None:
    position = STAGES.index(stage)
    return STAGES[position + 1] if position + 1 < len(STAGES) else None


def stage_steps(
    initiative: InitiativeRecord, changes: tuple[StageChangeRecord, ...]
) -> tuple[StageStep, ...]:
    """One step per stage; the latest record of a stage wins, the initiative's dates fill gaps."""
    current = STAGES.index(initiative.stage)
    latest: dict[Stage, StageChangeRecord] = {}
    for change in sorted(changes, key=lambda c: (c.reached_on, c.id)):
        latest[change.stage] = change
    steps = []
    for position, stage in enumerate(STAGES):
        if position > current:
            steps.append(StageStep(stage, StepState.AHEAD, None, ""))
            continue
        record = latest.get(stage)
        reached = record.reached_on if record else None
        if reached is None and stage is Stage.LAUNCH:
            reached = initiative.started_on
        if reached is None and position == current:
            reached = initiative.stage_changed_on
        state = StepState.CURRENT if position == current else StepState.DONE
        steps.append(StageStep(stage, state, reached, record.note if record else ""))
    return tuple(steps)


@dataclass(frozen=True)
class InitiativePage:
    initiative: InitiativeRecord
    steps: tuple[StageStep, ...]
    history: tuple[StageChangeRecord, ...]  # newest first
    people: tuple[Choice, ...]

    @property
    def next_stage(self) -> Stage | None:
        return next_stage(self.initiative.stage)

"""The closed vocabularies: labels users read, and parsing of both values and labels."""

from __future__ import annotations

import pytest

from cs360desk.domain import enums
from cs360desk.domain.enums import (
    ActionStatus,
    Cadence,
    Channel,
    Frequency,
    GoalDimension,
    LabeledEnum,
    MemberRole,
    PaperSize,
    Stage,
    TeamKind,
)

ALL_ENUMS = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, LabeledEnum) and value is not LabeledEnum
]


def test_there_are_enums_to_check() -> None:
    assert len(ALL_ENUMS) >= 25


@pytest.mark.parametrize("enum_class", ALL_ENUMS, ids=lambda e: e.__name__)
def test_every_member_parses_from_value_and_label(enum_class: type[LabeledEnum]) -> None:
    for member in enum_class:
        assert enum_class.parse(member.value) is member
        assert enum_class.parse(member.label) is member
        assert enum_class.parse(f"  {member.label.upper()} ") is member


@pytest.mark.parametrize("enum_class", ALL_ENUMS, ids=lambda e: e.__name__)
def test_labels_are_distinct_and_readable(enum_class: type[LabeledEnum]) -> None:
    labels = [member.label.casefold() for member in enum_class]
    assert len(set(labels)) == len(labels)
    assert all(label.strip() and "_" not in label for label in labels)


@pytest.mark.parametrize(
    ("member", "label"),
    [
        (ActionStatus.IN_PROGRESS, "In progress"),
        (Stage.PROBLEM_SOLVING, "Problem-Solving"),
        (TeamKind.PROBLEM_SOLVING_TEAM, "Problem-Solving Team"),
        (MemberRole.NOTE_TAKER, "Note-taker"),
        (GoalDimension.PARTNERS, "Integrate and elevate community and government partners"),
        (PaperSize.LETTER, "US Letter"),
        (Stage.LAUNCH, "Launch"),
    ],
)
def test_labels(member: LabeledEnum, label: str) -> None:
    assert member.label == label


@pytest.mark.parametrize("text", ["", "   ", "finished", "in-progress", "open!", "opened"])
def test_unknown_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        ActionStatus.parse(text)


def test_closed_statuses() -> None:
    closed = {status for status in ActionStatus if status.is_closed}
    assert closed == {ActionStatus.DONE, ActionStatus.CANCELLED}


def test_public_channels() -> None:
    public = {channel for channel in Channel if channel.is_public}
    assert public == {Channel.SOCIAL_MEDIA, Channel.WEBSITE, Channel.PRESS_RELEASE}


def test_cadence_and_frequency_days() -> None:
    assert [cadence.days for cadence in Cadence] == [7, 14, 31, 92]
    assert [frequency.days for frequency in Frequency] == [7, 31, 92, 366]

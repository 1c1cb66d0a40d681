"""Every write a returned tracker asks for, checked by the records' own rules, writing nothing.

The preview and the apply both run this one check, so they find the same errors; the apply
then writes exactly the values that passed. Rows are checked in file order, each seeing the
rows before it as done: a new action item is there for its own progress note, and a unique
key (a measure's period end) an earlier row takes is taken for the rows after it. A key a
stored record holds stays taken for the whole import, even when a row moves that record
elsewhere: the rows are written together, in no promised order, so no row may count on
another going first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from cs360desk.domain.errors import ValidationError
from cs360desk.domain.tracker import RowOutcome, RowProblem, RowStatus
from cs360desk.services.entities import DatabaseRows, table_of, unique_groups
from cs360desk.services.tracker_plans import RowPlan, RowWrite

_Key = tuple[str, tuple[str, ...], tuple[Any, ...]]


@dataclass(frozen=True)
class CheckedWrite:
    """A row's write that passed every rule: the whole records to store, as checked."""

    write: RowWrite
    values: dict[str, Any]
    # One per child of the write, in order; the parent field of a new record's children
    # holds its placeholder id until the record is written.
    children: tuple[dict[str, Any], ...]
    placeholder: int | None


class ImportRows:
    """The workspace's rows as the import sees them: the stored ones and those it adds.

    Answers the questions the records' rules ask (does this row exist, is this key free)
    from what was read once, asking the database only about rows it has not seen.
    """

    def __init__(self, session: Session) -> None:
        self._database = DatabaseRows(session)
        self._session = session
        self._known: dict[str, dict[int, bool]] = {}
        # (table, key columns, first column's value) -> stored key -> id of its holder.
        self._stored: dict[tuple[str, tuple[str, ...], Any], dict[tuple[Any, ...], int]] = {}
        self._claimed: dict[_Key, int] = {}
        self._placeholders = 0

    def know(self, table: Table, ids: Iterable[int]) -> None:
        """These rows were read in this transaction: they exist."""
        self._known.setdefault(table.name, {}).update(dict.fromkeys(ids, True))

    def exists(self, table: Table, record_id: int) -> bool:
        known = self._known.setdefault(table.name, {})
        if record_id not in known:
            known[record_id] = self._database.exists(table, record_id)
        return known[record_id]

    def taken(self, table: Table, key: Mapping[str, Any], other_than: int | None) -> bool:
        names, values = tuple(key), tuple(key.values())
        claimed = self._claimed.get((table.name, names, values))
        if claimed is not None and claimed != other_than:
            return True
        holder = self._holders(table, names, values[0]).get(values)
        return holder is not None and holder != other_than

    def placeholder(self, table: Table) -> int:
        """An id for a record the import would add, until the database gives it one."""
        self._placeholders -= 1
        self.know(table, [self._placeholders])
        return self._placeholders

    def claim(self, table: Table, record_id: int, values: Mapping[str, Any]) -> None:
        """The record will hold its unique keys: later rows cannot take them."""
        for group in unique_groups(table):
            names = tuple(column.key for column in group)
            key = tuple(values.get(name) for name in names)
            if None not in key:
                self._claimed[(table.name, names, key)] = record_id

    def _holders(
        self, table: Table, names: tuple[str, ...], first: Any
    ) -> dict[tuple[Any, ...], int]:
        """The stored keys sharing their first value, read in one query the first time."""
        found = self._stored.get((table.name, names, first))
        if found is None:
            columns = [table.c[name] for name in names]
            query = select(table.c.id, *columns).where(columns[0] == first)
            found = {tuple(row[1:]): row[0] for row in self._session.execute(query)}
            self._stored[(table.name, names, first)] = found
        return found


def check_plans(
    session: Session, plans: Iterable[RowPlan], rows: ImportRows
) -> tuple[list[RowOutcome], list[CheckedWrite]]:
    """Each row's outcome once its write is checked, and the writes that passed, in order."""
    outcomes: list[RowOutcome] = []
    passed: list[CheckedWrite] = []
    for plan in plans:
        if plan.write is None or plan.outcome.status is RowStatus.ERROR:
            outcomes.append(plan.outcome)
            continue
        try:
            passed.append(_check(session, plan.write, rows))
        except ValidationError as error:
            column, ref = plan.cell_of(error.field)
            problem = RowProblem(column, ref, error.problem)
            outcomes.append(_failed(plan.outcome, problem))
            continue
        outcomes.append(plan.outcome)
    return outcomes, passed


def _check(session: Session, write: RowWrite, rows: ImportRows) -> CheckedWrite:
    table = table_of(write.service.model)
    values = write.service.validated(session, write.values, write.target, rows=rows)
    placeholder = rows.placeholder(table) if write.target is None else None
    record_id = write.target.id if write.target is not None else placeholder
    children = tuple(
        child.service.validated(session, {**child.values, child.parent_field: record_id}, rows=rows)
        for child in write.children
    )
    assert record_id is not None
    rows.claim(table, record_id, values)
    for child, child_values in zip(write.children, children, strict=True):
        child_table = table_of(child.service.model)
        rows.claim(child_table, rows.placeholder(child_table), child_values)
    return CheckedWrite(write, values, children, placeholder)


def _failed(outcome: RowOutcome, problem: RowProblem) -> RowOutcome:
    return replace(outcome, status=RowStatus.ERROR, problems=(*outcome.problems, problem))

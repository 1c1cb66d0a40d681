"""Folded copies of text that "contains" searches read, kept by the database itself.

`action_item_search` holds, for every action item, its title and details in the form
`cs360desk.domain.text_search.folded` gives them. Searching it compares plain strings inside
SQLite instead of calling Python to fold each row on every keystroke.

Triggers on `action_item` (revision 0005) write it: every insert, every change of a title or
details and every delete, whether it comes from the ORM, undo and redo, a tracker import or
the sample agency's bulk inserts. They call the `cs360_fold` SQL function every workspace
connection registers (db/engine.py). It has no foreign key on purpose: undo and History
restore the rows a delete cascades to, found by their foreign keys (db/cascades.py), and these
rows are the triggers' business alone.

A migration that rebuilds `action_item` (Alembic's batch mode copies and drops the table)
drops its triggers too and must create them again; tests/db checks they exist at head.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, Table, Text

from cs360desk.db.base import Base

action_item_search = Table(
    "action_item_search",
    Base.metadata,
    Column("id", Integer, primary_key=True),  # the action item's id
    Column("title", Text, nullable=False),
    Column("details", Text, nullable=False),
)

"""The search fold as a PostgreSQL function, so the server folds exactly as the app does.

SQLite calls the app's own Python fold (db/engine.py registers it on every connection); a
PostgreSQL server cannot, so this module writes `cs360_fold(text)` as SQL from the same
per-character table (`domain.text_search.changed_characters`): the characters that fold to
several are replaced, those that fold to one or none go through one `translate`, and the
text is composed (NFC) before and after, as `folded` does. Plain ASCII, most of what is
typed, takes a short path that lower-cases A to Z only (`lower()` would follow the
database's locale, and in a Turkish one "I" is not "i").
"""

from __future__ import annotations

from functools import cache
from string import ascii_lowercase, ascii_uppercase

from sqlalchemy import Connection, text

from cs360desk.db.engine import FOLD_FUNCTION
from cs360desk.domain.text_search import changed_characters

TRIGGER_FUNCTION = "cs360_action_item_search_sync"
TRIGGER = "action_item_search_sync"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# Latin letters with accents, as most typed text holds: one short `translate` folds them, and
# the long table of every script is only read for what is left over (PostgreSQL's translate
# looks each character up in its list one by one, so a short list is many times quicker).
_LATIN = range(0x00C0, 0x0250)


@cache
def fold_function_sql() -> str:
    """CREATE OR REPLACE FUNCTION cs360_fold(text): IMMUTABLE, so indexes may use it.

    Folding is idempotent (what a character folds to folds to itself), so folding the Latin
    letters first and then the rest gives the same text as one pass over the whole table."""
    singles: list[tuple[str, str]] = []
    removed: list[str] = []
    multiple: list[tuple[str, str]] = []
    for char, becomes in changed_characters():
        if len(becomes) == 1:
            singles.append((char, becomes))
        elif not becomes:
            removed.append(char)
        else:
            multiple.append((char, becomes))
    latin = [(char, becomes) for char, becomes in singles if ord(char) in _LATIN]
    latin_source = ascii_uppercase + "".join(char for char, _ in latin)
    latin_target = ascii_lowercase + "".join(becomes for _, becomes in latin)
    # translate() drops the characters of its first list that have no partner in the second.
    source = "".join(char for char, _ in singles) + "".join(removed)
    target = "".join(becomes for _, becomes in singles)
    replaced = "s"
    for char, becomes in multiple:
        replaced = f"replace({replaced}, {_literal(char)}, {_literal(becomes)})"
    # PL/pgSQL, not SQL: it keeps each statement's plan for the session, where a SQL
    # function with this long a body would be planned again on every call.
    return f"""
        CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(t text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fold$
        DECLARE
            s text;
        BEGIN
            IF t !~ {_NOT_ASCII} THEN
                RETURN translate(t, '{ascii_uppercase}', '{ascii_lowercase}');
            END IF;
            s := translate(normalize(t, NFC), {_literal(latin_source)}, {_literal(latin_target)});
            IF s !~ {_NOT_ASCII} THEN
                RETURN s;
            END IF;
            RETURN normalize(translate({replaced}, {_literal(source)}, {_literal(target)}), NFC);
        END
        $fold$
    """


_NOT_ASCII = "'[^\\x01-\\x7f]'"


# The action item search table kept by the server itself, as SQLite's triggers keep it.
SEARCH_TRIGGER_SQL = (
    f"""
    CREATE OR REPLACE FUNCTION {TRIGGER_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $sync$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            DELETE FROM action_item_search WHERE id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO action_item_search (id, title, details)
            VALUES (NEW.id, {FOLD_FUNCTION}(NEW.title), {FOLD_FUNCTION}(NEW.details))
            ON CONFLICT (id) DO UPDATE
                SET title = EXCLUDED.title, details = EXCLUDED.details;
        END IF;
        RETURN NULL;
    END
    $sync$
    """,
    f"""
    CREATE TRIGGER {TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF id, title, details
    ON action_item FOR EACH ROW EXECUTE FUNCTION {TRIGGER_FUNCTION}()
    """,
)
DROP_SEARCH_TRIGGER_SQL = (
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON action_item",
    f"DROP FUNCTION IF EXISTS {TRIGGER_FUNCTION}()",
)


def pause_search_trigger(connection: Connection) -> bool:
    """Stop the search trigger for the rest of this transaction, when this role owns the
    table (a copy's bulk insert then fills the search table in one statement: four times
    quicker than a trigger call per row); False, and nothing paused, otherwise."""
    owns = connection.execute(
        text(
            "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
            "WHERE oid = 'action_item'::regclass"
        )
    ).scalar()
    if not owns:
        return False
    connection.execute(text(f"ALTER TABLE action_item DISABLE TRIGGER {TRIGGER}"))
    return True


def refill_search_and_resume(connection: Connection) -> None:
    """Fold every action item into the search table at once, then start the trigger again."""
    connection.execute(text("DELETE FROM action_item_search"))
    connection.execute(
        text(
            "INSERT INTO action_item_search (id, title, details) "
            f"SELECT id, {FOLD_FUNCTION}(title), {FOLD_FUNCTION}(details) FROM action_item"
        )
    )
    connection.execute(text(f"ALTER TABLE action_item ENABLE TRIGGER {TRIGGER}"))

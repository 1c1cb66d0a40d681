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

from cs360desk.db.engine import FOLD_FUNCTION
from cs360desk.domain.text_search import changed_characters

TRIGGER_FUNCTION = "cs360_action_item_search_sync"
TRIGGER = "action_item_search_sync"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@cache
def fold_function_sql() -> str:
    """CREATE OR REPLACE FUNCTION cs360_fold(text): IMMUTABLE, so indexes may use it."""
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
    # translate() drops the characters of its first list that have no partner in the second.
    source = "".join(char for char, _ in singles) + "".join(removed)
    target = "".join(becomes for _, becomes in singles)
    replaced = "normalize(t, NFC)"
    for char, becomes in multiple:
        replaced = f"replace({replaced}, {_literal(char)}, {_literal(becomes)})"
    folded = f"normalize(translate({replaced}, {_literal(source)}, {_literal(target)}), NFC)"
    ascii_only = f"translate(t, '{ascii_uppercase}', '{ascii_lowercase}')"
    return (
        f"CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(t text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fold$ "
        f"SELECT CASE WHEN t !~ '[^\\x01-\\x7f]' THEN {ascii_only} ELSE {folded} END "
        "$fold$"
    )


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

"""The translation machinery: catalogs complete and current, languages per context, CLDR."""

from __future__ import annotations

import ast
import shutil
import threading
from datetime import date, datetime, time
from pathlib import Path

import pytest

import cs360desk
from cs360desk import i18n
from cs360desk.domain.enums import ActionStatus, MeetingStatus, Priority, Stage
from cs360desk.i18n import CLDR_DATA, LANGUAGES, _, count_of, language, pgettext
from cs360desk.i18n.catalog import check, compile_all, extracted, po_path
from cs360desk.i18n.formats import clock_time, long_date, month_names, month_year, number
from cs360desk.i18n.pseudo import is_pseudo, pseudo


def test_the_spanish_catalog_is_complete_and_current_with_the_source() -> None:
    problems = check("es")
    assert problems.missing == [], "run `make catalog` and translate the new messages"
    assert problems.obsolete == [], "run `make catalog`: the .po holds messages gone from code"
    assert problems.untranslated == []
    assert problems.fuzzy == []
    assert problems.placeholders == []


def test_the_catalog_holds_the_apps_messages() -> None:
    ids = {message.id for message in extracted() if message.id}
    assert len(ids) > 1000
    assert "Meetings" in ids


def test_a_stale_catalog_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A message in the source that the .po lacks, and a .po message the source lacks.
    source = po_path("es").read_text(encoding="utf-8")
    stale = tmp_path / "es" / "LC_MESSAGES" / "cs360desk.po"
    stale.parent.mkdir(parents=True)
    cut = source.index('msgctxt "stage"\nmsgid "Launch"')
    stale.write_text(
        source[:cut].rstrip()
        + '\n\nmsgid "A message nobody wrote"\nmsgstr "Nadie"\n\n'
        + source[cut:].split("\n\n", 1)[1],
        encoding="utf-8",
    )
    monkeypatch.setattr("cs360desk.i18n.catalog.po_path", lambda code: stale)
    problems = check("es")
    assert problems.missing == ["stage\x04Launch"]
    assert problems.obsolete == ["A message nobody wrote"]


def test_compiled_catalogs_load() -> None:
    (compiled,) = compile_all()
    assert compiled.suffix == ".mo" and compiled.stat().st_size > 10_000
    i18n.translations.cache_clear()
    with language("es"):
        assert _("Meetings") == "Reuniones"


def test_spanish_follows_the_catalogs_plural_rule() -> None:
    with language("es"):
        assert pgettext("action item status", "Open") == "Abierta"
        one, many = (
            count_of(1, "{n} meeting", "{n} meetings"),
            count_of(3, "{n} meeting", "{n} meetings"),
        )
    assert (one, many) == ("1 reunión", "3 reuniones")
    assert count_of(1, "{n} meeting", "{n} meetings") == "1 meeting"


def test_an_output_language_holds_for_its_block_and_its_thread_only() -> None:
    seen: list[str] = []
    with language("es"):
        worker = threading.Thread(target=lambda: seen.append(_("Meetings")))
        worker.start()
        worker.join()
        assert _("Meetings") == "Reuniones"
    assert seen == ["Meetings"]
    assert _("Meetings") == "Meetings"


def test_dates_times_and_numbers_come_from_cldr() -> None:
    day = date(2026, 12, 7)
    with language("es"):
        assert long_date(day) == "7 de diciembre de 2026"
        assert clock_time(time(19, 0)) == "7:00 p.m."
        assert month_year(day) == "diciembre de 2026"
        assert month_names()[0] == "enero"
    assert long_date(day) == "December 7, 2026"
    assert clock_time(datetime(2026, 12, 7, 19, 0)) == "7:00 PM"
    assert number(12345.5) == "12,345.5"


def test_labels_are_translated_and_parse_back_in_every_language() -> None:
    with language("es"):
        assert ActionStatus.IN_PROGRESS.label == "En curso"
        assert MeetingStatus.HELD.label == "Realizada"
        assert Stage.SCANNING.label == "Exploración"
    assert ActionStatus.IN_PROGRESS.label == "In progress"
    assert ActionStatus.parse("en curso") is ActionStatus.IN_PROGRESS
    assert ActionStatus.parse("In progress") is ActionStatus.IN_PROGRESS
    assert ActionStatus.parse("in_progress") is ActionStatus.IN_PROGRESS
    assert Priority.parse(" ALTA ") is Priority.HIGH
    with pytest.raises(ValueError):
        Priority.parse("urgentísima")


def test_language_codes_from_users_and_computers() -> None:
    assert i18n.normalize("es_MX.UTF-8") == "es"
    assert i18n.normalize("es-US") == "es"
    assert i18n.normalize("fr_FR") == "en"
    assert i18n.normalize(None) == "en"
    assert i18n.normalize("en-XA") == i18n.PSEUDO
    assert i18n.parse_language("ES") == "es"
    with pytest.raises(ValueError, match="choose one of en, es"):
        i18n.parse_language("fr")


def test_pseudo_translation_marks_text_and_keeps_placeholders() -> None:
    marked = pseudo("Deleted {n} meetings from %s. &Save")
    assert is_pseudo(marked)
    assert "{n}" in marked and "%s" in marked and "&" in marked
    assert "Meetings" not in marked
    with language(i18n.PSEUDO):
        assert is_pseudo(_("Meetings"))
        assert is_pseudo(ActionStatus.OPEN.label)


MARKERS = {"_", "N_", "NC_", "ngettext", "pgettext", "npgettext", "count_of"}


def _marked_literals_in_fstrings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Name)
                and inner.func.id in MARKERS
                and any(isinstance(arg, ast.Constant) for arg in inner.args)
            ):
                found.append(f"{path}:{inner.lineno}")
    return found


def test_no_message_hides_inside_an_f_string_where_extraction_cannot_see_it() -> None:
    package = Path(cs360desk.__file__).parent
    hidden = [
        place
        for path in sorted(package.rglob("*.py"))
        for place in _marked_literals_in_fstrings(path)
    ]
    assert hidden == [], "move the message out of the f-string"


def test_the_cldr_files_the_built_app_ships_are_all_its_languages_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import babel.localedata

    for name in CLDR_DATA:
        shutil.copy(Path(babel.localedata._dirname) / f"{name}.dat", tmp_path)
    monkeypatch.setattr(babel.localedata, "_dirname", str(tmp_path))
    monkeypatch.setattr(babel.localedata, "_cache", {})
    for code in LANGUAGES:
        with language(code):
            assert long_date(date(2026, 12, 7)) and clock_time(time(19, 0)) and number(1.5)
            assert month_year(date(2026, 12, 7))

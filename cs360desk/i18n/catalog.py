"""The message catalogs' pipeline, over Babel: extract, update, compile, check.

    python -m cs360desk.i18n.catalog update    # after changing strings: .pot and every .po
    python -m cs360desk.i18n.catalog compile   # .po → .mo (make locale; the installer too)
    python -m cs360desk.i18n.catalog check     # fails on a stale, fuzzy or untranslated .po

The `.po` files are the source of truth, in git; the `.mo` files are built.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from cs360desk import __version__
from cs360desk.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE_DIR = LOCALE_DIR.parent.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# The markers of cs360desk.i18n and cs360desk.domain.enums, beside gettext's own.
KEYWORDS = {**DEFAULT_KEYWORDS, "count_of": (2, 3), "NC_": ((1, "c"), 2)}
_FIELD = re.compile(r"\{[^{}]*\}")
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def extracted() -> Catalog:
    """Every marked message of the package's source, as Babel finds it."""
    catalog = Catalog(
        project="CS360 Desk",
        version=__version__,
        copyright_holder="the CS360 Desk maintainers",
        msgid_bugs_address="the CS360 Desk maintainers",
        domain=DOMAIN,
        charset="utf-8",
    )
    method_map = [("**.py", "python")]
    found = extract_from_dir(
        str(PACKAGE_DIR), method_map, keywords=KEYWORDS, comment_tags=("NOTE",)
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(f"cs360desk/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def update() -> None:
    catalog = extracted()
    with TEMPLATE.open("wb") as stream:
        write_po(stream, catalog, width=100, sort_by_file=True)
    for code in TRANSLATED:
        path = po_path(code)
        command = "update" if path.exists() else "init"
        args = [
            "pybabel",
            command,
            "-i",
            str(TEMPLATE),
            "-d",
            str(LOCALE_DIR),
            "-D",
            DOMAIN,
            "-l",
            code,
            "-w",
            "100",
        ]
        if command == "update":
            args += ["--no-fuzzy-matching", "--ignore-obsolete"]
        CommandLineInterface().run(args)  # type: ignore[no-untyped-call]


def compile_all() -> list[Path]:
    written = []
    for code in TRANSLATED:
        source = po_path(code)
        with source.open("rb") as stream:
            catalog = read_po(stream, locale=code)
        target = source.with_suffix(".mo")
        # Written beside and renamed: a reader never sees half a catalog.
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as compiled:
            write_mo(compiled, catalog, use_fuzzy=False)
        Path(compiled.name).replace(target)
        written.append(target)
    return written


@dataclass
class Problems:
    """What keeps a catalog from being complete and current."""

    missing: list[str] = field(default_factory=list)  # in the source, not in the .po
    obsolete: list[str] = field(default_factory=list)  # in the .po, no longer in the source
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)  # {name} fields that differ

    def __bool__(self) -> bool:
        return any((self.missing, self.obsolete, self.untranslated, self.fuzzy, self.placeholders))


def _texts(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ("",)
    return (value,) if isinstance(value, str) else tuple(value)


def _key(message_id: str | tuple[str, ...] | list[str], context: str | None) -> str:
    text = _texts(message_id)[0]
    return f"{context}\x04{text}" if context else text


def check(code: str) -> Problems:
    with po_path(code).open("rb") as stream:
        catalog = read_po(stream, locale=code)
    source = extracted()
    wanted = {_key(message.id, message.context) for message in source if message.id}
    have = {_key(message.id, message.context): message for message in catalog if message.id}
    problems = Problems(missing=sorted(wanted - have.keys()), obsolete=sorted(have.keys() - wanted))
    for key, message in have.items():
        strings = _texts(message.string)
        if not all(strings):
            problems.untranslated.append(key)
        if message.fuzzy:
            problems.fuzzy.append(key)
        ids = _texts(message.id)
        expected = set(_FIELD.findall(ids[-1])) | set(_FIELD.findall(ids[0]))
        if any(text and not set(_FIELD.findall(text)) <= expected for text in strings):
            problems.placeholders.append(key)
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
    elif command == "compile":
        for path in compile_all():
            print(f"compiled {path.relative_to(PACKAGE_DIR.parent)}")
    elif command == "check":
        failed = False
        for code in TRANSLATED:
            problems = check(code)
            for name, keys in vars(problems).items():
                for key in keys:
                    print(f"{code}: {name}: {key!r}")
            failed = failed or bool(problems)
        return 1 if failed else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

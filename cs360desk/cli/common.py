"""What every command module shares: the handler signature and opening a workspace."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TextIO

from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import LANGUAGES, N_, _, ngettext, parse_language
from cs360desk.operations import workspaces
from cs360desk.operations.workspaces import Workspace

APP_NAME = "CS360 Desk"
DB_ENV = "CS360DESK_DB"
# A command gets the parsed arguments and stdout; it returns the exit code.
Handler = Callable[[argparse.Namespace, TextIO], int]
# argparse's type for `add_subparsers()` results is private; modules receive it as this.
Subcommands = Any


def command_group(
    commands: Subcommands, name: str, help_text: str, dest: str, metavar: str
) -> Subcommands:
    """Command `name`, whose next word (one required, kept as `dest`) says which of its
    subcommands to run; those are added to what this returns."""
    parser = commands.add_parser(name, help=help_text)
    return parser.add_subparsers(dest=dest, metavar=metavar, required=True)


def language_option(parser: argparse.ArgumentParser) -> None:
    """`--lang`: the language a file or draft is written in, whatever the screens speak."""
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LANG",
        help=_(
            "the language to write in: {choices} "
            "(default: the agency's language for public outputs)"
        ).format(choices=_one_of(list(LANGUAGES))),
    )


def _one_of(choices: list[str]) -> str:
    """Choices as a sentence names them, `en or es` (Babel's list patterns take 50 ms to load)."""
    *others, last = choices
    return _("{first} or {last}").format(first=", ".join(others), last=last) if others else last


def _language(text: str) -> str:
    try:
        return parse_language(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def workspace_location(given: str) -> WorkspaceLocation:
    """What --db, $CS360DESK_DB or a command's argument names: a workspace file, or a
    `postgresql://` URL; another kind of URL is a WorkspaceError that says why."""
    return WorkspaceLocation.parse(given)


def existing_workspace(location: WorkspaceLocation) -> AbstractContextManager[Workspace]:
    """The workspace, open for a `with` block; commands never create one by accident."""
    location = WorkspaceLocation.parse(location)
    if not workspaces.workspace_exists(location):
        if location.is_file:
            hint = _("run `cs360desk demo` to create one with the sample agency")
        else:
            hint = _("run `cs360desk init` to set one up, or `cs360desk demo` for the sample")
        raise WorkspaceError(
            _("no workspace at {path} ({hint})").format(path=location.describe(), hint=hint)
        )
    return workspaces.existing_workspace(location)


# argparse's own messages (Python 3.11's argparse.py), marked here so that extraction puts
# them in our catalog: argparse is not our source, so nothing else would. Only the ones a
# user can meet while the command line is parsed; the errors of a wrongly built parser stay
# English, for developers. Their %-placeholders are argparse's and stay in every translation.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),  # a default argument: given by build_parser
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _argparse_plurals() -> None:  # pragma: no cover - never called
    """argparse's plural messages, marked for extraction the only way it reads plurals."""
    ngettext("expected %s argument", "expected %s arguments", 0)


def translate_argparse() -> None:
    """argparse speaks the language of the rest of the command line, from our catalog.

    argparse does `from gettext import gettext as _, ngettext` and calls those two module
    globals whenever it writes help or an error; pointing them at cs360desk.i18n's makes it
    look its words up in the current language. Safe to call again; English stays English."""
    vars(argparse).update(_=_, ngettext=ngettext)

"""Passwords of shared workspaces: remembered in the computer's keychain, and when to ask."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

import keyring

from cs360desk.db.server import ServerUnreachableError, UnreachableReason, server_url
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import N_, _

log = logging.getLogger(__name__)
SERVICE_NAME = "CS360 Desk"
DEFAULT_PORT = 5432
# SQLSTATE 28P01: the server checked the password and it was wrong.
NO_KEYCHAIN = N_(
    "This computer has no keychain CS360 Desk can use, so the password cannot be "
    "remembered: you will be asked for it each time."
)


class PasswordTrouble(StrEnum):
    ASKED = "asked"  # the server wants a password and none was given
    REFUSED = "refused"  # the password given was wrong


@dataclass(frozen=True)
class RememberedPassword:
    """What the keychain holds for a workspace; `problem` says why it could not be asked."""

    password: str | None
    problem: str | None = None


def keychain_name(location: WorkspaceLocation) -> str:
    """The keychain entry's user name: user@host:port/database, the port always written."""
    url = server_url(location)
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/" + (
        url.database or ""
    )


def remembered_password(location: WorkspaceLocation) -> RememberedPassword:
    """The password kept for this workspace; none (with the problem) when the keychain fails."""
    try:
        return RememberedPassword(keyring.get_password(SERVICE_NAME, keychain_name(location)))
    # A keychain is the computer's, not ours: whatever its backend raises means "none here".
    except Exception as error:
        log.warning("The keychain cannot be read: %s", type(error).__name__)
        return RememberedPassword(None, _(NO_KEYCHAIN))


def remember_password(location: WorkspaceLocation, password: str) -> str | None:
    """Keep the password in the keychain; the problem, in words for the user, when it failed."""
    try:
        keyring.set_password(SERVICE_NAME, keychain_name(location), password)
    except Exception as error:
        log.warning("The keychain cannot keep a password: %s", type(error).__name__)
        return _(NO_KEYCHAIN)
    return None


def forget_password(location: WorkspaceLocation) -> None:
    """Drop a kept password (it was refused, or the user no longer wants it kept)."""
    try:
        if keyring.get_password(SERVICE_NAME, keychain_name(location)) is not None:
            keyring.delete_password(SERVICE_NAME, keychain_name(location))
    except Exception as error:
        log.warning("The keychain cannot forget a password: %s", type(error).__name__)


def password_trouble(error: BaseException) -> PasswordTrouble | None:
    """Whether a failed open is for want of the right password (then ask for it), or not."""
    if not isinstance(error, ServerUnreachableError):
        return None
    if error.reason is UnreachableReason.PASSWORD_REFUSED:
        return PasswordTrouble.REFUSED
    if error.reason is UnreachableReason.PASSWORD_MISSING:
        return PasswordTrouble.ASKED
    return None

"""Where PostgreSQL is missing, its tests skip with one line on how to install it; where CI
requires it (CS360DESK_REQUIRE_POSTGRES=1, set by .ci/run), that skip is a failure."""

from __future__ import annotations

import pytest

from tests import postgres_support
from tests.postgres_support import HOW_TO_INSTALL, REQUIRED, skip_or_fail


def test_without_postgresql_a_test_skips_saying_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(postgres_support, "unavailable_reason", lambda: HOW_TO_INSTALL)
    monkeypatch.delenv(REQUIRED, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install postgresql"):
        skip_or_fail()


def test_where_ci_requires_postgresql_its_absence_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_support, "unavailable_reason", lambda: HOW_TO_INSTALL)
    monkeypatch.setenv(REQUIRED, "1")
    with pytest.raises(pytest.fail.Exception, match=REQUIRED):
        skip_or_fail()


def test_with_postgresql_installed_nothing_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_support, "unavailable_reason", lambda: None)
    assert skip_or_fail() is None  # neither a skip nor a failure: the test goes on

"""Report periods: their months, and which of them the period covers whole."""

from __future__ import annotations

from datetime import date

from cs360desk.domain.report_data import MonthCount, ReportPeriod


def test_months_cross_the_new_year_and_clip_to_the_period() -> None:
    months = ReportPeriod(date(2025, 11, 30), date(2026, 2, 28)).months()
    assert months == (
        (date(2025, 11, 30), date(2025, 11, 30)),
        (date(2025, 12, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
    )


def test_one_day_and_one_month_periods() -> None:
    day = date(2024, 2, 29)
    assert ReportPeriod(day, day).months() == ((day, day),)
    assert ReportPeriod(date(2024, 2, 1), day).months() == ((date(2024, 2, 1), day),)


def test_a_month_is_whole_only_from_its_first_to_its_last_day() -> None:
    assert MonthCount(date(2024, 2, 1), date(2024, 2, 29), 3).whole
    assert MonthCount(date(2025, 12, 1), date(2025, 12, 31), 0).whole
    assert not MonthCount(date(2024, 2, 1), date(2024, 2, 28), 3).whole
    assert not MonthCount(date(2024, 2, 2), date(2024, 2, 29), 3).whole

"""Absolute date strings to ISO values at their precision (records and the fast path of
the dates component), plus the calendar arithmetic the dates component resolves relative
dates with. Nothing here reads today's clock: every relative computation takes the
reference (publication) date as an argument.

Ambiguous numeric dates (``03/04/2024``) are US month-first unless the caller passes
``day_first=True`` (the dates component does when the same page holds an unambiguous
day-first date such as ``14/03/2024``); a first number above 12 is always a day.

>>> parse_date_value("2/2026")
('2026-02', 'month')
>>> parse_date_value("03/14/2024")
('2024-03-14', 'day')
>>> parse_date_value("2022-05-14")
('2022-05-14', 'day')
>>> parse_date_value("2018_11_09")
('2018-11-09', 'day')
>>> parse_date_value("2025-04")
('2025-04', 'month')
>>> parse_date_value("2019")
('2019', 'year')
>>> parse_date_value("2021-05-21T10:00:00Z")
('2021-05-21', 'day')
>>> parse_date_value("March 2024")
('2024-03', 'month')
>>> parse_date_value("July 29, 2017")
('2017-07-29', 'day')
>>> parse_date_value("7 February 2024")
('2024-02-07', 'day')
>>> parse_date_value("03/04/2024"), parse_date_value("03/04/2024", day_first=True)
(('2024-03-04', 'day'), ('2024-04-03', 'day'))
>>> parse_date_value("14/03/2024")
('2024-03-14', 'day')
>>> parse_date_value("Sept. 29, 2016")
('2016-09-29', 'day')
>>> parse_date_value("July of 2016")
('2016-07', 'month')
"""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}

_ISO = re.compile(r"^(\d{4})[-_/.](\d{1,2})(?:[-_/.](\d{1,2}))?(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$")
_MDY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_Y = re.compile(r"^(1[89]\d{2}|2[01]\d{2})$")
_WORDY = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<mon>[a-z]+)\.?"
    r"(?:\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,|\s+of)?\s+(?P<y>\d{4})$"
)


def iso(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str] | None:
    """Validated ISO string and precision, or None for an impossible date."""
    try:
        if day is not None and month is not None:
            return _dt.date(year, month, day).isoformat(), "day"
        if month is not None:
            _dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}", "month"
        _dt.date(year, 1, 1)
        return f"{year:04d}", "year"
    except ValueError:
        return None


def parse_date_value(s: str, day_first: bool = False) -> tuple[str, str] | None:
    """(ISO value, precision) of an absolute date string, or None.

    ``day_first`` reads an ambiguous ``03/04/2024`` as 3 April (default: March 4)."""
    s = s.strip().lower()
    if not s or len(s) > 40:
        return None
    m = _ISO.match(s)
    if m:
        return iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    m = _MDY.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if (a > 12 >= b) or (day_first and b <= 12):  # 14/03/2024 can only be day-first
            a, b = b, a
        return iso(y, a, b)
    m = _MY.match(s)
    if m:
        return iso(int(m.group(2)), int(m.group(1)))
    m = _Y.match(s)
    if m:
        return iso(int(s))
    m = _WORDY.match(s)
    if m and m.group("mon") in MONTHS:
        day = m.group("d1") or m.group("d2")
        return iso(int(m.group("y")), MONTHS[m.group("mon")], int(day) if day else None)
    return None


# -- calendar arithmetic for relative dates (always against a given reference date) ------


def to_date(value: str | _dt.date | None) -> _dt.date | None:
    """A ``date`` from an ISO string (first 10 characters) or a date; None if invalid.

    >>> to_date("2026-02-27T10:00:00")
    datetime.date(2026, 2, 27)
    """
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """``(year, month)`` shifted by ``k`` months.

    >>> add_months(2024, 1, -1), add_months(2023, 11, 3)
    ((2023, 12), (2024, 2))
    """
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def weekday_on_or_before(ref: _dt.date, weekday: int, inclusive: bool = True) -> _dt.date:
    """The most recent ``weekday`` (Monday=0) on or before ``ref`` (strictly before when
    ``inclusive`` is False).

    >>> weekday_on_or_before(_dt.date(2026, 2, 27), 4)  # "on Friday", published on a Friday
    datetime.date(2026, 2, 27)
    >>> weekday_on_or_before(_dt.date(2025, 7, 10), 2)  # "on Wednesday", published Thursday
    datetime.date(2025, 7, 9)
    >>> weekday_on_or_before(_dt.date(2026, 2, 27), 4, inclusive=False)  # "last Friday"
    datetime.date(2026, 2, 20)
    """
    back = (ref.weekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return ref - _dt.timedelta(days=back)


def weekday_on_or_after(ref: _dt.date, weekday: int) -> _dt.date:
    """The first ``weekday`` (Monday=0) on or after ``ref`` ("next Friday")."""
    return ref + _dt.timedelta(days=(weekday - ref.weekday()) % 7)


#: A date without a year is taken in the reference year unless that puts it more than this
#: many days after the reference date (then the year before): "July" in a May article is
#: the coming July, "December" in a January article the last one.
FUTURE_WINDOW_DAYS = 92


def infer_year(month: int, day: int | None, ref: _dt.date) -> int:
    """Year of a month (and day) written without one, relative to the reference date.

    >>> infer_year(5, 13, _dt.date(2025, 5, 21)), infer_year(7, None, _dt.date(2025, 5, 21))
    (2025, 2025)
    >>> infer_year(12, None, _dt.date(2024, 1, 15))
    2023
    """
    try:
        d = _dt.date(ref.year, month, day or 1)
    except ValueError:
        return ref.year
    return ref.year if (d - ref).days <= FUTURE_WINDOW_DAYS else ref.year - 1

"""Absolute date strings to ISO values at their precision (records and the fast path of
the dates component). Ambiguous ``03/04/2024`` is US month-first.

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
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<mon>[a-z]+)\.?(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?P<y>\d{4})$"
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


def parse_date_value(s: str) -> tuple[str, str] | None:
    """(ISO value, precision) of an absolute date string, or None."""
    s = s.strip().lower()
    if not s or len(s) > 40:
        return None
    m = _ISO.match(s)
    if m:
        return iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    m = _MDY.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:  # 14/03/2024 can only be day-first
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

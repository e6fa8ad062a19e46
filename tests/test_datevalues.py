"""breach_nlp.datevalues: absolute date strings to ISO values, and the calendar arithmetic of
relative dates (always against a given reference date)."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from breach_nlp import datevalues
from breach_nlp.datevalues import infer_year, parse_date_value, weekday_on_or_before

SEED = [
    ("2/2026", ("2026-02", "month")),  # the seed page's key-value record
]

DEV_PAGES = [
    ("4/2025", ("2025-04", "month")),
    ("09/2023", ("2023-09", "month")),
    ("2025-06-30", ("2025-06-30", "day")),
    ("2024-01", ("2024-01", "month")),
    ("11/2018", ("2018-11", "month")),
    ("July 29, 2017", ("2017-07-29", "day")),
    ("7 February 2024", ("2024-02-07", "day")),
    ("2021-05-21", ("2021-05-21", "day")),
]

CASIE = [
    ("2018_11_09", ("2018-11-09", "day")),
    ("December 29 2016", ("2016-12-29", "day")),
    ("Feb. 16, 2016", ("2016-02-16", "day")),
    ("July of 2016", ("2016-07", "month")),
    ("2017-01-26T19:45Z", ("2017-01-26", "day")),
]

HHS = [
    ("03/14/2024", ("2024-03-14", "day")),
    ("January 30th, 2017", ("2017-01-30", "day")),
]

BAD = [
    ("", None), ("not a date", None), ("13/13/2024", None), ("2/30/2024", None), ("Smarch 2024", None),
    ("1" * 100, None), ("2024-13", None),
]


@pytest.mark.parametrize(
    "text,expected",
    [pytest.param(t, e, id=f"{name}:{t!r}") for name, table in
     (("SEED", SEED), ("DEV_PAGES", DEV_PAGES), ("CASIE", CASIE), ("HHS", HHS), ("BAD", BAD)) for t, e in table],
)
def test_parse_date_value(text, expected):
    assert parse_date_value(text) == expected, text


AMBIGUOUS = [
    ("03/04/2024", False, "2024-03-04"),  # US month-first by default
    ("03/04/2024", True, "2024-04-03"),   # the page signalled day-first
    ("14/03/2024", False, "2024-03-14"),  # a first number above 12 is always a day
    ("14/03/2024", True, "2024-03-14"),
    ("12/31/2024", True, "2024-12-31"),   # second number above 12: month-first whatever the page says
]


@pytest.mark.parametrize("text,day_first,value", AMBIGUOUS)
def test_ambiguous_numeric_dates(text, day_first, value):
    assert parse_date_value(text, day_first=day_first) == (value, "day")


WEEKDAYS = [
    # (published, weekday, inclusive, expected) -- from the dev pages' gold
    ("2025-05-21", 2, True, "2025-05-21"),  # B01: published on a Wednesday, "on Wednesday"
    ("2025-07-10", 2, True, "2025-07-09"),  # B03: published Thursday, "on Wednesday"
    ("2024-03-14", 2, True, "2024-03-13"),  # B05
    ("2026-02-27", 4, True, "2026-02-27"),  # SEED: "on Friday" published on a Friday
    ("2026-02-27", 4, False, "2026-02-20"),  # "last Friday"
]


@pytest.mark.parametrize("published,weekday,inclusive,expected", WEEKDAYS)
def test_weekday_on_or_before(published, weekday, inclusive, expected):
    got = weekday_on_or_before(dt.date.fromisoformat(published), weekday, inclusive=inclusive)
    assert got.isoformat() == expected


YEARLESS = [
    ("2025-05-21", 5, 13, 2025),   # B01 "May 13"
    ("2025-05-21", 7, None, 2025),  # B01 "continue into July": a coming month
    ("2024-06-25", 6, 3, 2024),    # B07 "June 3"
    ("2024-01-15", 12, None, 2023),  # "in December" in a January article
    ("2023-11-30", 10, 20, 2023),  # B09 "October 20"
]


@pytest.mark.parametrize("published,month,day,year", YEARLESS)
def test_infer_year(published, month, day, year):
    assert infer_year(month, day, dt.date.fromisoformat(published)) == year


def test_doctests():
    assert doctest.testmod(datevalues).failed == 0

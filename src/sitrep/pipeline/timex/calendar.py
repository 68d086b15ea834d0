"""Calendar arithmetic for anchoring time expressions on the document creation time (DCT), and TIMEX3 values.

Pure functions over :class:`datetime.date`: which Monday "lundi" means given a direction (the tense of its clause),
which year "le 10 mai" falls in, ISO weeks and weekends, unit shifts ("il y a trois mois"). Directions are
``-1`` (the past: the latest such day not after the DCT), ``+1`` (the future: the earliest not before it) and ``0``
(no tense: the nearest). Cannot do: calendars other than the Gregorian one, time zones.
"""

from __future__ import annotations

import calendar
import datetime as dt

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def day(value: dt.date) -> str:
    return value.isoformat()


def month(year: int, month_number: int) -> str:
    return f"{year:04d}-{month_number:02d}"


def iso_week(value: dt.date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_date(dct: dt.date, weekday: int, direction: int, *, strict: bool = False) -> dt.date:
    """The ``weekday`` (0 = Monday) around ``dct``.

    ``direction`` -1: the latest not after the DCT; +1: the earliest not before; 0: the nearest (ties go to the
    past, news reports more than it announces). ``strict`` excludes the DCT itself ("lundi dernier" said on a Monday).
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if strict:
        back = back or 7
        ahead = ahead or 7
    if direction < 0:
        return dct - dt.timedelta(days=back)
    if direction > 0:
        return dct + dt.timedelta(days=ahead)
    return dct - dt.timedelta(days=back) if back <= ahead else dct + dt.timedelta(days=ahead)


def _safe_date(year: int, month_number: int, day_number: int) -> dt.date | None:
    try:
        return dt.date(year, month_number, day_number)
    except ValueError:
        return None


def day_month_year(dct: dt.date, month_number: int, day_number: int, direction: int, *, strict: bool = False
                   ) -> dt.date | None:  # fmt: skip
    """The year of "le 10 mai" said on ``dct``: past, future or nearest occurrence (see :func:`weekday_date`)."""
    candidates = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := _safe_date(y, month_number, day_number))]
    if not candidates:
        return None
    if direction < 0:
        past = [d for d in candidates if (d < dct if strict else d <= dct)]
        return max(past) if past else None
    if direction > 0:
        future = [d for d in candidates if (d > dct if strict else d >= dct)]
        return min(future) if future else None
    return min(candidates, key=lambda d: (abs((d - dct).days), d > dct))


def month_year(dct: dt.date, month_number: int, direction: int, *, strict: bool = False) -> int:
    """The year of "en mai" said on ``dct``, by the same rule at month granularity."""
    here = dct.year * 12 + dct.month - 1
    options = [(y, y * 12 + month_number - 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if direction < 0:
        past = [y for y, m in options if (m < here if strict else m <= here)]
        return max(past)
    if direction > 0:
        future = [y for y, m in options if (m > here if strict else m >= here)]
        return min(future)
    return min(options, key=lambda o: (abs(o[1] - here), o[1] > here))[0]


def shift_months(value: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months from ``value``'s month."""
    index = value.year * 12 + value.month - 1 + months
    return index // 12, index % 12 + 1


def shift(dct: dt.date, unit: str, amount: int) -> str | None:
    """The TIMEX3 value of the unit ``amount`` units from the DCT, at that unit's granularity.

    D and W give a day ("il y a une semaine" -> the day a week before), M a month, Y a year, DE a decade,
    CE a century; other units give None.
    """
    if unit == "D":
        return day(dct + dt.timedelta(days=amount))
    if unit == "W":
        return day(dct + dt.timedelta(weeks=amount))
    if unit == "M":
        return month(*shift_months(dct, amount))
    if unit == "Y":
        return f"{dct.year + amount:04d}"
    if unit == "DE":
        return f"{(dct.year // 10 + amount):03d}X"
    if unit == "CE":
        return f"{(dct.year // 100 + amount):02d}XX"
    return None


def unit_of(dct: dt.date, unit: str, offset: int) -> str | None:
    """This / last / next calendar unit as a whole: the week ("2023-W20"), month, year, weekend, quarter..."""
    if unit == "D":
        return day(dct + dt.timedelta(days=offset))
    if unit == "W":
        return iso_week(dct + dt.timedelta(weeks=offset))
    if unit == "WE":
        # "ce week-end" in a past clause said early in the week is the weekend just gone: offset handles it.
        return iso_week(dct + dt.timedelta(weeks=offset)) + "-WE"
    if unit == "M":
        return month(*shift_months(dct, offset))
    if unit == "Y":
        return f"{dct.year + offset:04d}"
    if unit == "Q":
        index = dct.year * 4 + (dct.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "HY":
        index = dct.year * 2 + (dct.month - 1) // 6 + offset
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "DE":
        return f"{(dct.year // 10 + offset):03d}X"
    if unit == "CE":
        return f"{(dct.year // 100 + offset):02d}XX"
    return None


def days_in_month(year: int, month_number: int) -> int:
    return calendar.monthrange(year, month_number)[1]


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3D, PT24H, PT30.4S, P1W; ``None`` amount gives the vague PXD / PTXH."""
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if unit in ("H", "MIN", "S"):
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    if unit == "WE":
        return f"P{number}WE"
    if unit == "HY":
        return f"P{number}M" if amount is None else f"P{duration_number(amount * 6)}M"
    if unit == "Q":
        return f"P{number}Q" if amount is None else f"P{duration_number(amount * 3)}M"
    return f"P{number}{unit}"


def duration_number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"

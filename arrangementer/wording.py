"""Schedules and dates in plain words, in the active language.

"Hver anden tirsdag indtil 30. juni 2027", "Every 3 months on the first Monday, 10 times",
"tirsdag 8., 22. december og 5. januar kl. 10.00". Languages put ordinals, plurals and the
order of weekday, day and month their own way, so each phrase is a whole translatable pattern
(ngettext where a number is counted) rather than English pieces glued together.
"""

import itertools

from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format, time_format
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, npgettext, pgettext

from .choices import MONTHLY_WEEK_CHOICES
from .recurrence import local


def join_words(items):
    """ "A, B and C" in the active language."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    separator = pgettext("between the items of a list, e.g. 'Tuesday, Thursday'", ", ")
    return pgettext(
        "the last two items of a list, e.g. 'Tuesday and Thursday'", "%(items)s and %(last)s"
    ) % {
        "items": separator.join(items[:-1]),
        "last": items[-1],
    }


def _weekly_text(days, interval):
    if interval == 1:
        return gettext("Every %(days)s") % {"days": days}
    if interval == 2:
        # Translators: every second week on these weekdays, e.g. "Every other Tuesday".
        return gettext("Every other %(days)s") % {"days": days}
    # Translators: only used for 3 weeks and more, e.g. "Every 3 weeks on Tuesday".
    return ngettext("Every week on %(days)s", "Every %(count)s weeks on %(days)s", interval) % {
        "count": interval,
        "days": days,
    }


def _monthly_text(week, weekday, interval):
    values = {"week": week, "weekday": weekday, "count": interval}
    if interval == 1:
        return gettext("The %(week)s %(weekday)s of every month") % values
    if interval == 2:
        # Translators: e.g. "The first Monday of every other month".
        return gettext("The %(week)s %(weekday)s of every other month") % values
    # Translators: only used for 3 months and more, e.g. "Every 3 months on the first Monday".
    return (
        ngettext(
            "Every month on the %(week)s %(weekday)s",
            "Every %(count)s months on the %(week)s %(weekday)s",
            interval,
        )
        % values
    )


def rule_text(schedule):
    """How the event repeats, without its end: "Every other Tuesday". Empty for a one-off."""
    parts = schedule.rrule_parts()
    if parts is None:
        return ""
    if parts["freq"] == "WEEKLY":
        days = join_words(WEEKDAYS[day] for day in parts["byweekday"])
        return capfirst(_weekly_text(days, parts["interval"]))
    weekday, week = parts["byweekday"][0]
    text = _monthly_text(dict(MONTHLY_WEEK_CHOICES)[week], WEEKDAYS[weekday], parts["interval"])
    return capfirst(text)


def schedule_text(schedule):
    """The rule with its end: "Every other Tuesday until 30 June 2027", "…, 10 times"."""
    rule = rule_text(schedule)
    if not rule:
        return ""
    if schedule.repeat_until:
        # Translators: a repeat rule and its last date, e.g. "Every Tuesday until 30 June 2027".
        return gettext("%(rule)s until %(date)s") % {
            "rule": rule,
            "date": date_format(schedule.repeat_until, "DATE_FORMAT"),
        }
    if schedule.repeat_count:
        # Translators: a repeat rule and how many times it happens, e.g. "Every Tuesday, 10 times".
        return ngettext(
            "%(rule)s, %(count)s time", "%(rule)s, %(count)s times", schedule.repeat_count
        ) % {
            "rule": rule,
            "count": schedule.repeat_count,
        }
    return rule


def _days_of_month(days, with_weekday):
    tokens = []
    for day in days:
        token = pgettext("a day of the month in a list of dates, e.g. '8.'", "%(day)s") % {
            "day": day.day
        }
        if with_weekday:
            token = pgettext(
                "a weekday and a day of the month in a list of dates, e.g. 'Tuesday 8.'",
                "%(weekday)s %(day)s",
            ) % {"weekday": date_format(day, "l"), "day": token}
        tokens.append(token)
    return tokens


def _month_group(days_text, month):
    return pgettext(
        "days of one month in a list of dates, e.g. '8., 22. December'", "%(days)s %(month)s"
    ) % {"days": days_text, "month": date_format(month, "F")}


def dates_text(starts, all_day=False):
    """Dates in one line, in the active language: "Tuesday 8, 22 December and 5 January at 10:00".

    The weekday is said once when every date shares it, and the time once when every date
    shares it (an all-day event has none); otherwise each date carries its own.
    """
    starts = sorted(local(start) for start in starts)
    if not starts:
        return ""
    if not all_day and len({(start.hour, start.minute) for start in starts}) > 1:
        return join_words(
            gettext("%(date)s at %(time)s")
            % {
                "date": f"{date_format(start, 'l')} {date_format(start, 'DATE_FORMAT')}",
                "time": time_format(start),
            }
            for start in starts
        )
    days = [start.date() for start in starts]
    same_weekday = len({day.weekday() for day in days}) == 1
    separator = pgettext("between the items of a list, e.g. 'Tuesday, Thursday'", ", ")
    groups = [list(group) for _, group in itertools.groupby(days, lambda d: (d.year, d.month))]
    group_days = [_days_of_month(group, with_weekday=not same_weekday) for group in groups]
    if len(group_days[-1]) > 1:
        # "8., 15. and 22. December": the "and" falls inside the last month.
        texts = [separator.join(tokens) for tokens in group_days[:-1]]
        texts.append(join_words(group_days[-1]))
        text = separator.join(
            _month_group(days_text, group[0])
            for days_text, group in zip(texts, groups, strict=True)
        )
    else:
        text = join_words(
            _month_group(separator.join(tokens), group[0])
            for tokens, group in zip(group_days, groups, strict=True)
        )
    if same_weekday:
        text = npgettext(
            "a weekday before its dates, e.g. 'Tuesday 8., 22. December'",
            "%(weekday)s %(dates)s",
            "%(weekday)s %(dates)s",
            len(days),
        ) % {"weekday": date_format(days[0], "l"), "dates": text}
    if not all_day:
        text = gettext("%(date)s at %(time)s") % {"date": text, "time": time_format(starts[0])}
    return text

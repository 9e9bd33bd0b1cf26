"""When events happen: the editor's schedule fields turned into dated occurrences.

Pure date arithmetic over python-dateutil's `rrule`, with no models and no HTTP: an event is
anything with a `schedule`, `excluded_dates()` and `changes_by_date()` (EventPage in models.py).

Occurrences are expanded in local wall time (naive Europe/Copenhagen datetimes) and only then
given the time zone, so a weekly 17:00 event stays at 17:00 across the DST changes.
"""

import dataclasses
import datetime
import hashlib
import json
from zoneinfo import ZoneInfo

from django.conf import settings

from dateutil import rrule

from .choices import (
    FREQUENCY_MONTHLY,
    FREQUENCY_NONE,
    FREQUENCY_WEEKLY,
    MAX_OCCURRENCES,
    STATUS_CANCELLED,
    STATUS_MOVED,
    STATUS_SCHEDULED,
)

LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)

RRULE_WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]

# A moved occurrence may come from outside the window asked for, so expand a little wider.
MOVE_MARGIN = datetime.timedelta(days=62)


def local(value):
    """An aware datetime in Copenhagen time."""
    return value.astimezone(LOCAL_TZ)


def localize(naive):
    """Copenhagen wall time (naive) to an aware datetime."""
    return naive.replace(tzinfo=LOCAL_TZ)


@dataclasses.dataclass
class Schedule:
    """When an event happens, from the editor's fields: the first start and end, and the rule."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False
    frequency: str = FREQUENCY_NONE
    weekdays: list = dataclasses.field(default_factory=list)
    monthly_week: int | None = None
    monthly_weekday: int | None = None
    repeat_interval: int = 1
    repeat_until: datetime.date | None = None
    repeat_count: int | None = None

    @classmethod
    def field_names(cls):
        """The editor's fields a schedule is made of; EventPage has a field for each."""
        return [field.name for field in dataclasses.fields(cls)]

    @classmethod
    def from_fields(cls, values):
        """The schedule from a mapping of field name to value: a form's cleaned data, or a page's
        fields. Missing and empty values get the defaults."""
        schedule = {name: values.get(name) for name in cls.field_names()}
        schedule["all_day"] = bool(schedule["all_day"])
        schedule["frequency"] = schedule["frequency"] or FREQUENCY_NONE
        schedule["weekdays"] = schedule["weekdays"] or []
        schedule["repeat_interval"] = schedule["repeat_interval"] or 1
        return cls(**schedule)

    @property
    def is_recurring(self):
        return self.frequency != FREQUENCY_NONE

    @property
    def duration(self):
        return self.end - self.start

    @property
    def local_start(self):
        return local(self.start).replace(tzinfo=None)

    def moved_end(self, change):
        """When an occurrence moved by `change` ends: its new end, or the usual length later."""
        return change.new_end or change.new_start + self.duration

    def rrule_parts(self):
        """The rule as {name: value}, shared by dateutil and the iCalendar RRULE.

        `interval` counts weeks (or months) from the week (or month) of the first date, with
        weeks starting on Monday as in RFC 5545, so "every other Tuesday" means the same here
        and in a subscribed calendar.
        """
        if self.frequency == FREQUENCY_WEEKLY:
            days = sorted(int(day) for day in self.weekdays) or [self.local_start.weekday()]
            return {"freq": "WEEKLY", "interval": self.repeat_interval, "byweekday": days}
        if self.frequency == FREQUENCY_MONTHLY:
            weekday = self.monthly_weekday
            if weekday is None:
                weekday = self.local_start.weekday()
            week = self.monthly_week or 1
            return {
                "freq": "MONTHLY",
                "interval": self.repeat_interval,
                "byweekday": [(weekday, week)],
            }
        return None

    def rule(self):
        """A dateutil rrule over naive local start times, or None for a one-off event."""
        parts = self.rrule_parts()
        if parts is None:
            return None
        byweekday = [
            RRULE_WEEKDAYS[day[0]](day[1]) if isinstance(day, tuple) else RRULE_WEEKDAYS[day]
            for day in parts["byweekday"]
        ]
        until = None
        if self.repeat_until:
            until = datetime.datetime.combine(self.repeat_until, datetime.time.max)
        return rrule.rrule(
            getattr(rrule, parts["freq"]),
            dtstart=self.local_start,
            interval=parts["interval"],
            wkst=rrule.MO,
            byweekday=byweekday,
            until=until,
            count=None if until else (self.repeat_count or None),
        )

    def original_starts(self, after=None, before=None):
        """Aware start times of every occurrence the rule makes, between `after` and `before`."""
        rule = self.rule()
        if rule is None:
            starts = [self.start]
        elif after is None and before is None:
            starts = [localize(value) for value in rule[:MAX_OCCURRENCES]]
        else:
            lower = local(after).replace(tzinfo=None) if after else self.local_start
            upper = local(before).replace(tzinfo=None) if before else datetime.datetime(9999, 1, 1)
            starts = [localize(value) for value in rule.between(lower, upper, inc=True)]
        return [
            start
            for start in starts
            if (after is None or start >= after) and (before is None or start < before)
        ]

    def first_start(self):
        """The first occurrence: the first date itself, or the first day the rule picks after it.

        None when the rule picks no day at all (e.g. Tuesdays until the Monday after a Wednesday).
        """
        rule = self.rule()
        if rule is None:
            return self.start
        first = next(iter(rule), None)
        return localize(first) if first else None

    def original_dates(self):
        return {local(start).date() for start in self.original_starts()}

    def fingerprint(self, breaks=(), changes=()):
        """A hash of everything that decides when the event happens, to notice a reschedule."""
        rule = self.rrule_parts()
        if rule and rule["interval"] == 1:
            # Left out when 1, so events from before intervals keep their hash and SEQUENCE.
            del rule["interval"]
        data = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "all_day": self.all_day,
            "rule": rule,
            "until": self.repeat_until.isoformat() if self.repeat_until else None,
            "count": self.repeat_count,
            "breaks": sorted(breaks),
            "changes": sorted(changes),
        }
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()[:32]


class OccurrenceFacts:
    """What listings ask of one date of an event: shared by the dates worked out here and the
    stored ones (models.Occurrence), which have the same attributes."""

    @property
    def is_cancelled(self):
        return self.status == STATUS_CANCELLED

    @property
    def is_moved(self):
        return self.status == STATUS_MOVED

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def local_date(self):
        return local(self.start).date()

    @property
    def last_date(self):
        """The last day an all-day occurrence covers."""
        return local(self.end).date()


@dataclasses.dataclass
class ExpandedOccurrence(OccurrenceFacts):
    """One date of an event, worked out from its rule."""

    event: object
    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    status: str = STATUS_SCHEDULED
    note: str = ""


def expand(event, after, before):
    """The occurrences of `event` that start between `after` and `before`, in order.

    Dates in a break (e.g. school holidays) are left out. Cancelled occurrences are kept and
    marked, so that residents who planned to come learn that it is off. Moved occurrences appear
    at their new time.
    """
    schedule = event.schedule
    excluded = event.excluded_dates()
    changes = event.changes_by_date()
    occurrences = []
    for original in schedule.original_starts(after - MOVE_MARGIN, before + MOVE_MARGIN):
        original_date = local(original).date()
        if original_date in excluded:
            continue
        occurrence = ExpandedOccurrence(event, original, original + schedule.duration, original)
        change = changes.get(original_date)
        if change is not None:
            occurrence.note = change.note
            if change.cancelled:
                occurrence.status = STATUS_CANCELLED
            elif change.new_start:
                occurrence.status = STATUS_MOVED
                occurrence.start = change.new_start
                occurrence.end = schedule.moved_end(change)
        # Still under way at `after` counts: a resident may join a meeting that has begun.
        if occurrence.end > after and occurrence.start < before:
            occurrences.append(occurrence)
    return sorted(occurrences, key=lambda o: o.start)


def expand_all(events, after, before):
    occurrences = [o for event in events for o in expand(event, after, before)]
    return sorted(occurrences, key=lambda o: (o.start, o.event.title))

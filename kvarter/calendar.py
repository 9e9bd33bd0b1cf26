"""Event recurrence and iCalendar output.

Recurrence maths is python-dateutil's `rrule`, iCalendar text is the `icalendar` library's; this
module only translates the editor's form fields into them.

Occurrences are expanded in local wall time (naive Europe/Copenhagen datetimes) and only then
given the time zone, so a weekly 17:00 event stays at 17:00 across the DST changes.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

import icalendar
from dateutil import rrule

LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)

FREQUENCY_NONE = "none"
FREQUENCY_WEEKLY = "weekly"
FREQUENCY_MONTHLY = "monthly"

RRULE_WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# How many occurrences an editor may ask for; enough for years of weekly meetings.
MAX_OCCURRENCES = 1000

STATUS_SCHEDULED = "scheduled"
STATUS_CANCELLED = "cancelled"
STATUS_MOVED = "moved"


def local(value):
    """An aware datetime in Copenhagen time."""
    return value.astimezone(LOCAL_TZ)


def localize(naive):
    """Copenhagen wall time (naive) to an aware datetime."""
    return naive.replace(tzinfo=LOCAL_TZ)


@dataclass
class Schedule:
    """When an event happens, from the editor's fields: the first start and end, and the rule."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False
    frequency: str = FREQUENCY_NONE
    weekdays: list = field(default_factory=list)
    monthly_week: int | None = None
    monthly_weekday: int | None = None
    repeat_until: datetime.date | None = None
    repeat_count: int | None = None

    @property
    def is_recurring(self):
        return self.frequency != FREQUENCY_NONE

    @property
    def duration(self):
        return self.end - self.start

    @property
    def local_start(self):
        return local(self.start).replace(tzinfo=None)

    def rrule_parts(self):
        """The rule as {name: value}, shared by dateutil and the iCalendar RRULE."""
        if self.frequency == FREQUENCY_WEEKLY:
            days = sorted(int(day) for day in self.weekdays) or [self.local_start.weekday()]
            return {"freq": "WEEKLY", "byweekday": days}
        if self.frequency == FREQUENCY_MONTHLY:
            weekday = self.monthly_weekday
            if weekday is None:
                weekday = self.local_start.weekday()
            week = self.monthly_week or 1
            return {"freq": "MONTHLY", "byweekday": [(weekday, week)]}
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

    def original_dates(self):
        return {local(start).date() for start in self.original_starts()}

    def fingerprint(self, exceptions=(), changes=()):
        """A hash of everything that decides when the event happens, to notice a reschedule."""
        data = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "all_day": self.all_day,
            "rule": self.rrule_parts(),
            "until": self.repeat_until.isoformat() if self.repeat_until else None,
            "count": self.repeat_count,
            "exceptions": sorted(exceptions),
            "changes": sorted(changes),
        }
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()[:32]


@dataclass
class Occurrence:
    """One date of an event, as residents see it in listings."""

    event: object
    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    status: str = STATUS_SCHEDULED
    note: str = ""

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


def expand(event, after, before):
    """The occurrences of `event` that start between `after` and `before`, in order.

    Dates in an exception (e.g. school holidays) are left out. Cancelled occurrences are kept and
    marked, so that residents who planned to come learn that it is off. Moved occurrences appear
    at their new time.
    """
    schedule = event.schedule
    excluded = event.excluded_dates()
    changes = event.changes_by_date()
    # A moved occurrence may come from outside the window, so look a little wider.
    margin = datetime.timedelta(days=62)
    occurrences = []
    for original in schedule.original_starts(after - margin, before + margin):
        original_date = local(original).date()
        if original_date in excluded:
            continue
        occurrence = Occurrence(event, original, original + schedule.duration, original)
        change = changes.get(original_date)
        if change is not None:
            occurrence.note = change.note
            if change.cancelled:
                occurrence.status = STATUS_CANCELLED
            elif change.new_start:
                occurrence.status = STATUS_MOVED
                occurrence.start = change.new_start
                occurrence.end = change.new_end or change.new_start + schedule.duration
        # Still under way at `after` counts: a resident may join a meeting that has begun.
        if occurrence.end > after and occurrence.start < before:
            occurrences.append(occurrence)
    return sorted(occurrences, key=lambda o: o.start)


def expand_all(events, after, before):
    occurrences = [o for event in events for o in expand(event, after, before)]
    return sorted(occurrences, key=lambda o: (o.start, o.event.title))


# iCalendar ------------------------------------------------------------------


def _dtvalue(value, all_day):
    return local(value).date() if all_day else local(value)


def event_components(event, request):
    """The VEVENTs of one event: the main one, plus one override per moved occurrence."""
    schedule = event.schedule
    main = icalendar.Event()
    uid = event.ical_uid
    url = event.get_full_url(request)
    modified = event.last_published_at or event.latest_revision_created_at or timezone.now()
    main.add("uid", uid)
    main.add("dtstamp", modified)
    main.add("last-modified", modified)
    main.add("sequence", event.sequence)
    main.add("summary", event.title)
    if event.intro:
        main.add("description", f"{event.intro}\n\n{url}")
    if event.location_text:
        main.add("location", event.location_text)
    main.add("url", url)
    category = event.localized_category
    if category is not None:
        main.add("categories", [category.name])
    main.add("dtstart", _dtvalue(schedule.start, event.all_day))
    end = schedule.end
    if event.all_day:
        main.add("dtend", local(end).date() + datetime.timedelta(days=1))
    else:
        main.add("dtend", local(end))
    main.add("status", "CONFIRMED")

    overrides = []
    changes = event.changes_by_date()
    if schedule.is_recurring:
        parts = schedule.rrule_parts()
        recur = {"freq": parts["freq"]}
        if parts["freq"] == "WEEKLY":
            recur["byday"] = [ICAL_WEEKDAYS[day] for day in parts["byweekday"]]
        else:
            weekday, week = parts["byweekday"][0]
            recur["byday"] = [f"{week}{ICAL_WEEKDAYS[weekday]}"]
        if schedule.repeat_until:
            last = datetime.datetime.combine(schedule.repeat_until, datetime.time(23, 59, 59))
            # RFC 5545: UNTIL is a date for all-day events, otherwise UTC when DTSTART has a TZID.
            recur["until"] = (
                schedule.repeat_until if event.all_day else localize(last).astimezone(datetime.UTC)
            )
        else:
            recur["count"] = schedule.repeat_count
        main.add("rrule", recur)
        excluded = event.excluded_dates()
        exdates = []
        for original in schedule.original_starts():
            original_date = local(original).date()
            change = changes.get(original_date)
            if original_date in excluded or (change is not None and change.cancelled):
                exdates.append(_dtvalue(original, event.all_day))
            elif change is not None and change.new_start:
                overrides.append(_override(event, main, original, change, schedule))
        if exdates:
            main.add("exdate", exdates)
    else:
        change = changes.get(local(schedule.start).date())
        if change is not None and change.cancelled:
            main["status"] = icalendar.vText("CANCELLED")
        elif change is not None and change.new_start:
            main.pop("dtstart")
            main.pop("dtend")
            main.add("dtstart", _dtvalue(change.new_start, event.all_day))
            main.add(
                "dtend", _dtvalue(change.new_end or change.new_start + schedule.duration, False)
            )
        if change is not None and change.note:
            main["description"] = icalendar.vText(f"{change.note}\n\n{main.get('description', '')}")
    return [main, *overrides]


def _override(event, main, original, change, schedule):
    """A RECURRENCE-ID override: one occurrence of a recurring event at a new time."""
    override = icalendar.Event()
    for name in ("uid", "dtstamp", "last-modified", "sequence", "summary", "location", "url"):
        if name in main:
            override[name] = main[name]
    override.add("recurrence-id", _dtvalue(original, event.all_day))
    override.add("dtstart", _dtvalue(change.new_start, event.all_day))
    new_end = change.new_end or change.new_start + schedule.duration
    override.add("dtend", _dtvalue(new_end, False))
    description = "\n\n".join(
        part for part in [change.note, str(main.get("description", ""))] if part
    )
    if description:
        override.add("description", description)
    override.add("status", "CONFIRMED")
    return override


def calendar_response(events, name, request, filename="calendar.ics"):
    """A text/calendar response with every event, its VTIMEZONE and the calendar's name."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Charlottekvarteret//Events//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # Ask subscribed calendars to check again every few hours.
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        for component in event_components(event, request):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_title(category=None):
    if category is None:
        return _("Charlottekvarteret: events")
    return _("Charlottekvarteret: %(category)s") % {"category": category.name}

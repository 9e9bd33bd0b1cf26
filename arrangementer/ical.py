"""iCalendar output of events: one event's .ics, and the subscribable feeds.

The text is the `icalendar` library's; this module only maps an event and its schedule
(recurrence.py) onto VEVENTs: the RRULE, EXDATEs for breaks and cancelled dates, and a
RECURRENCE-ID override for each moved date.
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

import icalendar

from .recurrence import local, localize

ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Copied from the main VEVENT onto each override of one occurrence.
OVERRIDE_PROPERTIES = ("uid", "dtstamp", "last-modified", "sequence", "summary", "location", "url")


def _dtvalue(value, all_day):
    return local(value).date() if all_day else local(value)


def _recur(schedule, all_day):
    """The RRULE of a recurring schedule."""
    parts = schedule.rrule_parts()
    recur = {"freq": parts["freq"]}
    if parts["interval"] > 1:
        recur["interval"] = parts["interval"]
    if parts["freq"] == "WEEKLY":
        recur["byday"] = [ICAL_WEEKDAYS[day] for day in parts["byweekday"]]
    else:
        weekday, week = parts["byweekday"][0]
        recur["byday"] = [f"{week}{ICAL_WEEKDAYS[weekday]}"]
    if schedule.repeat_until:
        last = datetime.datetime.combine(schedule.repeat_until, datetime.time(23, 59, 59))
        # RFC 5545: UNTIL is a date for all-day events, otherwise UTC when DTSTART has a TZID.
        recur["until"] = (
            schedule.repeat_until if all_day else localize(last).astimezone(datetime.UTC)
        )
    else:
        recur["count"] = schedule.repeat_count
    return recur


def event_components(event, request):
    """The VEVENTs of one event: the main one, plus one override per moved occurrence."""
    schedule = event.schedule
    main = icalendar.Event()
    url = event.get_full_url(request)
    modified = event.last_published_at or event.latest_revision_created_at or timezone.now()
    main.add("uid", event.ical_uid)
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
    # DTSTART is the first real occurrence: RFC 5545 leaves a DTSTART the rule does not pick
    # undefined, and calendars then show the first date as an extra one (or count it).
    first = schedule.first_start() or schedule.start
    main.add("dtstart", _dtvalue(first, event.all_day))
    if event.all_day:
        main.add("dtend", local(first + schedule.duration).date() + datetime.timedelta(days=1))
    else:
        main.add("dtend", local(first + schedule.duration))
    main.add("status", "CONFIRMED")

    overrides = []
    changes = event.changes_by_date()
    if schedule.is_recurring:
        main.add("rrule", _recur(schedule, event.all_day))
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
            main.add("dtend", _dtvalue(schedule.moved_end(change), False))
        if change is not None and change.note:
            main["description"] = icalendar.vText(f"{change.note}\n\n{main.get('description', '')}")
    return [main, *overrides]


def _override(event, main, original, change, schedule):
    """A RECURRENCE-ID override: one occurrence of a recurring event at a new time."""
    override = icalendar.Event()
    for name in OVERRIDE_PROPERTIES:
        if name in main:
            override[name] = main[name]
    override.add("recurrence-id", _dtvalue(original, event.all_day))
    override.add("dtstart", _dtvalue(change.new_start, event.all_day))
    override.add("dtend", _dtvalue(schedule.moved_end(change), False))
    description = "\n\n".join(
        part for part in [change.note, str(main.get("description", ""))] if part
    )
    if description:
        override.add("description", description)
    override.add("status", "CONFIRMED")
    return override


def calendar_response(events, name, request, filename="calendar.ics"):
    """A text/calendar response with every event, its VTIMEZONE and the calendar's name."""
    feed = icalendar.Calendar()
    feed.add("prodid", "-//Charlottekvarteret//Events//DA")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    # Ask subscribed calendars to check again every few hours.
    feed.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", "PT6H")
    for event in events:
        for component in event_components(event, request):
            feed.add_component(component)
    feed.add_missing_timezones()
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_title(category=None):
    if category is None:
        return _("Charlottekvarteret: events")
    return _("Charlottekvarteret: %(category)s") % {"category": category.name}

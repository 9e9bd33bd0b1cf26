"""The .ics files and subscribable feeds, read back with the icalendar library."""

import datetime
import json
import re

from django.test import TestCase
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

import icalendar
from dateutil.rrule import rrulestr

from arrangementer.ical import calendar_title
from arrangementer.models import EventPage
from arrangementer.recurrence import LOCAL_TZ, expand
from tests.factories import EventCategoryFactory, EventIndexPageFactory, EventPageFactory
from tests.kvarter.helpers import create_site, translate


def next_weekday(weekday, hour, weeks=1):
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LOCAL_TZ)


class CalendarFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        translate(cls.home, cls.locales["en"], title="Welcome")
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.children = EventCategoryFactory(name="Børn", slug="boern", locale=cls.locales["da"])
        cls.children_en = cls.children.copy_for_translation(cls.locales["en"])
        cls.children_en.name = "Children"
        cls.children_en.save()
        cls.sports = EventCategoryFactory(name="Sport", slug="sport", locale=cls.locales["da"])
        start = next_weekday(1, 16)
        cls.homework = EventPageFactory(
            parent=cls.index,
            slug="lektiehjaelp",
            title="Lektiehjælp",
            start=start,
            end=start + datetime.timedelta(hours=2),
            category=cls.children,
            frequency="weekly",
            weekdays=[1],
            repeat_count=8,
        )
        originals = cls.homework.schedule.original_starts()
        cls.homework.breaks.create(start_date=originals[1].date())
        cls.homework.occurrence_changes.create(original_date=originals[2].date(), cancelled=True)
        cls.moved_to = originals[3] + datetime.timedelta(days=1)
        cls.homework.occurrence_changes.create(
            original_date=originals[3].date(), new_start=cls.moved_to, note="Flyttet"
        )
        cls.homework.save_revision().publish()
        cls.homework.refresh_from_db()
        cls.originals = originals
        cls.football = EventPageFactory(parent=cls.index, slug="fodbold", category=cls.sports)

    def get_calendar(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return icalendar.Calendar.from_ical(response.content)

    def vevents(self, calendar, uid=None):
        return [e for e in calendar.walk("VEVENT") if uid is None or str(e["UID"]) == uid]

    def test_event_ics_has_rule_breaks_cancellation_and_moved_override(self):
        calendar = self.get_calendar("/da/det-sker/lektiehjaelp/ics/")
        self.assertEqual(calendar.walk("VTIMEZONE")[0]["TZID"], "Europe/Copenhagen")
        main, override = sorted(self.vevents(calendar), key=lambda e: "RECURRENCE-ID" in e)
        self.assertEqual(main["RRULE"]["FREQ"], ["WEEKLY"])
        self.assertEqual(main["RRULE"]["COUNT"], [8])
        self.assertEqual(main["DTSTART"].dt, self.originals[0])
        self.assertEqual(main["DTSTART"].params["TZID"], "Europe/Copenhagen")
        exdates = {d.dt for exdate in [main["EXDATE"]] for d in exdate.dts}
        # The break and the cancelled date are both left out of the series.
        self.assertEqual(exdates, {self.originals[1], self.originals[2]})
        self.assertEqual(override["RECURRENCE-ID"].dt, self.originals[3])
        self.assertEqual(override["DTSTART"].dt, self.moved_to)
        self.assertEqual(override["UID"], main["UID"])
        self.assertTrue(str(main["URL"]).endswith("/da/det-sker/lektiehjaelp/"))

    def test_expanding_the_feed_gives_the_dates_residents_see(self):
        calendar = self.get_calendar("/da/det-sker/ics/")
        main = next(
            e for e in self.vevents(calendar, self.homework.ical_uid) if "RECURRENCE-ID" not in e
        )
        rule = rrulestr(main["RRULE"].to_ical().decode(), dtstart=main["DTSTART"].dt)
        excluded = {d.dt for d in main["EXDATE"].dts}
        from_feed = [start for start in rule if start not in excluded]
        now = timezone.now()
        every = expand(self.homework, now, now + datetime.timedelta(days=366))
        listed = [o.original_start for o in every if not o.is_cancelled]
        self.assertEqual(from_feed, listed)

    def test_feed_lists_live_public_events_only(self):
        draft = EventPageFactory(parent=self.index, slug="kladde", live=False)
        private = EventPageFactory(parent=self.index, slug="privat")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        calendar = self.get_calendar("/da/det-sker/ics/")
        uids = {str(e["UID"]) for e in self.vevents(calendar)}
        self.assertEqual(uids, {self.homework.ical_uid, self.football.ical_uid})
        self.assertNotIn(draft.ical_uid, uids)
        with translation.override("da"):
            self.assertEqual(str(calendar["X-WR-CALNAME"]), calendar_title())

    def test_category_feed_holds_only_that_category(self):
        calendar = self.get_calendar("/da/det-sker/category/boern/ics/")
        self.assertEqual({str(e["UID"]) for e in self.vevents(calendar)}, {self.homework.ical_uid})
        self.assertIn("Børn", str(calendar["X-WR-CALNAME"]))

    def test_unknown_category_feed_is_not_found(self):
        self.assertEqual(self.client.get("/da/det-sker/category/findes-ikke/ics/").status_code, 404)

    def test_feed_is_in_the_readers_language(self):
        index_en = translate(self.index, self.locales["en"], title="What's on")
        translate(self.homework, self.locales["en"], title="Homework help")
        calendar = self.get_calendar("/en/det-sker/ics/")
        summaries = {str(e["SUMMARY"]) for e in self.vevents(calendar)}
        self.assertEqual(summaries, {"Homework help"})
        self.assertIn("/en/det-sker/lektiehjaelp/", str(self.vevents(calendar)[0]["URL"]))
        self.assertEqual(self.vevents(calendar)[0]["CATEGORIES"].cats, ["Children"])
        self.assertTrue(index_en.live)

    def test_uid_stays_while_sequence_and_last_modified_go_up(self):
        def main_event():
            calendar = self.get_calendar("/da/det-sker/fodbold/ics/")
            return self.vevents(calendar)[0]

        # Published an hour ago, so that LAST-MODIFIED can be seen to move.
        EventPage.objects.filter(pk=self.football.pk).update(
            last_published_at=timezone.now() - datetime.timedelta(hours=1)
        )
        before = main_event()
        event = EventPage.objects.get(pk=self.football.pk)
        event.title = "Fodbold for alle"
        event.start += datetime.timedelta(hours=1)
        event.end += datetime.timedelta(hours=1)
        event.save_revision().publish()
        after = main_event()
        self.assertEqual(after["UID"], before["UID"])
        self.assertGreater(after["SEQUENCE"], before["SEQUENCE"])
        self.assertGreater(after["LAST-MODIFIED"].dt, before["LAST-MODIFIED"].dt)
        # The UID comes from the translation key, not from the title or the slug.
        self.assertIn(str(event.translation_key), str(after["UID"]))

    def test_cancelled_one_off_event_is_marked_cancelled(self):
        event = EventPage.objects.get(pk=self.football.pk)
        event.occurrence_changes.create(
            original_date=timezone.localtime(event.start).date(), cancelled=True
        )
        event.save_revision().publish()
        vevent = self.vevents(self.get_calendar("/da/det-sker/fodbold/ics/"))[0]
        self.assertEqual(vevent["STATUS"], "CANCELLED")


class CalendarLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.category = EventCategoryFactory(slug="kultur", locale=cls.locales["da"])
        cls.event = EventPageFactory(parent=cls.index, slug="filmaften", category=cls.category)

    def alternate_calendars(self, html):
        return re.findall(r'<link rel="alternate" type="text/calendar"[^>]*href="([^"]+)"', html)

    def test_home_and_event_pages_advertise_the_calendar(self):
        home = self.client.get("/da/").content.decode()
        self.assertEqual(self.alternate_calendars(home), ["http://testserver/da/det-sker/ics/"])
        event = self.client.get("/da/det-sker/filmaften/").content.decode()
        self.assertIn(
            "http://testserver/da/det-sker/filmaften/ics/", self.alternate_calendars(event)
        )

    def test_index_and_category_offer_webcal_and_https(self):
        html = self.client.get("/da/det-sker/").content.decode()
        self.assertIn('href="webcal://testserver/da/det-sker/ics/"', html)
        self.assertIn('href="http://testserver/da/det-sker/ics/"', html)
        html = self.client.get("/da/det-sker/?category=kultur").content.decode()
        self.assertIn('href="webcal://testserver/da/det-sker/category/kultur/ics/"', html)

    def test_event_page_has_schema_org_event(self):
        html = self.client.get("/da/det-sker/filmaften/").content.decode()
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(script.group(1))
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["name"], self.event.title)
        self.assertEqual(datetime.datetime.fromisoformat(data["startDate"]), self.event.start)
        self.assertIn("+", data["startDate"])
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")
        self.assertEqual(data["location"]["@type"], "Place")
        self.assertTrue(data["isAccessibleForFree"])

    def test_schema_org_marks_a_cancelled_event_and_escapes_html(self):
        event = EventPage.objects.get(pk=self.event.pk)
        event.title = "</script><b>Film</b>"
        event.occurrence_changes.create(
            original_date=timezone.localtime(event.start).date(), cancelled=True
        )
        event.save_revision().publish()
        html = self.client.get("/da/det-sker/filmaften/").content.decode()
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertNotIn("<", script.group(1))
        data = json.loads(script.group(1))
        self.assertEqual(data["name"], event.title)
        self.assertEqual(data["eventStatus"], "https://schema.org/EventCancelled")

"""Every second Tuesday: intervals and ends of a repeat, as editors enter them and residents,
calendars and search engines read them."""

import datetime
import json
import re

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase
from django.utils import timezone, translation

from wagtail.test.utils.form_data import inline_formset

import icalendar
from dateutil.rrule import rrulestr

from arrangementer.choices import INTERVAL_ERROR, INTERVAL_HELP
from arrangementer.models import EventPage
from arrangementer.recurrence import LOCAL_TZ, Schedule, expand, local
from arrangementer.wording import schedule_text
from tests.arrangementer.test_events import event_form
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.kvarter.helpers import create_site, in_admin_language


def at(year, month, day, hour=17, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


def in_editor_language(lazy_text):
    """A lazily translated text as the Danish editor reads it."""
    with translation.override("da"):
        return str(lazy_text)


def tuesdays_from_today(weeks_ahead=1):
    """A Tuesday at 10:00 Copenhagen time, a week or more from today."""
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7 + 7 * weeks_ahead)
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=LOCAL_TZ)


class IntervalDatesTests(SimpleTestCase):
    def test_every_other_tuesday_keeps_ten_oclock_across_the_march_change(self):
        # Summer time starts on Sunday 28 March 2027.
        schedule = Schedule(
            start=at(2027, 3, 2, 10),
            end=at(2027, 3, 2, 12),
            frequency="weekly",
            weekdays=[1],
            repeat_interval=2,
            repeat_count=4,
        )
        starts = schedule.original_starts()
        self.assertEqual(
            [s.date() for s in starts],
            [datetime.date(2027, 3, 2) + datetime.timedelta(weeks=2 * n) for n in range(4)],
        )
        self.assertEqual({(s.hour, s.minute) for s in starts}, {(10, 0)})
        self.assertEqual(starts[1].utcoffset(), datetime.timedelta(hours=1))  # 16 March
        self.assertEqual(starts[2].utcoffset(), datetime.timedelta(hours=2))  # 30 March

    def test_every_third_month_on_the_first_monday(self):
        schedule = Schedule(
            start=at(2026, 12, 7, 19),
            end=at(2026, 12, 7, 21),
            frequency="monthly",
            monthly_week=1,
            monthly_weekday=0,
            repeat_interval=3,
            repeat_until=datetime.date(2027, 12, 31),
        )
        starts = schedule.original_starts()
        self.assertEqual(
            [s.date() for s in starts],
            [
                datetime.date(2026, 12, 7),
                datetime.date(2027, 3, 1),
                datetime.date(2027, 6, 7),
                datetime.date(2027, 9, 6),
                datetime.date(2027, 12, 6),
            ],
        )
        for start in starts:
            self.assertEqual(start.weekday(), 0)
            self.assertLessEqual(start.day, 7)

    def test_the_end_date_is_the_last_day_it_may_happen(self):
        schedule = Schedule(
            start=at(2027, 3, 2, 10),
            end=at(2027, 3, 2, 12),
            frequency="weekly",
            weekdays=[1],
            repeat_interval=2,
            repeat_until=datetime.date(2027, 3, 30),
        )
        self.assertEqual(
            [s.date() for s in schedule.original_starts()],
            [datetime.date(2027, 3, 2), datetime.date(2027, 3, 16), datetime.date(2027, 3, 30)],
        )

    def test_events_from_before_intervals_repeat_as_before(self):
        # An empty interval (a page saved before the field existed) is every week.
        schedule = Schedule.from_fields(
            {
                "start": at(2027, 3, 2),
                "end": at(2027, 3, 2, 19),
                "frequency": "weekly",
                "weekdays": [1],
                "repeat_count": 3,
            }
        )
        self.assertEqual(schedule.repeat_interval, 1)
        starts = schedule.original_starts()
        self.assertEqual(
            [b - a for a, b in zip(starts[:-1], starts[1:], strict=True)],
            [datetime.timedelta(7)] * 2,
        )


class PlainWordsTests(SimpleTestCase):
    def schedule(self, **fields):
        first = fields.pop("start", at(2026, 12, 8, 10))
        return Schedule(start=first, end=first + datetime.timedelta(hours=2), **fields)

    def words(self, language, **fields):
        with translation.override(language):
            return schedule_text(self.schedule(**fields))

    def test_danish(self):
        every_other = {"frequency": "weekly", "weekdays": [1], "repeat_interval": 2}
        self.assertEqual(
            self.words("da", **every_other, repeat_until=datetime.date(2027, 6, 30)),
            "Hver anden tirsdag indtil 30. juni 2027",
        )
        self.assertEqual(
            self.words("da", **every_other, repeat_count=10), "Hver anden tirsdag, 10 gange"
        )
        self.assertEqual(
            self.words("da", **every_other, repeat_count=1), "Hver anden tirsdag, 1 gang"
        )
        self.assertEqual(
            self.words(
                "da",
                start=at(2026, 12, 7, 10),
                frequency="monthly",
                monthly_week=1,
                monthly_weekday=0,
                repeat_interval=3,
                repeat_count=4,
            ),
            "Hver 3. måned den første mandag, 4 gange",
        )
        self.assertEqual(
            self.words("da", frequency="weekly", weekdays=[1, 3], repeat_count=5),
            "Hver tirsdag og torsdag, 5 gange",
        )

    def test_english(self):
        self.assertEqual(
            self.words("en", frequency="weekly", weekdays=[1], repeat_interval=2, repeat_count=6),
            "Every other Tuesday, 6 times",
        )

    def test_arabic_counts_times_with_its_own_plural_forms(self):
        # Arabic has a dual ("twice") and words for 3–10 and 11–99 times of their own.
        weekly = {"frequency": "weekly", "weekdays": [1], "repeat_interval": 2}
        with translation.override("ar"):
            every_other = translation.gettext("Every other %(days)s") % {"days": "الثلاثاء"}
        phrases = {count: self.words("ar", **weekly, repeat_count=count) for count in (1, 2, 3, 11)}
        for count, text in phrases.items():
            with self.subTest(count=count):
                self.assertTrue(text.startswith(every_other), text)
                self.assertNotIn("Tuesday", text)
        self.assertEqual(len(set(phrases.values())), 4)
        self.assertIn("مرتين", phrases[2])  # "twice", the dual
        self.assertIn("3 مرات", phrases[3])
        self.assertIn("11 مرة", phrases[11])

    def test_every_language_has_its_own_words_for_every_other_week(self):
        english = self.words("en", frequency="weekly", weekdays=[1], repeat_interval=2)
        for language in ["da", "ar", "tr", "so", "ur"]:
            with self.subTest(language=language):
                words = self.words(language, frequency="weekly", weekdays=[1], repeat_interval=2)
                self.assertNotEqual(words, english)
                self.assertNotIn("other", words)


class CalendarAndSearchEnginesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.first = tuesdays_from_today()
        cls.event = EventPageFactory(
            parent=cls.index,
            slug="kvindecafe",
            title="Kvindecafé",
            start=cls.first,
            end=cls.first + datetime.timedelta(hours=2),
            frequency="weekly",
            weekdays=[1],
            repeat_interval=2,
            repeat_count=6,
        )
        cls.originals = cls.event.schedule.original_starts()
        cls.cancelled = cls.originals[2]
        cls.event.occurrence_changes.create(
            original_date=cls.cancelled.date(), cancelled=True, note="Nyt køkken"
        )
        cls.event.save_revision().publish()

    def vevent(self):
        response = self.client.get("/da/det-sker/kvindecafe/ics/")
        self.assertEqual(response.status_code, 200)
        return icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]

    def test_ics_rule_has_interval_count_and_the_cancelled_date(self):
        main = self.vevent()
        self.assertEqual(main["RRULE"]["FREQ"], ["WEEKLY"])
        self.assertEqual(main["RRULE"]["INTERVAL"], [2])
        self.assertEqual(main["RRULE"]["COUNT"], [6])
        self.assertEqual(main["RRULE"]["BYDAY"], ["TU"])
        self.assertEqual([d.dt for d in main["EXDATE"].dts], [self.cancelled])

    def test_a_calendar_expanding_the_rule_gets_the_dates_residents_see(self):
        main = self.vevent()
        rule = rrulestr(main["RRULE"].to_ical().decode(), dtstart=main["DTSTART"].dt)
        excluded = {d.dt for d in main["EXDATE"].dts}
        from_calendar = [start for start in rule if start not in excluded]
        now = timezone.now()
        listed = [
            o.start
            for o in expand(self.event, now, now + datetime.timedelta(days=366))
            if not o.is_cancelled
        ]
        self.assertEqual(from_calendar, listed)
        self.assertEqual(len(listed), 5)

    def test_ics_until_is_the_end_of_the_last_day_in_utc(self):
        EventPage.objects.filter(pk=self.event.pk).update(
            repeat_count=None, repeat_until=self.originals[3].date()
        )
        until = self.vevent()["RRULE"]["UNTIL"][0]
        self.assertEqual(local(until).date(), self.originals[3].date())
        self.assertEqual(until.utcoffset(), datetime.timedelta(0))

    def test_a_first_date_before_the_rules_first_day_is_not_an_extra_date(self):
        # Entered as the Monday before; the series starts on the Tuesday in the calendar too.
        EventPage.objects.filter(pk=self.event.pk).update(
            start=self.first - datetime.timedelta(days=1),
            end=self.first - datetime.timedelta(days=1) + datetime.timedelta(hours=2),
            repeat_interval=1,
        )
        self.assertEqual(self.vevent()["DTSTART"].dt, self.first)

    def test_json_ld_says_every_other_tuesday_and_the_count(self):
        response = self.client.get("/da/det-sker/kvindecafe/")
        [data] = [
            json.loads(block)
            for block in re.findall(
                r'<script type="application/ld\+json">(.*?)</script>', response.content.decode()
            )
            if '"Event"' in block
        ]
        schedule = data["eventSchedule"]
        self.assertEqual(schedule["repeatFrequency"], "P2W")
        self.assertEqual(schedule["byDay"], ["https://schema.org/Tuesday"])
        self.assertEqual(schedule["repeatCount"], 6)
        self.assertEqual(schedule["startDate"], self.first.date().isoformat())
        self.assertEqual(schedule["startTime"], "10:00")
        self.assertEqual(schedule["scheduleTimezone"], "Europe/Copenhagen")
        self.assertEqual(data["startDate"], self.first.isoformat())

    def test_month_view_lists_only_the_weeks_it_happens(self):
        month = self.originals[0]
        response = self.client.get(f"/da/det-sker/month/{month.year}-{month.month:02d}/")
        self.assertEqual(response.status_code, 200)
        listed = {day for day, occurrences in response.context["days"]}
        expected = {
            s.date() for s in self.originals if (s.year, s.month) == (month.year, month.month)
        }
        self.assertEqual(listed, expected)
        off_week = self.originals[0] + datetime.timedelta(weeks=1)
        self.assertNotIn(off_week.date(), listed)

    def test_the_event_page_says_the_rule_in_the_readers_words(self):
        response = self.client.get("/da/det-sker/kvindecafe/")
        with translation.override("da"):
            words = schedule_text(self.event.schedule)
        self.assertEqual(words, "Hver anden tirsdag, 6 gange")
        self.assertContains(response, words)
        self.assertContains(response, "Nyt køkken")


class ArabicEventPageTests(TestCase):
    def test_an_arabic_reader_gets_the_rule_in_arabic_right_to_left(self):
        home, locales = create_site()
        index = EventIndexPageFactory(parent=home)
        first = tuesdays_from_today()
        event = EventPageFactory(
            parent=index,
            slug="kvindecafe",
            start=first,
            end=first + datetime.timedelta(hours=2),
            frequency="weekly",
            weekdays=[1],
            repeat_interval=2,
            repeat_until=first.date() + datetime.timedelta(weeks=10),
        )
        arabic = event.copy_for_translation(locales["ar"], copy_parents=True, alias=True)
        response = self.client.get(arabic.url)
        self.assertEqual(response.status_code, 200)
        with translation.override("ar"):
            words = schedule_text(event.schedule)
        self.assertIn("كل أسبوعين", words)  # "every two weeks"
        self.assertContains(response, words)
        self.assertContains(response, 'dir="rtl"')
        self.assertNotContains(response, "Hver anden")


class EditorEntersIntervalsTests(TestCase):
    """Through the admin's page edit view, in the editor's language (Danish)."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def post(self, **overrides):
        fields = {
            "start": "2027-03-02 10:00",
            "end": "2027-03-02 12:00",
            "frequency": "weekly",
            "weekdays": ["1"],
            "repeat_interval": "2",
            "repeat_count": "6",
        }
        fields.update(overrides)
        return self.client.post(
            f"/admin/pages/add/arrangementer/eventpage/{self.index.pk}/",
            event_form(**fields),
        )

    def field_errors(self, response, field):
        self.assertEqual(response.status_code, 200)
        return [str(message) for message in response.context["form"].errors.get(field, [])]

    def test_every_second_tuesday_with_a_cancelled_date(self):
        response = self.post(
            occurrence_changes=inline_formset(
                [{"original_date": "2027-03-16", "cancelled": "on", "note": "Nyt køkken"}]
            ),
            **{"action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 302)
        event = EventPage.objects.get(slug="lektiehjaelp")
        self.assertEqual(event.repeat_interval, 2)
        occurrences = expand(event, at(2027, 3, 1), at(2027, 5, 1))
        self.assertEqual(
            [(o.local_date, o.is_cancelled) for o in occurrences],
            [
                (datetime.date(2027, 3, 2), False),
                (datetime.date(2027, 3, 16), True),
                (datetime.date(2027, 3, 30), False),
                (datetime.date(2027, 4, 13), False),
                (datetime.date(2027, 4, 27), False),
            ],
        )

    def test_cancelling_a_tuesday_of_an_off_week_is_refused(self):
        response = self.post(
            occurrence_changes=inline_formset([{"original_date": "2027-03-09", "cancelled": "on"}])
        )
        self.assertEqual(response.status_code, 200)
        row = response.context["form"].formsets["occurrence_changes"].forms[0]
        self.assertEqual(
            [str(m) for m in row.errors["original_date"]],
            [
                in_admin_language(
                    "The event does not take place on this date. Pick a date it happens on."
                )
            ],
        )
        self.assertFalse(EventPage.objects.exists())

    def test_bad_intervals_are_refused_with_a_clear_message(self):
        for interval in ["0", "-2", "53", "to"]:
            with self.subTest(interval=interval):
                response = self.post(repeat_interval=interval)
                self.assertEqual(
                    self.field_errors(response, "repeat_interval"),
                    [in_editor_language(INTERVAL_ERROR)],
                )
        self.assertFalse(EventPage.objects.exists())

    def test_an_empty_interval_is_every_week(self):
        response = self.post(repeat_interval="", action_publish="action-publish")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(EventPage.objects.get().repeat_interval, 1)

    def test_an_end_date_and_a_count_together_are_refused(self):
        response = self.post(repeat_until="2027-06-30")
        self.assertEqual(
            self.field_errors(response, "repeat_count"),
            [in_admin_language("Fill in a last date or a number of times, not both.")],
        )
        self.assertFalse(EventPage.objects.exists())

    def test_an_end_before_the_start_is_refused(self):
        response = self.post(repeat_count="", repeat_until="2027-02-01")
        self.assertEqual(
            self.field_errors(response, "repeat_until"),
            [in_admin_language("The last date cannot be before the first date.")],
        )

    def test_a_first_date_off_the_rule_is_refused_with_an_interval(self):
        # Wednesday 3 March, every other Tuesday: from which Tuesday would "other" count?
        response = self.post(start="2027-03-03 10:00", end="2027-03-03 12:00")
        [message] = self.field_errors(response, "start")
        self.assertIn("3. marts 2027", message)

    def test_a_rule_without_any_date_is_refused_not_a_server_error(self):
        # Tuesdays, from a Wednesday until the Monday after: no Tuesday at all.
        response = self.post(
            start="2027-03-03 10:00",
            end="2027-03-03 12:00",
            repeat_interval="1",
            repeat_count="",
            repeat_until="2027-03-08",
        )
        self.assertEqual(
            self.field_errors(response, "frequency"),
            [
                in_admin_language(
                    "The repeat gives no dates before its end. Check the weekdays, "
                    "the first date and the last date."
                )
            ],
        )

    def test_the_danish_editor_walks_through_entering_every_second_tuesday(self):
        add_url = f"/admin/pages/add/arrangementer/eventpage/{self.index.pk}/"
        form = self.client.get(add_url)
        self.assertEqual(form.status_code, 200)
        # The field and its help are in Danish.
        self.assertContains(form, in_admin_language("interval"))
        self.assertContains(form, in_editor_language(INTERVAL_HELP))
        self.assertContains(form, 'name="repeat_interval"')

        saved = self.post(
            occurrence_changes=inline_formset(
                [{"original_date": "2027-03-30", "cancelled": "on", "note": "Påskeferie"}]
            )
        )
        self.assertEqual(saved.status_code, 302)
        event = EventPage.objects.get()
        self.assertFalse(event.live)
        edit = self.client.get(f"/admin/pages/{event.pk}/edit/")
        self.assertContains(edit, 'name="repeat_interval"')
        self.assertEqual(edit.context["form"]["repeat_interval"].value(), 2)

        published = self.client.post(
            f"/admin/pages/{event.pk}/edit/",
            event_form(
                title=event.title,
                slug=event.slug,
                start="2027-03-02 10:00",
                end="2027-03-02 12:00",
                frequency="weekly",
                weekdays=["1"],
                repeat_interval="2",
                repeat_count="6",
                occurrence_changes=inline_formset(
                    [
                        {
                            "id": str(event.occurrence_changes.get().pk),
                            "original_date": "2027-03-30",
                            "cancelled": "on",
                            "note": "Påskeferie",
                        }
                    ],
                    initial=1,
                ),
                **{"action-publish": "action-publish"},
            ),
        )
        self.assertEqual(published.status_code, 302)
        page = self.client.get(EventPage.objects.get().url)
        self.assertContains(page, "Hver anden tirsdag, 6 gange")
        self.assertContains(page, "Påskeferie")

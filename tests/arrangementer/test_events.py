"""Events: where editors may create them, what the admin refuses, and how dates repeat."""

import datetime

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from arrangementer.models import EventIndexPage, EventPage, OccurrenceChange
from arrangementer.recurrence import LOCAL_TZ, Schedule, expand
from kvarter.models import ContactPage, HomePage, PlanPage, StandardPage
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.kvarter.helpers import (
    create_site,
    in_admin_language,
    sync_every_language,
    translate_in_editor,
)


def at(year, month, day, hour=17, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


class EventTreeRulesTests(WagtailPageTestCase):
    def test_event_index_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_events_only_under_the_event_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        for parent in (HomePage, PlanPage, StandardPage, ContactPage):
            self.assertCanNotCreateAt(parent, EventPage)

    def test_one_event_index_per_language(self):
        home, _ = create_site()
        self.assertTrue(EventIndexPage.can_create_at(home))
        EventIndexPageFactory(parent=home)
        self.assertFalse(EventIndexPage.can_create_at(home))


def event_form(**overrides):
    data = {
        "title": "Lektiehjælp",
        "slug": "lektiehjaelp",
        "start": "2026-03-03 16:00",
        "end": "2026-03-03 18:00",
        "frequency": "none",
        "breaks": inline_formset([]),
        "occurrence_changes": inline_formset([]),
        "body": streamfield([]),
    }
    # Checkbox lists are posted as repeated keys, which nested_form_data would flatten.
    lists = {key: overrides.pop(key) for key in ("weekdays", "languages") if key in overrides}
    data.update(overrides)
    return {**nested_form_data(data), **lists}


class EditorCreatesEventsTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def post(self, **overrides):
        return self.client.post(
            f"/admin/pages/add/arrangementer/eventpage/{self.index.pk}/", event_form(**overrides)
        )

    def errors(self, response):
        """Every error message on the form and its inline rows, as text."""
        form = response.context["form"]
        messages = [str(m) for errors in form.errors.values() for m in errors]
        for formset in form.formsets.values():
            for row in formset.forms:
                messages += [str(m) for errors in row.errors.values() for m in errors]
        return messages

    def test_editor_creates_a_weekly_event_from_the_human_form(self):
        self.assertCanCreate(
            self.index,
            EventPage,
            event_form(
                frequency="weekly",
                weekdays=["1", "3"],
                repeat_until="2026-04-30",
                languages=["da", "ar"],
                breaks=inline_formset(
                    [{"start_date": "2026-03-30", "end_date": "2026-04-06", "label": "Påske"}]
                ),
                occurrence_changes=inline_formset(
                    [{"original_date": "2026-03-12", "cancelled": "on", "note": "Valg"}]
                ),
            ),
        )
        event = EventPage.objects.get(slug="lektiehjaelp")
        self.assertEqual(event.weekdays, [1, 3])
        self.assertEqual(event.languages, ["da", "ar"])
        # Entered as Copenhagen time.
        self.assertEqual(event.start, at(2026, 3, 3, 16))
        self.assertEqual(event.breaks.get().label, "Påske")

    def test_end_before_start_is_refused(self):
        response = self.post(end="2026-03-03 15:00")
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            in_admin_language("The event cannot end before it starts."), self.errors(response)
        )
        self.assertFalse(EventPage.objects.exists())

    def test_recurrence_without_an_end_is_refused(self):
        response = self.post(frequency="weekly", weekdays=["1"])
        self.assertIn(
            in_admin_language(
                "A repeating event needs an end: fill in a last date or a number of times."
            ),
            self.errors(response),
        )
        self.assertFalse(EventPage.objects.exists())

    def test_break_on_a_day_without_the_event_is_refused(self):
        # Tuesdays only: Wednesday 4 March is not a date of the event.
        response = self.post(
            frequency="weekly",
            weekdays=["1"],
            repeat_count="5",
            breaks=inline_formset([{"start_date": "2026-03-04"}]),
        )
        self.assertIn(
            in_admin_language(
                "The event does not take place on this date, so there is nothing to skip."
            ),
            self.errors(response),
        )
        self.assertFalse(EventPage.objects.exists())

    def test_changing_a_date_the_event_does_not_have_is_refused(self):
        response = self.post(
            frequency="weekly",
            weekdays=["1"],
            repeat_count="5",
            occurrence_changes=inline_formset([{"original_date": "2026-06-02", "cancelled": "on"}]),
        )
        self.assertIn(
            in_admin_language(
                "The event does not take place on this date. Pick a date it happens on."
            ),
            self.errors(response),
        )

    def test_a_change_must_cancel_or_move(self):
        response = self.post(
            occurrence_changes=inline_formset([{"original_date": "2026-03-03"}]),
        )
        self.assertIn(
            in_admin_language("Tick “cancelled” or give the new start time."), self.errors(response)
        )


class ScheduleTests(TestCase):
    # A TestCase: a new page looks up its content type in the database.
    def test_form_data_and_page_fields_make_the_same_schedule(self):
        fields = {"start": at(2026, 3, 3, 16), "end": at(2026, 3, 3, 18), "frequency": "weekly"}
        schedule = Schedule.from_fields({**fields, "weekdays": None, "all_day": None})
        self.assertEqual(schedule, Schedule(**fields))
        page = EventPage(**fields, repeat_count=3)
        self.assertEqual(page.schedule, Schedule(**fields, repeat_count=3))

    def test_a_moved_date_keeps_the_usual_length_unless_given_an_end(self):
        schedule = Schedule(start=at(2026, 3, 3, 16), end=at(2026, 3, 3, 18))
        moved = OccurrenceChange(new_start=at(2026, 3, 4, 10))
        self.assertEqual(schedule.moved_end(moved), at(2026, 3, 4, 12))
        moved.new_end = at(2026, 3, 4, 11)
        self.assertEqual(schedule.moved_end(moved), at(2026, 3, 4, 11))


class DaylightSavingTests(SimpleTestCase):
    def test_weekly_event_keeps_its_local_time_across_the_march_change(self):
        # Thursdays at 17:00 from 19 March 2026; summer time starts on Sunday 29 March.
        schedule = Schedule(
            start=at(2026, 3, 19),
            end=at(2026, 3, 19, 19),
            frequency="weekly",
            weekdays=[3],
            repeat_count=4,
        )
        starts = schedule.original_starts()
        self.assertEqual([s.hour for s in starts], [17] * 4)
        offsets = [s.utcoffset() for s in starts]
        self.assertEqual(offsets[0], datetime.timedelta(hours=1))
        self.assertEqual(offsets[-1], datetime.timedelta(hours=2))
        utc_hours = {s.astimezone(datetime.UTC).hour for s in starts}
        self.assertEqual(utc_hours, {16, 15})

    def test_monthly_event_keeps_its_local_time_across_the_october_change(self):
        # The last Thursday of the month at 19:00, from September into November.
        schedule = Schedule(
            start=at(2026, 9, 24, 19),
            end=at(2026, 9, 24, 21),
            frequency="monthly",
            monthly_week=-1,
            monthly_weekday=3,
            repeat_count=3,
        )
        starts = schedule.original_starts()
        self.assertEqual(
            [s.date() for s in starts],
            [
                datetime.date(2026, 9, 24),
                datetime.date(2026, 10, 29),
                datetime.date(2026, 11, 26),
            ],
        )
        self.assertEqual({s.hour for s in starts}, {19})
        self.assertEqual(starts[-1].utcoffset(), datetime.timedelta(hours=1))

    def test_nth_weekday_of_the_month(self):
        schedule = Schedule(
            start=at(2026, 1, 1),
            end=at(2026, 1, 1, 18),
            frequency="monthly",
            monthly_week=2,
            monthly_weekday=1,
            repeat_until=datetime.date(2026, 4, 30),
        )
        self.assertEqual(
            [s.date() for s in schedule.original_starts()],
            [
                datetime.date(2026, 1, 13),
                datetime.date(2026, 2, 10),
                datetime.date(2026, 3, 10),
                datetime.date(2026, 4, 14),
            ],
        )


class OccurrenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _ = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def test_breaks_are_left_out_cancelled_marked_and_moved_shown_at_the_new_time(self):
        event = EventPageFactory(
            parent=self.index,
            start=at(2026, 2, 3, 16),
            end=at(2026, 2, 3, 18),
            frequency="weekly",
            weekdays=[1],
            repeat_count=6,
        )
        originals = [s.date() for s in event.schedule.original_starts()]
        event.breaks.create(start_date=originals[1], end_date=originals[1])
        event.occurrence_changes.create(original_date=originals[2], cancelled=True)
        moved_to = at(2026, 2, 19, 17)
        event.occurrence_changes.create(original_date=originals[3], new_start=moved_to)
        event.save_revision().publish()
        event.refresh_from_db()

        occurrences = expand(event, at(2026, 1, 1), at(2026, 12, 31))
        self.assertEqual(len(occurrences), len(originals) - 1)
        self.assertNotIn(originals[1], [o.local_date for o in occurrences])
        cancelled = [o for o in occurrences if o.is_cancelled]
        self.assertEqual([o.local_date for o in cancelled], [originals[2]])
        moved = next(o for o in occurrences if o.is_moved)
        self.assertEqual(moved.start, moved_to)
        self.assertEqual(moved.end - moved.start, event.end - event.start)
        self.assertEqual(moved.original_start.date(), originals[3])
        # The span used by listings covers the last date.
        self.assertEqual(
            event.ends_at, event.schedule.original_starts()[-1] + datetime.timedelta(hours=2)
        )

    def test_an_event_in_progress_is_still_upcoming(self):
        now = timezone.now()
        event = EventPageFactory(
            parent=self.index,
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=1),
        )
        self.assertEqual([o.event.pk for o in self.index.upcoming_occurrences()], [event.pk])

    def test_sequence_goes_up_only_when_the_dates_change(self):
        event = EventPageFactory(parent=self.index)
        self.assertEqual(event.sequence, 0)
        event.title = "Ny titel"
        event.save_revision().publish()
        event.refresh_from_db()
        self.assertEqual(event.sequence, 0)
        event.start += datetime.timedelta(hours=1)
        event.end += datetime.timedelta(hours=1)
        event.save_revision().publish()
        event.refresh_from_db()
        self.assertEqual(event.sequence, 1)
        # Publishing an older revision object does not lose the count.
        stale = Page.objects.get(pk=event.pk).specific.revisions.order_by("created_at").first()
        stale.publish()
        event.refresh_from_db()
        self.assertEqual(event.sequence, 2)


class TranslatedChangesTests(TestCase):
    """A cancelled date's note and a break's reason read in the reader's language once the page
    is translated, and stay marked Danish on a page that is not."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        index = EventIndexPageFactory(parent=cls.home)
        first = timezone.localtime() + datetime.timedelta(days=2)
        cls.event = EventPageFactory(
            parent=index,
            title="Lektiecafé",
            start=first,
            end=first + datetime.timedelta(hours=2),
            frequency="weekly",
            repeat_count=6,
        )
        cancelled = cls.event.schedule.original_starts()[1].date()
        cls.event.occurrence_changes.create(
            original_date=cancelled, cancelled=True, note="Aflyst på grund af valget"
        )
        holiday = cls.event.schedule.original_starts()[3].date()
        cls.event.breaks.create(start_date=holiday, label="Vinterferie")
        cls.event.save_revision().publish()
        sync_every_language(cls.locales)
        cls.english = translate_in_editor(
            cls.event,
            cls.locales["en"],
            {
                "Lektiecafé": "Homework café",
                "Aflyst på grund af valget": "Cancelled because of the election",
                "Vinterferie": "Winter holiday",
            },
        )

    def test_translators_see_the_note_and_the_reason_as_texts_to_translate(self):
        english = self.client.get(self.english.url)
        self.assertContains(english, "Cancelled because of the election")
        self.assertContains(english, "Winter holiday")
        self.assertNotContains(english, "Aflyst på grund af valget")
        self.assertNotContains(english, "Vinterferie")

    def test_the_dates_stay_those_of_the_danish_page(self):
        danish_dates = {c.original_date for c in self.event.occurrence_changes.all()}
        english_dates = {c.original_date for c in self.english.occurrence_changes.all()}
        self.assertEqual(english_dates, danish_dates)
        self.assertEqual(
            [c.locale.language_code for c in self.english.occurrence_changes.all()], ["en"]
        )

    def test_the_english_listing_shows_the_english_note(self):
        listing = self.client.get(self.english.get_parent().url)
        self.assertContains(listing, "Cancelled because of the election")
        self.assertNotContains(listing, "Aflyst på grund af valget")

    def test_an_untranslated_page_marks_the_danish_note(self):
        arabic = self.event.get_translation(self.locales["ar"])
        self.assertIsNotNone(arabic.alias_of_id)
        response = self.client.get(arabic.url)
        self.assertContains(
            response, '<span class="meta" lang="da" dir="ltr">Aflyst på grund af valget</span>'
        )

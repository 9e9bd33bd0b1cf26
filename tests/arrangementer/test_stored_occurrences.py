"""The dates of events are stored when a page is saved and rolled forward by the worker, so that
listings read them instead of expanding every rule on every request."""

import datetime

from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail import hooks

from arrangementer.models import Occurrence, OccurrenceWindow
from arrangementer.recurrence import LOCAL_TZ, expand_all, local
from tests.factories import (
    EventCategoryFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HousingAreaFactory,
)
from tests.kvarter.helpers import alias, create_site, home_section, translate


def in_days(days, hour=17, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LOCAL_TZ)


def dates(occurrences):
    """What a listing shows of each date."""
    return [(o.event.pk, o.start, o.end, o.original_start, o.status, o.note) for o in occurrences]


def stored(event):
    return list(Occurrence.objects.filter(event=event).order_by("start"))


PAGE_FETCH = 'SELECT "wagtailcore_page"'


def run_the_workers_minute():
    for every_minute in hooks.get_hooks("kvarter_worker_minute"):
        every_minute()


class StoringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def weekly(self, **fields):
        fields = {
            "parent": self.index,
            "slug": "lektiehjaelp",
            "title": "Lektiehjælp",
            "start": in_days(1),
            "end": in_days(1, 19),
            "frequency": "weekly",
            "repeat_count": 6,
            **fields,
        }
        return EventPageFactory(**fields)

    def test_publishing_stores_every_date_and_unpublishing_removes_them(self):
        event = self.weekly()
        self.assertEqual([o.start for o in stored(event)], event.schedule.original_starts())
        event.save_revision().publish()
        self.assertEqual(len(stored(event)), 6)
        event.unpublish()
        self.assertEqual(stored(event), [])
        self.assertEqual(list(self.client.get("/da/det-sker/").context["occurrences"]), [])

    def test_a_draft_changes_nothing_until_it_is_published(self):
        event = self.weekly()
        event.repeat_count = 2
        event.save_revision()
        self.assertEqual(len(stored(event)), 6)
        event.get_latest_revision().publish()
        self.assertEqual(len(stored(event)), 2)

    def test_a_preview_shows_the_drafts_dates(self):
        event = self.weekly()
        draft = event.get_latest_revision_as_object()
        draft.repeat_count = 2
        request = RequestFactory().get("/")
        request.is_preview = True
        self.assertEqual(len(draft.get_context(request)["next_occurrences"]), 2)
        self.assertEqual(len(stored(event)), 6)

    def test_deleting_the_page_deletes_its_dates(self):
        event = self.weekly()
        event.delete()
        self.assertFalse(Occurrence.objects.exists())

    def test_a_recurrence_edit_replaces_the_dates(self):
        event = self.weekly()
        first, second, third = event.schedule.original_starts()[:3]
        event.repeat_count = 3
        event.occurrence_changes.create(original_date=local(second).date(), cancelled=True)
        moved_to = third + datetime.timedelta(days=1, hours=1)
        event.occurrence_changes.create(
            original_date=local(third).date(), new_start=moved_to, note="Flyttet pga. valg"
        )
        event.save_revision().publish()
        self.assertEqual(
            [(o.original_start, o.start, o.status, o.note) for o in stored(event)],
            [
                (first, first, "scheduled", ""),
                (second, second, "cancelled", ""),
                (third, moved_to, "moved", "Flyttet pga. valg"),
            ],
        )
        self.assertEqual(stored(event)[2].end, moved_to + datetime.timedelta(hours=2))

    def test_a_break_leaves_its_dates_out(self):
        event = self.weekly()
        second = event.schedule.original_starts()[1]
        event.breaks.create(start_date=local(second).date())
        event.save_revision().publish()
        self.assertNotIn(second, [o.original_start for o in stored(event)])
        self.assertEqual(len(stored(event)), 5)

    def test_translations_get_their_own_dates(self):
        event = self.weekly()
        event.occurrence_changes.create(
            original_date=local(event.schedule.original_starts()[1]).date(), cancelled=True
        )
        event.save_revision().publish()
        english = translate(event, self.locales["en"])
        self.assertEqual(
            [(o.start, o.status) for o in stored(english)],
            [(o.start, o.status) for o in stored(event)],
        )
        self.assertEqual(stored(english)[1].status, "cancelled")
        event.unpublish()
        self.assertEqual(len(stored(english)), 6)

    def test_aliases_follow_their_page(self):
        """What wagtail-localize's tree sync makes for an untranslated event: publishing the
        Danish page updates its alias, and unpublishing it unpublishes the alias, which Wagtail
        does through the base Page model."""
        event = self.weekly()
        arabic = alias(event, self.locales["ar"])
        self.assertEqual([o.start for o in stored(arabic)], [o.start for o in stored(event)])
        event.repeat_count = 2
        event.save_revision().publish()
        self.assertEqual(len(stored(arabic)), 2)
        event.unpublish()
        self.assertEqual(stored(arabic), [])

    def test_the_worker_rolls_the_window_forward_once_a_day(self):
        three_years = timezone.localdate() + datetime.timedelta(days=3 * 365)
        event = self.weekly(repeat_count=None, repeat_until=three_years)
        month_ago = timezone.now() - datetime.timedelta(days=30)
        Occurrence.refresh_all(now=month_ago)
        window = OccurrenceWindow.objects.get()
        self.assertLess(stored(event)[-1].start, window.stored_until)
        last_before = stored(event)[-1].start

        run_the_workers_minute()
        window.refresh_from_db()
        self.assertGreater(window.stored_until, timezone.now() + datetime.timedelta(days=540))
        self.assertGreater(stored(event)[-1].start, last_before + datetime.timedelta(days=21))
        self.assertEqual(
            [o.start for o in stored(event)],
            event.schedule.original_starts(window.stored_from, window.stored_until),
        )
        # The next minute finds the window fresh: one small query, nothing stored again.
        with self.assertNumQueries(1):
            Occurrence.refresh_if_due()

    def test_a_fresh_database_gets_its_dates_from_the_worker_or_the_command(self):
        event = self.weekly()
        Occurrence.objects.all().delete()
        OccurrenceWindow.objects.all().delete()
        run_the_workers_minute()
        self.assertEqual(len(stored(event)), 6)


class SameListingsTests(TestCase):
    """The stored dates list exactly what working them out from the rules listed."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        category = EventCategoryFactory(locale=cls.locales["da"])
        weekly = EventPageFactory(
            parent=cls.index,
            slug="ugentlig",
            title="Åben café",
            start=in_days(-40),
            end=in_days(-40, 19),
            frequency="weekly",
            weekdays=[1, 4],
            repeat_until=timezone.localdate() + datetime.timedelta(days=400),
            category=category,
        )
        starts = weekly.schedule.original_starts()
        weekly.breaks.create(start_date=local(starts[12]).date(), end_date=local(starts[15]).date())
        weekly.occurrence_changes.create(
            original_date=local(starts[20]).date(), cancelled=True, note="Aflyst"
        )
        weekly.occurrence_changes.create(
            original_date=local(starts[21]).date(),
            new_start=starts[21] + datetime.timedelta(days=1),
            note="Flyttet",
        )
        weekly.save_revision().publish()
        EventPageFactory(
            parent=cls.index,
            slug="maanedlig",
            title="Beboermøde",
            start=in_days(2, 19),
            end=in_days(2, 21),
            frequency="monthly",
            monthly_week=-1,
            monthly_weekday=2,
            repeat_interval=2,
            repeat_count=8,
        )
        EventPageFactory(
            parent=cls.index,
            slug="festival",
            title="Festival",
            start=in_days(5, 0),
            end=in_days(7, 0),
            all_day=True,
        )
        # Bad input an editor's form refuses but an import could make: it ends before it starts.
        backwards = EventPageFactory(
            parent=cls.index, slug="baglaens", title="Baglæns", start=in_days(3), end=in_days(3, 19)
        )
        backwards.end = in_days(3, 15)
        backwards.save(clean=False)
        # Two at the same time: the title decides, as Python sorts it.
        for title in ("Zumba", "Yoga"):
            EventPageFactory(
                parent=cls.index,
                slug=title.lower(),
                title=title,
                start=in_days(4),
                end=in_days(4, 18),
            )

    def assertSameAsExpanded(self, after, before):
        expanded = expand_all(self.index.events(), after, before)
        self.assertEqual(dates(self.index.stored_occurrences(after, before)), dates(expanded))
        return expanded

    def test_upcoming_dates(self):
        now = timezone.now()
        expanded = self.assertSameAsExpanded(now, now + datetime.timedelta(days=60))
        self.assertGreater(len(expanded), 10)

    def test_every_month_of_the_stored_window(self):
        window = OccurrenceWindow.objects.get()
        first = local(window.stored_from).date()
        for n in range(18):
            month = (first + datetime.timedelta(days=31 * n)).replace(day=1)
            following = (month + datetime.timedelta(days=31)).replace(day=1)
            with self.subTest(month):
                self.assertSameAsExpanded(
                    datetime.datetime.combine(month, datetime.time.min, tzinfo=LOCAL_TZ),
                    datetime.datetime.combine(following, datetime.time.min, tzinfo=LOCAL_TZ),
                )

    def test_the_time_of_day_stays_across_daylight_saving_changes(self):
        weekly = self.index.get_children().get(slug="ugentlig").specific
        times = {local(o.original_start).time() for o in stored(weekly)}
        self.assertEqual(times, {datetime.time(17)})
        offsets = {local(o.start).utcoffset() for o in stored(weekly)}
        self.assertEqual(len(offsets), 2)  # winter and summer time both among the dates

    def test_a_month_beyond_the_window_is_worked_out_from_the_rules(self):
        window = OccurrenceWindow.objects.get()
        month = (local(window.stored_until).date() + datetime.timedelta(days=31)).replace(day=1)
        far = EventPageFactory(
            parent=self.index,
            slug="langt-ude",
            title="Langt ude",
            start=datetime.datetime.combine(month, datetime.time(10), tzinfo=LOCAL_TZ),
            end=datetime.datetime.combine(month, datetime.time(12), tzinfo=LOCAL_TZ),
        )
        self.assertEqual(stored(far), [])
        response = self.client.get(f"/da/det-sker/month/{month:%Y-%m}/")
        listed = [o.event.title for _day, day_dates in response.context["days"] for o in day_dates]
        self.assertEqual(listed, ["Langt ude"])

    def test_the_pages_show_the_stored_dates(self):
        now = timezone.now()
        upcoming = self.index.upcoming_occurrences()
        response = self.client.get("/da/det-sker/")
        self.assertEqual(dates(response.context["occurrences"]), dates(upcoming[:20]))
        self.assertEqual(
            dates(upcoming),
            dates(expand_all(self.index.events(), now, now + datetime.timedelta(days=60))),
        )
        home = home_section(self.client.get("/da/"), "arrangementer/home_whats_on.html")
        self.assertEqual(dates(home["occurrences"]), dates(upcoming[:5]))
        weekly = self.index.get_children().get(slug="ugentlig").specific
        page = self.client.get(weekly.url)
        self.assertEqual(
            dates(page.context["next_occurrences"]), dates(weekly.expanded_next_occurrences())
        )


class StoredDatesQueryCountTests(TestCase):
    """The event pages read their dates in one query, however many events and dates there are.

    The whole page's count is asserted to stay the same from 1× to 10× events; of it, the event
    app's own queries (dates, categories, breaks, the stored window) are bounded here. The rest
    is the furniture every page has (site, menu, language switcher, settings).
    """

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.area = HousingAreaFactory(locale=cls.locales["da"])

    def add_events(self, count, start):
        for n in range(start, start + count):
            event = EventPageFactory(
                parent=self.index,
                slug=f"event-{n}",
                start=in_days(1 + n % 20),
                end=in_days(1 + n % 20, 19),
                category=EventCategoryFactory(locale=self.locales["da"]),
                housing_area=self.area,
                frequency="weekly",
                repeat_count=30,
            )
            first = event.schedule.original_starts()[0]
            event.occurrence_changes.create(original_date=local(first).date(), cancelled=True)
            event.breaks.create(start_date=local(first).date() + datetime.timedelta(days=7))
            event.save_revision().publish()

    def queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return [query["sql"] for query in queries]

    def assertConstant(self, url, max_event_queries):
        self.add_events(1, start=0)
        one = self.queries(url)
        self.add_events(9, start=1)
        ten = self.queries(url)
        self.assertEqual(len(ten), len(one))
        # Wagtail's own fetch of the page served reads an event table too; it is not counted.
        event_queries = [
            sql for sql in ten if "arrangementer_" in sql and not sql.startswith(PAGE_FETCH)
        ]
        self.assertLessEqual(len(event_queries), max_event_queries, event_queries)
        dates = [sql for sql in ten if '"arrangementer_occurrence"' in sql]
        self.assertEqual(len([sql for sql in dates if not sql.startswith("SELECT COUNT")]), 1)
        return ten

    def test_event_index(self):
        # The dates and their count (for the pages), the categories.
        queries = self.assertConstant("/da/det-sker/", max_event_queries=3)
        self.assertFalse([sql for sql in queries if "rendition" in sql])

    def test_month_view(self):
        # The stored window, the dates, the categories.
        self.assertConstant(f"/da/det-sker/month/{in_days(10):%Y-%m}/", max_event_queries=3)

    def test_event_page(self):
        # The next dates, the breaks, the category and the categories in the reader's language.
        self.assertConstant("/da/det-sker/event-0/", max_event_queries=4)

    def test_home_whats_on(self):
        """The home page's section reads only the five dates it shows, and no images."""
        [whats_on] = [
            hook
            for hook in hooks.get_hooks("kvarter_home_sections")
            if hook.__module__ == "arrangementer.wagtail_hooks"
        ]
        self.assertConstant("/da/", max_event_queries=3)
        request = self.client.get("/da/").wsgi_request
        request.__dict__.pop("_arrangementer_event_index", None)
        with CaptureQueriesContext(connection) as queries:
            section = whats_on(self.home, request)
        self.assertEqual(len(section.context["occurrences"]), 5)
        # The index (and its restriction check), the dates (and theirs), the categories.
        self.assertLessEqual(len(queries), 5)
        self.assertFalse([q for q in queries if "rendition" in q["sql"]])

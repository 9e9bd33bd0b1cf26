"""What residents see in the event listings, month view, archive and on the home page."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from arrangementer.choices import UPCOMING_DAYS
from arrangementer.recurrence import LOCAL_TZ
from tests.factories import (
    EventCategoryFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HousingAreaFactory,
    ImageFactory,
)
from tests.kvarter.helpers import alias, create_site


def whats_on(response):
    """The occurrences in the home page's "what's on" section (wagtail_hooks.py)."""
    [section] = [
        section
        for section in response.context["home_sections"]
        if section.template == "arrangementer/home_whats_on.html"
    ]
    return [o.event.title for o in section.context["occurrences"]]


def in_days(days, hour=17):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LOCAL_TZ)


class EventListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.culture = EventCategoryFactory(name="Kultur", slug="kultur", locale=cls.locales["da"])
        cls.soon = EventPageFactory(
            parent=cls.index,
            slug="snart",
            title="Koncert",
            start=in_days(2),
            end=in_days(2, 19),
            category=cls.culture,
        )
        cls.later = EventPageFactory(
            parent=cls.index,
            slug="senere",
            title="Langt ude",
            start=in_days(UPCOMING_DAYS + 5),
            end=in_days(UPCOMING_DAYS + 5, 19),
        )
        cls.past = EventPageFactory(
            parent=cls.index,
            slug="forbi",
            title="Sommerfest",
            start=in_days(-30),
            end=in_days(-30, 20),
        )

    def titles(self, response, key="occurrences"):
        return [o.event.title for o in response.context[key]]

    def test_upcoming_lists_the_next_sixty_days(self):
        response = self.client.get("/da/det-sker/")
        self.assertEqual(self.titles(response), ["Koncert"])

    def test_drafts_and_private_events_are_not_listed(self):
        EventPageFactory(
            parent=self.index,
            slug="kladde",
            title="Kladde",
            start=in_days(3),
            end=in_days(3, 18),
            live=False,
        )
        private = EventPageFactory(
            parent=self.index, slug="privat", title="Privat", start=in_days(3), end=in_days(3, 18)
        )
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        self.assertEqual(self.titles(self.client.get("/da/det-sker/")), ["Koncert"])
        month = in_days(3)
        response = self.client.get(f"/da/det-sker/month/{month:%Y-%m}/")
        listed = [
            o.event.title for _day, occurrences in response.context["days"] for o in occurrences
        ]
        self.assertNotIn("Kladde", listed)
        self.assertNotIn("Privat", listed)
        home = self.client.get("/da/")
        self.assertNotIn("Privat", whats_on(home))

    def test_weekly_event_lists_each_date_with_cancelled_marked(self):
        weekly = EventPageFactory(
            parent=self.index,
            slug="ugentlig",
            title="Lektiehjælp",
            start=in_days(1),
            end=in_days(1, 19),
            frequency="weekly",
            repeat_count=4,
        )
        cancelled = weekly.schedule.original_starts()[1]
        weekly.occurrence_changes.create(original_date=cancelled.date(), cancelled=True)
        weekly.save_revision().publish()
        response = self.client.get("/da/det-sker/")
        occurrences = [o for o in response.context["occurrences"] if o.event.pk == weekly.pk]
        self.assertEqual(len(occurrences), 4)
        self.assertEqual([o.is_cancelled for o in occurrences], [False, True, False, False])
        self.assertContains(response, "occurrence--cancelled", count=1)

    def test_category_filter(self):
        response = self.client.get("/da/det-sker/?category=kultur")
        self.assertEqual(self.titles(response), ["Koncert"])
        other = EventCategoryFactory(slug="sport", locale=self.locales["da"])
        response = self.client.get(f"/da/det-sker/?category={other.slug}")
        self.assertEqual(self.titles(response), [])

    def test_categories_are_named_in_the_readers_language_and_danish_ones_marked(self):
        """The category filter is part of the interface: an Arabic reader of the untranslated
        events page reads translated categories in Arabic, and the rest marked as Danish."""
        alias(self.index, self.locales["ar"])
        sport = EventCategoryFactory(name="Sport", slug="sport", locale=self.locales["da"])
        football = EventPageFactory(
            parent=self.index, slug="fodbold", start=in_days(3), end=in_days(3, 18), category=sport
        )
        for event in (self.soon, football):
            alias(event, self.locales["ar"])
        arabic_culture = self.culture.copy_for_translation(self.locales["ar"])
        arabic_culture.name = "ثقافة"
        arabic_culture.save()

        response = self.client.get("/ar/det-sker/")
        html = response.content.decode()
        self.assertEqual(html.count(">ثقافة<"), 2)  # the filter and the event's tag
        self.assertNotIn(">Kultur<", html)
        self.assertEqual(html.count(' lang="da" dir="ltr">Sport<'), 2)
        filtered = self.client.get("/ar/det-sker/?category=kultur")
        self.assertEqual(self.titles(filtered), ["Koncert"])
        self.assertContains(filtered, "ثقافة")

    def test_bad_input_is_never_a_server_error(self):
        for url, status in [
            ("/da/det-sker/?category=findes-ikke", 404),
            ("/da/det-sker/?category=%3Cscript%3E", 404),
            ("/da/det-sker/?page=abc", 200),
            ("/da/det-sker/?page=999", 200),
            ("/da/det-sker/month/2026-13/", 404),
            ("/da/det-sker/month/2026-00/", 404),
            ("/da/det-sker/month/abc/", 404),
            ("/da/det-sker/month/0000-01/", 404),
            ("/da/det-sker/archive/?page=abc", 200),
        ]:
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, status)

    def test_the_calendar_file_name_reads_left_to_right_in_arabic(self):
        """Without its own direction, "(.ics)" in an Arabic sentence shows as "(ics.)"."""
        response = self.client.get(alias(self.index, self.locales["ar"]).url)
        self.assertContains(response, '(<bdi dir="ltr">.ics</bdi>)')

    def test_month_view_lists_the_days_and_links_to_the_neighbouring_months(self):
        month = self.soon.start
        response = self.client.get(f"/da/det-sker/month/{month:%Y-%m}/")
        self.assertEqual(response.status_code, 200)
        days = response.context["days"]
        self.assertEqual(
            [(day, [o.event.title for o in o_list]) for day, o_list in days],
            [(month.date(), ["Koncert"])],
        )
        following = (month.date().replace(day=1) + datetime.timedelta(days=31)).replace(day=1)
        self.assertContains(response, f'href="/da/det-sker/month/{following:%Y-%m}/"')
        current = self.client.get("/da/det-sker/month/")
        self.assertRedirects(current, f"/da/det-sker/month/{timezone.localdate():%Y-%m}/")

    def test_untranslated_month_view_names_the_danish_month_view_as_canonical(self):
        """A search engine should index the Danish month view, not its Arabic stand-in."""
        alias(self.index, self.locales["ar"])
        month = f"{self.soon.start:%Y-%m}"
        response = self.client.get(f"/ar/det-sker/month/{month}/")
        self.assertContains(
            response, f'<link rel="canonical" href="http://localhost/da/det-sker/month/{month}/">'
        )

    def test_the_language_switcher_stays_on_the_month_shown(self):
        alias(self.index, self.locales["ar"])
        month = f"{self.soon.start:%Y-%m}"
        response = self.client.get(f"/da/det-sker/month/{month}/?category=kultur")
        self.assertContains(response, f'href="/ar/det-sker/month/{month}/?category=kultur"')

    def test_archive_lists_past_events_only(self):
        response = self.client.get("/da/det-sker/archive/")
        self.assertEqual([e.title for e in response.context["events"]], ["Sommerfest"])

    def test_home_page_shows_the_next_five(self):
        for n in range(7):
            EventPageFactory(
                parent=self.index,
                slug=f"e{n}",
                title=f"Event {n}",
                start=in_days(3 + n),
                end=in_days(3 + n, 18),
            )
        response = self.client.get("/da/")
        self.assertEqual(
            whats_on(response),
            ["Koncert", "Event 0", "Event 1", "Event 2", "Event 3"],
        )
        self.assertContains(response, "Event 3")
        self.assertNotContains(response, "Event 4")
        self.assertContains(response, '<h2 id="upcoming-events-heading">')
        self.assertContains(response, 'href="/da/det-sker/">')

    def test_home_page_without_an_event_index_has_no_whats_on(self):
        self.index.unpublish()
        response = self.client.get("/da/")
        self.assertEqual(response.status_code, 200)
        templates = [section.template for section in response.context["home_sections"]]
        self.assertNotIn("arrangementer/home_whats_on.html", templates)
        self.assertNotContains(response, "upcoming-events-heading")
        self.assertNotContains(response, 'type="text/calendar"')


class EventQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.area = HousingAreaFactory(locale=cls.locales["da"])

    def add_events(self, count, start):
        for n in range(start, start + count):
            category = EventCategoryFactory(locale=self.locales["da"])
            event = EventPageFactory(
                parent=self.index,
                slug=f"event-{n}",
                start=in_days(1 + n % 20),
                end=in_days(1 + n % 20, 19),
                category=category,
                housing_area=self.area,
                image=ImageFactory(),
                frequency="weekly",
                repeat_count=3,
            )
            first = event.schedule.original_starts()[0].date()
            event.occurrence_changes.create(original_date=first, cancelled=True)
            event.breaks.create(start_date=first + datetime.timedelta(days=7))
            event.save_revision().publish()

    def count_queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assertConstantQueries(self, url):
        self.add_events(1, start=0)
        baseline = self.count_queries(url)
        self.add_events(9, start=1)
        self.client.get(url)
        with self.assertNumQueries(baseline):
            self.client.get(url)

    def test_event_index(self):
        self.assertConstantQueries("/da/det-sker/")

    def test_month_view(self):
        self.assertConstantQueries(f"/da/det-sker/month/{in_days(10):%Y-%m}/")

    def test_home_page(self):
        self.assertConstantQueries("/da/")

    def test_calendar_feed(self):
        self.assertConstantQueries("/da/det-sker/ics/")

    def test_archive(self):
        self.assertConstantQueries("/da/det-sker/archive/")

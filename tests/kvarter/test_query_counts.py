"""Listings render with the same number of SQL queries whatever the amount of content."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ActivityPageFactory,
    ContactPageFactory,
    FocusAreaPageFactory,
    ImageFactory,
    NetworkPageFactory,
    PersonFactory,
    PlanPageFactory,
    StandardPageFactory,
)
from tests.kvarter.helpers import PAGE_QUERY_LIMIT, create_site, translate


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        translate(cls.home, cls.locales["en"], title="Welcome")
        cls.plan = PlanPageFactory(parent=cls.home, slug="planen", show_in_menus=True)
        cls.focus_area = FocusAreaPageFactory(parent=cls.plan, slug="kultur", image=ImageFactory())
        cls.networks = StandardPageFactory(parent=cls.home, slug="netvaerk", image=ImageFactory())
        NetworkPageFactory(parent=cls.networks, slug="agerhusene", contact_person=PersonFactory())
        ContactPageFactory(parent=cls.home, slug="kontakt")

    def add_content(self, count, start):
        """`count` more focus areas, activities and searchable pages, each with an image."""
        for n in range(start, start + count):
            FocusAreaPageFactory(parent=self.plan, slug=f"omraade-{n}", image=ImageFactory())
            ActivityPageFactory(parent=self.focus_area, slug=f"aktivitet-{n}", image=ImageFactory())
            StandardPageFactory(parent=self.home, slug=f"side-{n}", title=f"Fællesskab {n + 1}")

    def count_queries(self, url):
        # Render once so that image renditions exist, as they do for every visitor but the first.
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assertConstantQueries(self, url):
        self.add_content(1, start=0)
        baseline = self.count_queries(url)
        self.assertLessEqual(baseline, PAGE_QUERY_LIMIT)
        self.add_content(9, start=1)
        self.client.get(url)
        with self.assertNumQueries(baseline):
            self.client.get(url)

    def test_home_page(self):
        self.assertConstantQueries("/da/")

    def test_focus_area_listing(self):
        self.assertConstantQueries("/da/planen/kultur/")

    def test_plan_page(self):
        self.assertConstantQueries("/da/planen/")

    def test_activity_page(self):
        self.assertConstantQueries("/da/planen/kultur/aktivitet-0/")

    def test_standard_page_with_children(self):
        self.assertConstantQueries("/da/netvaerk/")

    def test_network_page(self):
        self.assertConstantQueries("/da/netvaerk/agerhusene/")

    def test_contact_page(self):
        self.assertConstantQueries("/da/kontakt/")

    def test_home_page_in_another_language(self):
        self.assertConstantQueries("/en/")

    def test_search(self):
        self.assertConstantQueries("/da/search/?q=Fællesskab")

"""The guide listing runs the same number of queries for one guide as for ten."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import ImageFactory
from tests.factories.frivillig import GuidePageFactory
from tests.frivillig.helpers import create_volunteer_site
from tests.kvarter.helpers import PAGE_QUERY_LIMIT


class GuideQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.desk = create_volunteer_site()

    def add_guides(self, count, start):
        for n in range(start, start + count):
            GuidePageFactory(parent=self.index, slug=f"guide-{n}", image=ImageFactory())

    def count_queries(self, url):
        self.client.get(url)  # renditions exist for every visitor but the first
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assertConstantQueries(self, url, listed=True):
        self.add_guides(1, start=0)
        baseline = self.count_queries(url)
        self.assertLessEqual(baseline, PAGE_QUERY_LIMIT)
        self.add_guides(9, start=1)
        self.client.get(url)
        with self.assertNumQueries(baseline):
            response = self.client.get(url)
        if listed:
            self.assertEqual(len(response.context["guides"]), 10)

    def test_guide_index(self):
        self.assertConstantQueries(self.index.url)

    def test_filtered_guide_index(self):
        self.assertConstantQueries(self.index.url + "?difficulty=easy&topic=community")

    def test_help_desk(self):
        self.assertConstantQueries(self.desk.url, listed=False)

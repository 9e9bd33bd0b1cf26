"""The archive renders with no more SQL queries for 10 issues than for 1."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories.agerposten import ArchiveIndexPageFactory, make_issue, pdf_with_pages
from tests.kvarter.helpers import PAGE_QUERY_LIMIT, create_site


class ArchiveQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.data = pdf_with_pages("Forside", "Fællesspisning i beboerhuset")

    def add_issues(self, count, start):
        for n in range(start, start + count):
            make_issue(self.archive, n + 1, datetime.date(2020 + n % 3, 1 + n % 12, 1), self.data)

    def count_queries(self, url):
        self.client.get(url)  # renditions exist for every visitor but the first
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assertConstantQueries(self, url):
        self.add_issues(1, start=0)
        baseline = self.count_queries(url)
        self.assertLessEqual(baseline, PAGE_QUERY_LIMIT)
        self.add_issues(9, start=1)
        # Never more with more issues; a search whose whole words fill the page of hits even
        # skips the query for parts of words.
        self.assertLessEqual(self.count_queries(url), baseline)

    def test_archive_listing(self):
        self.assertConstantQueries("/da/agerposten/")

    def test_year_listing(self):
        self.assertConstantQueries("/da/agerposten/2020/")

    def test_issue_page(self):
        self.assertConstantQueries("/da/agerposten/2020/nr-1/")

    def test_archive_search(self):
        self.assertConstantQueries("/da/agerposten/?q=fællesspisning")

    def test_site_search(self):
        self.assertConstantQueries("/da/search/?q=fællesspisning")

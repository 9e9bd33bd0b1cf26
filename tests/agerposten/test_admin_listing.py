"""An editor finds the issues in the admin by their covers, and the generated covers stay out of
the way when they choose an image for a story."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import ImageFactory
from tests.factories.agerposten import ArchiveIndexPageFactory, make_issue
from tests.kvarter.helpers import create_site, translate


class IssueListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.issues = [
            make_issue(cls.archive, number, datetime.date(2026, number, 1)) for number in (3, 5, 4)
        ]
        cls.editor = get_user_model().objects.create_superuser("redaktoer", "r@example.org", "x")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_each_issue_is_listed_with_its_cover_newest_first(self):
        response = self.client.get("/admin/agerposten/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        titles = [issue.title for issue in sorted(self.issues, key=lambda i: i.date, reverse=True)]
        positions = [html.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))
        for issue in self.issues:
            thumbnail = issue.pdf.cover.get_rendition("fill-60x85")
            # Once: the stand-ins (aliases) in the other languages are not listed.
            self.assertContains(response, thumbnail.url, count=1)

    def test_a_real_translation_is_listed_with_its_language(self):
        arabic = translate(self.issues[0], self.locales["ar"], title="أغربوستن رقم 3")
        response = self.client.get("/admin/agerposten/")
        self.assertContains(response, arabic.title)

    def test_the_listing_is_in_the_admin_menu(self):
        response = self.client.get("/admin/")
        self.assertContains(response, "/admin/agerposten/")

    def test_more_issues_cost_no_more_cover_queries(self):
        """Wagtail and wagtail-localize query per row for their buttons; the covers do not."""

        def cover_queries():
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/admin/agerposten/")
            tables = ("agerposten_issuepdf", "wagtailimages_")
            return [q["sql"] for q in queries if any(t in q["sql"] for t in tables)]

        self.client.get("/admin/agerposten/")  # makes the thumbnails
        three = cover_queries()
        for number in (6, 7, 8):
            make_issue(self.archive, number, datetime.date(2026, number, 1))
        self.client.get("/admin/agerposten/")
        self.assertEqual(len(cover_queries()), len(three))


class ImageChooserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.issue = make_issue(cls.archive, 42)
        cls.photo = ImageFactory(title="Sommerfest i gården")
        cls.editor = get_user_model().objects.create_superuser("redaktoer", "r@example.org", "x")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_latest_images_leave_out_the_issue_covers(self):
        response = self.client.get("/admin/images/chooser/")
        images = list(response.context["results"])
        self.assertIn(self.photo, images)
        self.assertNotIn(self.issue.pdf.cover, images)

    def test_a_search_still_finds_a_cover(self):
        response = self.client.get("/admin/images/chooser/results/", {"q": "Agerposten"})
        self.assertIn(self.issue.pdf.cover, list(response.context["results"]))

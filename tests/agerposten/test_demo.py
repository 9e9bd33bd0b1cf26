"""The demo issues: generated PDFs that go through the real import."""

from django.test import TestCase

from agerposten.demo import ISSUE_COUNT, load_archive
from agerposten.models import IssuePage, IssuePdf
from kvarter.demo.loader import DemoLoader
from tests.kvarter.helpers import create_site


class DemoArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.loader = DemoLoader(log=lambda *args: None)
        cls.loader.ensure_locales()
        cls.loader.pending_translations = []
        cls.archive = load_archive(cls.loader, cls.home)
        cls.loader.translate_pending()

    def danish_issues(self):
        return IssuePage.objects.filter(locale=self.locales["da"])

    def test_at_least_eight_issues_across_three_years(self):
        issues = self.danish_issues()
        self.assertGreaterEqual(issues.count(), 8)
        self.assertEqual(issues.count(), ISSUE_COUNT)
        self.assertGreaterEqual(len({issue.date.year for issue in issues}), 3)

    def test_every_issue_is_processed_with_danish_text(self):
        for issue in self.danish_issues().select_related("pdf"):
            self.assertEqual(issue.pdf.status, IssuePdf.READY)
            self.assertGreater(issue.pdf.page_count, 1)
            self.assertIsNotNone(issue.pdf.cover_id)
            text = " ".join(issue.pdf.pages.values_list("text", flat=True))
            self.assertTrue(set("æøå") <= set(text), issue.title)

    def test_archive_and_issues_are_in_english_too(self):
        english = IssuePage.objects.filter(locale=self.locales["en"], alias_of__isnull=True)
        self.assertEqual(english.count(), ISSUE_COUNT)
        response = self.client.get("/en/agerposten/", {"q": "fodboldklubben"})
        self.assertGreater(response.context["hits"].paginator.count, 0)

    def test_loading_again_changes_nothing(self):
        before = (IssuePage.objects.count(), IssuePdf.objects.count())
        self.loader.pending_translations = []
        load_archive(self.loader, self.home)
        self.assertEqual(self.loader.pending_translations, [])
        self.assertEqual((IssuePage.objects.count(), IssuePdf.objects.count()), before)

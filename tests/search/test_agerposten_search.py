import datetime

from django.test import TestCase

from agerposten.models import IssuePage
from agerposten.search import search_pages
from tests.factories.agerposten import ArchiveIndexPageFactory, make_issue, pdf_with_pages
from tests.kvarter.helpers import create_site


class AgerpostenSearchTests(TestCase):
    """Inside the paper, Danish is read the way the site search reads it."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.issue = make_issue(
            cls.archive,
            42,
            datetime.date(2026, 3, 1),
            pdf_with_pages(
                "Forsiden: nyt fra bestyrelsen.",
                "Fodboldklubben søger trænere. Høstfesten blev holdt af de frivillige.",
                "Kalender og kontakt.",
            ),
        )

    def pages(self, query):
        return [hit["page"] for hit in search_pages(query, IssuePage.objects.live())]

    def test_inflections_word_starts_parts_and_typos_find_the_page(self):
        for query in [
            "frivillig",
            "fodbold",
            "klubben",
            "fest",
            "høstfest",
            "frivilige",
            "trænerne",
        ]:
            with self.subTest(query):
                self.assertEqual(self.pages(query), [2])

    def test_every_word_must_match(self):
        self.assertEqual(self.pages("fodbold kalender"), [])

    def test_the_snippet_marks_what_matched(self):
        [hit] = search_pages("høstfesten frivillig", IssuePage.objects.live())
        self.assertIn("<mark>Høstfesten</mark>", hit["snippet"])
        self.assertIn("<mark>frivillige</mark>", hit["snippet"])

    def test_the_site_search_shows_hits_inside_the_paper(self):
        response = self.client.get("/da/search/", {"q": "fodboldklub"})
        self.assertContains(response, "<mark>Fodboldklubben</mark>")

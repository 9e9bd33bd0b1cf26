from django.test import TestCase

from wagtail.models import Page

from tests.factories import StandardPageFactory
from tests.kvarter.helpers import alias, create_site, translate


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        translate(cls.home, cls.locales["en"], title="Welcome")
        translate(cls.home, cls.locales["ar"], title="مرحبا")
        cls.evening = StandardPageFactory(
            parent=cls.home, slug="kulturaften", title="Kulturmøde i beboerhuset"
        )
        translate(cls.evening, cls.locales["en"], title="Cultural evening in the community house")
        alias(cls.evening, cls.locales["ar"])
        cls.draft = StandardPageFactory(parent=cls.home, slug="kladde", title="Kulturmøde kladde")
        cls.draft.unpublish()

    def search(self, language, query, **params):
        return self.client.get(f"/{language}/search/", {"q": query, **params})

    def titles(self, response):
        return [page.title for page in response.context["search_results"]]

    def test_finds_pages_in_the_readers_language_only(self):
        self.assertEqual(self.titles(self.search("da", "Kulturmøde")), ["Kulturmøde i beboerhuset"])
        self.assertEqual(
            self.titles(self.search("en", "cultural")), ["Cultural evening in the community house"]
        )
        self.assertEqual(self.titles(self.search("en", "Kulturmøde")), [])

    def test_untranslated_pages_are_found_once_in_danish_and_marked(self):
        self.assertTrue(Page.objects.filter(locale=self.locales["ar"], alias_of__isnull=False))
        response = self.search("ar", "Kulturmøde")
        [hit] = response.context["search_results"]
        self.assertEqual(hit.title, "Kulturmøde i beboerhuset")
        self.assertTrue(hit.fallback)
        # Opened through the Arabic stand-in, so the interface stays Arabic.
        self.assertEqual(hit.page.url, "/ar/kulturaften/")
        self.assertContains(response, 'lang="da"')

    def test_drafts_are_not_found(self):
        self.assertNotIn("Kulturmøde kladde", self.titles(self.search("da", "kladde")))

    def test_empty_query_answers_with_a_message(self):
        response = self.client.get("/da/search/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["search_results"])
        self.assertTrue(response.context["search_message"])

    def test_very_long_query_is_shortened_not_refused(self):
        response = self.search("da", "kulturmøde " * 100)
        self.assertEqual(response.status_code, 200)
        self.assertLessEqual(len(response.context["search_query"]), 200)
        self.assertTrue(response.context["search_message"])

    def test_bad_page_numbers_give_a_valid_page(self):
        for page in ["abc", "99999", "-1"]:
            response = self.search("da", "Kulturmøde", page=page)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(self.titles(response), ["Kulturmøde i beboerhuset"])

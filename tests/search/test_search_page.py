from django.test import TestCase

from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.frivillig import HelpDeskPageFactory
from tests.factories.nyheder import StoryIndexPageFactory, StoryPageFactory
from tests.kvarter.helpers import create_site, translate


class SearchPageTests(TestCase):
    """What residents type finds the page, and the results tell them what they found."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        for code in ["ar", "tr"]:
            translate(cls.home, cls.locales[code], title=code)
        cls.party = StandardPageFactory(
            parent=cls.home,
            slug="sommerfest",
            title="Sommerfest i gården",
            intro="Fodboldklubben og de frivillige griller for hele kvarteret.",
        )
        translate(
            cls.party,
            cls.locales["ar"],
            title="حفلة الصيف في الفناء",
            intro="يُقيم المتطوّعون حفلةً للحيّ كلّه، والإعلان في الممرّ.",
        )
        translate(
            cls.party,
            cls.locales["tr"],
            title="Avluda yaz şenliği",
            intro="Gönüllüler bütün mahalle için ızgara yapıyor.",
        )
        stories = StoryIndexPageFactory(parent=cls.home, intro="")
        cls.story = StoryPageFactory(
            parent=stories, title="Tolv beboere bærer avisen ud", intro="Uddeling af Agerposten."
        )
        cls.desk = HelpDeskPageFactory(parent=cls.home, intro="")
        cls.events = EventIndexPageFactory(parent=cls.home, intro="")

    def search(self, language, query, **params):
        return self.client.get(f"/{language}/search/", {"q": query, **params})

    def titles(self, response):
        return [hit.title for hit in response.context["search_results"]]

    def test_an_inflected_danish_word_finds_the_page(self):
        self.assertIn("Sommerfest i gården", self.titles(self.search("da", "frivillig")))
        self.assertIn("Sommerfest i gården", self.titles(self.search("da", "gårdene")))

    def test_word_starts_and_compound_parts_find_the_page(self):
        for query in ["fest", "fodbold", "klubben", "somm"]:
            with self.subTest(query):
                self.assertIn("Sommerfest i gården", self.titles(self.search("da", query)))

    def test_one_wrong_missing_or_swapped_letter_still_finds_the_page_and_says_so(self):
        for typo in ["sommerfesr", "somerfest", "smomerfest", "fodboldklubbben"]:
            with self.subTest(typo):
                response = self.search("da", typo)
                self.assertEqual(self.titles(response)[:1], ["Sommerfest i gården"])
                self.assertTrue(response.context["search_suggestion"])
                self.assertContains(response, 'href="?q=')

    def test_a_word_that_exists_is_not_corrected(self):
        self.assertEqual(self.search("da", "sommerfest").context["search_suggestion"], "")

    def test_arabic_letter_variants_and_short_vowels_do_not_matter(self):
        for query in ["حفلة", "الحفله", "حَفْلَة", "اعلان", "الإعلان", "المتطوعون"]:
            with self.subTest(query):
                self.assertEqual(self.titles(self.search("ar", query)), ["حفلة الصيف في الفناء"])

    def test_turkish_is_found_with_or_without_its_letters(self):
        for query in ["şenlik", "senligi", "ŞENLİĞİ", "gonulluler"]:
            with self.subTest(query):
                self.assertEqual(self.titles(self.search("tr", query)), ["Avluda yaz şenliği"])

    def test_untranslated_danish_pages_come_after_the_readers_own_and_are_marked(self):
        response = self.search("ar", "Agerposten")
        [hit] = response.context["search_results"]
        self.assertTrue(hit.fallback)
        self.assertEqual(hit.language, "da")
        self.assertContains(response, 'lang="da"')

    def test_every_language_renders_its_results(self):
        for code in ["so", "ur"]:
            translate(self.home, self.locales[code], title=code)
            with self.subTest(code):
                response = self.search(code, "sommerfest")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.titles(response), ["Sommerfest i gården"])

    def test_results_show_their_type_date_and_the_hit(self):
        response = self.search("da", "avisen")
        [hit] = response.context["search_results"]
        self.assertEqual(hit.title, "Tolv beboere bærer avisen ud")
        self.assertEqual(hit.date, self.story.date)
        self.assertContains(response, str(self.story._meta.verbose_name).capitalize())

    def test_the_snippet_marks_the_hit_and_escapes_the_text(self):
        StandardPageFactory(parent=self.home, title="Markup", intro="<b>bold</b> grillfest")
        response = self.search("da", "grill")
        self.assertContains(response, "<mark>grillfest</mark>")
        self.assertNotContains(response, "<b>bold</b>")

    def test_filter_by_type(self):
        everything = self.search("da", "Agerposten")
        self.assertIn("storypage", [key for key, _label, _n in everything.context["search_kinds"]])
        only_stories = self.search("da", "kvarteret", type="storypage")
        self.assertNotIn("Sommerfest i gården", self.titles(only_stories))

    def test_nothing_found_points_to_the_help_desk_and_the_events(self):
        response = self.search("da", "zeppelin")
        self.assertEqual(self.titles(response), [])
        self.assertContains(response, f'href="{self.desk.url}"')
        self.assertContains(response, f'href="{self.events.url}"')

    def test_unpublished_and_deleted_pages_are_not_found(self):
        self.party.unpublish()
        self.assertEqual(self.titles(self.search("da", "sommerfest")), [])
        self.story.delete()
        self.assertEqual(self.titles(self.search("da", "avisen")), [])

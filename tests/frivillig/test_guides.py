"""Guides: numbered steps, the facts a resident plans by, the printable view and the filters."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import translation

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from frivillig.choices import Difficulty, Topic
from frivillig.models import GuideIndexPage, GuidePage, HelpDeskPage
from kvarter.models import HomePage
from tests.factories import ActivityPageFactory, FocusAreaPageFactory, PlanPageFactory
from tests.factories.frivillig import GuidePageFactory
from tests.frivillig.helpers import create_volunteer_site
from tests.kvarter.helpers import alias, translate

STEPS = [
    ("step", {"title": "Find tre naboer", "text": "Spørg i opgangen.", "tip": "Brug en seddel."}),
    ("step", {"title": "Book beboerhuset", "text": "Det er gratis.", "tip": ""}),
    ("step", {"title": "Hold mødet", "text": "Skriv et referat.", "tip": ""}),
]


class GuidePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, _desk = create_volunteer_site()
        plan = PlanPageFactory(parent=cls.home, slug="planen")
        cls.focus_area = FocusAreaPageFactory(parent=plan, slug="kultur", title="Kultur")
        cls.activity = ActivityPageFactory(parent=cls.focus_area, slug="kulturmoeder")
        cls.other = GuidePageFactory(parent=cls.index, slug="soeg-en-pulje", title="Søg en pulje")
        cls.draft = GuidePageFactory(parent=cls.index, slug="kladde", title="Kladde", live=False)
        cls.guide = GuidePageFactory(
            parent=cls.index,
            slug="start-en-forening",
            title="Start en forening",
            steps=STEPS,
            materials=[("item", "Tre personer"), ("item", "Vedtægter")],
            checklist=[("item", "Vedtægterne er vedtaget"), ("item", "Referatet er skrevet")],
            related=[
                ("guide", cls.other),
                ("guide", cls.draft),
                ("activity", cls.activity),
                ("focus_area", cls.focus_area),
            ],
        )

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedParentPageTypes(HelpDeskPage, {HomePage})
        self.assertCanCreateAt(HomePage, GuideIndexPage)
        self.assertCanCreateAt(HomePage, HelpDeskPage)
        # One of each per language tree.
        self.assertFalse(GuideIndexPage.can_create_at(self.home))

    def test_steps_render_as_a_numbered_list_in_order(self):
        response = self.client.get(self.guide.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        start = html.index('<ol class="guide-steps">')
        end = html.index("</ol>", start)
        steps = html[start:end]
        positions = [steps.index(value["title"]) for _type, value in STEPS]
        self.assertEqual(positions, sorted(positions))
        self.assertEqual(steps.count("<li"), len(STEPS))
        self.assertIn("Brug en seddel.", steps)

    def test_facts_materials_checklist_and_contact_are_shown(self):
        response = self.client.get(self.guide.url)
        for text in [
            self.guide.audience,
            self.guide.time_needed,
            self.guide.cost,
            "Tre personer",
            "Vedtægterne er vedtaget",
            self.guide.contact_person.name,
        ]:
            self.assertContains(response, text)
        with translation.override("da"):
            self.assertContains(response, str(Difficulty.EASY.label))

    def test_related_pages_leave_out_drafts(self):
        response = self.client.get(self.guide.url)
        self.assertContains(response, f'href="{self.other.url}"')
        self.assertContains(response, f'href="{self.activity.url}"')
        self.assertContains(response, f'href="{self.focus_area.url}"')
        self.assertNotContains(response, "Kladde")

    def test_printable_view_is_linked_and_has_the_guide_without_navigation(self):
        response = self.client.get(self.guide.url)
        self.assertContains(response, f'href="{self.guide.print_url}"')
        printable = self.client.get(self.guide.print_url)
        self.assertEqual(printable.status_code, 200)
        self.assertContains(printable, '<ol class="guide-steps">')
        for _type, value in STEPS:
            self.assertContains(printable, value["title"])
        self.assertNotContains(printable, "site-header")
        self.assertNotContains(printable, "<script")
        self.assertContains(printable, self.guide.full_url)
        self.assertContains(printable, '<meta name="description" content="')

    def test_untranslated_printable_view_speaks_the_readers_language(self):
        """An Arabic reader printing a Danish guide gets Arabic instructions around it, and
        the Danish text laid out left to right."""
        arabic = alias(self.guide, self.locales["ar"]).specific
        printable = self.client.get(arabic.print_url)
        self.assertContains(printable, '<html lang="ar" dir="rtl">')
        with translation.override("ar"):
            self.assertContains(printable, translation.gettext("Back to the guide"))
        self.assertContains(printable, '<h1 lang="da" dir="ltr">Start en forening</h1>')

    def test_untranslated_steps_are_numbered_left_to_right(self):
        """In an Arabic page, a Danish guide's numbered steps keep their numbers on the left,
        with the Danish text they belong to."""
        arabic = alias(self.guide, self.locales["ar"]).specific
        response = self.client.get(arabic.url)
        self.assertContains(response, '<ol class="guide-steps" lang="da" dir="ltr">')
        self.assertContains(self.client.get(self.guide.url), '<ol class="guide-steps">')


class GuideIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, _desk = create_volunteer_site()
        cls.easy = GuidePageFactory(
            parent=cls.index, slug="let", title="Fællesspisning", topic=Topic.COMMUNITY
        )
        cls.hard = GuidePageFactory(
            parent=cls.index,
            slug="svaer",
            title="Højbede",
            difficulty=Difficulty.HARD,
            topic=Topic.BUILDING,
        )
        GuidePageFactory(parent=cls.index, slug="kladde", title="Kladdeguide", live=False)

    def titles(self, query=""):
        response = self.client.get(self.index.url + query)
        self.assertEqual(response.status_code, 200)
        return [page.title for page in response.context["guides"]]

    def test_lists_live_guides_only(self):
        self.assertEqual(self.titles(), ["Fællesspisning", "Højbede"])

    def test_filter_by_difficulty(self):
        self.assertEqual(self.titles("?difficulty=hard"), ["Højbede"])

    def test_filter_by_topic(self):
        self.assertEqual(self.titles("?topic=community"), ["Fællesspisning"])

    def test_untranslated_guides_are_marked_as_danish(self):
        english_index = translate(self.index, self.locales["en"], title="Do it yourself")
        english_easy = alias(self.easy, self.locales["en"])
        english_hard = translate(self.hard, self.locales["en"], title="Raised beds")
        response = self.client.get(english_index.url)
        self.assertContains(
            response, f'<h3 class="card__title" lang="da" dir="ltr"><a href="{english_easy.url}">'
        )
        self.assertContains(response, f'<h3 class="card__title"><a href="{english_hard.url}">')

    def test_unknown_filter_value_lists_nothing_rather_than_failing(self):
        self.assertEqual(self.titles("?topic=nonsense"), [])


class GuideEditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.desk = create_volunteer_site()
        cls.editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_editor_creates_a_guide_with_steps(self):
        self.assertCanCreate(
            self.index,
            GuidePage,
            nested_form_data(
                {
                    "title": "Lav et loppemarked",
                    "slug": "loppemarked",
                    "intro": "Sælg og byt i gården.",
                    "audience": "Alle naboer",
                    "difficulty": "easy",
                    "topic": "community",
                    "time_needed": "En lørdag",
                    "cost": "0 kr.",
                    "materials": streamfield([("item", "Borde")]),
                    "body": streamfield([]),
                    "steps": streamfield(
                        [("step", {"title": "Find en dato", "text": "En lørdag i maj.", "tip": ""})]
                    ),
                    "checklist": streamfield([("item", "Datoen er sat")]),
                    "related": streamfield([]),
                }
            ),
        )
        guide = GuidePage.objects.get(slug="loppemarked")
        self.assertEqual([step.value["title"] for step in guide.steps], ["Find en dato"])

    def test_help_desk_previews_and_guides_link_to_it(self):
        form_data = nested_form_data(
            {
                "title": self.desk.title,
                "slug": self.desk.slug,
                "intro": "Vi svarer på dit sprog.",
                "body": streamfield([]),
                "to_address": self.desk.to_address,
                "from_address": "",
            }
        )
        self.assertPageIsPreviewable(self.desk, mode="form", post_data=form_data)
        self.assertPageIsPreviewable(self.desk, mode="landing", post_data=form_data)
        guide = GuidePageFactory(parent=self.index, slug="guide")
        self.assertContains(self.client.get(guide.url), f'href="{self.desk.url}"')

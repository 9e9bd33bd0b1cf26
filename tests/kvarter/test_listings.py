"""What residents see in listings: only live, public pages, in pages of a sensible size."""

from django.test import TestCase

from wagtail.models import PageViewRestriction

from kvarter.models.pages import LISTING_PAGE_SIZE
from tests.factories import ActivityPageFactory, FocusAreaPageFactory, PlanPageFactory
from tests.kvarter.helpers import create_site


class FocusAreaListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.plan = PlanPageFactory(parent=cls.home, slug="planen")
        cls.focus_area = FocusAreaPageFactory(parent=cls.plan, slug="kultur")
        cls.activities = [
            ActivityPageFactory(
                parent=cls.focus_area, slug=f"aktivitet-{n}", title=f"Aktivitet {n}"
            )
            for n in range(LISTING_PAGE_SIZE + 3)
        ]

    def listed(self, **params):
        response = self.client.get("/da/planen/kultur/", params)
        self.assertEqual(response.status_code, 200)
        return response, [page.title for page in response.context["activities"]]

    def test_first_page_holds_a_page_size_in_tree_order(self):
        _response, titles = self.listed()
        self.assertEqual(titles, [f"Aktivitet {n}" for n in range(LISTING_PAGE_SIZE)])

    def test_bad_page_numbers_give_a_valid_page(self):
        _response, first = self.listed(page="abc")
        self.assertEqual(first[0], "Aktivitet 0")
        _response, last = self.listed(page="99999")
        self.assertEqual(last[-1], f"Aktivitet {LISTING_PAGE_SIZE + 2}")

    def test_drafts_and_private_pages_stay_out(self):
        self.activities[0].unpublish()
        PageViewRestriction.objects.create(
            page=self.activities[1], restriction_type=PageViewRestriction.LOGIN
        )
        _response, titles = self.listed()
        self.assertNotIn("Aktivitet 0", titles)
        self.assertNotIn("Aktivitet 1", titles)

    def test_home_page_lists_focus_areas_of_its_own_language_only(self):
        FocusAreaPageFactory(parent=self.plan, slug="demokrati", title="Demokrati")
        response = self.client.get("/da/")
        titles = [page.title for page in response.context["focus_areas"]]
        self.assertIn("Demokrati", titles)
        # No English home page yet: English readers get the Danish one, and are told so.
        english = self.client.get("/en/")
        self.assertEqual(english.context["page"].locale.language_code, "da")
        self.assertContains(english, 'role="note"')
        self.assertContains(english, '<html lang="en" dir="ltr">')

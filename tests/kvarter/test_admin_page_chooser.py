"""An editor choosing a focus area, a guide or an activity starts in the language tree of the
page they edit, not at the root above all six languages."""

import json

from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.factories import FocusAreaPageFactory, PlanPageFactory
from tests.kvarter.helpers import create_site, translate


class PageChooserLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.plan = PlanPageFactory(parent=cls.home, slug="planen", title="Helhedsplanen")
        cls.areas = [
            FocusAreaPageFactory(parent=cls.plan, slug=slug, title=title)
            for slug, title in (("tryghed", "Tryghed og trivsel"), ("job", "Uddannelse og job"))
        ]
        cls.arabic_areas = [
            translate(area, cls.locales["ar"], title=f"مجال {n}")
            for n, area in enumerate(cls.areas)
        ]
        cls.editor = get_user_model().objects.create_superuser("redaktoer", "r@example.org", "x")

    def chooser(self, **params):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/choose-page/", params)
        self.assertEqual(response.status_code, 200)
        return json.loads(response.content)["html"]

    def test_a_focus_area_chooser_opens_in_the_language_of_the_page_being_edited(self):
        html = self.chooser(page_type="kvarter.focusareapage", locale="ar")
        for area in self.arabic_areas:
            self.assertIn(area.title, html)
        for area in self.areas:
            self.assertNotIn(area.title, html)

    def test_without_a_page_language_it_opens_in_the_editors_admin_language(self):
        html = self.chooser(page_type="kvarter.focusareapage")
        for area in self.areas:
            self.assertIn(area.title, html)

    def test_an_unrestricted_chooser_and_a_bad_page_type_still_answer(self):
        self.assertIn(self.home.title, self.chooser())
        self.client.force_login(self.editor)
        for page_type in ("nowhere.nothing", "wagtailimages.image"):
            with self.subTest(page_type=page_type):
                response = self.client.get(
                    "/admin/choose-page/", {"page_type": page_type}, follow=True
                )
                self.assertEqual(response.status_code, 404)

    def test_the_chooser_is_for_staff_only(self):
        response = self.client.get("/admin/choose-page/", {"page_type": "kvarter.focusareapage"})
        self.assertEqual(response.status_code, 302)

"""The demo guides and help desk: real translations where promised, and steps in every one."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from frivillig import demo
from frivillig.models import GuidePage, HelpDeskPage


class VolunteerDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    def translated(self, page):
        """Languages with a real translation (not an alias of the Danish page)."""
        return set(
            page.get_translations(inclusive=True)
            .filter(alias_of__isnull=True)
            .values_list("locale__language_code", flat=True)
        )

    def test_six_guides_in_danish_and_english_two_also_in_arabic_and_turkish(self):
        guides = GuidePage.objects.filter(locale__language_code="da")
        self.assertEqual(guides.count(), len(demo.GUIDES))
        self.assertGreaterEqual(guides.count(), 6)
        languages = {guide.slug: self.translated(guide) for guide in guides}
        self.assertTrue(all({"da", "en"} <= found for found in languages.values()))
        both = [slug for slug, found in languages.items() if {"ar", "tr"} <= found]
        self.assertEqual(len(both), 2)

    def test_translated_guides_have_translated_steps(self):
        for data in demo.GUIDES:
            danish = GuidePage.objects.get(locale__language_code="da", slug=data["slug"])
            for page in danish.get_translations().filter(alias_of__isnull=True):
                code = page.locale.language_code
                titles = [step.value["title"] for step in page.specific.steps]
                self.assertEqual(titles, [step["title"][code] for step in data["steps"]])

    def test_help_desk_is_translated_into_arabic(self):
        desk = HelpDeskPage.objects.get(locale__language_code="da")
        self.assertTrue({"da", "en", "ar"} <= self.translated(desk))
        self.assertEqual(desk.to_address, demo.HELP_DESK_ADDRESS)

    def test_demo_staff_can_work_on_help_requests(self):
        moderator = get_user_model().objects.create_user("moderator", password="pw")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        self.client.force_login(moderator)
        self.assertEqual(self.client.get(reverse("help_requests:index")).status_code, 200)

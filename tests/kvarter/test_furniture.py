"""What every page shows around its content comes from the cache (kvarter/furniture.py); an
editor's change to it shows on the next page view all the same."""

from django.test import TestCase

from wagtail.models import Locale, PageViewRestriction, Site

from kvarter.languages import locale_languages
from kvarter.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.kvarter.helpers import create_site


class FurnitureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.page = StandardPageFactory(parent=cls.home, slug="om-os", title="Om os")

    def test_changed_site_settings_show_on_the_next_page_view(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.email = "foer@example.org"
        settings.save()
        self.assertContains(self.client.get("/da/om-os/"), "foer@example.org")
        settings.email = "efter@example.org"
        with self.captureOnCommitCallbacks(execute=True):
            settings.save()
        response = self.client.get("/da/om-os/")
        self.assertContains(response, "efter@example.org")
        self.assertNotContains(response, "foer@example.org")

    def test_a_page_made_private_asks_for_its_password_at_once(self):
        self.assertContains(self.client.get("/da/om-os/"), "Om os")
        PageViewRestriction.objects.create(
            page=self.page, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
        )
        response = self.client.get("/da/om-os/")
        self.assertTemplateUsed(response, "wagtailcore/password_required.html")

    def test_a_private_page_is_open_again_once_its_restriction_is_removed(self):
        restriction = PageViewRestriction.objects.create(
            page=self.page, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
        )
        self.assertTemplateUsed(self.client.get("/da/om-os/"), "wagtailcore/password_required.html")
        restriction.delete()
        self.assertContains(self.client.get("/da/om-os/"), "Om os")

    def test_a_private_section_stays_out_of_its_parents_listing(self):
        StandardPageFactory(parent=self.page, slug="bestyrelsen", title="Bestyrelsen")
        self.assertContains(self.client.get("/da/om-os/"), "Bestyrelsen")
        PageViewRestriction.objects.create(
            page=self.page.get_children().get(), restriction_type=PageViewRestriction.LOGIN
        )
        self.assertNotContains(self.client.get("/da/om-os/"), "Bestyrelsen")

    def test_a_new_locale_is_known_at_once(self):
        self.client.get("/da/om-os/")
        Locale.objects.filter(language_code="so").delete()
        somali = Locale.objects.create(language_code="so")
        self.assertEqual(locale_languages()[somali.pk], "so")

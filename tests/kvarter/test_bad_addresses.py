"""Addresses no resident types (a NUL byte, as scanners send) get a readable 400, never a 500."""

from django.test import TestCase
from django.utils import translation

from tests.factories import StandardPageFactory
from tests.kvarter.helpers import create_site

NUL_ADDRESSES = [
    "/da/search/?q=%00",
    "/da/search/?q=fest%00",
    "/da/om/?category=%00",
    "/da/om/?%00=1",
    "/da/om%00/",
    "/admin/pages/search/?q=%00",
]


class NulByteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        StandardPageFactory(parent=cls.home, slug="om", title="Om kvarteret")

    def test_a_nul_byte_anywhere_answers_400_with_a_page_in_the_readers_language(self):
        with translation.override("ar"):
            heading = translation.gettext("The address could not be read")
        for address in NUL_ADDRESSES:
            with self.subTest(address=address):
                response = self.client.get(address.replace("/da/", "/ar/"))
                self.assertEqual(response.status_code, 400)
                if address.startswith("/da/"):
                    self.assertContains(response, heading, status_code=400)

    def test_the_same_address_without_the_byte_is_served(self):
        self.assertEqual(self.client.get("/da/search/?q=fest").status_code, 200)
        self.assertEqual(self.client.get("/da/om/?category=x").status_code, 200)

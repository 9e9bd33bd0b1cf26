"""The favicon, the web app manifest and the tel: links on person cards."""

import json

from django.template.loader import render_to_string
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from kvarter.models import Person
from tests.kvarter.helpers import create_site


class FaviconAndManifestTests(TestCase):
    def test_favicon_ico_is_found_where_browsers_ask_for_it(self):
        response = self.client.get("/favicon.ico")
        self.assertRedirects(
            response, "/static/kvarter/icons/favicon.ico", 301, fetch_redirect_response=False
        )

    def test_manifest_names_the_site_and_its_icons(self):
        response = self.client.get(reverse("manifest"))
        self.assertEqual(response["Content-Type"], "application/manifest+json")
        manifest = json.loads(response.content)
        self.assertEqual(manifest["name"], "Charlottekvarteret")
        self.assertEqual(manifest["start_url"], "/")
        sizes = {icon["sizes"] for icon in manifest["icons"]}
        self.assertTrue({"192x192", "512x512"} <= sizes)

    def test_every_page_links_the_icons_and_the_manifest(self):
        create_site()
        response = self.client.get("/da/")
        self.assertContains(response, '<link rel="manifest" href="/manifest.webmanifest">')
        self.assertContains(response, 'rel="icon" href="/static/kvarter/icons/favicon.svg"')


class PhoneLinkTests(SimpleTestCase):
    def test_a_phone_number_becomes_a_tel_link_without_spaces(self):
        self.assertEqual(Person(phone="+45 00 00 00 11").phone_url, "tel:+4500000011")
        self.assertEqual(Person(phone="(+45) 33-12 34 56").phone_url, "tel:+4533123456")
        self.assertEqual(Person(phone="").phone_url, "")

    def test_the_person_card_calls_the_number(self):
        person = Person(name="Amina", role="Kontakt", phone="+45 00 00 00 11")
        html = render_to_string("components/person_card.html", {"person": person})
        self.assertInHTML('<span dir="ltr" class="person__phone">+45 00 00 00 11</span>', html)
        self.assertIn('href="tel:+4500000011"', html)

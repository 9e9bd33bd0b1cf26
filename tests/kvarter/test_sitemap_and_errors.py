from django.test import TestCase, override_settings
from django.urls import path
from django.utils import translation

from kvartersite import urls as site_urls
from tests.factories import StandardPageFactory
from tests.kvarter.helpers import alias, create_site, translate


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        translate(cls.home, cls.locales["en"], title="Welcome")
        translate(cls.home, cls.locales["so"], title="Soo dhawoow")
        about = StandardPageFactory(parent=cls.home, slug="om")
        translate(about, cls.locales["en"])
        alias(about, cls.locales["so"])
        draft = StandardPageFactory(parent=cls.home, slug="kladde", live=False)
        cls.draft = draft

    def test_sitemap_lists_every_locales_published_pages(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        for url_path in ["/da/", "/en/", "/so/", "/da/om/", "/en/om/"]:
            self.assertContains(response, f"<loc>http://localhost{url_path}</loc>")

    def test_sitemap_leaves_out_drafts_and_untranslated_stand_ins(self):
        response = self.client.get("/sitemap.xml")
        self.assertNotContains(response, "/kladde/")
        self.assertNotContains(response, "/so/om/")

    def test_sitemap_names_each_pages_translations_and_the_danish_default(self):
        response = self.client.get("/sitemap.xml")
        body = response.content.decode()
        danish_entry = body[body.index("<loc>http://localhost/da/om/</loc>") :].split("</url>")[0]
        for lang_code, url_path in [("da", "/da/om/"), ("en", "/en/om/"), ("x-default", "/da/om/")]:
            self.assertIn(
                f'<xhtml:link rel="alternate" hreflang="{lang_code}" '
                f'href="http://localhost{url_path}"/>',
                danish_entry,
            )
        # Somali readers get a stand-in, not a translation: it is no alternate.
        self.assertNotIn('hreflang="so"', danish_entry)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain")
        self.assertContains(response, "Sitemap: http://testserver/sitemap.xml")
        self.assertContains(response, "Disallow: /admin/")


class NotFoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()

    def not_found_text(self, code):
        with translation.override(code):
            return translation.gettext("Page not found")

    def test_missing_page_gets_the_404_page_in_that_language(self):
        for code in ["da", "ar", "ur"]:
            response = self.client.get(f"/{code}/findes-ikke/")
            self.assertEqual(response.status_code, 404)
            self.assertContains(response, self.not_found_text(code), status_code=404)
            self.assertContains(response, f'<html lang="{code}"', status_code=404)
            # Back to the reader's own front page, not the Danish one.
            self.assertContains(response, f'<a href="/{code}/">', status_code=404)

    def test_missing_page_names_no_canonical_address(self):
        response = self.client.get("/ar/findes-ikke/")
        self.assertNotContains(response, 'rel="canonical"', status_code=404)
        self.assertNotContains(response, "og:url", status_code=404)

    def test_unknown_language_prefix_gets_the_readers_nearest_language(self):
        response = self.client.get("/xx/noget/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9", follow=True)
        self.assertEqual(response.redirect_chain, [("/tr/xx/noget/", 302)])
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="tr" dir="ltr">', status_code=404)
        self.assertContains(response, self.not_found_text("tr"), status_code=404)

    def test_unknown_language_prefix_without_a_preference_gets_danish(self):
        response = self.client.get("/xx/noget/", follow=True)
        self.assertContains(response, '<html lang="da"', status_code=404)


def broken_view(request):
    raise RuntimeError("database on fire")


urlpatterns = []


@override_settings(DEBUG=False)
class ServerErrorTests(TestCase):
    def test_server_error_shows_a_friendly_page_without_a_traceback(self):
        urlpatterns[:] = [path("boom/", broken_view), *site_urls.urlpatterns]
        self.client.raise_request_exception = False
        with self.settings(ROOT_URLCONF=__name__):
            response = self.client.get("/boom/", HTTP_ACCEPT_LANGUAGE="ar")
        self.assertEqual(response.status_code, 500)
        body = response.content.decode()
        self.assertNotIn("Traceback", body)
        self.assertNotIn("database on fire", body)
        with translation.override("ar"):
            self.assertIn(translation.gettext("Something went wrong"), body)
        self.assertIn('<a href="/ar/">', body)


handler500 = "kvarter.views.server_error"

"""Every language renders its own lang/dir and furniture; untranslated pages fall back to Danish."""

from django.conf import settings
from django.test import TestCase
from django.utils import translation

from wagtail.models import Page

from tests.factories import PlanPageFactory, StandardPageFactory
from tests.kvarter.helpers import alias, create_site, translate

RTL = {"ar", "ur"}


class LocaleFurnitureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.homes = {"da": cls.home}
        for code in cls.locales:
            if code != "da":
                cls.homes[code] = translate(cls.home, cls.locales[code], title=f"Forside {code}")

    def test_root_leads_to_danish(self):
        for accept_language in ["", "ar,en;q=0.8"]:
            response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
            self.assertRedirects(response, "/da/", fetch_redirect_response=False)

    def test_each_language_has_its_prefix_lang_dir_and_translated_furniture(self):
        for code, _name in settings.LANGUAGES:
            with self.subTest(language=code):
                response = self.client.get(f"/{code}/")
                self.assertEqual(response.status_code, 200)
                direction = "rtl" if code in RTL else "ltr"
                self.assertContains(response, f'<html lang="{code}" dir="{direction}">')
                with translation.override(code):
                    skip_link = translation.gettext("Skip to main content")
                    menu_label = translation.gettext("Main menu")
                if code != "en":
                    self.assertNotEqual(skip_link, "Skip to main content", "untranslated UI")
                self.assertContains(response, skip_link)
                self.assertContains(response, f'aria-label="{menu_label}"')
                self.assertContains(
                    response, f"Forside {code}" if code != "da" else self.home.title
                )

    def test_switcher_and_hreflang_link_every_translation(self):
        response = self.client.get("/ar/")
        for code, _name in settings.LANGUAGES:
            if code != "ar":
                self.assertContains(response, f'href="/{code}/" hreflang="{code}"')
            self.assertContains(
                response,
                f'<link rel="alternate" hreflang="{code}" href="http://localhost/{code}/">',
            )
        self.assertContains(
            response, '<link rel="alternate" hreflang="x-default" href="http://localhost/da/">'
        )


class FallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.english_home = translate(cls.home, cls.locales["en"], title="Welcome")
        cls.arabic_home = translate(cls.home, cls.locales["ar"], title="مرحبا")
        cls.about = StandardPageFactory(parent=cls.home, slug="om", title="Om kvarteret")
        cls.about_en = translate(cls.about, cls.locales["en"], title="About the neighbourhood")
        cls.plan = PlanPageFactory(parent=cls.home, slug="planen", title="Helhedsplanen")
        cls.plan_in_arabic = alias(cls.plan, cls.locales["ar"])

    def test_untranslated_page_shows_danish_with_a_notice_in_the_readers_language(self):
        response = self.client.get("/ar/planen/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Helhedsplanen")
        with translation.override("ar"):
            notice = translation.gettext(
                "This page is not yet available in %(reader_language)s, so it is shown in Danish."
            ) % {"reader_language": "العربية"}
        self.assertContains(response, notice)
        self.assertContains(response, '<div class="site-main__content" lang="da" dir="ltr">')

    def test_labels_inside_a_danish_fallback_are_danish_too(self):
        response = self.client.get("/ar/planen/")
        with translation.override("da"):
            danish_label = translation.gettext("Facts about the plan")
        with translation.override("ar"):
            arabic_label = translation.gettext("Facts about the plan")
            arabic_menu = translation.gettext("Main menu")
        self.assertContains(response, danish_label)
        self.assertNotContains(response, arabic_label)
        # The page around the content stays in the reader's language.
        self.assertContains(response, f'aria-label="{arabic_menu}"')

    def test_translated_page_has_no_notice(self):
        response = self.client.get("/en/om/")
        self.assertContains(response, "About the neighbourhood")
        self.assertNotContains(response, 'role="note"')

    def test_fallback_is_not_offered_as_an_alternate_language(self):
        response = self.client.get("/da/planen/")
        self.assertNotContains(response, 'hreflang="ar" href="http://localhost/ar/planen/"')
        # ...but readers can still switch to it and get the fallback.
        self.assertContains(response, 'href="/ar/planen/" hreflang="ar"')

    def test_fallback_follows_the_danish_page_when_it_is_republished(self):
        self.plan.title = "Helhedsplanen 2012–2016"
        self.plan.save_revision().publish()
        self.assertEqual(
            Page.objects.get(pk=self.plan_in_arabic.pk).title, "Helhedsplanen 2012–2016"
        )

"""Every language renders its own lang/dir and furniture; untranslated pages fall back to Danish."""

from django.conf import settings
from django.test import TestCase
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst

from wagtail.models import Page

import babel

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

    def test_root_opens_the_browsers_language_with_danish_as_the_default(self):
        cases = {
            "": "/da/",  # a crawler
            "ar,en;q=0.8": "/ar/",
            "de-DE,de;q=0.9": "/da/",  # none of ours
            "de,so;q=0.7": "/so/",
            "en-GB": "/en/",
            "ur-PK": "/ur/",
        }
        for accept_language, destination in cases.items():
            with self.subTest(accept_language=accept_language):
                response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
                self.assertRedirects(response, destination, fetch_redirect_response=False)
                self.assertIn("Accept-Language", response["Vary"])

    def test_root_follows_a_language_cookie_over_the_browser(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
        self.assertRedirects(response, "/tr/", fetch_redirect_response=False)

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
        # Only the content is Danish, and it says so; the page around it does not.
        self.assertContains(response, '<h1 lang="da" dir="ltr">Helhedsplanen</h1>', html=True)
        self.assertContains(response, '<div class="site-main__content">')

    def test_labels_dates_and_title_of_a_danish_fallback_stay_in_the_readers_language(self):
        response = self.client.get("/ar/planen/")
        with translation.override("da"):
            danish_label = translation.gettext("Facts about the plan")
        with translation.override("ar"):
            arabic_label = translation.gettext("Facts about the plan")
            arabic_title = translation.gettext("%(kind)s (in Danish)") % {
                "kind": capfirst(translation.gettext("plan page"))
            }
            arabic_date = date_format(self.plan.period_start, "DATE_FORMAT")
        self.assertContains(response, arabic_label)
        self.assertNotContains(response, danish_label)
        self.assertContains(response, arabic_date)
        self.assertContains(response, f"<title>{arabic_title} · Charlottekvarteret</title>")

    def test_somali_readers_get_somali_month_and_weekday_names(self):
        """Django has no Somali catalogue; the project's comes from CLDR's `so` data."""
        alias(self.plan, self.locales["so"])
        cldr = babel.Locale.parse("so")
        start = self.plan.period_start
        month = cldr.months["format"]["wide"][start.month]
        weekday = cldr.days["format"]["wide"][start.weekday()]
        with translation.override("so"):
            self.assertEqual(date_format(start, "l"), weekday)
            self.assertEqual(
                date_format(start, "DATE_FORMAT"), f"{month} {start.day}, {start.year}"
            )
        self.assertContains(self.client.get("/so/planen/"), f"{month} {start.day}, {start.year}")

    def test_the_language_switcher_offers_only_the_languages_that_have_the_page(self):
        response = self.client.get("/da/om/")
        switcher = response.content.decode().split('class="language-switcher"')[1]
        switcher = switcher.split("</nav>")[0]
        self.assertEqual(switcher.count("<li>"), 2)  # Danish, shown as current, and English
        self.assertIn('href="/en/om/" hreflang="en"', switcher)
        self.assertNotIn('hreflang="ar"', switcher)

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

import io

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from kvarter.demo import content
from kvarter.demo.loader import DemoLoader
from kvarter.models import ContactPage, FocusAreaPage, HomePage, Person, PlanPage
from nyheder.newsletter.models import NewsletterIndexPage

ALL_LANGUAGES = ["da", "en", "ar", "tr", "so", "ur"]


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"wagtailcore", "wagtailimages", "wagtaildocs", "kvarter"}
        and model._meta.label != "wagtailcore.ModelLogEntry"
    }


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    def translations(self, page):
        return {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).select_related("locale")
        }

    def test_running_twice_changes_nothing(self):
        before = row_counts()
        latest_revision = Page.objects.order_by("-latest_revision_id").values_list(
            "latest_revision_id", flat=True
        )[0]
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        self.assertEqual(row_counts(), before)
        self.assertEqual(
            Page.objects.order_by("-latest_revision_id").values_list(
                "latest_revision_id", flat=True
            )[0],
            latest_revision,
        )

    def test_links_follow_the_site_to_another_port(self):
        """Serving on :8001 and loading again: mails and feeds link to :8001, not :8000."""
        with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8001"):
            call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        home = HomePage.objects.get(locale__language_code="da")
        self.assertEqual(home.full_url, "http://127.0.0.1:8001/da/")

    def test_every_danish_page_exists_in_english(self):
        danish = Page.objects.filter(locale__language_code="da", depth__gt=1)
        self.assertGreater(danish.count(), 15)
        for page in danish:
            english = self.translations(page).get("en")
            self.assertIsNotNone(english, page.title)
            self.assertIsNone(english.alias_of_id, f"{page.title} is not translated into English")
            self.assertNotEqual(english.title, page.title)

    def test_core_pages_are_translated_into_every_language(self):
        # The newsletter's page too: residents sign up there in their own language.
        for model in (HomePage, PlanPage, FocusAreaPage, ContactPage, NewsletterIndexPage):
            for page in model.objects.filter(locale__language_code="da"):
                translations = self.translations(page)
                for code in ALL_LANGUAGES:
                    with self.subTest(page=page.title, language=code):
                        self.assertIn(code, translations)
                        self.assertIsNone(translations[code].alias_of_id)
                        if code != "da":
                            self.assertNotEqual(translations[code].title, page.title)

    def test_multi_line_fields_are_translated_too(self):
        """The contact page's opening hours span lines; every language reads its own."""
        danish = ContactPage.objects.get(locale__language_code="da")
        for code, page in self.translations(danish).items():
            with self.subTest(language=code):
                self.assertEqual(page.opening_hours, content.CONTACT["opening_hours"][code])

    def test_other_pages_fall_back_to_danish_in_other_languages(self):
        arabic = Locale.objects.get(language_code="ar")
        danish_count = Page.objects.filter(locale__language_code="da", depth__gt=1).count()
        self.assertEqual(Page.objects.filter(locale=arabic).count(), danish_count)
        self.assertTrue(Page.objects.filter(locale=arabic, alias_of__isnull=False).exists())

    def test_images_have_alt_text(self):
        for image in get_image_model().objects.all():
            self.assertTrue(image.description, image.title)

    def test_people_are_invented(self):
        for person in Person.objects.all():
            self.assertTrue(person.email.endswith("@example.org"))


class DemoEditorTests(TestCase):
    def test_production_settings_create_no_user(self):
        DemoLoader().load_demo_editor()
        self.assertFalse(get_user_model().objects.exists())

    @override_settings(DEMO_EDITOR_CREDENTIALS=("redaktion", "demo-password"))
    def test_demo_editor_can_publish_and_translate(self):
        DemoLoader().load_demo_editor()
        editor = get_user_model().objects.get(username="redaktion")
        self.assertTrue(editor.check_password("demo-password"))
        self.assertFalse(editor.is_superuser)
        self.assertTrue(editor.has_perm("wagtailadmin.access_admin"))
        self.assertTrue(editor.has_perm("wagtail_localize.submit_translation"))
        self.assertTrue(editor.has_perm("kvarter.change_person"))
        home = Page.objects.filter(depth=2).first()
        self.assertTrue(home.permissions_for_user(editor).can_publish())

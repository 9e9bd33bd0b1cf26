"""The "tip us about a story" form: stored, mailed, validated, and closed to spam."""

import io
import time
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import translation

from PIL import Image

from kvarter import spam
from nyheder.forms import MAX_PHOTO_BYTES
from nyheder.models import StoryTip
from tests.kvarter.helpers import translate
from tests.nyheder.helpers import create_story_site

TIP_URL = "/da/historier/tip/"


def photo(image_format="PNG", name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def started_seconds_ago(seconds):
    return spam.sign_start_time(time.time() - seconds)


class TipFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, *_ = create_story_site()
        cls.en_index = translate(cls.index, cls.locales["en"], title="Stories")

    def setUp(self):
        cache.clear()  # the rate limit counts in the cache

    def post(self, url=TIP_URL, **fields):
        data = {
            "name": "Søren Ærø Åberg",
            "email": "soeren@example.org",
            "phone": "",
            "text": "Gården blev malet af børnene – æøå!",
            "website": "",
            "form_started": started_seconds_ago(30),
            **fields,
        }
        return self.client.post(url, data)

    def test_a_tip_is_stored_and_mailed_to_staff_in_danish(self):
        response = self.post(photo=photo())
        self.assertRedirects(response, "/da/historier/tip/tak/")
        tip = StoryTip.objects.get()
        self.assertEqual(tip.name, "Søren Ærø Åberg")
        self.assertEqual(tip.language, "da")
        self.assertEqual(tip.page.pk, self.index.pk)
        self.assertTrue(tip.photo.name.startswith("story-tips/"))
        self.assertTrue(tip.photo.name.endswith(".png"))
        self.assertNotIn("foto", tip.photo.name)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, self.index.to_address.split())
        with translation.override("da"):
            self.assertIn("Søren Ærø Åberg", message.subject)
        self.assertIn("Gården blev malet af børnene – æøå!", message.body)
        self.assertIn(f"http://testserver/admin/story-tips/inspect/{tip.pk}/", message.body)

    def test_a_tip_from_the_english_site_uses_the_danish_recipients(self):
        self.post(url="/en/historier/tip/")
        self.assertEqual(StoryTip.objects.get().language, "en")
        self.assertEqual(mail.outbox[0].to, self.index.to_address.split())

    def test_staff_read_tips_in_the_admin_but_cannot_edit_them(self):
        self.post()
        tip = StoryTip.objects.get()
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        self.client.force_login(admin)
        self.assertContains(self.client.get(f"/admin/story-tips/inspect/{tip.pk}/"), tip.text)
        self.assertContains(self.client.get("/admin/story-tips/"), tip.name)
        edit = self.client.get(f"/admin/story-tips/edit/{tip.pk}/")
        self.assertNotEqual(edit.status_code, 200)

    def test_invalid_input_is_kept_and_explained_in_the_readers_language(self):
        response = self.client.post(
            "/en/historier/tip/",
            {"name": "", "email": "ikke-en-adresse", "text": "Min historie", "phone": "abc"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Min historie")
        self.assertContains(response, 'value="ikke-en-adresse"')
        self.assertContains(response, "This field is required.")
        self.assertContains(response, "Enter a valid email address.")
        self.assertFalse(StoryTip.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_non_images_are_refused_even_with_an_image_name(self):
        fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
        response = self.post(url="/en/historier/tip/", photo=fake)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The file is not a photo.")
        self.assertContains(response, "Gården blev malet af børnene")
        self.assertFalse(StoryTip.objects.exists())

    def test_photos_over_10_mb_are_refused(self):
        big = SimpleUploadedFile(
            "stor.jpg", b"\xff" * (MAX_PHOTO_BYTES + 1), content_type="image/jpeg"
        )
        response = self.post(url="/en/historier/tip/", photo=big)
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 10 MB", str(response.context["form"].errors["photo"][0]))
        self.assertFalse(StoryTip.objects.exists())

    def test_form_hides_the_honeypot_from_people_and_screen_readers(self):
        html = self.client.get(TIP_URL).content.decode()
        self.assertRegex(
            html,
            r'<div class="visually-hidden" aria-hidden="true">\s*'
            r'<label for="id_website">[^<]+</label>\s*'
            r'<input type="text" name="website" tabindex="-1" autocomplete="off"',
        )
        self.assertIn('name="form_started"', html)

    def test_a_filled_honeypot_gets_thanks_but_nothing_is_stored_or_sent(self):
        response = self.post(website="http://spam.example.org")
        self.assertRedirects(response, "/da/historier/tip/tak/")
        self.assertFalse(StoryTip.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_too_fast_missing_or_forged_start_times_are_spam(self):
        forged = started_seconds_ago(60)[:-2] + "xx"
        for started in [started_seconds_ago(0), "", forged]:
            with self.subTest(started=started):
                response = self.post(form_started=started)
                self.assertRedirects(response, "/da/historier/tip/tak/")
        self.assertFalse(StoryTip.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_flood_of_posts_is_throttled_with_a_page_in_the_readers_language(self):
        rate = int(spam.POST_RATE.split("/")[0])
        with mock.patch("django_ratelimit.core._get_window", return_value=0):
            for _ in range(rate):
                self.assertEqual(self.post(url="/en/historier/tip/").status_code, 302)
            response = self.post(url="/en/historier/tip/")
        self.assertEqual(response.status_code, 429)
        self.assertTemplateUsed(response, "429.html")
        self.assertContains(response, '<html lang="en"', status_code=429)
        self.assertEqual(StoryTip.objects.count(), rate)

    def test_reading_the_form_is_never_throttled(self):
        for _ in range(10):
            self.assertEqual(self.client.get(TIP_URL).status_code, 200)

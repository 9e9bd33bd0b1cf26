"""The help desk: a request is stored and mailed, bad input is explained, and spam is dropped."""

import datetime
import re
import time
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone, translation
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext

from wagtail.models import Site

from frivillig.choices import STATUS_TOKEN_MAX_AGE, STATUS_TOKEN_SALT
from frivillig.models import HelpRequest
from kvarter import spam
from kvarter.models import SiteSettings
from tests.factories.frivillig import GuidePageFactory
from tests.frivillig.helpers import create_volunteer_site
from tests.kvarter.helpers import translate

ARABIC_TEXT = "نريد أن نبدأ مقهى للواجبات المدرسية في بيت السكان."
DANISH_TEXT = "Vi vil starte en lektiecafé i beboerhuset – æøå ÆØÅ!"


def started_seconds_ago(seconds):
    return spam.sign_start_time(time.time() - seconds)


class HelpDeskTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.desk = create_volunteer_site()
        cls.ar_desk = translate(cls.desk, cls.locales["ar"], title="مكتب المتطوعين")
        cls.en_desk = translate(cls.desk, cls.locales["en"], title="The volunteer desk")

    def setUp(self):
        cache.clear()  # the rate limit counts in the cache

    def post(self, page=None, **fields):
        data = {
            "name": "Søren Ærø Åberg",
            "email": "soeren@example.org",
            "phone": "",
            "language": "da",
            "kind": "project",
            "description": DANISH_TEXT,
            "consent": "on",
            "website": "",
            "form_started": started_seconds_ago(30),
            **fields,
        }
        return self.client.post((page or self.desk).url, data)


class RequestTests(HelpDeskTestCase):
    def test_form_defaults_to_the_page_language(self):
        response = self.client.get(self.ar_desk.url)
        self.assertEqual(response.context["form"]["language"].value(), "ar")
        self.assertContains(response, 'name="website"')

    def test_a_request_is_stored_and_both_mails_go_out(self):
        response = self.post(
            self.ar_desk,
            name="فاطمة Ærø",
            language="ar",
            kind="funding",
            description=f"{ARABIC_TEXT} {DANISH_TEXT}",
        )
        self.assertRedirects(response, self.ar_desk.url + "tak/")
        help_request = HelpRequest.objects.get()
        self.assertEqual(help_request.status, HelpRequest.Status.NEW)
        self.assertEqual(help_request.language, "ar")
        self.assertEqual(help_request.page.pk, self.ar_desk.pk)

        staff, receipt = mail.outbox
        self.assertEqual(staff.to, ["frivillig@example.org", "leder@example.org"])
        with translation.override("da"):
            kind = str(HelpRequest.Kind.FUNDING.label)
            self.assertEqual(
                staff.subject,
                gettext("New help request from %(name)s: %(kind)s")
                % {"name": "فاطمة Ærø", "kind": kind},
            )
        self.assertIn(ARABIC_TEXT, staff.body)
        self.assertIn(DANISH_TEXT, staff.body)
        admin_link = re.search(r"http://testserver(/admin/\S+)", staff.body).group(1)
        admin = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
        self.client.force_login(admin)
        self.assertContains(self.client.get(admin_link), ARABIC_TEXT)
        self.client.logout()

        self.assertEqual(receipt.to, ["soeren@example.org"])
        with translation.override("ar"):
            self.assertEqual(receipt.subject, gettext("We have received your request"))
        self.assertIn(ARABIC_TEXT, receipt.body)
        status_link = re.search(r"http://localhost(/ar/\S+/status/\S+/)", receipt.body).group(1)
        status_page = self.client.get(status_link)
        self.assertEqual(status_page.status_code, 200)
        self.assertContains(status_page, '<html lang="ar" dir="rtl">')
        self.assertContains(status_page, ARABIC_TEXT)

    def test_receipts_to_one_address_stop_after_three_a_day_but_every_request_is_kept(self):
        for number in range(5):
            cache.clear()  # past the rate limit: this is about one address, from many
            self.post(email="Offer@Example.org" if number % 2 else "offer@example.org")
        self.assertEqual(HelpRequest.objects.count(), 5)
        receipts = [m for m in mail.outbox if m.to[0].lower() == "offer@example.org"]
        staff = [m for m in mail.outbox if m not in receipts]
        self.assertEqual(len(receipts), 3)
        self.assertEqual(len(staff), 5)

    def test_the_receipt_cap_is_per_day(self):
        for _ in range(3):
            self.post()
        HelpRequest.objects.update(
            created_at=timezone.now() - datetime.timedelta(days=1, minutes=1)
        )
        mail.outbox.clear()
        self.post()
        self.assertEqual(len(mail.outbox), 2)  # staff and the receipt

    def test_phone_alone_is_enough_and_no_receipt_is_sent(self):
        self.post(email="", phone="12 34 56 78")
        self.assertEqual(HelpRequest.objects.get().phone, "12 34 56 78")
        self.assertEqual(len(mail.outbox), 1)  # staff only

    def test_site_contact_address_is_used_when_the_page_has_none(self):
        self.desk.to_address = ""
        self.desk.save_revision().publish()

        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.email = "kontakt@example.org"
        settings.save()
        self.post()
        self.assertEqual(mail.outbox[0].to, ["kontakt@example.org"])


class BadInputTests(HelpDeskTestCase):
    def assertKeptAndUnsent(self, response, *typed):
        self.assertEqual(response.status_code, 200)
        for value in typed:
            self.assertContains(response, value)
        self.assertFalse(HelpRequest.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_no_contact_details(self):
        response = self.post(self.en_desk, email="", phone="")
        with translation.override("en"):
            message = gettext(
                "Give an e-mail address or a phone number, so that we can answer you."
            )
        self.assertContains(response, message)
        self.assertKeptAndUnsent(response, "Søren Ærø Åberg", "æøå ÆØÅ")

    def test_invalid_email_in_the_readers_language(self):
        response = self.post(email="ikke-en-adresse")
        with translation.override("da"):
            message = gettext("Enter a valid email address.")
        self.assertNotEqual(message, "Enter a valid email address.")  # Django's Danish catalogue
        self.assertContains(response, message)
        self.assertKeptAndUnsent(response, "ikke-en-adresse", "æøå ÆØÅ")

    def test_description_over_5000_characters(self):
        response = self.post(description="æ" * 5001)
        self.assertTrue(response.context["form"].has_error("description", "max_length"))
        self.assertKeptAndUnsent(response, "æ" * 5001)

    def test_consent_is_required(self):
        response = self.post(consent="")
        self.assertTrue(response.context["form"].has_error("consent", "required"))
        self.assertKeptAndUnsent(response, "Søren Ærø Åberg")

    def test_unknown_kind_or_language_is_an_error_not_a_crash(self):
        response = self.post(kind="bribe", language="xx")
        self.assertTrue(response.context["form"].has_error("kind"))
        self.assertTrue(response.context["form"].has_error("language"))
        self.assertKeptAndUnsent(response)


class SpamTests(HelpDeskTestCase):
    def test_filled_honeypot_gets_the_thank_you_page_and_nothing_else(self):
        response = self.post(website="http://spam.example")
        self.assertRedirects(response, self.desk.url + "tak/")
        self.assertFalse(HelpRequest.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_form_sent_too_fast_is_dropped_silently(self):
        response = self.post(form_started=started_seconds_ago(0))
        self.assertRedirects(response, self.desk.url + "tak/")
        self.assertFalse(HelpRequest.objects.exists())

    def test_a_flood_of_posts_gets_429_in_the_readers_language(self):
        statuses = [self.post(self.ar_desk, language="ar").status_code for _ in range(8)]
        self.assertEqual(statuses[:5], [302] * 5)
        self.assertEqual(set(statuses[5:]), {429})
        response = self.post(self.ar_desk)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, '<html lang="ar" dir="rtl">', status_code=429)
        with translation.override("ar"):
            title = gettext("Too many attempts")
        self.assertContains(response, title, status_code=429)
        self.assertEqual(HelpRequest.objects.count(), 5)
        # Reading the form is never limited.
        self.assertEqual(self.client.get(self.ar_desk.url).status_code, 200)


class StatusPageTests(HelpDeskTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.guide = GuidePageFactory(parent=cls.index, slug="start-lektiehjaelp", title="Lektier")
        cls.ar_guide = translate(cls.guide, cls.locales["ar"], title="المساعدة في الواجبات")
        cls.help_request = HelpRequest.objects.create(
            page=cls.desk,
            name="Amal",
            email="amal@example.org",
            language="ar",
            kind="volunteers",
            description=ARABIC_TEXT,
        )

    def status_url(self, token):
        return self.ar_desk.url + f"status/{token}/"

    def test_valid_token_shows_status_answer_and_the_guide_in_the_readers_language(self):
        self.help_request.status = HelpRequest.Status.ANSWERED
        self.help_request.answer = "Vi har fundet to frivillige – velkommen!"
        self.help_request.answer_guide = self.guide
        self.help_request.save()
        response = self.client.get(self.status_url(self.help_request.status_token))
        self.assertEqual(response.status_code, 200)
        with translation.override("ar"):
            self.assertContains(response, str(HelpRequest.Status.ANSWERED.label))
        self.assertContains(response, "Vi har fundet to frivillige – velkommen!")
        self.assertContains(response, f'href="{self.ar_guide.url}"')
        self.assertContains(response, "المساعدة في الواجبات")
        self.assertContains(response, 'name="robots" content="noindex"')
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_status_link_in_the_receipt_uses_the_chosen_language(self):
        self.assertIn("/ar/frivilligdesk/status/", self.help_request.status_url())

    def assertFriendlyNotFound(self, token):
        response = self.client.get(self.status_url(token))
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "frivillig/help_request_invalid.html")
        self.assertContains(response, '<html lang="ar" dir="rtl">', status_code=404)
        self.assertNotContains(response, ARABIC_TEXT, status_code=404)
        self.assertNotContains(response, "Amal", status_code=404)

    def test_forged_token(self):
        token = self.help_request.status_token
        self.assertFriendlyNotFound(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
        # Signed for another purpose, or just the request's number: both refused.
        unsalted = signing.dumps(self.help_request.pk)
        self.assertFriendlyNotFound(urlsafe_base64_encode(unsalted.encode()))
        self.assertFriendlyNotFound(str(self.help_request.pk))
        self.assertFriendlyNotFound("not-base64-at-all")

    def test_expired_token(self):
        token = self.help_request.status_token
        later = time.time() + STATUS_TOKEN_MAX_AGE.total_seconds() + 60
        with mock.patch("django.core.signing.time.time", return_value=later):
            self.assertFriendlyNotFound(token)

    def test_token_of_a_deleted_request(self):
        token = self.help_request.status_token
        HelpRequest.objects.filter(pk=self.help_request.pk).delete()
        self.assertFriendlyNotFound(token)

    def test_tokens_differ_per_request_and_carry_the_salt(self):
        other = HelpRequest.objects.create(
            page=self.desk, name="B", phone="12345678", language="da", kind="room", description="x"
        )
        self.assertNotEqual(other.status_token, self.help_request.status_token)
        signed = urlsafe_base64_decode(other.status_token).decode()
        self.assertEqual(signing.loads(signed, salt=STATUS_TOKEN_SALT), other.pk)

    def test_status_page_is_get_only(self):
        response = self.client.post(self.status_url(self.help_request.status_token))
        self.assertEqual(response.status_code, 405)

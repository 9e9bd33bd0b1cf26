"""The token links in every mail: preferences, export, erase and the one-click unsubscribe."""

import json

from django.test import Client, TestCase

from kvarter.mail import site_root_url
from nyheder.newsletter import links
from nyheder.newsletter.constants import hash_email
from nyheder.newsletter.models import ConsentEvent, Delivery, Subscriber, Suppression
from nyheder.newsletter.models.subscribers import hash_ip
from nyheder.newsletter.tokens import preferences_token
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import create_site

ADDRESS = "søren.åberg@example.org"


def path_of(url):
    return url.removeprefix(site_root_url())


class TokenLinkTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()

    def setUp(self):
        self.reader = SubscriberFactory(email=ADDRESS, language="da")
        self.reader.log(ConsentEvent.Action.CONFIRMED, "test", "10.0.0.1")
        self.preferences = path_of(links.preferences_url(self.reader))
        self.unsubscribe = path_of(links.unsubscribe_url(self.reader))


class PreferencesTests(TokenLinkTestCase):
    def test_the_page_shows_the_address_and_is_never_cached(self):
        response = self.client.get(self.preferences)
        self.assertContains(response, ADDRESS)
        self.assertContains(response, '<option value="da" selected>')
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_changing_language_is_saved_logged_and_shown_in_the_new_language(self):
        response = self.client.post(self.preferences, {"action": "language", "language": "ar"})
        self.reader.refresh_from_db()
        self.assertEqual(self.reader.language, "ar")
        self.assertTrue(response["Location"].startswith("/ar/nyhedsbrev/indstillinger/"))
        page = self.client.get(response["Location"])
        self.assertContains(page, 'dir="rtl"')
        self.assertContains(page, '<option value="ar" selected>')
        change = self.reader.consent_events.get(action=ConsentEvent.Action.LANGUAGE_CHANGED)
        self.assertEqual(change.ip_hash, hash_ip("127.0.0.1"))
        self.assertEqual(change.language, "ar")
        # The unsubscribe link in mails now opens in Arabic.
        self.assertTrue(path_of(links.unsubscribe_url(self.reader)).startswith("/ar/"))

    def test_an_unknown_language_changes_nothing(self):
        response = self.client.post(self.preferences, {"action": "language", "language": "xx"})
        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.assertEqual(self.reader.language, "da")

    def test_unsubscribing_from_the_preferences_page(self):
        response = self.client.post(self.preferences, {"action": "unsubscribe"})
        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.is_suppressed(ADDRESS))

    def test_export_downloads_everything_held_as_json(self):
        edition = NewsletterPageFactory(parent__parent=self.home, title="Nyhedsbrev marts")
        Delivery.objects.create(
            edition=edition, subscriber=self.reader, language="da", state=Delivery.State.SENT
        )
        response = self.client.post(self.preferences, {"action": "export"})
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("attachment", response["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["email"], ADDRESS)
        self.assertIn(ADDRESS, response.content.decode())  # readable, not \\u-escaped
        self.assertEqual(data["status"], "confirmed")
        self.assertEqual([e["action"] for e in data["consent_log"]], ["confirmed"])
        self.assertEqual([n["edition"] for n in data["newsletters_received"]], [edition.title])

    def test_erasing_needs_the_checkbox(self):
        response = self.client.post(self.preferences, {"action": "erase"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'id="form-errors"')
        self.assertTrue(Subscriber.objects.filter(email=ADDRESS).exists())

    def test_erasing_keeps_only_a_hashed_suppression_and_the_log_without_the_address(self):
        edition = NewsletterPageFactory(parent__parent=self.home)
        delivery = Delivery.objects.create(
            edition=edition, subscriber=self.reader, language="da", state=Delivery.State.SENT
        )
        response = self.client.post(self.preferences, {"action": "erase", "confirm": "on"})
        self.assertEqual(response.status_code, 200)
        # The page says what is kept, and that the key is what keeps it from being matched.
        self.assertTemplateUsed(response, "newsletter/what_we_keep.html")
        self.assertFalse(Subscriber.objects.exists())
        suppression = Suppression.objects.get()
        self.assertEqual(suppression.email_hash, hash_email(ADDRESS))
        self.assertEqual(suppression.reason, Suppression.Reason.ERASED)
        events = ConsentEvent.objects.all()
        self.assertEqual(
            sorted(events.values_list("action", flat=True)),
            [ConsentEvent.Action.CONFIRMED, ConsentEvent.Action.ERASED],
        )
        for event in events.values():
            self.assertIsNone(event["subscriber_id"])
            self.assertNotIn(ADDRESS, json.dumps(event, default=str))
        delivery.refresh_from_db()
        self.assertIsNone(delivery.subscriber)
        # The old links now lead nowhere.
        self.assertEqual(self.client.get(self.preferences).status_code, 404)
        self.assertEqual(self.client.post(self.unsubscribe).status_code, 404)

    def test_a_forged_token_gets_the_friendly_page_in_the_language(self):
        token = preferences_token(self.reader)
        forged = token[:-3] + "xyz"
        for path in [f"/ar/nyhedsbrev/indstillinger/{forged}/", f"/ar/nyhedsbrev/afmeld/{forged}/"]:
            response = self.client.get(path)
            self.assertEqual(response.status_code, 404)
            self.assertContains(response, 'dir="rtl"', status_code=404)
            self.assertNotContains(response, ADDRESS, status_code=404)
        response = self.client.post(f"/da/nyhedsbrev/afmeld/{forged}/")
        self.assertEqual(response.status_code, 404)
        self.reader.refresh_from_db()
        self.assertTrue(self.reader.is_confirmed)


class OneClickUnsubscribeTests(TokenLinkTestCase):
    def test_rfc_8058_post_without_cookies_or_csrf_token_unsubscribes_at_once(self):
        edition = NewsletterPageFactory(parent__parent=self.home)
        delivery = Delivery.objects.create(
            edition=edition, subscriber=self.reader, language="da", state=Delivery.State.SENT
        )
        mail_provider = Client(enforce_csrf_checks=True)
        url = f"{self.unsubscribe}?edition={edition.pk}"
        response = mail_provider.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.is_suppressed(ADDRESS))
        delivery.refresh_from_db()
        first_unsubscribe = delivery.unsubscribed_at
        self.assertIsNotNone(first_unsubscribe)
        self.assertEqual(
            self.reader.consent_events.filter(action=ConsentEvent.Action.UNSUBSCRIBED).count(), 1
        )

        # A second POST (a retry, or the footer link later) answers the same and counts once.
        again = mail_provider.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.content, response.content)
        delivery.refresh_from_db()
        self.assertEqual(delivery.unsubscribed_at, first_unsubscribe)
        self.assertEqual(
            self.reader.consent_events.filter(action=ConsentEvent.Action.UNSUBSCRIBED).count(), 1
        )

    def test_the_footer_link_asks_first_and_the_button_unsubscribes(self):
        page = Client(enforce_csrf_checks=True).get(self.unsubscribe + "?edition=999")
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, 'method="post"')
        self.reader.refresh_from_db()
        self.assertTrue(self.reader.is_confirmed)

        response = Client(enforce_csrf_checks=True).post(self.unsubscribe + "?edition=999")
        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertEqual(
            self.client.get(self.unsubscribe).content,
            self.client.post(self.unsubscribe).content,
        )

    def test_a_bad_edition_number_still_unsubscribes(self):
        response = self.client.post(self.unsubscribe + "?edition=nonsense")
        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)

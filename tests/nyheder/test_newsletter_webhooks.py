"""ESP tracking webhooks: bounces and complaints suppress, each event is handled once."""

import base64
import json

from django.test import TestCase, override_settings
from django.utils import timezone

from anymail.exceptions import AnymailInsecureWebhookWarning

from nyheder.newsletter.constants import hash_email
from nyheder.newsletter.models import (
    ConsentEvent,
    Delivery,
    Subscriber,
    Suppression,
    TrackingEvent,
)
from nyheder.newsletter.sending import progress
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import create_site

SECRET = "anymail-user:s3cret-Pa55"
URL = "/anymail/postmark/tracking/"


def basic_auth(credentials):
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def postmark_bounce(delivery, bounce_type="HardBounce", event_id=4323372036854775807):
    """A bounce as Postmark posts it (https://postmarkapp.com/developer/webhooks/bounce-webhook)."""
    return {
        "RecordType": "Bounce",
        "ID": event_id,
        "Type": bounce_type,
        "TypeCode": 1,
        "Name": "Hard bounce",
        "Tag": "newsletter",
        "MessageID": delivery.message_id,
        "Metadata": {"delivery": str(delivery.pk), "edition": str(delivery.edition_id)},
        "ServerID": 23,
        "MessageStream": "broadcast",
        "Description": "The server was unable to deliver your message (ex: unknown user).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": delivery.subscriber.email,
        "From": "nyhedsbrev@example.org",
        "BouncedAt": "2026-11-24T10:15:00Z",
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Nyhedsbrev november",
    }


def postmark_complaint(delivery):
    return {
        **postmark_bounce(delivery, event_id=4323372036854775808),
        "RecordType": "SpamComplaint",
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "Name": "Spam complaint",
    }


def postmark_subscription_change(delivery):
    """An unsubscribe through Postmark's own link; such events carry no ID."""
    return {
        "RecordType": "SubscriptionChange",
        "MessageID": delivery.message_id,
        "ServerID": 23,
        "MessageStream": "broadcast",
        "ChangedAt": "2026-11-24T11:00:00Z",
        "Recipient": delivery.subscriber.email,
        "Origin": "Recipient",
        "SuppressSending": True,
        "SuppressionReason": "ManualSuppression",
        "Tag": "newsletter",
        "Metadata": {},
    }


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
class TrackingWebhookTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=cls.home)

    def setUp(self):
        self.reader = SubscriberFactory(email="amina@example.org", language="so")
        self.delivery = Delivery.objects.create(
            edition=self.edition,
            subscriber=self.reader,
            language=self.reader.language,
            state=Delivery.State.SENT,
            sent_at=timezone.now(),
            message_id="b7bc2f4a-e38e-4336-af7d-e6c392c2f817",
        )

    def post(self, payload, credentials=SECRET):
        headers = {"HTTP_AUTHORIZATION": basic_auth(credentials)} if credentials else {}
        return self.client.post(
            URL, data=json.dumps(payload), content_type="application/json", **headers
        )

    def test_a_hard_bounce_suppresses_and_unsubscribes(self):
        response = self.post(postmark_bounce(self.delivery))

        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.delivery.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertEqual(
            Suppression.objects.get(email_hash=hash_email(self.reader.email)).reason,
            Suppression.Reason.BOUNCED,
        )
        self.assertIsNotNone(self.delivery.bounced_at)
        entry = self.reader.consent_events.get()
        self.assertEqual((entry.action, entry.source), ("unsubscribed", "bounce webhook"))
        self.assertEqual(progress(self.edition)["bounced"], 1)

    def test_the_same_event_twice_changes_nothing_more(self):
        self.post(postmark_bounce(self.delivery))
        self.delivery.refresh_from_db()
        bounced_at = self.delivery.bounced_at

        response = self.post(postmark_bounce(self.delivery))

        self.assertEqual(response.status_code, 200)
        self.delivery.refresh_from_db()
        self.assertEqual(self.delivery.bounced_at, bounced_at)
        self.assertEqual(TrackingEvent.objects.count(), 1)
        self.assertEqual(ConsentEvent.objects.count(), 1)

    def test_a_complaint_unsubscribes(self):
        self.post(postmark_complaint(self.delivery))

        self.reader.refresh_from_db()
        self.delivery.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertIsNotNone(self.delivery.complained_at)
        self.assertEqual(
            Suppression.objects.get(email_hash=hash_email(self.reader.email)).reason,
            Suppression.Reason.COMPLAINED,
        )
        self.assertEqual(progress(self.edition)["complaints"], 1)

    def test_an_unsubscribe_without_event_id_is_found_by_message_id_and_handled_once(self):
        payload = postmark_subscription_change(self.delivery)

        self.post(payload)
        self.post(payload)

        self.reader.refresh_from_db()
        self.delivery.refresh_from_db()
        self.assertEqual(self.reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertIsNotNone(self.delivery.unsubscribed_at)
        self.assertEqual(TrackingEvent.objects.count(), 1)
        self.assertEqual(progress(self.edition)["unsubscribes"], 1)

    def test_a_bounce_for_an_erased_address_still_keeps_it_suppressed(self):
        payload = postmark_bounce(self.delivery)
        self.reader.erase(source="preferences page")
        Suppression.objects.all().delete()

        self.post(payload)

        self.assertEqual(
            Suppression.objects.get(email_hash=hash_email("amina@example.org")).reason,
            Suppression.Reason.BOUNCED,
        )

    def test_a_temporary_problem_changes_nothing(self):
        response = self.post(postmark_bounce(self.delivery, bounce_type="Transient"))

        self.assertEqual(response.status_code, 200)
        self.reader.refresh_from_db()
        self.assertTrue(self.reader.is_confirmed)
        self.assertFalse(Suppression.objects.exists())
        self.assertFalse(TrackingEvent.objects.exists())

    def test_wrong_or_missing_credentials_are_refused(self):
        for credentials in ["anymail-user:guess", None]:
            with self.subTest(credentials=credentials):
                response = self.post(postmark_bounce(self.delivery), credentials=credentials)

                self.assertEqual(response.status_code, 400)
        self.reader.refresh_from_db()
        self.assertTrue(self.reader.is_confirmed)
        self.assertFalse(TrackingEvent.objects.exists())

    @override_settings(ANYMAIL={"WEBHOOK_SECRET": ""})
    def test_without_a_configured_secret_every_event_is_refused(self):
        # Anymail would accept anyone then; a forged bounce must not unsubscribe a reader.
        with self.assertWarns(AnymailInsecureWebhookWarning):
            response = self.post(postmark_bounce(self.delivery), credentials=None)

        self.assertEqual(response.status_code, 400)
        self.reader.refresh_from_db()
        self.assertTrue(self.reader.is_confirmed)
        self.assertFalse(Suppression.objects.exists())

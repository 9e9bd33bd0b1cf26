"""Sending an edition: one delivery per subscriber, batches, retries, bounces and crashes."""

import datetime
import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase, override_settings
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from nyheder.newsletter import sending
from nyheder.newsletter.constants import TOKEN_PLACEHOLDER
from nyheder.newsletter.models import (
    Delivery,
    EditionSend,
    Subscriber,
    Suppression,
)
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, in_admin_language, run_worker


class FlakyBackend(EmailBackend):
    """Refuses the addresses in `errors` with the error given, the given number of times."""

    errors = {}

    def send_messages(self, messages):
        for message in messages:
            recipient = message.to[0]
            error, times = self.errors.get(recipient, (None, 0))
            if times:
                self.errors[recipient] = (error, times - 1)
                raise error
        return super().send_messages(messages)


@override_settings(TASKS=DATABASE_TASKS, NEWSLETTER_BATCH_SIZE=3)
class SendingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=cls.home)
        cls.readers = [
            SubscriberFactory(language=language)
            for language in ["da", "da", "ar", "en", "ur", "tr", "so"]
        ]
        SubscriberFactory(status=Subscriber.Status.PENDING)
        SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)

    def setUp(self):
        FlakyBackend.errors = {}

    def test_every_confirmed_subscriber_gets_one_mail_with_one_click_unsubscribe(self):
        queued = sending.queue_edition(self.edition)
        run_worker()

        self.assertEqual(queued, len(self.readers))
        self.assertCountEqual(
            [message.to[0] for message in mail.outbox], [r.email for r in self.readers]
        )
        message = next(m for m in mail.outbox if m.to == [self.readers[2].email])
        header = message.extra_headers["List-Unsubscribe"]
        url = header.split(">")[0].lstrip("<")
        token = url.split("/afmeld/")[1].split("/")[0]
        self.assertTrue(url.startswith("http://localhost/ar/nyhedsbrev/afmeld/"), url)
        self.assertIn("<mailto:", header)
        self.assertEqual(Subscriber.objects.for_preferences_token(token), self.readers[2])
        self.assertEqual(
            message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        html = message.alternatives[0].content
        self.assertNotIn(TOKEN_PLACEHOLDER, html + message.body)
        self.assertIn(token, html)
        send = EditionSend.objects.get(edition=self.edition)
        self.assertEqual(send.status, EditionSend.Status.FINISHED)
        self.assertEqual(sending.progress(self.edition)["sent"], len(self.readers))

    def test_queueing_again_sends_nothing_to_those_who_have_it(self):
        sending.queue_edition(self.edition)
        run_worker()
        mail.outbox.clear()
        newcomer = SubscriberFactory()

        queued = sending.queue_edition(self.edition)
        run_worker()

        self.assertEqual(queued, 1)
        self.assertEqual([m.to for m in mail.outbox], [[newcomer.email]])
        self.assertEqual(sending.queue_edition(self.edition), 0)

    def test_an_unpublished_edition_is_not_sent(self):
        self.edition.unpublish()
        expected = in_admin_language("Publish the edition before you send it.")
        with self.assertRaisesMessage(sending.SendError, expected):
            sending.queue_edition(self.edition)
        self.assertFalse(Delivery.objects.exists())

    def test_batches_never_overlap(self):
        sending.create_deliveries(self.edition)

        first = sending.claim_batch(self.edition.pk)
        second = sending.claim_batch(self.edition.pk)
        third = sending.claim_batch(self.edition.pk)

        self.assertEqual((len(first), len(second), len(third)), (3, 3, 1))
        self.assertFalse(set(first) & set(second) | set(second) & set(third))
        self.assertEqual(sending.claim_batch(self.edition.pk), [])

    def test_a_batch_left_sending_is_taken_back_after_its_lease_only(self):
        sending.create_deliveries(self.edition)
        stale, fresh = Delivery.objects.order_by("pk")[:2]
        long_ago = timezone.now() - datetime.timedelta(hours=1)
        Delivery.objects.filter(pk=stale.pk).update(state="sending", claimed_at=long_ago)
        Delivery.objects.filter(pk=fresh.pk).update(state="sending", claimed_at=timezone.now())

        self.assertEqual(sending.take_back_expired_claims(self.edition.pk), 1)
        stale.refresh_from_db()
        fresh.refresh_from_db()
        self.assertEqual((stale.state, fresh.state), ("pending", "sending"))

    def test_a_worker_that_starts_resumes_an_interrupted_send(self):
        sending.queue_edition(self.edition)
        DBTaskResult.objects.all().delete()  # the crashed worker's task is gone for good
        mail.outbox.clear()

        run_worker()

        self.assertEqual(len(mail.outbox), len(self.readers))

    @override_settings(
        EMAIL_BACKEND="tests.nyheder.test_newsletter_sending.FlakyBackend",
        MAIL_MAX_ATTEMPTS=3,
    )
    def test_a_temporary_error_is_retried_with_backoff_then_given_up(self):
        reader = self.readers[0]
        FlakyBackend.errors = {reader.email: (smtplib.SMTPServerDisconnected("gone"), 5)}
        sending.queue_edition(self.edition)
        run_worker()

        delivery = Delivery.objects.get(subscriber=reader)
        self.assertEqual((delivery.state, delivery.attempts), ("pending", 1))
        first_wait = delivery.next_attempt_at - timezone.now()
        self.assertGreater(first_wait, datetime.timedelta(seconds=30))
        # The next try was queued for when the backoff runs out.
        follow_up = DBTaskResult.objects.filter(status="READY").get()
        self.assertAlmostEqual(
            follow_up.run_after.timestamp(), delivery.next_attempt_at.timestamp(), delta=1
        )

        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        sending.send_next_batch.call(self.edition.pk)
        delivery.refresh_from_db()
        self.assertEqual((delivery.state, delivery.attempts), ("pending", 2))
        self.assertGreater(delivery.next_attempt_at - timezone.now(), first_wait * 1.5)

        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        sending.send_next_batch.call(self.edition.pk)
        delivery.refresh_from_db()
        self.assertEqual((delivery.state, delivery.attempts), ("failed", 3))
        self.assertIn("SMTPServerDisconnected", delivery.error)
        self.assertEqual(sending.progress(self.edition)["failed"], 1)

    @override_settings(EMAIL_BACKEND="tests.nyheder.test_newsletter_sending.FlakyBackend")
    def test_a_hard_bounce_fails_the_delivery_and_suppresses_the_address(self):
        reader = self.readers[1]
        refused = smtplib.SMTPRecipientsRefused({reader.email: (550, b"No such mailbox")})
        FlakyBackend.errors = {reader.email: (refused, 1)}

        sending.queue_edition(self.edition)
        run_worker()

        delivery = Delivery.objects.get(subscriber=reader)
        reader.refresh_from_db()
        self.assertEqual(delivery.state, "failed")
        self.assertEqual(reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.is_suppressed(reader.email))
        self.assertEqual(len(mail.outbox), len(self.readers) - 1)

    def test_someone_who_leaves_after_the_send_was_queued_gets_nothing(self):
        sending.queue_edition(self.edition)
        leaver = self.readers[3]
        leaver.unsubscribe("test")

        run_worker()

        self.assertNotIn([leaver.email], [m.to for m in mail.outbox])
        self.assertFalse(Delivery.objects.filter(subscriber=leaver).exists())
        self.assertEqual(sending.progress(self.edition)["total"], len(self.readers) - 1)

    def test_a_scheduled_send_waits_for_its_time(self):
        later = timezone.now() + datetime.timedelta(hours=2)
        self.assertEqual(sending.queue_edition(self.edition, send_at=later), 0)
        run_worker()

        self.assertEqual(mail.outbox, [])
        task = DBTaskResult.objects.get(status="READY")
        self.assertEqual(task.run_after, later)
        send = EditionSend.objects.get(edition=self.edition)
        self.assertEqual((send.status, send.scheduled_for), ("scheduled", later))

        # Its time has come.
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())
        run_worker()
        self.assertEqual(len(mail.outbox), len(self.readers))

    def test_a_moved_schedule_leaves_the_old_task_without_effect(self):
        sending.queue_edition(self.edition, send_at=timezone.now() + datetime.timedelta(hours=1))
        sending.queue_edition(self.edition, send_at=timezone.now() + datetime.timedelta(days=1))
        old_time = DBTaskResult.objects.filter(status="READY").order_by("run_after").first()
        DBTaskResult.objects.filter(pk=old_time.pk).update(run_after=timezone.now())

        run_worker()

        self.assertEqual(mail.outbox, [])
        self.assertEqual(EditionSend.objects.get(edition=self.edition).status, "scheduled")


class ClassifyTests(TestCase):
    def test_permanent_and_temporary_errors(self):
        cases = [
            (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"unknown")}), "hard bounce"),
            (smtplib.SMTPRecipientsRefused({"a@example.org": (451, b"try later")}), "transient"),
            (smtplib.SMTPDataError(554, b"content rejected"), "permanent"),
            (smtplib.SMTPDataError(421, b"busy"), "transient"),
            (smtplib.SMTPServerDisconnected("gone"), "transient"),
            (ConnectionRefusedError(), "transient"),
        ]
        for error, kind in cases:
            with self.subTest(error=error):
                self.assertEqual(sending.classify(error), kind)

"""The lease on a batch: a live worker's heartbeat keeps it, a dead worker's runs out.

A slow worker must keep its batch however long a message takes, or a second worker would send
the same readers the edition again; a dead worker's batch must come back soon, or the rest of
the edition waits. The leases here are one second long, so that they run out within the test.
"""

import collections
import time

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from nyheder.newsletter import sending
from nyheder.newsletter.models import Delivery, EditionSend
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, run_worker

LEASE_SECONDS = 1


class SlowBackend(EmailBackend):
    """Holds up the first message until every lease taken so far has run out, and lets another
    worker (`meanwhile`) run in that time."""

    meanwhile = None

    def send_messages(self, messages):
        meanwhile, SlowBackend.meanwhile = SlowBackend.meanwhile, None
        if meanwhile is not None:
            time.sleep(2 * LEASE_SECONDS)
            meanwhile()
        return super().send_messages(messages)


@override_settings(
    TASKS=DATABASE_TASKS,
    NEWSLETTER_BATCH_SIZE=3,
    NEWSLETTER_LEASE_SECONDS=LEASE_SECONDS,
    EMAIL_BACKEND="tests.nyheder.test_newsletter_lease.SlowBackend",
)
class LeaseTests(TransactionTestCase):
    """The heartbeat renews the lease from a thread of its own, which sees committed rows
    only: hence a TransactionTestCase."""

    def setUp(self):
        home, _locales = create_site()
        self.edition = NewsletterPageFactory(parent__parent=home)
        self.readers = SubscriberFactory.create_batch(9)
        sending.render_languages(EditionSend.objects.create(edition=self.edition))
        sending.create_deliveries(self.edition)
        EditionSend.objects.update(status=EditionSend.Status.SENDING)

    def test_a_slow_worker_keeps_its_batch_and_a_dead_ones_batch_comes_back(self):
        dead_workers_batch = sending.claim_batch(self.edition.pk)  # and then it died
        slow_workers_batch = []

        def another_worker_runs():
            slow_workers_batch.extend(
                Delivery.objects.filter(state="sending")
                .exclude(pk__in=dead_workers_batch)
                .values_list("pk", flat=True)
            )
            run_worker()  # every task that is ready, the next batch the slow one queued first

        SlowBackend.meanwhile = another_worker_runs
        sending.send_next_batch.call(self.edition.pk)  # the slow one

        received = collections.Counter(message.to[0] for message in mail.outbox)
        self.assertEqual(received, {reader.email: 1 for reader in self.readers})
        self.assertEqual(len(slow_workers_batch), 3)
        # The other worker took the dead worker's batch back and sent it.
        states = set(Delivery.objects.values_list("state", flat=True))
        self.assertEqual(states, {Delivery.State.SENT})


@override_settings(NEWSLETTER_BATCH_SIZE=3, NEWSLETTER_LEASE_SECONDS=LEASE_SECONDS)
class HeartbeatTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=home)
        SubscriberFactory.create_batch(3)

    def test_a_row_another_worker_took_back_is_not_sent_by_this_one(self):
        sending.create_deliveries(self.edition)
        claimed_at = timezone.now()
        batch = sending.claim_batch(self.edition.pk, claimed_at)
        claim = sending.ClaimHeartbeat(batch, claimed_at)
        # The heartbeat could not reach the database in time, and another worker took one row.
        taken, *kept = batch
        Delivery.objects.filter(pk=taken).update(claimed_at=timezone.now())

        claim.renew()

        self.assertFalse(claim.holds(taken))
        self.assertTrue(all(claim.holds(pk) for pk in kept))
        renewed = Delivery.objects.filter(pk__in=kept).values_list("claimed_at", flat=True)
        self.assertTrue(all(at > claimed_at for at in renewed))

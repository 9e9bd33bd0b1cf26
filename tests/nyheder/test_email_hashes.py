"""What is kept of an address that left: a keyed hash that still stops every re-import, but that
a copy of the database alone cannot test a guessed address against."""

import hashlib

from django.test import TestCase, override_settings

from nyheder.newsletter.constants import hash_email
from nyheder.newsletter.models import Suppression
from tests.factories.newsletter import SubscriberFactory

ADDRESS = "Fatima.Yusuf@Example.org"


def unkeyed(address):
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


class KeyedHashTests(TestCase):
    def test_the_kept_hash_is_not_the_plain_sha256_of_the_address(self):
        reader = SubscriberFactory(email=ADDRESS)
        reader.erase(source="test")
        kept = Suppression.objects.get().email_hash
        self.assertNotEqual(kept, unkeyed(ADDRESS))
        self.assertTrue(Suppression.is_suppressed(" fatima.yusuf@example.org"))

    def test_another_key_gives_another_hash(self):
        first = hash_email(ADDRESS)
        with override_settings(EMAIL_HASH_KEY="another-key"):
            self.assertNotEqual(hash_email(ADDRESS), first)

    def test_after_rotating_the_key_old_entries_still_suppress(self):
        with override_settings(EMAIL_HASH_KEY="the-old-key"):
            Suppression.add(ADDRESS, Suppression.Reason.ERASED)
        with override_settings(EMAIL_HASH_KEY="the-new-key", EMAIL_HASH_OLD_KEYS=["the-old-key"]):
            self.assertTrue(Suppression.is_suppressed(ADDRESS))
        with override_settings(EMAIL_HASH_KEY="the-new-key", EMAIL_HASH_OLD_KEYS=[]):
            self.assertFalse(Suppression.is_suppressed(ADDRESS))

    def test_an_entry_from_before_the_key_still_suppresses_and_is_rekeyed(self):
        Suppression.objects.create(email_hash=unkeyed(ADDRESS), reason=Suppression.Reason.ERASED)
        since = Suppression.objects.get().created_at
        self.assertTrue(Suppression.is_suppressed(ADDRESS))

        Suppression.add(ADDRESS, Suppression.Reason.UNSUBSCRIBED)
        entry = Suppression.objects.get()
        self.assertEqual(entry.email_hash, hash_email(ADDRESS))
        self.assertEqual(entry.created_at, since)
        self.assertEqual(entry.reason, Suppression.Reason.UNSUBSCRIBED)

    def test_confirming_again_lifts_a_suppression_in_any_hash_form(self):
        reader = SubscriberFactory(email=ADDRESS)
        Suppression.objects.create(
            email_hash=unkeyed(ADDRESS), reason=Suppression.Reason.UNSUBSCRIBED
        )
        reader.confirm(source="test")
        self.assertFalse(Suppression.objects.exists())

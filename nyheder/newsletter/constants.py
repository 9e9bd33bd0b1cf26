"""Choices, constants and pure helpers of the newsletter: the bottom of its imports.

Nothing here imports the rest of the app, so models, forms and services can all use it.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Bump CONSENT_VERSION whenever CONSENT_TEXT changes: the log records which wording was shown.
CONSENT_VERSION = "2026-11-24"
CONSENT_TEXT = _(
    "Yes, send me the newsletter from Charlottekvarteret by e-mail, about once a month. "
    "I can unsubscribe at any time with one click."
)
# Unconfirmed sign-ups are deleted after this many days (newsletter_purge).
PENDING_RETENTION_DAYS = 7
# Past editions per page of the newsletter page's archive.
ARCHIVE_PAGE_SIZE = 24
# Where each reader's token goes in an edition rendered once per language. Cannot occur in a
# real token, which is URL-safe base64 with ":" between the parts.
TOKEN_PLACEHOLDER = "SUBSCRIBER-TOKEN"
# The site's languages named in the staff's language ("dansk", "arabisk"), for the admin;
# settings.LANGUAGES names each language in itself, for readers.
STAFF_LANGUAGE_NAMES = {
    "da": _("Danish"),
    "en": _("English"),
    "ar": _("Arabic"),
    "tr": _("Turkish"),
    "so": _("Somali"),
    "ur": _("Urdu"),
}
# The kinds of edition items (nyheder/newsletter/blocks.py), in the order a mail shows them.
ITEM_TYPES = ("story", "event", "issue")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("subscribed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class SuppressionReason(models.TextChoices):
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
    ERASED = "erased", _("erased their data")
    BOUNCED = "bounced", _("hard bounce")
    COMPLAINED = "complained", _("spam complaint")


class ConsentAction(models.TextChoices):
    SUBSCRIBED = "subscribed", _("signed up")
    CONFIRMED = "confirmed", _("confirmed")
    IMPORTED = "imported", _("imported")
    LANGUAGE_CHANGED = "language_changed", _("changed language")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
    ERASED = "erased", _("erased")


class SendStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    SENDING = "sending", _("sending")
    FINISHED = "finished", _("finished")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("pending")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


def normalize_email(address):
    return address.strip().lower()


def hash_email(address):
    """What is kept of an address once its owner is gone: enough to recognise it, no more.

    Keyed (HMAC-SHA256 with EMAIL_HASH_KEY), so that a copy of the database alone cannot tell
    whether a guessed address is on the suppression list.
    """
    return keyed_hash(settings.EMAIL_HASH_KEY, address)


def email_hashes(address):
    """Every form a kept hash of this address can have, the current one first: those made with
    EMAIL_HASH_OLD_KEYS (docs/newsletter.md, rotating the key) and the unkeyed SHA-256 of
    entries from before the key, which Suppression.add() replaces when it meets them."""
    old_keys = [keyed_hash(key, address) for key in settings.EMAIL_HASH_OLD_KEYS]
    unkeyed = hashlib.sha256(normalize_email(address).encode()).hexdigest()
    return [hash_email(address), *old_keys, unkeyed]


def keyed_hash(key, address):
    return hmac.new(key.encode(), normalize_email(address).encode(), hashlib.sha256).hexdigest()

"""Signed token links: one per subscriber for preferences and unsubscribe, and a confirm link.

A token is the subscriber's random key signed with SECRET_KEY, so it cannot be guessed or
derived from the address. Erasing a subscriber deletes the key, and every old link stops working.
"""

import datetime

from django.core import signing

from .models import Subscriber

CONFIRM_SALT = "kvarter.newsletter.confirm"
PREFERENCES_SALT = "kvarter.newsletter.preferences"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key)


def preferences_token(subscriber):
    # No expiry: the unsubscribe link in a mail from last year must still work.
    return signing.Signer(salt=PREFERENCES_SALT).sign(subscriber.key)


def subscriber_for_confirm_token(token):
    """The subscriber a confirm link belongs to, or None if forged, expired or erased."""
    try:
        key = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(key=key).first()


def subscriber_for_preferences_token(token):
    """The subscriber a preferences or unsubscribe link belongs to, or None."""
    try:
        key = signing.Signer(salt=PREFERENCES_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(key=key).first()

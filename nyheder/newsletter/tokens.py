"""Signed token links: one per subscriber for preferences and unsubscribe, and a confirm link.

A token is the subscriber's random key signed with SECRET_KEY, so it cannot be guessed or
derived from the address. Erasing a subscriber deletes the key, and every old link stops working.
Finding the subscriber behind a token is the model's job (`Subscriber.objects.for_*_token`).
"""

import datetime

from django.core import signing

CONFIRM_SALT = "kvarter.newsletter.confirm"
PREFERENCES_SALT = "kvarter.newsletter.preferences"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key)


def preferences_token(subscriber):
    # No expiry: the unsubscribe link in a mail from last year must still work.
    return signing.Signer(salt=PREFERENCES_SALT).sign(subscriber.key)


def confirm_key(token):
    """(key, when the link was made) for a confirm link, or None if it is forged or expired."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        key = signer.unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    # key:timestamp:signature, and the signature covers the timestamp.
    timestamp = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    return key, datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)


def preferences_key(token):
    """The key a preferences or unsubscribe link was made for, or None if it is forged."""
    try:
        return signing.Signer(salt=PREFERENCES_SALT).unsign(token)
    except signing.BadSignature:
        return None

"""Absolute links for mails, in the subscriber's language.

Mails have no request, so links are built on the default Wagtail Site's root URL
(kvarter.mail.site_root_url). A rendered edition carries TOKEN_PLACEHOLDER where each
reader's token goes.
"""

from django.urls import reverse
from django.utils import translation

from kvarter.mail import site_root_url

from .tokens import confirm_token, preferences_token


def newsletter_url(name, language, token, root_url=None):
    with translation.override(language):
        return (root_url or site_root_url()) + reverse(f"newsletter:{name}", args=[token])


def confirm_url(subscriber, root_url=None):
    return newsletter_url("confirm", subscriber.language, confirm_token(subscriber), root_url)


def preferences_url(subscriber, root_url=None):
    token = preferences_token(subscriber)
    return newsletter_url("preferences", subscriber.language, token, root_url)


def unsubscribe_url(subscriber, root_url=None):
    token = preferences_token(subscriber)
    return newsletter_url("unsubscribe", subscriber.language, token, root_url)

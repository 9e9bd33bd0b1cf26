"""Absolute links for mails, in the subscriber's language.

Mails have no request, so links are built on the default Wagtail Site's root URL, as feeds and
sitemaps are. A rendered edition carries TOKEN_PLACEHOLDER where each reader's token goes.
"""

from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from .tokens import confirm_token, preferences_token

# Cannot occur in a real token, which is URL-safe base64 with ":" between the parts.
TOKEN_PLACEHOLDER = "SUBSCRIBER-TOKEN"


def default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def site_root_url(site=None):
    site = site or default_site()
    return site.root_url if site else "http://localhost"


def absolute(path, root_url=None):
    return (root_url or site_root_url()) + path


def newsletter_url(name, language, token, root_url=None):
    with translation.override(language):
        return absolute(reverse(f"newsletter:{name}", args=[token]), root_url)


def confirm_url(subscriber, root_url=None):
    return newsletter_url("confirm", subscriber.language, confirm_token(subscriber), root_url)


def preferences_url(subscriber, root_url=None, language=None):
    token = preferences_token(subscriber)
    return newsletter_url("preferences", language or subscriber.language, token, root_url)


def unsubscribe_url(subscriber, root_url=None, language=None):
    token = preferences_token(subscriber)
    return newsletter_url("unsubscribe", language or subscriber.language, token, root_url)

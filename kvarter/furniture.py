"""What every page shows around its content, kept in the cache instead of queried per request.

The menu, breadcrumbs and language switcher (kvarter_tags), the feed links other apps put in
<head> and the site settings in the footer are the same for every reader of a host, language
and page. They are kept until the page cache starts a new generation (kvarter/page_cache.py:
a change to the menu, a page with children, a snippet or a site setting), or until it drops
one page's own pieces.

Two lookups Wagtail repeats on every request live here too, kept until what they read changes:
the locales (`locale_languages`) and whether any page is restricted at all.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction

from kvarter.page_cache import current_generation, furniture_key

# An upper bound: page_cache.py replaces the furniture as soon as it changes.
FURNITURE_SECONDS = 60 * 60
LOCALES_KEY = "kvarter:locales"
RESTRICTIONS_KEY = "kvarter:any-view-restriction"


def cached_furniture(request, name, build, page=None):
    """`build()`'s value for this host, language and page, until the page tree changes."""
    key = furniture_key(
        current_generation(request),
        request.get_host(),
        translation.get_language() or settings.LANGUAGE_CODE,
        name,
        page.pk if page is not None else None,
    )
    return cache.get_or_set(key, build, FURNITURE_SECONDS)


def locale_languages():
    """{locale id: language code} for every locale."""

    def build():
        return dict(Locale.objects.values_list("pk", "language_code"))

    return cache.get_or_set(LOCALES_KEY, build, timeout=None)


def any_view_restriction():
    """Whether any page has a password, login or group restriction."""
    return cache.get_or_set(RESTRICTIONS_KEY, PageViewRestriction.objects.exists, timeout=None)


def forget(key):
    """Now, and once the change is committed: a request in between may have kept the old."""
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def connect_signals():
    """Called from KvarterConfig.ready()."""
    for action, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            lambda **kwargs: forget(LOCALES_KEY),
            sender=Locale,
            weak=False,
            dispatch_uid=f"kvarter_locales_{action}",
        )
        signal.connect(
            lambda **kwargs: forget(RESTRICTIONS_KEY),
            sender=PageViewRestriction,
            weak=False,
            dispatch_uid=f"kvarter_view_restrictions_{action}",
        )

"""Anonymous full-page cache: the day a story goes viral, most readers get a page from Redis.

`PageCacheMiddleware` keeps whole GET responses for anonymous readers in the default cache,
keyed by host, language and path. It stores and serves only what is the same for every reader:

- never for a logged-in editor or anyone with a session (password-protected pages), nor for
  Wagtail's previews (rendered through the middleware with the page's own URL);
- only for GET: never for a POST, a query string (searches and filters are endless: they
  would flood the cache), the admin, or a response that is not a plain 200;
- never a response that sets a cookie, says it is private, carries a CSRF token (the forms)
  or used the request's CSP nonce (a cached nonce would be the same for every reader).

Invalidation is coarse on purpose: publishing, unpublishing, moving or deleting any page, or
saving a snippet or site setting, starts a new cache generation, because a story also appears
on the home page, its index, its focus area and the feeds. `PAGE_CACHE_SECONDS` bounds how long
a page can lag behind things no signal reports (an event that has just ended).

Responses that are cacheable here also get `Cache-Control: s-maxage`, so that the nginx front
(deploy/nginx.conf) or a CDN may keep them as long; Wagtail's frontend cache purges a published
page there at once, and `purge_ancestors` below purges the listings that show it.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
# Headers worth replaying; Set-Cookie is never stored (such responses are not cached at all).
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "Last-Modified", "ETag")
CSRF_FIELD = b"csrfmiddlewaretoken"


def timeout():
    return settings.PAGE_CACHE_SECONDS


def fresh_generation():
    # From the clock, not 1: if Redis evicts or loses the key, a restart must not bring back a
    # generation whose pages are still cached.
    return time.time_ns() // 1_000_000


def current_generation(request=None):
    """The generation in the cache; read once per request when given the request, because
    the middleware and the cached navigation (kvarter_tags) both need it."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation
    # add() is a no-op when the key exists, so concurrent first requests agree on one value.
    cache.add(GENERATION_KEY, fresh_generation(), timeout=None)
    generation = cache.get(GENERATION_KEY) or 1
    if request is not None:
        request._page_cache_generation = generation
    return generation


def invalidate(**kwargs):
    """Start a new generation: every page cached so far is ignored and expires on its own."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing (expired, evicted, or Redis was restarted)
        cache.add(GENERATION_KEY, fresh_generation(), timeout=None)


def cache_key(request, generation):
    language = translation.get_language() or settings.LANGUAGE_CODE
    url = f"{request.get_host()}{request.path}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{generation}:{language}:{digest}"


def request_is_cacheable(request):
    if request.method != "GET" or request.GET:
        return False
    # Wagtail's previews run through the middleware as a "dummy" request with the page's URL.
    if getattr(request, "is_dummy", False):
        return False
    if request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    # Any session may carry a passed page password or messages meant for one reader.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.user.is_authenticated


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or CSRF_FIELD in response.content:
        return False
    # django-csp creates the nonce only when a template reads request.csp_nonce.
    return getattr(request, "_csp_nonce", None) is None


def mark_shared_cacheable(response):
    """Browsers revalidate every time; shared caches (nginx, a CDN) may keep it for a while."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=timeout())


class PageCacheMiddleware:
    """Place it after AuthenticationMiddleware and LocaleMiddleware (it needs both)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not timeout() or not request_is_cacheable(request):
            return self.get_response(request)

        key = cache_key(request, current_generation(request))
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            mark_shared_cacheable(response)
            return response

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in STORED_HEADERS if name in response}
            cache.set(key, {"content": response.content, "headers": headers}, timeout())
            response["X-Page-Cache"] = "miss"
            mark_shared_cacheable(response)
        return response


def purge_ancestors(instance, **kwargs):
    """Purge the listings that show a page (its ancestors) from the frontend cache too.

    Wagtail's frontend cache purges the published page itself; the index pages and the home
    page list it as well, and would otherwise stay stale until `s-maxage` runs out.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(instance.get_ancestors().live().filter(depth__gt=1).specific())
    batch.purge()


def connect_signals():
    """Called from KvarterConfig.ready(), once every model is loaded."""
    # Sent for every page type, so no sender filter.
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache_moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="page_cache_deleted")
    # Named, not every snippet: subscribers and deliveries change by the thousand during a
    # send and appear on no page. get_model() fails loudly for a misspelt label.
    shown_on_pages = [apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY]
    for model in [*shown_on_pages, *settings_registry]:
        label = model._meta.label
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page_cache_{label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page_cache_{label}_gone")
    page_published.connect(purge_ancestors, dispatch_uid="frontend_cache_ancestors_published")
    page_unpublished.connect(purge_ancestors, dispatch_uid="frontend_cache_ancestors_unpublished")

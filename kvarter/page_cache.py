"""Anonymous full-page cache: the day a story goes viral, most readers get a page from Redis.

`PageCacheMiddleware` keeps whole GET responses for anonymous readers in the default cache,
keyed by host, language and path. It stores and serves only what is the same for every reader:

- never for a logged-in editor or anyone with a session (password-protected pages), nor for
  Wagtail's previews (rendered through the middleware with the page's own URL);
- only for GET: never for a POST, a query string (searches and filters are endless: they
  would flood the cache), the admin, or a response that is not a plain 200;
- never a response that sets a cookie, says it is private, carries a CSRF token (the forms)
  or used the request's CSP nonce (a cached nonce would be the same for every reader).

Invalidation is per page. Publishing, unpublishing, moving or deleting a page drops exactly
the URLs that show it (`affected_urls`): the page, its translations (their language switcher and
hreflang list it), its ancestors and their translations (the listings and home pages), pages that
link to it (Wagtail's reference index), and what other apps add through the
`kvarter_page_cache_affected` hook (feeds, calendar views). Those URLs are deleted here and
purged from the frontend cache. What every page shows (the menu, the footer, site settings and
snippets) starts a new cache generation instead: a page up to the menu's depth, in the menu or
with children (their breadcrumbs), a snippet named in `PAGE_CACHE_INVALIDATED_BY`, a site setting.
`PAGE_CACHE_SECONDS` bounds what no signal reports (an event that has just ended, the related
stories of a story's siblings).

Each cached page is stored once per encoding, compressed once when it is stored: brotli, gzip
and the plain body. A reader gets the one their `Accept-Encoding` asks for (br before gzip),
with `Vary: Accept-Encoding`, so the nginx front (deploy/nginx.conf) keeps one copy per encoding
and compresses nothing on a hit.

Responses that are cacheable here also get `Cache-Control: s-maxage`, so that the nginx front
or a CDN may keep them as long.
"""

import copy
import gzip
import hashlib
import time
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

import brotli

GENERATION_KEY = "page-cache:generation"
# Headers worth replaying; Set-Cookie is never stored (such responses are not cached at all).
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "Last-Modified", "ETag")
CSRF_FIELD = b"csrfmiddlewaretoken"
# Preferred first. The names are also nginx's normalised encodings (deploy/nginx.conf).
ENCODINGS = ("br", "gzip", "identity")
COMPRESSIBLE_TYPES = ("text/", "application/rss+xml", "application/atom+xml", "application/json")
# Quality 5 costs a few milliseconds per stored page; 11 would save another ~12 % of the bytes
# for about 130 ms, paid by the first reader after every publish.
BROTLI_QUALITY = 5
# The pages up to this depth (the home pages and their children) are the menu's.
MENU_DEPTH = 3


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


def new_generation():
    """Every page cached so far is ignored and expires on its own."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing (expired, evicted, or Redis was restarted)
        cache.add(GENERATION_KEY, fresh_generation(), timeout=None)


def page_key(generation, host, language, path):
    digest = hashlib.sha256(f"{host}{path}".encode()).hexdigest()
    return f"page-cache:{generation}:{language}:{digest}"


def furniture_key(generation, host, language, name, page_pk):
    """The key of a piece of navigation built for one page (kvarter.furniture.cached_furniture)."""
    return ":".join(["furniture", str(generation), host, language, name, str(page_pk or "")])


def cache_key(request, generation):
    language = translation.get_language() or settings.LANGUAGE_CODE
    return page_key(generation, request.get_host(), language, request.path)


# -- compression ------------------------------------------------------------------------------


def accepted_encoding(request):
    """br, gzip or identity: the first of ours that `Accept-Encoding` does not refuse."""
    accepted = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        name, _, params = item.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        if not params or quality.replace("0", "").replace(".", ""):
            accepted.add(name.strip())
    return next((name for name in ENCODINGS[:-1] if name in accepted), "identity")


def encoded_bodies(content, content_type):
    """The body in every encoding, each compressed once; a compressed one only if smaller."""
    bodies = {"identity": content}
    if content_type.startswith(COMPRESSIBLE_TYPES):
        for name, compressed in (
            ("br", brotli.compress(content, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT)),
            ("gzip", gzip.compress(content, mtime=0)),
        ):
            if len(compressed) < len(content):
                bodies[name] = compressed
    return bodies


def encoded_response(request, stored):
    encoding = accepted_encoding(request)
    if encoding not in stored["bodies"]:
        encoding = "identity"
    response = HttpResponse(stored["bodies"][encoding], status=200)
    for name, value in stored["headers"].items():
        response[name] = value
    if encoding != "identity":
        response["Content-Encoding"] = encoding
        if response.has_header("ETag") and not response["ETag"].startswith("W/"):
            response["ETag"] = "W/" + response["ETag"]
    if len(stored["bodies"]) > 1:
        patch_vary_headers(response, ["Accept-Encoding"])
    return response


# -- what is cached ---------------------------------------------------------------------------


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
    if response.has_header("Content-Encoding"):
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
            response = encoded_response(request, stored)
            response["X-Page-Cache"] = "hit"
            mark_shared_cacheable(response)
            return response

        response = self.get_response(request)
        if not response_is_cacheable(request, response):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        headers = {name: response[name] for name in STORED_HEADERS if name in response}
        stored = {
            "bodies": encoded_bodies(response.content, response.get("Content-Type", "")),
            "headers": headers,
        }
        cache.set(key, stored, timeout())
        # The stored copy, not the view's response: any other header set on the way stays out
        # of the cache on a hit too, so a miss and a hit answer alike.
        cached = encoded_response(request, stored)
        for name, value in response.items():
            if name not in cached:
                cached[name] = value
        cached["X-Page-Cache"] = "miss"
        mark_shared_cacheable(cached)
        return cached


# -- invalidation -----------------------------------------------------------------------------


def shows_on_every_page(page):
    """A page whose title or address the menu or the breadcrumbs of other pages show."""
    return page.depth <= MENU_DEPTH or page.show_in_menus or page.numchild > 0


def translations_and_self(pages):
    keys = {page.translation_key for page in pages}
    return list(Page.objects.filter(translation_key__in=keys))


def referrers(page):
    """Live pages that link to or choose `page` (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    pks = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    return list(
        Page.objects.live().filter(
            pk__in=[int(pk) for pk in pks.values_list("object_id", flat=True)]
        )
    )


def affected(page, also=()):
    """The URLs that show `page` (see the module's docstring) and its translations, whose
    furniture lists it. `also` are more pages that showed it (a moved page's former parent)."""
    translations = translations_and_self([page])
    ancestors = [
        ancestor
        for shown_in in [page, *also]
        for ancestor in shown_in.get_ancestors(inclusive=shown_in is not page).filter(depth__gt=1)
    ]
    pages = [*translations, *translations_and_self(ancestors), *referrers(page)]
    urls = set()
    for fn in hooks.get_hooks("kvarter_page_cache_affected"):
        for item in fn(page.specific_deferred):
            if isinstance(item, Page):
                pages.append(item)
            else:
                urls.add(item)
    return urls | full_urls(pages), translations


class SiteRootPaths:
    """Wagtail keeps the sites' root paths on the object passed as `request` to get_full_url():
    looked up once for a whole batch of pages instead of once per page."""


def full_urls(pages):
    holder = SiteRootPaths()
    return {url for page in pages if (url := page.get_full_url(holder))}


def cache_hosts():
    """The host names a cached page may be keyed under: every site's, and ALLOWED_HOSTS'."""
    hosts = {
        host for host in settings.ALLOWED_HOSTS if "*" not in host and not host.startswith(".")
    }
    for site in Site.objects.all():
        hosts.add(site.hostname)
        if site.port not in (80, 443):
            hosts.add(f"{site.hostname}:{site.port}")
    return hosts


def drop(urls, translations):
    """Delete the pages at `urls` and the translations' furniture from Django's cache, then
    purge the URLs from the frontend cache."""
    generation = current_generation()
    hosts = cache_hosts()
    languages = [code for code, _name in settings.LANGUAGES]
    paths = {urlsplit(url).path for url in urls}
    keys = [
        page_key(generation, host, language, path)
        for host in hosts
        for language in languages
        for path in paths
    ]
    # The language switcher, and the breadcrumbs of a page that has moved.
    keys += [
        furniture_key(generation, host, language, name, page.pk)
        for host in hosts
        for language in languages
        for page in translations
        for name in ("translations", "breadcrumbs")
    ]
    cache.delete_many(keys)
    if settings.WAGTAILFRONTENDCACHE:
        PurgeBatch(urls).purge()


def drop_everything():
    """A new generation, and every live page purged from the frontend cache."""
    new_generation()
    if settings.WAGTAILFRONTENDCACHE:
        PurgeBatch(full_urls(Page.objects.live().filter(depth__gt=1))).purge()


def refresh(page, also=(), old_url=None):
    """Work out now what shows `page`; drop it once the transaction has committed, so that no
    reader caches the old version again in between."""
    if shows_on_every_page(page):
        transaction.on_commit(drop_everything)
        return
    urls, translations = affected(page, also)
    if old_url:
        urls.add(old_url)
    transaction.on_commit(lambda: drop(urls, translations))


def page_changed(instance, **kwargs):
    refresh(instance)


def page_moved(instance, parent_page_before, url_path_before, **kwargs):
    before = copy.copy(instance)
    before.url_path = url_path_before
    refresh(instance, also=[parent_page_before], old_url=before.get_full_url())


def slug_changed(instance, instance_before, **kwargs):
    refresh(instance, old_url=instance_before.get_full_url())


def everything_changed(**kwargs):
    transaction.on_commit(drop_everything)


def connect_signals():
    """Called from KvarterConfig.ready(), once every model is loaded."""
    # Sent for every page type, so no sender filter.
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    page_slug_changed.connect(slug_changed, dispatch_uid="page_cache_slug_changed")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")
    # Before the rows go: what shows the page is worked out from its tree and its fields.
    pre_delete.connect(page_changed, sender=Page, dispatch_uid="page_cache_deleted")
    # Named, not every snippet: subscribers and deliveries change by the thousand during a
    # send and appear on no page. get_model() fails loudly for a misspelt label.
    shown_on_pages = [apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY]
    for model in [*shown_on_pages, *settings_registry]:
        label = model._meta.label
        post_save.connect(everything_changed, sender=model, dispatch_uid=f"page_cache_{label}")
        post_delete.connect(
            everything_changed, sender=model, dispatch_uid=f"page_cache_{label}_gone"
        )

import gzip
import json
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory, TestCase, override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, Site

import brotli

from kvarter.frontend_cache import EncodedVariantsHTTPBackend
from kvarter.page_cache import PageCacheMiddleware, accepted_encoding, new_generation
from kvarter.security import SiteCSPMiddleware
from tests.factories import (
    HomePageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.kvarter.helpers import create_site, translate

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that remembers what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@override_settings(PAGE_CACHE_SECONDS=300)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.home_en = translate(cls.home, cls.locales["en"], title="Welcome home")
        cls.about = StandardPageFactory(parent=cls.home, slug="om", title="Om kvarteret")
        cls.elsewhere = StandardPageFactory(parent=cls.home, slug="andet", title="Andet")
        # The first page view would create the site settings, and so start a new generation.
        for setting in settings_registry:
            setting.for_site(Site.objects.get(is_default_site=True))

    def setUp(self):
        # A new generation, not cache.clear(): the PostgreSQL run shares Redis with other tests.
        new_generation()

    def test_second_anonymous_visit_is_served_from_the_cache_without_queries(self):
        first = self.client.get("/da/om/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            second = self.client.get("/da/om/")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], first["Content-Type"])
        # Shared caches may keep it; browsers check back every time.
        self.assertIn("s-maxage=300", second["Cache-Control"])
        self.assertIn("max-age=0", second["Cache-Control"])

    def test_every_language_is_cached_on_its_own(self):
        self.client.get("/da/")
        self.client.get("/en/")
        danish = self.client.get("/da/")
        english = self.client.get("/en/")
        self.assertEqual(danish["X-Page-Cache"], "hit")
        self.assertEqual(english["X-Page-Cache"], "hit")
        self.assertContains(danish, '<html lang="da"')
        self.assertContains(english, '<html lang="en"')
        self.assertContains(english, "Welcome home")

    def test_a_cached_page_still_gets_the_security_headers(self):
        self.client.get("/da/om/")
        hit = self.client.get("/da/om/")
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertIn("script-src 'self'", hit["Content-Security-Policy"])
        self.assertEqual(hit["X-Frame-Options"], "DENY")

    def test_publishing_shows_the_new_version_at_once(self):
        self.client.get("/da/om/")
        self.about.title = "Om Charlottekvarteret"
        with self.captureOnCommitCallbacks(execute=True):
            self.about.save_revision().publish()
        response = self.client.get("/da/om/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Om Charlottekvarteret")

    def test_publishing_one_page_refreshes_the_listings_that_show_it(self):
        stories = StoryIndexPageFactory(parent=self.home)
        StoryPageFactory(parent=stories, title="Første historie")
        self.assertContains(self.client.get("/da/historier/"), "Første historie")
        story = StoryPageFactory(parent=stories, title="Sommerfest i gården", live=False)
        with self.captureOnCommitCallbacks(execute=True):
            story.save_revision().publish()
        self.assertContains(self.client.get("/da/historier/"), "Sommerfest i gården")

    def test_unpublishing_takes_the_page_away_at_once(self):
        self.client.get("/da/andet/")
        with self.captureOnCommitCallbacks(execute=True):
            self.elsewhere.unpublish()
        self.assertEqual(self.client.get("/da/andet/").status_code, 404)

    def test_moving_a_page_updates_its_old_and_new_place(self):
        self.client.get("/da/andet/")
        self.client.get("/da/andet/")
        with self.captureOnCommitCallbacks(execute=True):
            self.elsewhere.move(self.about, pos="last-child")
        # Wagtail leaves a redirect at the old address; the cached copy must not hide it.
        self.assertRedirects(self.client.get("/da/andet/"), "/da/om/andet/", 301)

    def test_editors_are_never_served_nor_cached(self):
        editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
        self.client.get("/da/om/")  # cached for anonymous readers
        self.client.force_login(editor)
        as_editor = self.client.get("/da/om/")
        self.assertNotIn("X-Page-Cache", as_editor)
        self.client.logout()
        anonymous = self.client.get("/da/om/")
        self.assertEqual(anonymous["X-Page-Cache"], "hit")
        self.assertNotContains(anonymous, "wagtail-userbar")

    def test_any_session_bypasses_the_cache(self):
        self.client.get("/da/om/")
        self.client.cookies["sessionid"] = "a-password-protected-page-was-opened"
        self.assertNotIn("X-Page-Cache", self.client.get("/da/om/"))

    def test_posts_query_strings_and_errors_are_not_cached(self):
        self.client.get("/da/om/?utm_source=nyhedsbrev")
        self.assertNotIn("X-Page-Cache", self.client.get("/da/om/?utm_source=nyhedsbrev"))
        self.client.get("/da/findes-ikke/")
        self.assertNotIn("X-Page-Cache", self.client.get("/da/findes-ikke/"))
        self.assertNotIn("X-Page-Cache", self.client.post("/da/om/"))

    @override_settings(
        WAGTAILFRONTENDCACHE={
            "recording": {"BACKEND": "tests.kvarter.test_page_cache.RecordingBackend"}
        }
    )
    def test_publishing_purges_the_page_and_its_listings_from_the_frontend_cache(self):
        PURGED.clear()
        stories = StoryIndexPageFactory(parent=self.home)
        story = StoryPageFactory(parent=stories, slug="sommerfest", live=False)
        with self.captureOnCommitCallbacks(execute=True):
            story.save_revision().publish()
        self.assertIn("http://localhost/da/historier/", PURGED)
        self.assertIn("http://localhost/da/", PURGED)


RECORDING_FRONTEND_CACHE = {
    "recording": {"BACKEND": "tests.kvarter.test_page_cache.RecordingBackend"}
}


@override_settings(PAGE_CACHE_SECONDS=300)
class WhatAPublishRefreshesTests(TestCase):
    """A publish drops the pages that show the page, in Django's cache and the frontend
    cache, and keeps every other page cached."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.home_en = translate(cls.home, cls.locales["en"], title="Welcome home")
        cls.about = StandardPageFactory(
            parent=cls.home, slug="om", title="Om kvarteret", show_in_menus=True
        )
        cls.unrelated = StandardPageFactory(parent=cls.about, slug="historik", title="Historik")
        cls.stories = StoryIndexPageFactory(parent=cls.home)
        cls.story = StoryPageFactory(parent=cls.stories, slug="sommerfest", title="Sommerfest")
        cls.story_en = translate(cls.story, cls.locales["en"], title="Summer party")
        cls.linking = StandardPageFactory(parent=cls.about, slug="festudvalg", title="Festudvalg")
        link = f'<p>Se <a linktype="page" id="{cls.story.pk}">sommerfesten</a>.</p>'
        cls.linking.body = json.dumps([{"type": "paragraph", "value": link}])
        cls.linking.save_revision().publish()

    def setUp(self):
        new_generation()
        PURGED.clear()

    def cached(self, *urls):
        """Read each URL twice and check that the second read came from the cache."""
        for url in urls:
            self.client.get(url)
            self.assertEqual(self.client.get(url).get("X-Page-Cache"), "hit", url)

    def publish(self, page, **fields):
        for name, value in fields.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def cache_state(self, url):
        return self.client.get(url).get("X-Page-Cache")

    def test_publishing_a_story_refreshes_what_shows_it_and_nothing_else(self):
        shows_the_story = [
            "/da/historier/sommerfest/",
            "/da/historier/",
            "/da/",
            "/da/historier/feed/rss/",
            "/da/historier/feed/atom/",
            "/en/historier/sommerfest/",  # its language switcher and hreflang
            "/en/",
            "/da/om/festudvalg/",  # links to it
        ]
        self.cached("/da/om/historik/", *shows_the_story)
        self.publish(self.story, title="Sommerfest i gården")
        self.assertEqual(self.cache_state("/da/om/historik/"), "hit")
        for url in shows_the_story:
            self.assertEqual(self.cache_state(url), "miss", url)
        self.assertContains(self.client.get("/da/historier/"), "Sommerfest i gården")
        self.assertContains(self.client.get("/da/historier/feed/rss/"), "Sommerfest i gården")

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING_FRONTEND_CACHE)
    def test_publishing_a_story_purges_the_same_pages_from_the_frontend_cache(self):
        self.publish(self.story, title="Sommerfest i gården")
        for url in (
            "http://localhost/da/historier/sommerfest/",
            "http://localhost/da/historier/",
            "http://localhost/da/",
            "http://localhost/da/historier/feed/rss/",
            "http://localhost/en/historier/sommerfest/",
            "http://localhost/en/",
            "http://localhost/da/om/festudvalg/",
        ):
            self.assertIn(url, PURGED)
        self.assertNotIn("http://localhost/da/om/historik/", PURGED)

    def test_a_new_translation_appears_in_the_language_switcher_of_the_others(self):
        story = StoryPageFactory(parent=self.stories, slug="loppemarked", title="Loppemarked")
        self.cached("/da/historier/loppemarked/")
        self.assertNotContains(self.client.get("/da/historier/loppemarked/"), 'hreflang="tr"')
        with self.captureOnCommitCallbacks(execute=True):
            translate(story, self.locales["tr"], title="Bit pazarı")
        self.assertContains(self.client.get("/da/historier/loppemarked/"), 'hreflang="tr"')

    def test_unpublishing_a_story_takes_it_off_its_listing(self):
        self.cached("/da/historier/", "/da/om/historik/")
        with self.captureOnCommitCallbacks(execute=True):
            self.story.unpublish()
        self.assertNotContains(self.client.get("/da/historier/"), "/da/historier/sommerfest/")
        self.assertEqual(self.client.get("/da/historier/sommerfest/").status_code, 404)
        self.assertEqual(self.cache_state("/da/om/historik/"), "hit")

    def test_deleting_an_event_takes_it_off_its_listing_and_calendar(self):
        events = EventIndexPageFactory(parent=self.home)
        EventPageFactory(parent=events, slug="fastelavn", title="Fastelavn")
        self.cached("/da/det-sker/", "/da/det-sker/ics/", "/da/om/historik/")
        with self.captureOnCommitCallbacks(execute=True):
            Page.objects.get(url_path__endswith="/det-sker/fastelavn/").delete()
        self.assertNotContains(self.client.get("/da/det-sker/"), "Fastelavn")
        self.assertNotContains(self.client.get("/da/det-sker/ics/"), "Fastelavn")
        self.assertEqual(self.cache_state("/da/om/historik/"), "hit")

    def test_moving_a_story_refreshes_its_old_and_new_listing(self):
        archive = StoryIndexPageFactory(parent=self.home, slug="arkiv", title="Arkiv")
        self.cached("/da/historier/", "/da/arkiv/", "/da/historier/sommerfest/")
        with self.captureOnCommitCallbacks(execute=True):
            self.story.move(archive, pos="last-child")
        self.assertNotContains(self.client.get("/da/historier/"), "/da/historier/sommerfest/")
        self.assertContains(self.client.get("/da/arkiv/"), "/da/arkiv/sommerfest/")
        self.assertRedirects(
            self.client.get("/da/historier/sommerfest/"), "/da/arkiv/sommerfest/", 301
        )

    def test_renaming_a_menu_page_refreshes_every_page(self):
        self.cached("/da/om/historik/", "/da/historier/sommerfest/")
        self.publish(self.about, title="Om Charlottekvarteret")
        self.assertEqual(self.cache_state("/da/om/historik/"), "miss")
        story = self.client.get("/da/historier/sommerfest/")
        self.assertEqual(story["X-Page-Cache"], "miss")
        self.assertContains(story, "Om Charlottekvarteret")

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING_FRONTEND_CACHE)
    def test_renaming_a_menu_page_purges_every_page_from_the_frontend_cache(self):
        self.publish(self.about, title="Om Charlottekvarteret")
        self.assertIn("http://localhost/da/om/historik/", PURGED)
        self.assertIn("http://localhost/en/historier/sommerfest/", PURGED)

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING_FRONTEND_CACHE)
    def test_publishing_an_event_refreshes_its_calendars(self):
        events = EventIndexPageFactory(parent=self.home)
        event = EventPageFactory(parent=events, slug="fastelavn", title="Fastelavn")
        self.cached("/da/det-sker/ics/", "/da/det-sker/fastelavn/ics/", "/da/om/historik/")
        self.publish(event, title="Fastelavn i gården")
        self.assertContains(self.client.get("/da/det-sker/ics/"), "Fastelavn i gården")
        self.assertEqual(self.cache_state("/da/det-sker/fastelavn/ics/"), "miss")
        self.assertEqual(self.cache_state("/da/om/historik/"), "hit")
        month = event.start.strftime("%Y-%m")
        self.assertIn(f"http://localhost/da/det-sker/month/{month}/", PURGED)

    def test_publishing_a_page_outside_every_site_drops_nothing_and_goes_through(self):
        """A home page not yet attached to a site (a new language's, say) has no URLs yet: its
        events and stories publish, and the site's pages stay cached."""
        detached_home = HomePageFactory(parent=Page.get_first_root_node(), slug="ny-forside")
        events = EventIndexPageFactory(parent=detached_home)
        stories = StoryIndexPageFactory(parent=detached_home)
        self.cached("/da/historier/sommerfest/")
        for page in (
            EventPageFactory(parent=events, slug="fastelavn", title="Fastelavn"),
            StoryPageFactory(parent=stories, slug="loppemarked", title="Loppemarked"),
        ):
            self.publish(page, title=f"{page.title} i gården")
            self.assertIsNone(page.get_full_url())
        self.assertEqual(self.cache_state("/da/historier/sommerfest/"), "hit")


@override_settings(PAGE_CACHE_SECONDS=300)
class CompressedCopiesTests(TestCase):
    """A cached page is compressed once, when it is stored, in each encoding readers ask for."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        StandardPageFactory(parent=cls.home, slug="om", title="Om kvarteret")

    def setUp(self):
        new_generation()
        self.plain = self.client.get("/da/om/").content

    def test_brotli_then_gzip_then_the_plain_page(self):
        for accept, encoding, decompress in (
            ("gzip, deflate, br, zstd", "br", brotli.decompress),
            ("gzip, deflate", "gzip", gzip.decompress),
        ):
            for state in ("miss", "hit"):
                if state == "miss":
                    new_generation()
                response = self.client.get("/da/om/", headers={"accept-encoding": accept})
                self.assertEqual(response["X-Page-Cache"], state)
                self.assertEqual(response["Content-Encoding"], encoding)
                self.assertIn("Accept-Encoding", response["Vary"])
                # Decompressed once, it is the page: compressed once, never twice.
                self.assertEqual(decompress(response.content), self.plain)
                self.assertEqual(int(response["Content-Length"]), len(response.content))

    def test_a_reader_without_compression_gets_the_plain_page(self):
        for headers in ({}, {"accept-encoding": "identity"}, {"accept-encoding": "gzip;q=0"}):
            response = self.client.get("/da/om/", headers=headers)
            self.assertEqual(response["X-Page-Cache"], "hit")
            self.assertNotIn("Content-Encoding", response)
            self.assertIn("Accept-Encoding", response["Vary"])
            self.assertEqual(response.content, self.plain)

    def test_the_encoding_a_reader_accepts(self):
        for header, expected in (
            ("br", "br"),
            ("gzip, br;q=0.5", "br"),
            ("br;q=0, gzip", "gzip"),
            ("GZIP", "gzip"),
            ("deflate", "identity"),
            ("gzip;q=0.0", "identity"),
            ("", "identity"),
        ):
            request = RequestFactory().get("/", headers={"accept-encoding": header})
            self.assertEqual(accepted_encoding(request), expected, header)

    def test_the_nginx_front_is_purged_in_every_encoding_it_keeps(self):
        backend = EncodedVariantsHTTPBackend({"LOCATION": "http://127.0.0.1:8081"})
        with mock.patch("kvarter.frontend_cache.urlopen") as urlopen:
            backend.purge("https://charlottekvarteret.example/da/historier/")
        requests = [call.args[0] for call in urlopen.call_args_list]
        self.assertEqual(
            {request.get_header("X-purge-encoding") for request in requests},
            {"br", "gzip", "identity"},
        )
        for request in requests:
            self.assertEqual(request.get_method(), "PURGE")
            self.assertEqual(request.full_url, "http://127.0.0.1:8081/da/historier/")
            self.assertEqual(request.get_header("Host"), "charlottekvarteret.example")


def view_rendering(source, set_cookie=False):
    def view(request):
        response = HttpResponse(engines["django"].from_string(source).render({}, request))
        if set_cookie:
            response.set_cookie("seen", "1")
        return response

    return view


@override_settings(PAGE_CACHE_SECONDS=300)
class WhatIsNeverCachedTests(TestCase):
    """Responses that belong to one reader are never stored, whatever page they are on."""

    def setUp(self):
        # A new generation, not cache.clear(): the PostgreSQL run shares Redis with other tests.
        new_generation()

    def second_response(self, view, **request_attributes):
        middleware = SiteCSPMiddleware(PageCacheMiddleware(view))
        responses = []
        for _ in range(2):
            request = RequestFactory().get("/da/side/")
            request.user = AnonymousUser()
            for name, value in request_attributes.items():
                setattr(request, name, value)
            responses.append(middleware(request))
        return responses[1]

    def test_a_wagtail_preview_is_neither_cached_nor_served_from_the_cache(self):
        # Wagtail renders previews through the middleware as a dummy request for the page's URL.
        self.second_response(view_rendering("live version"))
        preview = self.second_response(view_rendering("draft version"), is_dummy=True)
        self.assertNotIn("X-Page-Cache", preview)
        self.assertEqual(preview.content, b"draft version")
        # …and the admin's preview panel may frame it, while the live page stays unframeable.
        self.assertIn("frame-ancestors 'self'", preview["Content-Security-Policy"])
        live = self.second_response(view_rendering("live version"))
        self.assertEqual(live.content, b"live version")
        self.assertIn("frame-ancestors 'none'", live["Content-Security-Policy"])

    def test_a_page_with_a_csrf_token_is_not_cached(self):
        def view(request):
            return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

        self.assertNotIn("X-Page-Cache", self.second_response(view))

    def test_a_response_that_sets_a_cookie_is_not_cached(self):
        self.assertNotIn("X-Page-Cache", self.second_response(view_rendering("hej", True)))

    def test_a_page_that_used_the_csp_nonce_is_not_cached(self):
        source = '<script nonce="{{ request.csp_nonce }}">1</script>'
        response = self.second_response(view_rendering(source))
        self.assertNotIn("X-Page-Cache", response)
        self.assertIn("'nonce-", response["Content-Security-Policy"])

    def test_a_private_response_is_not_cached(self):
        def view(request):
            response = HttpResponse("dit abonnement")
            response["Cache-Control"] = "private"
            return response

        self.assertNotIn("X-Page-Cache", self.second_response(view))

    def test_a_plain_page_is_cached(self):
        self.assertEqual(self.second_response(view_rendering("hej"))["X-Page-Cache"], "hit")

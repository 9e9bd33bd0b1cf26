from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory, TestCase, override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site

from kvarter.page_cache import PageCacheMiddleware, invalidate
from kvarter.security import SiteCSPMiddleware
from tests.factories import StandardPageFactory, StoryIndexPageFactory, StoryPageFactory
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
        invalidate()

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
        self.about.save_revision().publish()
        response = self.client.get("/da/om/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Om Charlottekvarteret")

    def test_publishing_one_page_refreshes_the_listings_that_show_it(self):
        stories = StoryIndexPageFactory(parent=self.home)
        StoryPageFactory(parent=stories, title="Første historie")
        self.assertContains(self.client.get("/da/historier/"), "Første historie")
        story = StoryPageFactory(parent=stories, title="Sommerfest i gården", live=False)
        story.save_revision().publish()
        self.assertContains(self.client.get("/da/historier/"), "Sommerfest i gården")

    def test_unpublishing_takes_the_page_away_at_once(self):
        self.client.get("/da/andet/")
        self.elsewhere.unpublish()
        self.assertEqual(self.client.get("/da/andet/").status_code, 404)

    def test_moving_a_page_updates_its_old_and_new_place(self):
        self.client.get("/da/andet/")
        self.client.get("/da/andet/")
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
        story.save_revision().publish()
        self.assertIn("http://localhost/da/historier/", PURGED)
        self.assertIn("http://localhost/da/", PURGED)


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
        invalidate()

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

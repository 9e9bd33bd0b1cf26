from unittest import mock

from django.core.cache import caches
from django.db import OperationalError
from django.test import TestCase, override_settings

from tests.kvarter.helpers import create_site

# Nothing listens on port 1: connections are refused at once, as when Redis is stopped.
STOPPED_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


class HealthCheckTests(TestCase):
    def test_healthy_when_database_and_cache_answer(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), {"status": "ok", "checks": {"database": True, "cache": True}}
        )
        # A stale "ok" from a cache in front would hide an outage.
        self.assertIn("no-cache", response["Cache-Control"])

    def test_database_outage_fails_the_check(self):
        broken = mock.Mock()
        broken.cursor.side_effect = OperationalError("connection refused")
        with mock.patch("kvarter.health.connection", broken), self.assertLogs("kvarter.health"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["status"], "fail")
        self.assertFalse(response.json()["checks"]["database"])

    def test_only_get_is_answered(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)


@override_settings(CACHES=STOPPED_REDIS, PAGE_CACHE_SECONDS=300)
class RedisOutageTests(TestCase):
    """Redis stopped: slower, uncached pages, but the site and its health check still answer."""

    @classmethod
    def setUpTestData(cls):
        create_site()

    def tearDown(self):
        caches["default"].close()

    def test_health_check_reports_degraded_but_stays_up(self):
        with self.assertLogs("kvarter.health", level="ERROR"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), {"status": "degraded", "checks": {"database": True, "cache": False}}
        )

    def test_pages_are_still_served(self):
        for _ in range(2):
            response = self.client.get("/da/")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, '<html lang="da"')

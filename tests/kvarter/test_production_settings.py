"""The production settings as an operator meets them, and the headers every reader gets.

The production settings are loaded in subprocesses (they read the environment once, at import);
the header tests run in-process on the test settings, which share base.py's policy.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory, SimpleTestCase, TestCase

from wagtail.images.forms import get_image_form
from wagtail.images.models import Image
from wagtail.models import Site

from kvarter.checks import site_root_is_https
from kvarter.security import PermissionsPolicyMiddleware, SiteCSPMiddleware
from tests.kvarter.helpers import create_site

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kvartersite.settings.production",
    "SECRET_KEY": "a-production-like-key-" + "k7Q2" * 12,
    "DATABASE_URL": "sqlite://:memory:",
    "ALLOWED_HOSTS": "kvarter.example.org",
    "EMAIL_HASH_KEY": "a-production-like-hash-key-" + "p9Z3" * 8,
    "EMAIL_HOST": "smtp.charlottekvarteret.test",
    "DEFAULT_FROM_EMAIL": "Charlottekvarteret <noreply@charlottekvarteret.test>",
    "NEWSLETTER_UNSUBSCRIBE_MAILTO": "afmeld@charlottekvarteret.test",
    "WAGTAILADMIN_BASE_URL": "https://kvarter.example.org",
}

# Runs inside a subprocess with the production settings: the answers an operator would see.
PROBE = """
import json, logging, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from django.test import Client
client = Client(HTTP_HOST="kvarter.example.org")
plain = client.get("/robots.txt")
secure = client.get("/robots.txt", secure=True)
health = client.get("/healthz")
logging.getLogger("kvarter.probe").warning("Sommerfest i gården", extra={"page_id": 7})
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "health_status": health.status_code,
    "headers": dict(secure.headers),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "storage": type(storages["default"]).__name__,
}))
"""


def run_with(code_args, **env):
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *code_args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_a_secret_key_and_names_it(self):
        env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
        result = run_with(["-c", "import django; django.setup()"], **env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_refuses_to_start_without_a_secret_or_a_real_mail_setup_and_names_it(self):
        cases = {
            "EMAIL_HASH_KEY": {"EMAIL_HASH_KEY": ""},
            "No mail transport": {"EMAIL_HOST": ""},
            "DEFAULT_FROM_EMAIL": {"DEFAULT_FROM_EMAIL": "Kvarteret <noreply@example.org>"},
            "NEWSLETTER_UNSUBSCRIBE_MAILTO": {"NEWSLETTER_UNSUBSCRIBE_MAILTO": ""},
            "WAGTAILADMIN_BASE_URL": {"WAGTAILADMIN_BASE_URL": "http://kvarter.example.org"},
        }
        for named, change in cases.items():
            with self.subTest(named):
                environment = {**PRODUCTION_ENV, **change}
                result = run_with(["-c", "import django; django.setup()"], **environment)
                self.assertNotEqual(result.returncode, 0)
                self.assertIn("ImproperlyConfigured", result.stderr)
                self.assertIn(named, result.stderr)

    def test_an_esp_is_a_mail_transport_too(self):
        environment = {**PRODUCTION_ENV, "EMAIL_HOST": "", "ANYMAIL_ESP": "postmark"}
        result = run_with(["-c", "import django; django.setup()"], **environment)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_deploy_check_is_clean_at_warning_level(self):
        result = run_with(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_https_headers_cookies_and_json_logs(self):
        result = run_with(["-c", PROBE], **PRODUCTION_ENV)
        self.assertEqual(result.returncode, 0, result.stderr)
        seen = json.loads(result.stdout.strip().splitlines()[-1])

        self.assertEqual(seen["plain_status"], 301)
        self.assertTrue(seen["plain_location"].startswith("https://kvarter.example.org/"))
        # Probes and load balancers ask over plain HTTP; they get an answer, not a redirect.
        self.assertEqual(seen["health_status"], 200)
        headers = seen["headers"]
        self.assertEqual(
            headers["Strict-Transport-Security"], "max-age=31536000; includeSubDomains"
        )
        self.assertIn("upgrade-insecure-requests", headers["Content-Security-Policy"])
        self.assertTrue(seen["session_cookie_secure"])
        self.assertTrue(seen["csrf_cookie_secure"])
        self.assertEqual(seen["storage"], "FileSystemStorage")

        log_lines = [
            json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")
        ]
        probe = next(line for line in log_lines if line["logger"] == "kvarter.probe")
        self.assertEqual(probe["level"], "WARNING")
        self.assertEqual(probe["message"], "Sommerfest i gården")
        self.assertEqual(probe["page_id"], 7)

    def test_media_go_to_s3_when_a_bucket_is_named(self):
        code = (
            "import django; django.setup()\n"
            "from django.conf import settings\n"
            "from django.core.files.storage import storages\n"
            "print(type(storages['default']).__name__)\n"
            "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))\n"
        )
        result = run_with(
            ["-c", code],
            **PRODUCTION_ENV,
            AWS_STORAGE_BUCKET_NAME="kvarter-media",
            AWS_S3_CUSTOM_DOMAIN="media.kvarter.example.org",
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        storage, img_src = result.stdout.strip().splitlines()
        self.assertEqual(storage, "S3Storage")
        # Renditions load from the bucket's domain, so the policy must let them.
        self.assertIn("https://media.kvarter.example.org", img_src.split())


def render_with_nonce(request):
    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">document.body.dataset.ready = "1"</script>'
    )
    return HttpResponse(template.render({}, request))


def policy(response):
    return dict(
        (part.split(" ", 1) + [""])[:2]
        for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
        if part
    )


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        create_site()

    def test_public_page_gets_a_strict_policy_and_the_other_headers(self):
        response = self.client.get("/da/")
        self.assertEqual(response.status_code, 200)
        directives = policy(response)
        self.assertNotIn("'unsafe-inline'", directives["script-src"])
        self.assertNotIn("'unsafe-eval'", directives["script-src"])
        self.assertEqual(directives["object-src"], "'none'")
        self.assertEqual(directives["frame-ancestors"], "'none'")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertIn("camera=()", response["Permissions-Policy"])
        self.assertIn("geolocation=()", response["Permissions-Policy"])

    def test_inline_script_is_allowed_only_by_this_requests_nonce(self):
        factory = RequestFactory()
        middleware = SiteCSPMiddleware(render_with_nonce)
        first = factory.get("/da/")
        second = factory.get("/da/")
        first_response = middleware(first)
        second_response = middleware(second)

        nonce = str(first.csp_nonce)
        self.assertIn(f'nonce="{nonce}"', first_response.content.decode())
        self.assertIn(f"'nonce-{nonce}'", policy(first_response)["script-src"])
        self.assertNotIn(f"'nonce-{nonce}'", second_response["Content-Security-Policy"])
        self.assertNotIn("'unsafe-inline'", policy(first_response)["script-src"])

    def test_admin_alone_gets_the_looser_policy(self):
        response = self.client.get("/admin/login/")
        self.assertEqual(response.status_code, 200)
        directives = policy(response)
        self.assertIn("'unsafe-inline'", directives["script-src"])
        self.assertEqual(directives["frame-ancestors"], "'self'")
        public = policy(self.client.get("/da/"))
        self.assertNotIn("'unsafe-inline'", public["script-src"])

    def test_permissions_policy_does_not_override_a_views_own(self):
        def view(request):
            response = HttpResponse("video")
            response["Permissions-Policy"] = "fullscreen=(self)"
            return response

        response = PermissionsPolicyMiddleware(view)(RequestFactory().get("/"))
        self.assertEqual(response["Permissions-Policy"], "fullscreen=(self)")


class UploadRulesTests(TestCase):
    def test_svg_images_are_refused(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        form_class = get_image_form(Image)
        form = form_class(
            data={"title": "Logo"},
            files={"file": SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml")},
        )
        self.assertFalse(form.is_valid())
        self.assertIn("file", form.errors)

    def test_documents_are_pdf_only_and_served_through_django(self):
        self.assertEqual(settings.WAGTAILDOCS_EXTENSIONS, ["pdf"])
        self.assertEqual(settings.WAGTAILDOCS_SERVE_METHOD, "serve_view")
        self.assertLessEqual(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, 10 * 1024 * 1024)
        self.assertLessEqual(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, 10 * 1024 * 1024)


class SiteRootDeployCheckTests(TestCase):
    """One-click unsubscribe and every mailed link need the site's https address."""

    def errors(self):
        return [message.id for message in site_root_is_https(None)]

    def test_a_default_site_on_plain_http_is_a_deploy_error(self):
        create_site()
        Site.objects.filter(is_default_site=True).update(hostname="kvarter.example.org", port=80)
        self.assertEqual(self.errors(), ["kvarter.E001"])

    def test_port_443_gives_https_links_and_passes(self):
        create_site()
        Site.objects.filter(is_default_site=True).update(hostname="kvarter.example.org", port=443)
        self.assertEqual(self.errors(), [])

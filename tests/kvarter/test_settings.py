import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[2]


class ProductionSettingsTests(SimpleTestCase):
    def load_production_settings(self, **env):
        environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY"}}
        environment.update(DJANGO_SETTINGS_MODULE="kvartersite.settings.production", **env)
        return subprocess.run(
            [sys.executable, "-c", "import django; django.setup()"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
        )

    def test_refuses_to_start_without_a_secret_key_and_says_which(self):
        result = self.load_production_settings()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_starts_with_a_secret_key(self):
        result = self.load_production_settings(SECRET_KEY="x" * 50)
        self.assertEqual(result.returncode, 0, result.stderr)


class DevSettingsTests(SimpleTestCase):
    def test_the_site_address_follows_the_environment(self):
        """`WAGTAILADMIN_BASE_URL=http://127.0.0.1:8001 make run` links mails and feeds there."""
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from django.conf import settings; "
                "print(settings.WAGTAILADMIN_BASE_URL)",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "kvartersite.settings.dev",
                "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8001",
            },
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.stdout.strip(), "http://127.0.0.1:8001", result.stderr)

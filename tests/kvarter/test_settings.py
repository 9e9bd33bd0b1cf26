import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[2]


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

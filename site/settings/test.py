"""Test settings: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-" + "x" * 32)
os.environ.setdefault("EMAIL_HASH_KEY", "test-only-email-hash-key")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="kvarter-test-"))

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Factories save pages without publishing them, so a page cache would serve stale pages to
# most tests; tests/kvarter/test_page_cache.py turns it on where it is the subject.
PAGE_CACHE_SECONDS = 0

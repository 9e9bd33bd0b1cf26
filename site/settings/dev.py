"""Local development on the embedded default: SQLite, local files, mail to var/mail/."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-" + "x" * 32)
os.environ.setdefault("EMAIL_HASH_KEY", "dev-only-email-hash-key")

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Mail and feed links follow where the site is served: set it when serving on another port.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Editors trying things out see every change at once.
PAGE_CACHE_SECONDS = 0

# The demo editor exists only here; production creates no user.
DEMO_EDITOR_CREDENTIALS = ("redaktion", "charlotte-demo")

VAR_DIR.mkdir(exist_ok=True)  # noqa: F405

# Keep `make run` readable: page publishing and task runs are logged at INFO.
LOGGING["loggers"] = {  # noqa: F405
    "wagtail": {"level": "WARNING"},
    "django_tasks": {"level": "WARNING"},
}

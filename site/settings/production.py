"""Production: base.py reads the environment (README, .env.example); this adds the hardening.

Behind the nginx front (deploy/nginx.conf) or any proxy that terminates TLS and sets
X-Forwarded-Proto. `manage.py check --deploy --fail-level WARNING` is clean with these settings
(tests/kvarter/test_production_settings.py runs it).
"""

from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ANYMAIL_ESP,
    DEFAULT_FROM_EMAIL,
    EMAIL_HOST,
    LOGGING,
    NEWSLETTER_FROM_EMAIL,
    NEWSLETTER_UNSUBSCRIBE_MAILTO,
    WAGTAILADMIN_BASE_URL,
    env,
    env_bool,
)

DEBUG = False

# Refuse to start rather than fall back: without a transport the mails would go to files in
# var/mail/ and be recorded as sent, and example.org senders are never delivered.
if not (EMAIL_HOST or ANYMAIL_ESP):
    raise ImproperlyConfigured(
        "No mail transport: set EMAIL_HOST (SMTP) or ANYMAIL_ESP (an ESP through django-anymail)."
    )
for _name, _address in (
    ("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL),
    ("NEWSLETTER_FROM_EMAIL", NEWSLETTER_FROM_EMAIL),
    ("NEWSLETTER_UNSUBSCRIBE_MAILTO", NEWSLETTER_UNSUBSCRIBE_MAILTO),
):
    _domain = parseaddr(_address)[1].rpartition("@")[2].lower()
    if not _domain or _domain.split(".")[-2:-1] == ["example"]:
        raise ImproperlyConfigured(f"{_name} is {_address!r}: set it to an address of your own.")
# Links in mails and feeds; one-click unsubscribe needs https (RFC 8058).
if not WAGTAILADMIN_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        f"WAGTAILADMIN_BASE_URL is {WAGTAILADMIN_BASE_URL!r}: it must be the site's https address."
    )

# HTTPS only: a year of HSTS, secure cookies, and the proxy's word on the scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is hard to undo: it binds every subdomain of the association's domain to HTTPS for
# years. Opt in with SECURE_HSTS_PRELOAD=true once that holds; until then the deploy check's
# reminder (security.W021) is a decision taken, not a warning to act on.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# One JSON object per line on stdout; the container runtime collects it.
LOGGING = {
    **LOGGING,
    "formatters": {"json": {"()": "kvartersite.logs.JsonLinesFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # gunicorn's access log goes through logging too (see the Dockerfile's --access-logfile).
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

"""Production: base.py reads the environment (README, .env.example); this adds the hardening.

Behind the nginx front (deploy/nginx.conf) or any proxy that terminates TLS and sets
X-Forwarded-Proto. `manage.py check --deploy --fail-level WARNING` is clean with these settings
(tests/kvarter/test_production_settings.py runs it).
"""

from .base import *  # noqa: F403
from .base import LOGGING, env, env_bool

DEBUG = False

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

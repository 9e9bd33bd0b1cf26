"""Production-safe base settings. Every environment variable is read here and nowhere else."""

import datetime
import ipaddress
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp import constants as csp_constants

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

env = os.environ


def env_bool(name, default=False):
    return env.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


DEBUG = False

SECRET_KEY = env.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
        "(dev and test settings provide their own)."
    )

# The key of the hashes kept of erased and suppressed newsletter addresses: its own secret, so
# that rotating SECRET_KEY does not forget who left. Rotating it: docs/newsletter.md.
EMAIL_HASH_KEY = env.get("EMAIL_HASH_KEY", "")
if not EMAIL_HASH_KEY:
    raise ImproperlyConfigured(
        "EMAIL_HASH_KEY is not set. Set it to a long random secret of its own "
        "(dev and test settings provide their own)."
    )
EMAIL_HASH_OLD_KEYS = env_list("EMAIL_HASH_OLD_KEYS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
# Proxies whose X-Real-IP header names the visitor (addresses or networks): the nginx front.
# Empty means no proxy: the connecting address is the visitor's (kvarter.security).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _network in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_network!r} is not an IP address or network."
        ) from None
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")

# The project's own apps, base first (docs/architecture.md).
PROJECT_APPS = [
    "kvarter",
    "arrangementer",
    "nyheder",
    "nyheder.newsletter",
    "agerposten",
    "frivillig",
]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so that everything after it sees the visitor's address, not the proxy's.
    "kvarter.security.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kvarter.security.SiteCSPMiddleware",
    "kvarter.security.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language, so the 400 page is in the reader's.
    "kvarter.security.RejectNulByteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication and the language (it needs both); see kvarter/page_cache.py.
    "kvarter.page_cache.PageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kvartersite.urls"
WSGI_APPLICATION = "kvartersite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default runs the web server and the tasks worker on one file: WAL lets
    # readers and a writer work at once, and IMMEDIATE transactions wait for the write lock
    # instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kvarter",
            # A Redis outage slows the site down; it must not take it down.
            # A Redis that accepts connections but hangs must not hang every request either.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Danish is the source; the others are the residents' languages.
LANGUAGE_CODE = "da"
LANGUAGES = [
    ("da", "Dansk"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("so", "Soomaali"),
    ("ur", "اردو"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's catalogues first: makemessages writes to the first path. site/formats holds
# what Django lacks for Somali: date formats, and month and weekday names from CLDR.
# site/admin_locale completes Wagtail's and wagtail-localize's Danish (docs/admin-language.md).
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "site" / "formats",
    BASE_DIR / "site" / "admin_locale",
]
FORMAT_MODULE_PATH = ["kvartersite.formats"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# Staff work in Danish or English; the admin has no Somali or Urdu catalogue.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Mail: SMTP when EMAIL_HOST is set, otherwise .eml files in var/mail/.
EMAIL_HOST = env.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Charlottekvarteret <noreply@example.org>")
# A stalled SMTP server must not hold a newsletter batch for ever.
EMAIL_TIMEOUT = int(env.get("EMAIL_TIMEOUT", "30"))

# DKIM: with a private key (PEM in DKIM_PRIVATE_KEY, or a file at DKIM_PRIVATE_KEY_PATH), the
# SMTP transport signs every mail (kvarter.mail.DKIMBackend; docs/deploy.md has the DNS record).
DKIM_PRIVATE_KEY = env.get("DKIM_PRIVATE_KEY", "").replace("\\n", "\n")
DKIM_PRIVATE_KEY_PATH = env.get("DKIM_PRIVATE_KEY_PATH", "")
DKIM_SELECTOR = env.get("DKIM_SELECTOR", "")
DKIM_DOMAIN = env.get("DKIM_DOMAIN", "")  # empty: DEFAULT_FROM_EMAIL's domain
if DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_PATH:
    if not DKIM_SELECTOR:
        raise ImproperlyConfigured("A DKIM key needs DKIM_SELECTOR, the name its record has.")
    if EMAIL_HOST:
        EMAIL_BACKEND = "kvarter.mail.DKIMBackend"

# An ESP through django-anymail instead: ANYMAIL_ESP=postmark plus that ESP's settings, named
# as anymail names them with the ESP as prefix (POSTMARK_SERVER_TOKEN=…, MAILGUN_API_KEY=…).
ANYMAIL_ESP = env.get("ANYMAIL_ESP", "").strip().lower()
ANYMAIL = {
    "WEBHOOK_SECRET": env.get("ANYMAIL_WEBHOOK_SECRET", ""),
    **{
        name: value
        for name, value in env.items()
        if ANYMAIL_ESP and name.startswith(ANYMAIL_ESP.upper() + "_")
    },
}
if ANYMAIL_ESP:
    EMAIL_BACKEND = f"anymail.backends.{ANYMAIL_ESP}.EmailBackend"

# Newsletter sending (nyheder/newsletter/sending.py).
NEWSLETTER_FROM_EMAIL = env.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# The mailto: half of List-Unsubscribe; whoever reads it unsubscribes the sender by hand.
NEWSLETTER_UNSUBSCRIBE_MAILTO = env.get("NEWSLETTER_UNSUBSCRIBE_MAILTO", "afmeld@example.org")
# Where replies to the newsletter and the subscriber mails go, if not to a noreply sender.
NEWSLETTER_REPLY_TO = env.get("NEWSLETTER_REPLY_TO", "")
NEWSLETTER_BATCH_SIZE = int(env.get("NEWSLETTER_BATCH_SIZE", "100"))
# A worker renews the claim on the batch it sends every sixth of this; a batch still "sending"
# this long after its last renewal belonged to a worker that died, and is sent again.
NEWSLETTER_LEASE_SECONDS = int(env.get("NEWSLETTER_LEASE_SECONDS", "30"))

# Every mail (kvarter/mail.py) and newsletter delivery: how often a temporary error is retried,
# and the first wait; each further one waits twice as long.
MAIL_MAX_ATTEMPTS = int(env.get("MAIL_MAX_ATTEMPTS", "5"))
MAIL_RETRY_SECONDS = int(env.get("MAIL_RETRY_SECONDS", "60"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAIL_SITE_NAME = "Charlottekvarteret"
# "default" is what the admin searches; "residents" is the index of the public site search,
# with each language's own analysis (kvarter/search/, docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "residents": {"BACKEND": "kvarter.search.backend"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILLOCALIZE_JQUERY_ALIAS_HACK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Gravatar would be a third-party request from every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
}

# Admin logins (django-axes): five wrong passwords for one user from one address lock that pair
# out for an hour; other editors and other addresses are not affected. An editor is unlocked with
# `manage.py axes_reset_username NAME` (docs/deploy.md). The address is REMOTE_ADDR, which
# kvarter.security.ClientAddressMiddleware has set to the visitor's behind the proxy.
# AxesBackend, not the standalone one: code that logs in with the first backend (Wagtail's test
# helpers) needs one that can also load the user again.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_LOCKOUT_TEMPLATE = "kvarter/admin/lockout.html"
AXES_VERBOSE = False
# Password-reset mails per address and per visitor's address (kvarter.admin_views).
PASSWORD_RESET_RATES = {"email": "3/h", "ip": "10/h"}

# --- Production: security headers, uploads, caching, media (docs/deploy.md) ---------------------
# Sessions live in Redis with the database behind them, so a Redis outage logs nobody out.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Without the cache, rate limits cannot count. The honeypot and the signed form timing still
# stop bots then, so the forms stay open instead of answering everyone with 429.
RATELIMIT_FAIL_OPEN = True

# Uploads. Wagtail's edit forms post many fields; files over 2.5 MB go to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o644
# Documents go through Django (privacy rules apply), as PDF, shown in the browser.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_CONTENT_TYPES = {"pdf": "application/pdf"}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# Media on S3-compatible storage when a bucket is named; boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY from the environment itself.
AWS_STORAGE_BUCKET_NAME = env.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGIN = ""
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_REGION_NAME = env.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = env.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = env.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = env.get("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket's own policy decides
    AWS_QUERYSTRING_AUTH = False  # image renditions are public and cacheable
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    MEDIA_ORIGIN = (
        f"https://{AWS_S3_CUSTOM_DOMAIN}"
        if AWS_S3_CUSTOM_DOMAIN
        else AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    )

# Content-Security-Policy (django-csp 4). No 'unsafe-inline' for scripts: a template with an
# inline <script> gives it nonce="{{ request.csp_nonce }}". JSON-LD data blocks need none (the
# browser never runs them). The admin's looser policy is in kvarter/security.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *filter(None, [MEDIA_ORIGIN])],
        "media-src": ["'self'", *filter(None, [MEDIA_ORIGIN])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The video block loads YouTube's privacy-enhanced player after the reader presses play.
        "frame-src": ["'self'", "https://www.youtube-nocookie.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *filter(None, [MEDIA_ORIGIN])],
    # The preview panel shows the page in a frame of the admin.
    "frame-ancestors": ["'self'"],
}
# The e-mail preview shows a mail as a mail program does: its inline styles, images from
# wherever the mail links them, no scripts, in the admin's preview frame.
CONTENT_SECURITY_POLICY_MAIL_PREVIEW = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["*", "data:"],
    "font-src": ["*", "data:"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
# Wagtail's preview views allow their own frame (SAMEORIGIN and the admin's frame-ancestors).
X_FRAME_OPTIONS = "DENY"
# The admin dashboard would ask releases.wagtail.org for news: a third-party request.
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# /healthz answers over plain HTTP: the container's HEALTHCHECK and load balancers ask so.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Anonymous full-page cache (kvarter/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz")
# Snippets shown on pages: saving one starts a new cache generation (site settings always do).
PAGE_CACHE_INVALIDATED_BY = [
    "kvarter.Person",
    "kvarter.Partner",
    "kvarter.HousingArea",
    "arrangementer.EventCategory",
]

# Frontend cache (nginx front or a CDN), purged by Wagtail on publish: docs/deploy.md.
WAGTAILFRONTENDCACHE = {}
if env.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["nginx"] = {
        # One PURGE per stored encoding (br, gzip, identity) of each URL.
        "BACKEND": "kvarter.frontend_cache.EncodedVariantsHTTPBackend",
        "LOCATION": env["FRONTEND_CACHE_PURGE_URL"],
    }
if env.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": env.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if env.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Only for load_demo_content in dev: (username, password) of the demo editor.
DEMO_EDITOR_CREDENTIALS = None

# Shown to people who cannot find the page they wanted.
SITE_DESCRIPTION = _("News, events and help for residents of Charlottekvarteret")

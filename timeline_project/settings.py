"""Settings for the CSTO events timeline.

One module, driven by environment variables. The defaults are for a developer's machine only:
production sets DJANGO_SECRET_KEY, DJANGO_DEBUG=0, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

# The fallback key is only acceptable with DEBUG on; production must provide its own.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "corsheaders",
    "axes",
    "csp",
    "ninja",  # serves the API docs page's assets (Swagger UI) from its own static files, no CDN
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline_project.middleware.RequestBodyLimitMiddleware",
    "timeline_project.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "timeline_project.middleware.PermissionsPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is locked out for AXES_COOLOFF_TIME (HTTP 429 with a plain page), and a
# success resets the count. The address is the client's as nginx saw it (timeline_project.client_ip),
# never the proxy's. An administrator lifts a lockout with `manage.py axes_reset` (everyone),
# `axes_reset_username NAME` or `axes_reset_ip ADDRESS`, or by deleting the row under
# *Axes › Access attempts* in the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "timeline_project.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# Addresses whose X-Forwarded-For is believed: the proxy (nginx on the same machine by default).
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")

ROOT_URLCONF = "timeline_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "timeline_project.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that accepts connections but never answers must not hold a worker for long: give up
# connecting after DATABASE_CONNECT_TIMEOUT seconds (2, the least libpq accepts; a healthy server
# answers in milliseconds) and cancel any statement running longer than DATABASE_STATEMENT_TIMEOUT
# milliseconds (0: no limit). The request
# then fails with a 503 page (timeline_project.middleware).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2")))
    _statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "20000"))
    if _statement_timeout:
        _options["options"] = f"{_options.get('options', '')} -c statement_timeout={_statement_timeout}".strip()

# A shared cache lets several stateless web workers reuse rendered feeds. The cache is an
# accelerator, never a dependency: with Redis down or silent, every cache call gives up after
# REDIS_TIMEOUT seconds, is logged (logger "timeline.cache") and treated as a miss, so pages, feeds,
# imports and admin saves keep working, only slower.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url: str, timeout: float) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "timeline",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": timeout, "SOCKET_TIMEOUT": timeout},
        }
    }


if REDIS_URL:
    CACHES = redis_cache(REDIS_URL, timeout=float(os.environ.get("REDIS_TIMEOUT", "0.25")))
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "timeline.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# Events without an explicit zone happen where the organisation sits.
EVENTS_DEFAULT_TIME_ZONE = os.environ.get("EVENTS_DEFAULT_TIME_ZONE", "Europe/Moscow")
EVENTS_SITE_NAME = os.environ.get("EVENTS_SITE_NAME", "CSTO events timeline")
# Where the site is served: calendar entries link back to each event's page.
EVENTS_SITE_URL = os.environ.get("EVENTS_SITE_URL", "http://127.0.0.1:8000")

# Open data (API, TimelineJS JSON, CSV, Atom) may be read by scripts on any site: CORS for GET only.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/|timeline\.json$|events\.csv$|atom/)"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified")
CORS_ALLOW_CREDENTIALS = False
# API cursors hold an offset among events sharing a start date (year-precision events share 1 January).
NINJA_PAGINATION_MAX_OFFSET = 1_000_000

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Request bodies. The whole body is refused (413) over MAX_REQUEST_BODY_BYTES before it is read
# (nginx's client_max_body_size is the same 16 MB); form fields other than files may hold up to
# DATA_UPLOAD_MAX_MEMORY_SIZE (the admin import's confirm step carries the previewed texts); each
# uploaded file is kept in memory only up to the 1 MB release limit and never written to disk.
MAX_REQUEST_BODY_BYTES = int(os.environ.get("DJANGO_MAX_REQUEST_BODY_MB", "16")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = ["events.uploads.BoundedMemoryUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 1_000_001  # not used by that handler; the same bound for any other

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Cookies travel over HTTPS only; a plain-HTTP trial without a TLS proxy turns this off (README).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is a promise browsers keep for months after it is withdrawn: opt in explicitly.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "SECURE_HSTS_PRELOAD is not True": deliberate
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): every script, style, image and font from this site only; no
# inline script or style, no plugins, no framing, forms post only here. The reader pages, the admin
# and the API docs pass it with no violation (tests/e2e/test_security_headers.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # One inline style attribute is allowed by its hash: `border-top: 0` on django-simple-history's
        # history page (object_history_list.html); any other inline style stays blocked.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features this site never uses, denied to it and to anything it could embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

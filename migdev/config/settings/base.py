"""Settings read from the environment (MIGDEV_*); defaults give a local SQLite site."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("MIGDEV_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("MIGDEV_SECRET_KEY", "local-development-only-not-secret-" + "x" * 20)
# Debug pages are off unless asked for (`migdev serve --dev` or MIGDEV_DEBUG=1): errors show a page with a reference.
DEBUG = env_bool("MIGDEV_DEBUG", False)
ALLOWED_HOSTS = env_list("MIGDEV_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("MIGDEV_CSRF_TRUSTED_ORIGINS", "")

DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'migdev.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(os.environ.get("MIGDEV_DATABASE_URL", DEFAULT_DATABASE_URL), conn_max_age=60)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent requests on SQLite (Django 5.1+ options): WAL lets readers run beside the one writer; IMMEDIATE
    # takes the write lock when a transaction begins, so a transaction that reads then writes waits its turn (up
    # to `timeout` seconds) instead of failing at once with "database is locked", as deferred ones do.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "migdev.core",
    "migdev.accounts",
    "migdev.stats",
    "migdev.labour",
    "migdev.law",
    "migdev.remittances",
    "migdev.diaspora",
    "migdev.rcp",
    "migdev.partnerships",
    "migdev.policy",
    "migdev.impact",
    "migdev.corridors",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "migdev.core.security.SecurityHeadersMiddleware",
    "migdev.core.security.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "migdev.config.urls"
WSGI_APPLICATION = "migdev.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "migdev.core.context_processors.navigation",
                "migdev.accounts.context_processors.user_menu",
            ],
        },
    },
]

# Durable background jobs (Django's tasks API): queued in the site's own database and run by `migdev worker`
# (`migdev serve` starts one). For larger deployments see docs/architecture.md (RQ on Redis).
TASKS = {"default": {"BACKEND": os.environ.get("MIGDEV_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A worker on another host that has not said it is alive for this long is taken for dead, and its jobs failed.
MIGDEV_WORKER_STALE_SECONDS = int(os.environ.get("MIGDEV_WORKER_STALE_SECONDS", "60"))
# How often a process checks whether ESCO or its label embeddings changed (its text index is rebuilt then).
MIGDEV_ESCO_INDEX_RECHECK_SECONDS = float(os.environ.get("MIGDEV_ESCO_INDEX_RECHECK_SECONDS", "5"))

# Browser rules (the CSP and Permissions-Policy come from migdev.core.security).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script reads the token: forms carry it
X_FRAME_OPTIONS = "DENY"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Free-text suggestions (ESCO from a CV or vacancy text) per user, forms and API together.
TEXT_SUGGESTIONS_RATE = os.environ.get("MIGDEV_TEXT_SUGGESTIONS_RATE", "30/m")

# Login throttling (django-axes): lock an account+address pair after 5 failures for one hour.
AXES_FAILURE_LIMIT = int(os.environ.get("MIGDEV_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "migdev.accounts.throttling.attempted_username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"

EMAIL_BACKEND = os.environ.get("MIGDEV_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("MIGDEV_DEFAULT_FROM_EMAIL", "migdev@localhost")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "fr", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # also makes var/ for the SQLite file
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Uploads are size-limited: 20 MB in total per request, bigger bodies are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MIGDEV_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Bodies are refused (413) from their declared length before anything reads them: JSON to the API up to 1 MB, a
# CV or vacancy text (at most 1,500 characters are read) up to 256 KB, files and forms up to the upload limit above.
MIGDEV_API_JSON_MAX_BYTES = 1024 * 1024
MIGDEV_BODY_LIMITS = [("/api/v1/labour/text-suggestions", 256 * 1024)]

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 1000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MIGDEV_LOG_LEVEL", "WARNING")},
}

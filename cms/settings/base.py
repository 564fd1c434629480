"""Settings shared by every environment; deployment specifics come from the environment.

With no variables set this is the embedded default: SQLite, database search,
local-memory cache, media on disk, console email.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "cms.accounts",
    "blocks",
    "events_plugin",
    "hearings_plugin",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # django_comments keeps a site per comment; the site's pages are Wagtail's.
    "django.contrib.sites",
    "django_comments_xtd",
    "django_comments",
    # After django_comments_xtd, whose ready() connects what ours disconnects.
    "cms.comments",
    "cms.feedback",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff must pass a second factor before any admin page (cms/accounts/staff.py).
    "cms.accounts.staff.StaffProtectionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite on disk unless DATABASE_URL names another one.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (two residents rating at once) wait for each other
    # instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kazan"),
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Wagtail's page search: the database backend, with Russian stemming on PostgreSQL.
# The archive search (cms/search/) has its own backends: Elasticsearch when
# ELASTICSEARCH_URL is set, else the database (SQLite FTS5 or PostgreSQL full text).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "russian"} if IS_POSTGRESQL else {}),
    }
}
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "kazan")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 5)
# A dotted path overriding the choice above (a SearchBackend subclass).
ARCHIVE_SEARCH_BACKEND = env_str("ARCHIVE_SEARCH_BACKEND")

# Accounts: residents and staff in one user model; see cms/accounts/.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so that locked-out credentials are refused before they are checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 14 * 24 * 3600)
# Staff sessions are shorter; see cms/accounts/staff.py.
STAFF_SESSION_AGE = env_int("STAFF_SESSION_AGE", 8 * 3600)
# Brute-force protection (django-axes): lock a username from an address after
# five failures for thirty minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
OTP_TOTP_ISSUER = "Kazan culture and hearings"
AXES_LOCKOUT_TEMPLATE = "accounts/staff_locked_out.html"
# The admin login refuses accounts without admin access (residents sign in at
# /<lang>/account/login/).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.staff.StaffLoginForm"

# ESIA (Gosuslugi) through OpenID Connect: cms/accounts/oidc.py, docs/identity.md.
ESIA_OIDC = {
    "ISSUER": env_str("ESIA_OIDC_ISSUER"),
    "DISCOVERY_URL": env_str("ESIA_OIDC_DISCOVERY_URL"),
    "CLIENT_ID": env_str("ESIA_OIDC_CLIENT_ID"),
    "CLIENT_SECRET": env_str("ESIA_OIDC_CLIENT_SECRET"),
    "SCOPES": env_str("ESIA_OIDC_SCOPES", "openid fullname birthdate addresses email"),
    "ADAPTER": env_str("ESIA_OIDC_ADAPTER", "cms.accounts.esia.StandardOidcAdapter"),
    "TIMEOUT": env_int("ESIA_OIDC_TIMEOUT", 10),
}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        )
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian is the default; Tatar is a state language equal to Russian.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", "Русский"),
    ("tt", "Татарча"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django ships no formats for Tatar; ours live in cms/formats/tt/.
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "kazan_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    # Files only their owners and staff may read (hearing attachments): never
    # under MEDIA_URL, served by permission-checked views.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")),
            "base_url": None,
        },
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

# Email: console unless EMAIL_URL-style variables configure SMTP.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kazan culture <noreply@kzn.ru>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = _("Kazan: culture and public hearings")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "txt",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Comments (cms/comments/): django-comments-xtd with the site's own model and form.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "cms.comments.models.Comment"
COMMENTS_XTD_FORM_CLASS = "cms.comments.forms.CommentForm"
COMMENT_MAX_LENGTH = 3000
# How long a comment form stays valid: long enough to write a considered comment.
COMMENTS_TIMEOUT = 12 * 3600
# Three levels: a comment, a reply and a reply to the reply.
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_LIST_ORDER = ("-thread_id", "order")
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "users",
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
    }
}
# Top-level comments per page of a thread, each with its replies.
COMMENTS_PER_PAGE = env_int("COMMENTS_PER_PAGE", 50)
# Residents' reports that hide a comment until a moderator reviews it.
COMMENTS_AUTO_HIDE_FLAGS = env_int("COMMENTS_AUTO_HIDE_FLAGS", 3)
# What is commentable besides the plugins' manifests, and by which rules: model
# label -> a cms.comments.policies.CommentPolicy subclass.
COMMENTS_POLICIES = {
    "hearings.HearingProcedure": "hearings_plugin.comments.HearingCommentPolicy",
    "feedback.PageFeedback": "cms.feedback.comments.FeedbackCommentPolicy",
}

# Residents' feedback (cms.feedback): the Bayesian average pulls a page with few
# ratings towards the site-wide mean as if it had this many more ratings.
RATINGS_PRIOR_WEIGHT = env_int("RATINGS_PRIOR_WEIGHT", 5)
# An account younger than this gets the "new_account" limits below.
FEEDBACK_NEW_ACCOUNT_HOURS = env_int("FEEDBACK_NEW_ACCOUNT_HOURS", 24)
# Attempts per window (seconds), per action: per account, per new account, per
# address. Staff are not limited. "default" applies to actions not listed.
FEEDBACK_RATE_LIMITS = {
    "default": {
        "account": (30, 3600),
        "new_account": (10, 3600),
        "address": (120, 3600),
    },
    "rating": {
        "account": (60, 3600),
        "new_account": (20, 3600),
        "address": (300, 3600),
    },
    "comment": {"account": (20, 3600), "new_account": (5, 3600), "address": (60, 3600)},
    "question": {
        "account": (10, 3600),
        "new_account": (3, 3600),
        "address": (40, 3600),
    },
    "vote": {"account": (120, 3600), "new_account": (30, 3600), "address": (400, 3600)},
    "wish": {"account": (5, 86400), "new_account": (2, 86400), "address": (20, 86400)},
}

# Video providers the video block accepts (see blocks/video.py).
KAZAN_VIDEO_PROVIDERS = [
    "blocks.video.YouTubeProvider",
    "blocks.video.VKVideoProvider",
    "blocks.video.RutubeProvider",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

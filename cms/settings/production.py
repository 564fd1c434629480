"""Production: every secret and address from the environment, HTTPS enforced."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to at least 50 random characters"
    )

# Persistent, health-checked connections: a new PostgreSQL connection per request
# costs more than the page itself.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Media on S3-compatible object storage when a bucket is configured.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None
    # Private files (hearing attachments) in their own bucket, never public:
    # served through permission-checked views with short-lived signed addresses.
    PRIVATE_BUCKET_NAME = env_str("AWS_PRIVATE_BUCKET_NAME")
    if PRIVATE_BUCKET_NAME:
        STORAGES["private"] = {  # noqa: F405
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": PRIVATE_BUCKET_NAME,
                "querystring_auth": True,
                "default_acl": "private",
            },
        }

LOGGING["root"]["level"] = env_str("LOG_LEVEL", "INFO")  # noqa: F405

"""Configuration: embedded defaults with no variables, production hardened by env."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def read_settings(module, env, expression):
    """Evaluate ``expression`` against a settings module in a clean process."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "ELASTICSEARCH_URL",
            "EMAIL_HOST",
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
        }
    }
    clean.update(env)
    code = (
        "import django, os, json;"
        f"os.environ['DJANGO_SETTINGS_MODULE']={module!r};"
        "from django.conf import settings as s;"
        f"print(json.dumps({expression}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def test_embedded_default_needs_no_variables():
    result = read_settings(
        "cms.settings.dev",
        {},
        "[s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.WAGTAILSEARCH_BACKENDS['default'], s.EMAIL_BACKEND,"
        " s.STORAGES['default']['BACKEND']]",
    )
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.sqlite3" in result.stdout
    assert "LocMemCache" in result.stdout
    assert "wagtail.search.backends.database" in result.stdout
    assert "SEARCH_CONFIG" not in result.stdout
    assert "console.EmailBackend" in result.stdout
    assert "FileSystemStorage" in result.stdout


def test_postgresql_search_uses_the_russian_configuration():
    result = read_settings(
        "cms.settings.dev",
        {
            "DATABASE_URL": "postgresql://u@127.0.0.1:5432/kazan",
            "REDIS_URL": "redis://127.0.0.1:6379/1",
        },
        "[s.WAGTAILSEARCH_BACKENDS['default'], s.CACHES['default']['BACKEND']]",
    )
    assert result.returncode == 0, result.stderr
    assert '"SEARCH_CONFIG": "russian"' in result.stdout
    assert "django_redis.cache.RedisCache" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = read_settings("cms.settings.production", {}, "s.DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_malformed_boolean_variable_is_a_clear_configuration_error():
    result = read_settings("cms.settings.dev", {"DEBUG": "perhaps"}, "s.DEBUG")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.parametrize("module", ["cms.settings.production"])
def test_deploy_check_is_clean(module):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": module,
            "SECRET_KEY": "k" * 20 + "-production-secret-key-for-the-check-0123456789",
            "ALLOWED_HOSTS": "culture.kzn.ru",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

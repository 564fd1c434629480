"""Copy the seeded demo's rows and put them back after a transactional test.

Transactional tests (the browser's live server, concurrent requests) need
committed data, and pytest-django flushes every table after each of them,
taking the demo seeded once per session with it. Putting the copied rows back
takes a small fraction of the time ``seed_demo`` does.
"""

import os

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from wagtail.models import Site


def demo_is_seeded():
    return Site.objects.filter(is_default_site=True, root_page__depth__gt=1).exists()


def seed_demo():
    call_command(
        "seed_demo",
        "--without-accounts",
        verbosity=0,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


def _quoted_table(table):
    return connection.ops.quote_name(table)


def _generated_columns(cursor):
    """PostgreSQL's generated columns by table: they are computed, never inserted."""
    if connection.vendor != "postgresql":
        return {}
    cursor.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_generated = 'ALWAYS'"
    )
    generated = {}
    for table, column in cursor.fetchall():
        generated.setdefault(table, set()).add(column)
    return generated


def copy_tables():
    """Every row of every Django table, as (columns, rows) per table."""
    tables = connection.introspection.django_table_names(
        only_existing=True, include_views=False
    )
    snapshot = {}
    with connection.cursor() as cursor:
        generated = _generated_columns(cursor)
        for table in tables:
            columns = [
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, table
                )
                if column.name not in generated.get(table, ())
            ]
            names = ", ".join(connection.ops.quote_name(name) for name in columns)
            # Names come from Django's own introspection, not from input.
            cursor.execute(f"SELECT {names} FROM {_quoted_table(table)}")  # noqa: S608
            snapshot[table] = (columns, cursor.fetchall())
    return snapshot


def _has_rows(cursor, table):
    cursor.execute(f"SELECT 1 FROM {_quoted_table(table)} LIMIT 1")  # noqa: S608
    return cursor.fetchone() is not None


def restore_tables(snapshot):
    """Empty the database and insert the copied rows again."""
    # Row by row in SQL: model-level deserialisation would fire signal handlers
    # (wagtail-localize's among them) on half-restored data.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    with transaction.atomic(), connection.cursor() as cursor:
        # A table that triggers filled from an earlier one (Wagtail's SQLite
        # full-text index, "<table>_fts") is left to those triggers.
        for table, (columns, rows) in sorted(snapshot.items()):
            if not rows or _has_rows(cursor, table):
                continue
            names = ", ".join(connection.ops.quote_name(name) for name in columns)
            values = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {_quoted_table(table)} ({names}) VALUES ({values})",  # noqa: S608
                rows,
            )
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)


def take_demo_snapshot():
    """The demo's rows, seeding it first when an earlier flush removed it."""
    if not demo_is_seeded():
        seed_demo()
    return copy_tables()


def ensure_demo(snapshot):
    """Put the demo back when a flush removed it."""
    if not demo_is_seeded():
        restore_tables(snapshot)

"""Facet values and sort indexes on search entries.

The six facet columns are added as nullable columns (no table rebuild on
SQLite, so the full-text triggers of 0004 stay). NULL sends filters and counts
to `cms_searchfacetvalue`, which holds every value of entries written before
this migration, so they are found as before until written again. The indexes
follow the sorts of the backend (newest first, rating and popularity
highest first with NULLs last) with the availability they filter on, and
cover the facet counts and totals of a locale.
"""

from django.db import migrations, models

FACET_COLUMNS = (
    "facet_domain, facet_type, facet_institution, facet_year, facet_language, "
    "facet_subtitles"
)

# On SQLite the sort indexes also hold the facet columns: a filtered page is
# read from the index alone.
SORT_COVERS = f"available_from, {FACET_COLUMNS}"

INDEXES = {
    "sqlite": [
        (
            "cms_searchentry_sort_date",
            f"(index_name, locale, date DESC, id DESC, {SORT_COVERS})",
        ),
        (
            "cms_searchentry_sort_rating",
            "(index_name, locale, rating DESC, rating_count DESC, date DESC, id DESC, "
            f"{SORT_COVERS})",
        ),
        (
            "cms_searchentry_sort_popular",
            f"(index_name, locale, popularity DESC, date DESC, id DESC, {SORT_COVERS})",
        ),
        (
            "cms_searchentry_facets",
            f"(index_name, locale, {FACET_COLUMNS}, available_from)",
        ),
    ],
    "postgresql": [
        (
            "cms_searchentry_sort_date",
            "(index_name, locale, date DESC NULLS LAST, id DESC) "
            "INCLUDE (available_from)",
        ),
        (
            "cms_searchentry_sort_rating",
            "(index_name, locale, rating DESC NULLS LAST, rating_count DESC, "
            "date DESC NULLS LAST, id DESC) INCLUDE (available_from)",
        ),
        (
            "cms_searchentry_sort_popular",
            "(index_name, locale, popularity DESC, date DESC NULLS LAST, id DESC) "
            "INCLUDE (available_from)",
        ),
        (
            "cms_searchentry_facets",
            f"(index_name, locale) INCLUDE ({FACET_COLUMNS}, available_from, id)",
        ),
    ],
}


def create_indexes(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for name, columns in INDEXES.get(schema_editor.connection.vendor, []):
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON cms_searchentry {columns}"
            )


def drop_indexes(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for name, _columns in INDEXES.get(schema_editor.connection.vendor, []):
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_search_facet_entry_index"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name="searchentry",
                name=f"facet_{name}",
                field=models.CharField(max_length=200, null=True),
            )
            for name in (
                "domain",
                "type",
                "institution",
                "year",
                "language",
                "subtitles",
            )
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]

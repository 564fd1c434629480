"""Create the staff role groups (see cms/accounts/roles.py)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from cms.accounts import roles


def create_roles(apps, schema_editor):
    # Model permissions are normally created after the last migration
    # (post_migrate); create them now so the Administrator group gets them all.
    for app_config in global_apps.get_app_configs():
        create_permissions(
            app_config, verbosity=0, using=schema_editor.connection.alias
        )
    roles.create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("cms", "0002_locales"),
        ("events", "0001_initial"),
        ("hearings", "0002_hearing_permissions"),
    ]

    operations = [
        # Groups may have members by the time anyone reverses this: keep them.
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]

"""The four audiences events are made for."""

from django.db import migrations

AUDIENCES = ["children", "youth", "adults", "seniors"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("events", "Audience")
    for order, key in enumerate(AUDIENCES):
        Audience.objects.update_or_create(key=key, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("events", "0002_programme_models")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]

"""Russian, Tatar and English locales; Tatar and English trees synchronised from Russian."""

from django.db import migrations

SOURCE = "ru"
TARGETS = ("tt", "en")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source, _ = Locale.objects.get_or_create(language_code=SOURCE)
    for code in TARGETS:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtail_localize", "0015_translationcontext_field_path"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]

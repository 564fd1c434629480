from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="official",
            field=models.BooleanField(default=False, verbose_name="official reply"),
        ),
    ]

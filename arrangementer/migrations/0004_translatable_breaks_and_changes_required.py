"""Breaks and cancelled or moved dates: the locale and translation key 0003 filled in are
required from now on, and unique together as on every translatable model."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("arrangementer", "0003_translatable_breaks_and_changes"),
    ]

    operations = [
        *[
            operation
            for model_name in ["eventbreak", "occurrencechange"]
            for operation in [
                migrations.AlterField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterUniqueTogether(
                    name=model_name,
                    unique_together={("translation_key", "locale")},
                ),
            ]
        ],
    ]

"""Breaks and cancelled or moved dates become translatable, so that their reasons and notes can
be read in the reader's language.

Each existing row takes its page's locale and a translation key of its own. A translation's
copies then get their source's keys back the next time the translation is synced. The fields
become required in 0004: PostgreSQL does not alter a table in the transaction that updated it.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_each_row_its_page_locale(apps, schema_editor):
    for model_name in ["EventBreak", "OccurrenceChange"]:
        model = apps.get_model("arrangementer", model_name)
        for row in model.objects.select_related("page").iterator():
            row.locale_id = row.page.locale_id
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("arrangementer", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[
            operation
            for model_name in ["eventbreak", "occurrencechange"]
            for operation in [
                migrations.AddField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(editable=False, null=True),
                ),
                migrations.AddField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ]
        ],
        migrations.RunPython(give_each_row_its_page_locale, migrations.RunPython.noop),
    ]

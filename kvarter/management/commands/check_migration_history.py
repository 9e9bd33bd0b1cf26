from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader


class Command(BaseCommand):
    help = (
        "Stops with one clear line when the database was made by an older layout of the "
        "project, whose migrations were rewritten (README: Changelog)."
    )

    def handle(self, *args, **options):
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        project_labels = {
            config.label
            for config in apps.get_app_configs()
            if config.name in settings.PROJECT_APPS
        }
        unknown = sorted(
            f"{label}.{name}"
            for label, name in loader.applied_migrations
            if label in project_labels and (label, name) not in loader.disk_migrations
        )
        if unknown:
            raise CommandError(
                "The database in var/ was made by an older layout of the project "
                f"({unknown[0]} no longer exists): run `make clean`, then `make run` again."
            )

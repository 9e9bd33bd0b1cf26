"""`make run` on a database from before the migrations were rewritten stops with one clear line."""

from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import TestCase


class MigrationHistoryTests(TestCase):
    def test_a_database_of_the_current_layout_passes(self):
        call_command("check_migration_history")

    def test_a_database_of_the_old_layout_says_to_run_make_clean(self):
        # What the old layout left: events' migration in the base app, the newsletter in nyheder.
        MigrationRecorder(connection).record_applied("kvarter", "0003_events")
        MigrationRecorder(connection).record_applied("nyheder", "0002_newsletter")
        with self.assertRaisesMessage(CommandError, "run `make clean`, then `make run` again"):
            call_command("check_migration_history")

    def test_other_apps_migrations_are_not_the_projects_business(self):
        MigrationRecorder(connection).record_applied("wagtailcore", "9999_from_the_future")
        call_command("check_migration_history")

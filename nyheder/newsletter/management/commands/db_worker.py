"""django-tasks-db's worker, which first picks up newsletter sends that a crash interrupted.

A worker killed mid-send leaves its task marked as running, and django-tasks-db never runs it
again. Queuing a fresh batch task for every unfinished send on start lets the batch left in
"sending" be taken back once its lease runs out (see nyheder/newsletter/sending.py).

It replaces django_tasks_db's own `db_worker` because the newsletter comes before
django_tasks_db in INSTALLED_APPS; every other option is that command's.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from nyheder.newsletter.sending import resume_unfinished_sends


class Command(DatabaseWorkerCommand):
    def handle(self, *args, **options):
        resume_unfinished_sends()
        return super().handle(*args, **options)

"""`manage.py db_worker`: django-tasks-db's worker, which first sets up what runs by itself.

It keeps scheduled publishing going (kvarter/scheduling.py), then runs the apps'
`kvarter_worker_starting` hooks: the newsletter queues again the sends a crash interrupted.
It replaces django_tasks_db's own command because kvarter comes first in INSTALLED_APPS; every
option is that command's.
"""

from wagtail import hooks

from django_tasks_db.management.commands import db_worker

from kvarter.scheduling import queue_next_publishing_run


class Command(db_worker.Command):
    help = "Run the tasks worker; it also publishes and unpublishes scheduled pages every minute."

    def handle(self, *args, **options):
        # A batch run ends once nothing is ready, so it starts no chain of minute runs.
        if not options["batch"]:
            queue_next_publishing_run()
        for worker_starting in hooks.get_hooks("kvarter_worker_starting"):
            worker_starting()
        super().handle(*args, **options)

from django.core.management import call_command
from django.core.management.base import BaseCommand

from wagtail.signal_handlers import disable_reference_index_auto_update

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task

from kvarter.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Loads demo content in every language. Running it again changes nothing."

    def handle(self, *args, **options):
        loader = DemoLoader(log=self.stdout.write)
        # Every save would queue a reference index task for its object, and translating a page
        # with inline rows (funding shares, contact people) saves rows that wagtail-localize
        # replaces a moment later in the same transaction: their tasks could only fail with
        # DoesNotExist. So the index is built once, from what the load left, as Wagtail's own
        # command does.
        with disable_reference_index_auto_update():
            loader.load()
        if loader.created:
            call_command("rebuild_references_index", verbosity=0)
            call_command("update_index", verbosity=0)
            self.run_queued_tasks()
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded ({loader.created} objects).")
            )
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")

    def run_queued_tasks(self):
        """Run what the load queued, quietly and now, so that the worker `make run` starts
        next to the server begins with an empty queue instead of a screenful of task logs.

        Publishing the demo pages queued about 1,200 search index updates, one per object;
        `update_index` has just indexed every object as it now is, so they are dropped unrun
        (they took 18 s of a fresh `make run`).
        """
        if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
            DBTaskResult.objects.filter(
                status=TaskResultStatus.READY,
                task_path=insert_or_update_object_task.module_path,
            ).delete()
            call_command(
                "db_worker", batch=True, interval=0, reload=False, startup_delay=False, verbosity=0
            )

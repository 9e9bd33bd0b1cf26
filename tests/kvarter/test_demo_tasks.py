"""Loading the demo content queues tasks for the worker `make run` starts; none may fail."""

import io
from unittest import mock

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import ReferenceIndex

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kvarter.models import PlanPage

from .helpers import DATABASE_TASKS, run_worker


@override_settings(TASKS=DATABASE_TASKS)
class DemoContentTasksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The command runs the queued tasks with the worker; inside the test's transaction the
        # worker must not close the connection between tasks (see run_worker).
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    def test_no_queued_task_fails(self):
        run_worker()  # whatever the command left in the queue
        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
        self.assertEqual(
            list(failed.values_list("task_path", "args_kwargs", "exception_class_path")), []
        )
        self.assertFalse(DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists())

    def test_the_plan_document_lists_the_plan_page_in_every_language_as_its_usage(self):
        """What the admin's "Usage" of a document shows comes from the reference index."""
        plan_pages = PlanPage.objects.all()
        self.assertEqual(plan_pages.count(), 6)
        document = plan_pages.get(locale__language_code="da").documents.get().document
        using = {
            int(reference.object_id) for reference in ReferenceIndex.get_references_to(document)
        }
        self.assertEqual(using, set(plan_pages.values_list("pk", flat=True)))

"""Scheduled publishing with no cron to remember: the tasks worker runs it every minute.

Wagtail publishes scheduled pages, snippets and revisions, and unpublishes expired ones, only
when `manage.py publish_scheduled` runs. Here one task runs that command and the apps'
`kvarter_worker_minute` hooks, and queues its own next run for the start of the coming minute.
Every worker queues it when it starts, so a chain that a crash broke is mended by the next
start; several workers share the one waiting run.
"""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from wagtail import hooks

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

# Finished runs are kept this long, for anyone looking at the task results in the admin.
KEEP_FINISHED_RUNS = datetime.timedelta(days=1)


@task()
def publish_scheduled():
    try:
        call_command("publish_scheduled", stdout=io.StringIO())
        # The apps' own minute work: mending what a dead worker left (agerposten).
        for every_minute in hooks.get_hooks("kvarter_worker_minute"):
            every_minute()
    finally:
        queue_next_publishing_run()


def queue_next_publishing_run():
    """Queue a run for the coming minute unless one already waits; forget old finished runs."""
    runs = DBTaskResult.objects.filter(task_path=publish_scheduled.module_path)
    if runs.filter(status=TaskResultStatus.READY).exists():
        return
    now = timezone.now()
    next_minute = now.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    publish_scheduled.using(run_after=next_minute).enqueue()
    runs.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=now - KEEP_FINISHED_RUNS,
    ).delete()

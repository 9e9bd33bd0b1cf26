"""Scheduled publishing needs no cron: the tasks worker publishes and unpublishes every minute."""

import datetime
import time
from unittest import mock

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from kvarter.scheduling import publish_scheduled, queue_next_publishing_run
from tests.kvarter.helpers import DATABASE_TASKS, run_worker
from tests.nyheder.helpers import add_story, create_story_site


def waiting_runs():
    return DBTaskResult.objects.filter(task_path=publish_scheduled.module_path, status="READY")


def start_worker():
    """What a worker does when it starts, before it waits for tasks: the minute run is queued."""
    with mock.patch("django_tasks_db.management.commands.db_worker.Command.handle"):
        call_command("db_worker")


def let_the_minute_come():
    waiting_runs().update(run_after=timezone.now())


def wait_until(moment):
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.05)


@override_settings(TASKS=DATABASE_TASKS)
class ScheduledPublishingTests(TestCase):
    def setUp(self):
        _home, _locales, self.index, *_ = create_story_site()

    def schedule(self, story, **times):
        for name, value in times.items():
            setattr(story, name, value)
        story.save_revision().publish()

    def test_a_starting_worker_queues_one_run_for_the_coming_minute(self):
        start_worker()
        start_worker()  # a second worker shares the waiting run
        run = waiting_runs().get()
        now = timezone.now()
        self.assertGreater(run.run_after, now)
        self.assertLessEqual(run.run_after, now + datetime.timedelta(minutes=1))

    def test_a_story_scheduled_for_now_goes_live_at_the_next_run(self):
        story = add_story(self.index, "sommerfest", live=False)
        go_live = timezone.now() + datetime.timedelta(seconds=1)
        self.schedule(story, go_live_at=go_live)
        story.refresh_from_db()
        self.assertFalse(story.live)
        start_worker()
        wait_until(go_live)
        let_the_minute_come()
        run_worker()
        story.refresh_from_db()
        self.assertTrue(story.live)
        self.assertEqual(self.client.get(story.url).status_code, 200)
        self.assertEqual(waiting_runs().count(), 1, "the next minute's run is queued")

    def test_a_story_is_unpublished_when_its_expiry_passes(self):
        story = add_story(self.index, "vinterbad")
        expire = timezone.now() + datetime.timedelta(seconds=1)
        self.schedule(story, expire_at=expire)
        story.refresh_from_db()
        self.assertTrue(story.live)
        queue_next_publishing_run()
        wait_until(expire)
        let_the_minute_come()
        run_worker()
        story.refresh_from_db()
        self.assertFalse(story.live)
        self.assertEqual(self.client.get(story.url).status_code, 404)

    def test_a_scheduled_revision_replaces_the_live_one_at_its_time(self):
        story = add_story(self.index, "lektiecafe", title="Lektiecafé åbner")
        story.save_revision().publish()
        story.refresh_from_db()
        go_live = timezone.now() + datetime.timedelta(seconds=1)
        self.schedule(story, title="Lektiecafé åbner igen", go_live_at=go_live)
        self.assertContains(self.client.get(story.url), "Lektiecafé åbner</h1>")
        queue_next_publishing_run()
        wait_until(go_live)
        let_the_minute_come()
        run_worker()
        self.assertContains(self.client.get(story.url), "Lektiecafé åbner igen</h1>")

    def test_a_failing_run_still_queues_the_next_one(self):
        queue_next_publishing_run()
        let_the_minute_come()
        with mock.patch("kvarter.scheduling.call_command", side_effect=RuntimeError("db gone")):
            run_worker()
        self.assertEqual(waiting_runs().count(), 1)

    def test_finished_runs_older_than_a_day_are_forgotten(self):
        queue_next_publishing_run()
        let_the_minute_come()
        run_worker()
        finished = DBTaskResult.objects.filter(
            task_path=publish_scheduled.module_path, status="SUCCESSFUL"
        )
        finished.update(finished_at=timezone.now() - datetime.timedelta(days=2))
        let_the_minute_come()
        run_worker()
        self.assertEqual(finished.count(), 1, "only the run that has just finished")

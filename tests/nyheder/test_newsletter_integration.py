"""The newsletter end to end against a real SMTP server, and real workers on PostgreSQL.

The worker tests start `manage.py db_worker` as subprocesses on the test database, so they need
PostgreSQL (an in-memory SQLite database cannot be shared) and run in the PostgreSQL pass of
`make test`.
"""

import collections
import os
import re
import signal
import subprocess
import sys
import time
import unittest
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from nyheder.newsletter import sending
from nyheder.newsletter.models import Delivery, EditionSend, Subscriber
from tests.factories.newsletter import NewsletterPageFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, run_worker

from .smtp_sink import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"https?://\S+?/nyhedsbrev/\w+/[^\s\"<>]+/")


def smtp_settings(sink):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=sink.port,
        EMAIL_USE_TLS=False,
        TASKS=DATABASE_TASKS,
    )


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


class WholeFlowTests(TestCase):
    """Sign up on the Arabic page, confirm from the mail, receive an edition, leave in one click."""

    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=cls.home)

    def test_sign_up_confirm_receive_and_unsubscribe_in_one_click(self):
        with SmtpSink() as sink, smtp_settings(sink):
            response = self.client.post(
                "/ar/nyhedsbrev/tilmeld/",
                {"email": "Layla.Haddad@Example.org", "language": "ar", "consent": "on"},
            )
            self.assertEqual(response.status_code, 302)
            run_worker()  # the worker sends the confirmation mail
            sink.wait_for(1)
            confirm_link = LINK.search(text_part(sink.messages[0])).group(0)
            self.assertIn("/ar/nyhedsbrev/bekraeft/", confirm_link)

            # A link scanner that opens the link confirms nobody.
            path = confirm_link.split("://", 1)[1].split("/", 1)[1]
            self.assertEqual(self.client.get("/" + path).status_code, 200)
            subscriber = Subscriber.objects.get()
            self.assertEqual(subscriber.status, Subscriber.Status.PENDING)
            self.client.post("/" + path)
            subscriber.refresh_from_db()
            self.assertEqual(subscriber.status, Subscriber.Status.CONFIRMED)
            run_worker()
            sink.wait_for(2)  # the welcome mail

            self.assertEqual(sending.queue_edition(self.edition), 1)
            run_worker()
            sink.wait_for(3)

        newsletter = sink.messages[2]
        self.assertEqual(newsletter["To"], "layla.haddad@example.org")
        self.assertEqual(newsletter["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        one_click, mailto = [
            part.strip(" <>") for part in newsletter["List-Unsubscribe"].split(",")
        ]
        self.assertTrue(mailto.startswith("mailto:"))
        html = newsletter.get_body(preferencelist=("html",)).get_content()
        self.assertIn('dir="rtl"', html)

        # What a mail program does: a POST with no cookies and no CSRF token.
        mail_program = Client(enforce_csrf_checks=True)
        path = "/" + one_click.split("://", 1)[1].split("/", 1)[1]
        response = mail_program.post(
            path,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 200)
        subscriber.refresh_from_db()
        self.assertEqual(subscriber.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertEqual(sending.progress(self.edition)["unsubscribes"], 1)

    def test_a_sign_up_while_the_mail_server_is_down_gets_its_mail_later(self):
        sink = SmtpSink()
        with smtp_settings(sink):
            response = self.client.post(
                "/da/nyhedsbrev/tilmeld/",
                {"email": "karen@example.org", "language": "da", "consent": "on"},
            )
            run_worker()  # the server is not there yet: the mail waits for a retry
            self.assertEqual(response.status_code, 302)
            retry = DBTaskResult.objects.get(status="READY")
            self.assertGreater(retry.run_after, timezone.now())

            with sink:
                DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
                run_worker()
                sink.wait_for(1)
        self.assertIn("/da/nyhedsbrev/bekraeft/", text_part(sink.messages[0]))

    def test_a_refusing_server_marks_the_delivery_failed_and_suppresses(self):
        reader = Subscriber.objects.create(email="gone@example.org", status="confirmed")
        with SmtpSink(refuse=["gone@example.org"]) as sink, smtp_settings(sink):
            sending.queue_edition(self.edition)
            run_worker()
        reader.refresh_from_db()
        self.assertEqual(Delivery.objects.get().state, "failed")
        self.assertEqual(reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertEqual(sink.count, 0)


@unittest.skipUnless(connection.vendor == "postgresql", "workers share the database: PostgreSQL")
class WorkerProcessTests(TransactionTestCase):
    """Real `db_worker` processes: two at once, and one killed with SIGKILL mid-send."""

    subscribers = 2000

    def setUp(self):
        home, _locales = create_site()
        self.edition = NewsletterPageFactory(parent__parent=home)
        languages = [code for code, _name in settings.LANGUAGES]
        Subscriber.objects.bulk_create(
            Subscriber(
                email=f"reader{n}@example.org",
                language=languages[n % len(languages)],
                status=Subscriber.Status.CONFIRMED,
            )
            for n in range(self.subscribers)
        )
        self.workers = []

    def tearDown(self):
        for worker in self.workers:
            if worker.poll() is None:
                worker.kill()
            worker.wait()

    def start_worker(self, sink, *args, lease_seconds=600):
        database = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kvartersite.settings.dev",
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
                f"/{database['NAME']}"
            ),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
            "EMAIL_USE_TLS": "false",
            "NEWSLETTER_LEASE_SECONDS": str(lease_seconds),
            "VAR_DIR": settings.VAR_DIR.as_posix(),
        }
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1"]
            + list(args),
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.workers.append(worker)
        return worker

    def wait_until_finished(self, timeout=120):
        deadline = time.monotonic() + timeout
        while EditionSend.objects.get(edition=self.edition).status != "finished":
            if time.monotonic() > deadline:
                self.fail(f"not finished after {timeout} s: {sending.progress(self.edition)}")
            time.sleep(0.2)

    def test_two_workers_send_an_edition_of_2000_without_duplicates(self):
        # A server slow enough that the send outlasts the second worker's start-up.
        with SmtpSink(delay=0.003, keep_messages=False) as sink:
            with override_settings(TASKS=DATABASE_TASKS):
                sending.queue_edition(self.edition)
            first = self.start_worker(sink, "--batch", "--worker-id", "first")
            second = self.start_worker(sink, "--batch", "--worker-id", "second")
            for worker in (first, second):
                self.assertEqual(worker.wait(timeout=180), 0, worker.stderr.read().decode())
            received = sink.recipients()

        print(f"\n  two workers: {sink.count} messages, {len(received)} recipients")
        self.assertEqual(len(received), self.subscribers)
        self.assertEqual(max(received.values()), 1)
        self.assertEqual(sending.progress(self.edition)["sent"], self.subscribers)
        batches_by_worker = collections.Counter(
            worker
            for ids, sent in DBTaskResult.objects.filter(status="SUCCESSFUL").values_list(
                "worker_ids", "return_value"
            )
            if sent
            for worker in ids
        )
        print(f"  batches sent per worker: {dict(batches_by_worker)}")
        self.assertEqual(set(batches_by_worker), {"first", "second"})

    def test_a_worker_killed_mid_send_loses_nobody_and_repeats_at_most_one_batch(self):
        batch_size = settings.NEWSLETTER_BATCH_SIZE
        # A slow server, so that the kill lands in the middle of the send.
        with SmtpSink(delay=0.002, keep_messages=False) as sink:
            with override_settings(TASKS=DATABASE_TASKS):
                sending.queue_edition(self.edition)
            doomed = self.start_worker(sink, lease_seconds=3)
            sink.wait_for(self.subscribers // 3)
            doomed.send_signal(signal.SIGKILL)
            doomed.wait()
            in_flight = Delivery.objects.filter(state="sending").count()
            sent_before = sink.count

            self.start_worker(sink, lease_seconds=3)
            self.wait_until_finished()
            received = sink.recipients()

        duplicates = sum(count - 1 for count in received.values())
        print(
            f"\n  killed after {sent_before} messages with {in_flight} in flight; "
            f"after restart: {len(received)} recipients, {duplicates} duplicates"
        )
        self.assertLessEqual(in_flight, batch_size)
        self.assertEqual(len(received), self.subscribers)  # nobody lost
        self.assertLessEqual(duplicates, in_flight)  # at most the batch in flight
        self.assertEqual(sending.progress(self.edition)["sent"], self.subscribers)

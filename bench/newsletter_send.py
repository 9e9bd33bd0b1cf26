"""Newsletter sending to a local SMTP sink, next to a raw smtplib loop in the same run.

Goals: the pipeline (claim a batch, build each reader's message, send, record) reaches ≥ 80 %
of the messages per second of a bare smtplib loop sending the same message, and peak memory
stays flat from 1,000 to 10,000 subscribers.

.venv/bin/python bench/newsletter_send.py            # 1,000 and 10,000, each in its own process
.venv/bin/python bench/newsletter_send.py --size N   # one size (what the parent runs)
"""

import argparse
import json
import resource
import smtplib
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from _setup import report, setup, teardown

SIZES = [1000, 10_000]
GOAL_RATIO = 0.8


def start_sink(port):
    """aiosmtpd's discarding handler in its own process, as a real server would be."""
    sink = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"]
        + ["-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            smtplib.SMTP("127.0.0.1", port, timeout=1).quit()
            return sink
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the SMTP sink did not start")


def raw_rate(port, message_bytes, sender, recipients):
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for recipient in recipients:
            smtp.sendmail(sender, [recipient], message_bytes)
    return len(recipients) / (time.perf_counter() - started)


def one_size(size):
    connection, original_name = setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    from nyheder.newsletter import sending
    from nyheder.newsletter.messages import MessageTemplate
    from nyheder.newsletter.models import Delivery, RenderedEdition, Subscriber
    from tests.factories.newsletter import NewsletterPageFactory
    from tests.kvarter.helpers import create_site
    from tests.nyheder.smtp_sink import free_port

    home, _locales = create_site()
    edition = NewsletterPageFactory(parent__parent=home)
    Subscriber.objects.bulk_create(
        (Subscriber(email=f"reader{n}@example.org", status="confirmed") for n in range(size)),
        batch_size=2000,
    )
    port = free_port()
    sink = start_sink(port)
    smtp = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    )
    try:
        with smtp:
            started = time.perf_counter()
            sending.queue_edition(edition)
            queue_seconds = time.perf_counter() - started
            started = time.perf_counter()
            call_command("db_worker", batch=True, interval=0, reload=False, startup_delay=False)
            seconds = time.perf_counter() - started
            sent = Delivery.objects.filter(state="sent").count()
            # The same message, as one reader gets it, sent by a bare loop.
            rendered = RenderedEdition.objects.get(language="da")
            delivery = Delivery.objects.select_related("subscriber").first()
            message = MessageTemplate(rendered, edition.pk, "http://localhost").for_delivery(
                delivery
            )
            message_bytes = message.message().as_bytes(linesep="\r\n")
            recipients = [f"raw{n}@example.org" for n in range(size)]
            raw = raw_rate(port, message_bytes, settings.NEWSLETTER_FROM_EMAIL, recipients)
    finally:
        sink.terminate()
        sink.wait()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = sent / seconds
    row = {
        "benchmark": f"newsletter send {size}",
        "database": connection.vendor,
        "hits": sent,
        "seconds": seconds,
        "queue_s": queue_seconds,
        "msgs_per_s": rate,
        "raw_msgs_per_s": raw,
        "ratio": rate / raw,
        "peak_mb": peak_mb,
        "message_kb": len(message_bytes) / 1024,
        # The columns `make bench` prints.
        "measure": "msgs/s pipeline / raw smtplib, peak memory",
        "value": f"{rate:.0f} / {raw:.0f}, {peak_mb:.0f} MB",
        "goal": f"ratio ≥ {GOAL_RATIO}, memory flat",
        "ok": sent == size and rate / raw >= GOAL_RATIO,
    }
    teardown(connection, original_name)
    return row, connection.vendor


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int)
    args = parser.parse_args()
    if args.size:
        row, _vendor = one_size(args.size)
        print(json.dumps(row))
        return
    rows = []
    for size in SIZES:
        # A process per size, so that each peak memory figure is its own.
        output = subprocess.run(
            [sys.executable, __file__, "--size", str(size)],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent,
        ).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
    flat = rows[-1]["peak_mb"] <= rows[0]["peak_mb"] * 1.25
    for row in rows:
        row["memory_flat"] = flat
        row["ok"] = row["ok"] and flat
    report("newsletter_send", rows, SimpleNamespace(vendor=rows[0]["database"]))


if __name__ == "__main__":
    main()

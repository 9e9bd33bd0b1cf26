"""Reliability under load, each printing what it saw:

1. wrk, 32 connections for 30 s over a mix of pages, through the nginx front and straight to
   gunicorn (Django's Redis page cache only): 0 errors.
2. PostgreSQL restarted during load: errors stay inside the restart window, and the site
   recovers by itself (no restart of gunicorn).
3. Redis stopped during load: every page is still served.
4. A newsletter worker (`manage.py db_worker`) killed with SIGKILL a third of the way through an
   edition of 2,000, on SQLite and on PostgreSQL, then a new worker started: the time from its
   start to the first message it sends and to the dead worker's batch coming back, and the
   duplicates and lost readers afterwards. Goal: sending resumes within 60 s, at most one batch
   is sent twice, nobody is lost. The SMTP server is aiosmtpd on 127.0.0.1, 2 ms per message.

The faults hit a PostgreSQL cluster and a Redis of the benchmark's own (ports 5433 and 6380),
never the ones other work on this machine uses. Only 127.0.0.1.

    .venv/bin/python bench/reliability.py
    .venv/bin/python bench/reliability.py --newsletter-only [--postgres URL]   # item 4 alone
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _prod import PYTHON, ROOT, ProductionStack, fetch, psql, save, wrk

MIX = [
    "/da/",
    "/ar/",
    "/da/historier/",
    "/da/historier/lektiecafeen-fylder-fem-borde/",
    "/da/det-sker/",
    "/da/det-sker/lektiehjaelp/",
    "/da/agerposten/",
    "/da/agerposten/2024/nr-40/",
    "/da/guides/",
    "/da/guides/start-en-forening/",
    "/da/helhedsplanen/",
    "/da/kontakt/",
    "/en/historier/feed/rss/",
    "/da/search/?q=fodbold",
]
PG_VERSION = "15"
PG_CLUSTER = "kvarterbench"
PG_PORT = 5433
REDIS_PORT = 6380
LOAD_THREADS = 8


def ensure_bench_postgres():
    """A cluster of our own, so that restarting it disturbs nobody else's tests."""
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if PG_CLUSTER not in clusters:
        subprocess.run(
            ["pg_createcluster", PG_VERSION, PG_CLUSTER, "--port", str(PG_PORT), "--",
             "--auth-host=trust", "--auth-local=trust"],
            check=True, capture_output=True,
        )  # fmt: skip
    pg_ctl(["start"], check=False)  # already running is fine


def pg_ctl(action, check=True):
    return subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, *action],
        check=check,
        capture_output=True,
    )


def start_bench_redis(workdir):
    subprocess.run(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "yes", "--dir", str(workdir),
         "--pidfile", str(workdir / "redis.pid")],
        check=True, capture_output=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ping = subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True)
        if ping.stdout.strip() == b"PONG":
            return
        time.sleep(0.1)
    raise RuntimeError("the benchmark's Redis did not start")


def stop_bench_redis():
    subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True)


class Load:
    """Threads requesting the mix in turn, recording (time, status) for every answer."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.answers = []
        self.running = True
        self.threads = [threading.Thread(target=self.work, args=(n,)) for n in range(LOAD_THREADS)]

    def work(self, seed):
        rng = random.Random(seed)
        while self.running:
            path = rng.choice(MIX)
            try:
                status, _headers, _body = fetch(self.base_url + path, timeout=10)
            except OSError:
                status = 0  # refused, reset or timed out
            self.answers.append((time.monotonic(), status))

    def __enter__(self):
        self.started = time.monotonic()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join()

    def errors_between(self, start, end):
        return sum(1 for at, status in self.answers if start <= at < end and not ok(status))

    def count_between(self, start, end):
        return sum(1 for at, _status in self.answers if start <= at < end)


def ok(status):
    return 200 <= status < 300  # every page of the mix answers 200 when all is well


def mix_under_wrk(stack):
    rows = []
    for name, urls, headers in (
        ("nginx front", [stack.nginx_url(path) for path in MIX], None),
        (
            "gunicorn + Redis page cache",
            [stack.gunicorn_url(path) for path in MIX],
            {"X-Forwarded-Proto": "https"},
        ),
    ):
        run = wrk(urls, seconds=30, connections=32, headers=headers)
        print(f"  mix via {name}: {run}")
        rows.append(
            {
                "benchmark": f"wrk 32 conn 30 s, page mix: {name}",
                "database": "postgresql",
                "measure": "req/s",
                "value": round(run["req_per_s"]),
                "errors": run["errors"],
                "goal": "0 errors",
                "ok": run["errors"] == 0,
            }
        )
    return rows


def postgres_restart(stack):
    base = stack.gunicorn_url("")
    with Load(base) as load:
        time.sleep(5)
        window_start = time.monotonic()
        pg_ctl(["restart", "-m", "fast"])
        window_end = time.monotonic()
        time.sleep(10)
    # Requests already in flight when PostgreSQL came back may still fail: one second of grace.
    grace = 1.0
    outside = load.errors_between(load.started, window_start) + load.errors_between(
        window_end + grace, time.monotonic()
    )
    inside = load.errors_between(window_start, window_end + grace)
    last_five = load.errors_between(time.monotonic() - 5, time.monotonic())
    seen = (
        f"restart took {window_end - window_start:.1f} s; {len(load.answers)} requests; "
        f"{inside} errors inside the window, {outside} outside, {last_five} in the last 5 s"
    )
    print(f"  PostgreSQL restart: {seen}")
    return {
        "benchmark": "PostgreSQL restarted under load (gunicorn, page cache off)",
        "database": "postgresql",
        "measure": "errors outside restart window",
        "value": outside,
        "errors": inside,
        "goal": "0 outside, recovers alone",
        "ok": outside == 0 and last_five == 0 and load.count_between(window_end + grace, 1e12) > 0,
    }


def redis_stopped(stack, workdir):
    with Load(stack.gunicorn_url("")) as load:
        time.sleep(3)
        stopped_at = time.monotonic()
        stop_bench_redis()
        time.sleep(10)
        restarted_at = time.monotonic()
        start_bench_redis(workdir)
        time.sleep(3)
    _status, _headers, body = fetch(stack.gunicorn_url("/healthz"))
    errors = load.errors_between(load.started, time.monotonic())
    without = load.count_between(stopped_at, restarted_at)
    seen = (
        f"{without} requests while Redis was down, {errors} errors in all; "
        f"health after restart: {body.decode()}"
    )
    print(f"  Redis stopped: {seen}")
    return {
        "benchmark": "Redis stopped under load (gunicorn, page cache on)",
        "database": "postgresql",
        "measure": "requests served without Redis",
        "value": without,
        "errors": errors,
        "goal": "0 errors",
        "ok": errors == 0 and without > 0,
    }


def main():
    ensure_bench_postgres()
    workdir = Path(subprocess.check_output(["mktemp", "-d"], text=True).strip())
    start_bench_redis(workdir)
    try:
        with ProductionStack(
            pg_admin_url=f"postgres://postgres@127.0.0.1:{PG_PORT}",
            redis_url=f"redis://127.0.0.1:{REDIS_PORT}/0",
        ) as stack:
            stack.start_gunicorn()
            stack.start_gunicorn(port=18001, PAGE_CACHE_SECONDS="0")
            stack.start_nginx()
            for path in MIX:
                status, _headers, _body = fetch(stack.nginx_url(path))
                if status != 200:
                    raise RuntimeError(f"{path} answers {status} before any load")
            rows = mix_under_wrk(stack)
            uncached = ProductionStackView(stack, port=18001)
            rows.append(postgres_restart(uncached))
            rows.append(redis_stopped(stack, workdir))
        rows.extend(newsletter_worker_killed(f"postgres://postgres@127.0.0.1:{PG_PORT}"))
    finally:
        stop_bench_redis()
        pg_ctl(["stop"], check=False)  # its data stays for the next run
    save("reliability", rows)


class ProductionStackView:
    """The stack's addresses, pointed at another gunicorn port."""

    def __init__(self, stack, port):
        self.stack = stack
        self.port = port

    def gunicorn_url(self, path):
        return self.stack.gunicorn_url(path, port=self.port)


# 4. A newsletter worker killed mid-send ------------------------------------------------------

CRASH_SUBSCRIBERS = 2000
# BENCH_CRASH_DATABASE keeps two runs of the crash test apart (it drops and creates it).
CRASH_DATABASE = os.environ.get("BENCH_CRASH_DATABASE", "kvarter_send")
RESUME_GOAL_SECONDS = 60


def newsletter_worker_killed(pg_admin_url):
    """One child process per database, since Django's settings are fixed once per process."""
    rows = []
    for database in ("sqlite", f"{pg_admin_url}/{CRASH_DATABASE}"):
        output = subprocess.run(
            [PYTHON, __file__, "--newsletter-crash", database],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent,
        ).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print(
            f"  worker killed mid-send ({row['database']}): killed after {row['sent_before']} "
            f"messages with {row['in_flight']} in flight; new worker's first message after "
            f"{row['first_message_s']:.1f} s, the dead worker's batch back after "
            f"{row['batch_back_s']:.1f} s, finished after {row['finished_s']:.1f} s; "
            f"{row['duplicates']} duplicates, {row['lost']} lost"
        )
        rows.append(row)
    return rows


class TimedList(list):
    """The sink's list of envelopes, with the time each arrived."""

    def __init__(self):
        super().__init__()
        self.times = []

    def append(self, item):
        self.times.append(time.monotonic())
        super().append(item)


def crash_one_database(database):
    workdir = Path(tempfile.mkdtemp(prefix="kvarter-crash-"))
    if database == "sqlite":
        database_url = f"sqlite:///{workdir / 'db.sqlite3'}"
    else:
        admin_url, name = database.rsplit("/", 1)
        psql(f"DROP DATABASE IF EXISTS {name}", admin_url=admin_url)
        psql(f"CREATE DATABASE {name}", admin_url=admin_url)
        database_url = database
    sys.path.insert(0, str(ROOT))
    from tests.nyheder.smtp_sink import SmtpSink

    # A slow server, so that the kill lands in the middle of the send, as in the crash test.
    sink = SmtpSink(delay=0.002, keep_messages=False)
    sink.envelopes = TimedList()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kvartersite.settings.dev",
        DATABASE_URL=database_url,
        VAR_DIR=str(workdir),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.port),
        EMAIL_USE_TLS="false",
    )
    os.environ.pop("NEWSLETTER_LEASE_SECONDS", None)  # the default lease is what is measured
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput"], cwd=ROOT, check=True, capture_output=True
    )
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from nyheder.newsletter import sending
    from nyheder.newsletter.models import Delivery, EditionSend, Subscriber
    from tests.factories.newsletter import NewsletterPageFactory
    from tests.kvarter.helpers import create_site

    home, _locales = create_site()
    edition = NewsletterPageFactory(parent__parent=home)
    languages = [code for code, _name in settings.LANGUAGES]
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n}@example.org",
            language=languages[n % len(languages)],
            status=Subscriber.Status.CONFIRMED,
        )
        for n in range(CRASH_SUBSCRIBERS)
    )

    def start_worker(name):
        log = (workdir / f"{name}.log").open("w")
        return subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--no-reload", "--worker-id", name],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    workers = []
    with sink:
        sending.queue_edition(edition)
        workers.append(start_worker("doomed"))
        sink.wait_for(CRASH_SUBSCRIBERS // 3, timeout=120)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait()
        sent_before = sink.count
        in_flight = set(
            Delivery.objects.filter(edition=edition, state="sending").values_list(
                "subscriber__email", flat=True
            )
        )
        restarted = time.monotonic()
        workers.append(start_worker("new"))
        deadline = restarted + 300
        send = EditionSend.objects.filter(edition=edition)
        while send.get().status != EditionSend.Status.FINISHED and time.monotonic() < deadline:
            time.sleep(0.2)
        finished = time.monotonic() - restarted
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait()
        with sink.lock:
            after = list(
                zip(sink.envelopes.times[sent_before:], sink.envelopes[sent_before:], strict=True)
            )
        received = sink.recipients()

    first_message = after[0][0] - restarted if after else None
    batch_back = next(
        (at - restarted for at, rcpts in after if {r.lower() for r in rcpts} & in_flight), None
    )
    duplicates = sum(count - 1 for count in received.values())
    lost = CRASH_SUBSCRIBERS - len(received)
    resumed_in = max(t for t in (first_message, batch_back) if t is not None) if after else None
    return {
        "benchmark": f"newsletter worker killed mid-send of {CRASH_SUBSCRIBERS:,}",
        "database": connection.vendor,
        "lease_s": settings.NEWSLETTER_LEASE_SECONDS,
        "sent_before": sent_before,
        "in_flight": len(in_flight),
        "first_message_s": first_message,
        "batch_back_s": batch_back,
        "finished_s": finished,
        "duplicates": duplicates,
        "lost": lost,
        # The columns `make bench` prints.
        "measure": "s from restart to the dead worker's batch resent",
        "value": None if batch_back is None else round(batch_back, 1),
        "errors": lost,
        "goal": f"≤ {RESUME_GOAL_SECONDS} s, ≤ 1 batch twice, 0 lost",
        "ok": resumed_in is not None
        and resumed_in <= RESUME_GOAL_SECONDS
        and duplicates <= len(in_flight) <= settings.NEWSLETTER_BATCH_SIZE
        and lost == 0,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsletter-only", action="store_true")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--newsletter-crash", metavar="DATABASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.newsletter_crash:
        print(json.dumps(crash_one_database(args.newsletter_crash)))
    elif args.newsletter_only:
        save("reliability-newsletter", newsletter_worker_killed(args.postgres))
    else:
        main()

"""Reliability under load, each printing what it saw:

1. wrk, 32 connections for 30 s over a mix of pages, through the nginx front and straight to
   gunicorn (Django's Redis page cache only): 0 errors.
2. PostgreSQL restarted during load: errors stay inside the restart window, and the site
   recovers by itself (no restart of gunicorn).
3. Redis stopped during load: every page is still served.

The faults hit a PostgreSQL cluster and a Redis of the benchmark's own (ports 5433 and 6380),
never the ones other work on this machine uses. Only 127.0.0.1.

    .venv/bin/python bench/reliability.py
"""

import random
import subprocess
import threading
import time
from pathlib import Path

from _prod import ProductionStack, fetch, save, wrk

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


if __name__ == "__main__":
    main()

"""This site next to bakerydemo, the reference Wagtail site, uncached, side by side in one run.

Both run on this machine's PostgreSQL under gunicorn with 2 sync workers and their production
settings (DEBUG off, no page cache, Redis as Django's cache). bakerydemo comes from the snapshot
in ../shared/anchors (BAKERYDEMO_TARBALL), unpacked into var/bakerydemo-<commit>/ with its own
virtual environment on our Django and Wagtail versions; none of its code is in this project.
The requests alternate between the two servers, so that the noise of a shared machine falls on
both alike:

- latency: rounds of one request to every page of both sites, in a shuffled order, at one
  connection; p50, p95 and p99 per page;
- throughput: wrk at 16 connections on each page in turn, alternating the two sites.

Goals (issue 19): p50 ≤ 10 ms on every page type, ≥ 5× bakerydemo's requests per second for
the nearest page kind, 0 errors. It prints the table, writes bench/results/bakerydemo.json and
rewrites the "Side by side with bakerydemo" section of docs/performance.md.

    .venv/bin/python bench/bakerydemo.py [--rounds 100] [--seconds 8]

BENCH_BAKERY_DATABASE (kvarter_bench_bakery), BENCH_BAKERY_REDIS_URL (redis://127.0.0.1:6379/15)
and BENCH_PORT_OFFSET (bakerydemo on 18090 + offset) keep two runs apart; our side reads the
variables of bench/_prod.py.
"""

import argparse
import http.client
import importlib.metadata
import json
import math
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

from _prod import (
    DATABASE,
    GUNICORN_PORT,
    HOST,
    PG_ADMIN_URL,
    PORT_OFFSET,
    ROOT,
    ProductionStack,
    psql,
    save,
    wrk,
)

BAKERYDEMO_TARBALL = Path(
    os.environ.get(
        "BAKERYDEMO_TARBALL", ROOT.parent / "shared" / "anchors" / "bakerydemo-8e2b625.tar.gz"
    )
)
BAKERY_DATABASE = os.environ.get("BENCH_BAKERY_DATABASE", "kvarter_bench_bakery")
BAKERY_REDIS_URL = os.environ.get("BENCH_BAKERY_REDIS_URL", "redis://127.0.0.1:6379/15")
BAKERY_PORT = 18090 + PORT_OFFSET
SCRATCH = ROOT / "var" / BAKERYDEMO_TARBALL.name.removesuffix(".tar.gz")
# Only what bakerydemo's production settings import on this path: its other production
# requirements serve uwsgi, S3, Google Cloud, Elasticsearch and basic auth, all off here.
PRODUCTION_REQUIREMENTS = ("psycopg", "whitenoise", "django-redis")
SAME_VERSIONS_AS_OURS = ("Django", "wagtail", "gunicorn")

GOAL_P50_MS = 10
GOAL_THROUGHPUT_RATIO = 5
CONNECTIONS = 16
FORWARDED = {"X-Forwarded-Proto": "https"}  # as nginx would say; the same for both servers

# Our page types, each in Danish and Arabic, and bakerydemo's page of the nearest kind.
OUR_PAGES = {
    "home": ("/da/", "home"),
    "story index": ("/da/historier/", "blog index"),
    "story": ("/da/historier/lektiecafeen-fylder-fem-borde/", "blog post"),
    "search": ("/da/search/?q=lektiehj%C3%A6lp", "search"),
    "events": ("/da/det-sker/", "breads index"),
    "event": ("/da/det-sker/lektiehjaelp/", "bread"),
    "month view": ("/da/det-sker/month/{month}/", "locations index"),
    "Agerposten archive": ("/da/agerposten/", "gallery"),
    "Agerposten issue": ("/da/agerposten/2024/nr-40/", "location"),
    "guide": ("/da/guides/start-en-forening/", "about"),
    "help desk": ("/da/frivilligdesk/", "contact form"),
}
BAKERY_PAGES = {
    "home": "/",
    "blog index": "/blog/",
    "blog post": "/blog/bread-circuses/",
    "search": "/search/?q=bread",
    "breads index": "/breads/",
    "bread": "/breads/anpan/",
    "locations index": "/locations/",
    "location": "/locations/reykjavik/",
    "gallery": "/gallery/",
    "about": "/about/",
    "contact form": "/contact-us/",
}


# -- bakerydemo ---------------------------------------------------------------------------------
def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


class Bakerydemo:
    """bakerydemo in its own folder, virtual environment, database and Redis database."""

    def __init__(self):
        self.source = SCRATCH / "src"
        self.python = SCRATCH / "venv" / "bin" / "python"
        redis = urllib.parse.urlsplit(BAKERY_REDIS_URL)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "REDIS"))},
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "*",
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_HSTS_SECONDS": "0",
            "PRIMARY_HOST": f"{HOST}:{BAKERY_PORT}",
            "DATABASE_URL": f"{PG_ADMIN_URL}/{BAKERY_DATABASE}",
            # Its settings append "/0" and "/1" for two caches; the database number goes into
            # the query string and the appended part into the fragment, so both use ours.
            "REDIS_URL": f"redis://{redis.netloc}/?db={redis.path.strip('/') or 0}#",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        self.process = None

    def prepare(self):
        fresh = not self.source.exists()
        if fresh:
            print(f"  unpacking {BAKERYDEMO_TARBALL.name} into {SCRATCH.relative_to(ROOT)}/")
            unpacked = SCRATCH / "unpacked"
            shutil.rmtree(unpacked, ignore_errors=True)
            with tarfile.open(BAKERYDEMO_TARBALL) as tar:
                tar.extractall(unpacked, filter="data")
            next(unpacked.iterdir()).rename(self.source)  # the archive's one top folder
            unpacked.rmdir()
        self.install()
        if fresh:  # its media were in the folder that is gone: start the database again too
            psql(f"DROP DATABASE IF EXISTS {BAKERY_DATABASE} WITH (FORCE)")
        created = subprocess.run(
            ["psql", f"{PG_ADMIN_URL}/postgres", "-qc", f"CREATE DATABASE {BAKERY_DATABASE}"],
            capture_output=True,
        )
        subprocess.run(
            ["redis-cli", "-u", BAKERY_REDIS_URL, "flushdb"], check=True, capture_output=True
        )
        self.manage("migrate", "--noinput", "-v", "0")
        if created.returncode == 0:
            print(f"  created the {BAKERY_DATABASE} database; loading bakerydemo's demo data")
            self.manage("load_initial_data")
        self.manage("collectstatic", "--noinput", "-v", "0")

    def install(self):
        """Its own requirements on our Django, Wagtail and gunicorn (its pins want Django 6)."""
        ours = {name: importlib.metadata.version(name) for name in SAME_VERSIONS_AS_OURS}
        stamp = SCRATCH / "installed.json"
        if stamp.exists() and json.loads(stamp.read_text()) == ours:
            return
        print(f"  installing bakerydemo's requirements with {ours}")
        requirements = self.source / "requirements"
        wanted = [
            line.strip()
            for line in (requirements / "base.txt").read_text().splitlines()
            if line.strip() and not re.match(r"(?i)(django|wagtail)\s*[<>=]", line)
        ] + [
            line.strip()
            for line in (requirements / "production.txt").read_text().splitlines()
            if re.match(r"(?i)(" + "|".join(PRODUCTION_REQUIREMENTS) + r")\b", line)
        ]
        uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
        run([uv, "venv", "-q", "--allow-existing", "-p", sys.executable, str(SCRATCH / "venv")])
        run(
            [uv, "pip", "install", "-q", "--python", str(self.python), *wanted]
            + [f"{name}=={version}" for name, version in ours.items()]
        )
        stamp.write_text(json.dumps(ours))

    def manage(self, *args):
        return run([str(self.python), "manage.py", *args], cwd=self.source, env=self.env)

    def versions(self):
        code = "import django, wagtail; print(django.__version__, wagtail.__version__)"
        django_version, wagtail_version = run([str(self.python), "-c", code]).stdout.split()
        return {"django": django_version, "wagtail": wagtail_version}

    def start(self):
        self.log = open(SCRATCH / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(self.python), "-m", "gunicorn", "bakerydemo.wsgi:application"]
            + ["--bind", f"{HOST}:{BAKERY_PORT}", "--workers", "2"]
            + ["--access-logfile", "/dev/null", "--control-socket", str(SCRATCH / "ctl")],
            cwd=self.source,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.log.close()


class PatientStack(ProductionStack):
    """On a machine loaded by other work our gunicorn's first answer can take over a minute."""

    def wait_for(self, url, seconds=300):
        super().wait_for(url, seconds)


# -- measuring ----------------------------------------------------------------------------------
def get(port, path):
    """(status, headers, seconds) of one request on a new connection, as gunicorn's sync
    workers close each one; the time runs until the last byte of the body."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers=FORWARDED)
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    return response.status, response.headers, time.perf_counter() - started


def warm(pages, seconds=120):
    """Every page answers 200 a few times: the first request creates its image renditions,
    which can take longer than gunicorn's 30 s timeout on bakerydemo's large photos."""
    for name, (port, path) in pages.items():
        deadline = time.monotonic() + seconds
        answers = 0
        while answers < 4:
            try:
                status, _headers, _seconds = get(port, path)
            except OSError:
                status = None
            if status == 200:
                answers += 1
            elif time.monotonic() > deadline:
                raise RuntimeError(f"{name} ({path} on :{port}) answers {status}")
            else:
                time.sleep(1)


def percentile(ordered, fraction):
    """The nearest-rank percentile of sorted values."""
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def latencies(pages, rounds):
    """p50/p95/p99 in ms and the non-200 answers of each page, the pages shuffled per round."""
    times = {name: [] for name in pages}
    errors = dict.fromkeys(pages, 0)
    names = list(pages)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            port, path = pages[name]
            try:
                status, _headers, seconds = get(port, path)
            except OSError:
                status, seconds = None, None
            if status == 200:
                times[name].append(seconds * 1000)
            else:
                errors[name] += 1
    result = {}
    for name, values in times.items():
        values.sort()
        result[name] = {
            "p50_ms": statistics.median(values) if values else None,
            "p95_ms": percentile(values, 0.95) if values else None,
            "p99_ms": percentile(values, 0.99) if values else None,
            "samples": len(values),
            "errors": errors[name],
        }
    return result


def interleaved(first, second):
    """The two lists merged so that the shorter is spread evenly through the longer."""
    placed = [(i / len(first), 0, item) for i, item in enumerate(first)]
    placed += [((i + 0.5) / len(second), 1, item) for i, item in enumerate(second)]
    return [item for *_position, item in sorted(placed, key=lambda p: (p[0], p[1]))]


def throughputs(ours, bakery, seconds):
    order = interleaved(list(ours.items()), list(bakery.items()))
    result = {}
    for name, (port, path) in order:
        result[name] = wrk(
            f"http://{HOST}:{port}{path}", seconds, connections=CONNECTIONS, headers=FORWARDED
        )
    return result


# -- the machine and the report -----------------------------------------------------------------
def machine(bakery):
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    postgres = run(["psql", f"{PG_ADMIN_URL}/postgres", "-Atc", "SHOW server_version"]).stdout
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024),
        "python": platform.python_version(),
        "postgresql": postgres.strip().split()[0],
        "gunicorn": importlib.metadata.version("gunicorn"),
        "wrk": wrk_version.split()[1] if wrk_version else "?",
        "ours": {
            "django": importlib.metadata.version("Django"),
            "wagtail": importlib.metadata.version("wagtail"),
        },
        "bakerydemo": bakery.versions(),
        "load_average_start": round(os.getloadavg()[0], 1),
    }


def rows_for(ours, latency, throughput, facts):
    rows = []
    for name, counterpart in ours.items():
        mine, theirs = latency[name], latency[f"bakerydemo {counterpart}"]
        mine_rate, their_rate = throughput[name], throughput[f"bakerydemo {counterpart}"]
        speedup = ratio(theirs["p50_ms"], mine["p50_ms"])
        rate_ratio = ratio(mine_rate["req_per_s"], their_rate["req_per_s"])
        errors = mine["errors"] + mine_rate["errors"]
        rows.append(
            {
                "benchmark": f"uncached {name} vs bakerydemo {counterpart}",
                "database": "postgresql",
                "measure": "p50/p95/p99 ms at 1 conn; req/s at 16",
                "value": f"{fmt_latency(mine)}; {mine_rate['req_per_s']:.0f} req/s"
                f" | bakerydemo {fmt_latency(theirs)}; {their_rate['req_per_s']:.0f} req/s",
                "ratio": f"p50 {times(speedup)} faster, {times(rate_ratio)} the req/s",
                "errors": errors,
                "goal": f"p50 ≤ {GOAL_P50_MS} ms, ≥ {GOAL_THROUGHPUT_RATIO}× req/s, 0 errors",
                "ok": (mine["p50_ms"] or float("inf")) <= GOAL_P50_MS
                and (rate_ratio or 0) >= GOAL_THROUGHPUT_RATIO
                and errors == 0,
                "ours": {**mine, **rename_rate(mine_rate)},
                "bakerydemo_page": counterpart,
                "bakerydemo": {**theirs, **rename_rate(their_rate)},
                "p50_speedup": speedup,
                "throughput_ratio": rate_ratio,
                "machine": facts,
            }
        )
    return rows


def ratio(numerator, denominator):
    """None when a side has no figure (no answer in time, on a loaded machine)."""
    return numerator / denominator if numerator and denominator else None


def times(value):
    return f"{value:.1f}×" if value is not None else "n/a"


def rename_rate(run):
    return {
        "req_per_s": run["req_per_s"],
        "wrk_requests": run["requests"],
        "wrk_errors": run["errors"],
    }


def fmt_latency(figures):
    return " / ".join(
        f"{figures[key]:.0f}" if figures[key] is not None else "n/a"
        for key in ("p50_ms", "p95_ms", "p99_ms")
    )


def markdown(rows, facts, rounds, seconds):
    ok_p50 = sum((row["ours"]["p50_ms"] or float("inf")) <= GOAL_P50_MS for row in rows)
    ok_rate = sum((row["throughput_ratio"] or 0) >= GOAL_THROUGHPUT_RATIO for row in rows)
    errors = sum(row["errors"] for row in rows)
    bakery_errors = sum(
        row["bakerydemo"]["errors"] + row["bakerydemo"]["wrk_errors"]
        for row in {row["bakerydemo_page"]: row for row in rows}.values()
    )
    lines = [
        "## Side by side with bakerydemo (`bench/bakerydemo.py`)",
        f"Run on **{facts['date']}** at commit `{facts['commit']}`: **{facts['cores']} cores,"
        f" {facts['memory_gib']} GiB**, Python {facts['python']}, PostgreSQL"
        f" {facts['postgresql']}, gunicorn {facts['gunicorn']} with 2 sync workers for each site,"
        f" wrk {facts['wrk']}. This site on Django {facts['ours']['django']} / Wagtail"
        f" {facts['ours']['wagtail']}; bakerydemo (commit 8e2b625, its demo data) on Django"
        f" {facts['bakerydemo']['django']} / Wagtail {facts['bakerydemo']['wagtail']}. Both with"
        " their production settings, DEBUG off, no page cache (ours: `PAGE_CACHE_SECONDS=0`),"
        " Redis as Django's cache, the same PostgreSQL. The machine is shared: load average"
        f" {facts['load_average_start']} at the start, {facts['load_average_end']} at the end,"
        " so the figures that count are the ratios, taken with requests interleaved between"
        f" the two servers: {rounds} rounds of one request to every page of both sites in a"
        f" shuffled order (one connection), then wrk at {CONNECTIONS} connections, {seconds} s"
        " per page, the two sites in turn.",
        "",
        "| page | this site p50 / p95 / p99 ms | req/s at 16 | bakerydemo page (nearest kind)"
        " | p50 / p95 / p99 ms | req/s at 16 | p50 faster | req/s × |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        name = row["benchmark"].removeprefix("uncached ").split(" vs bakerydemo ")[0]
        mine, theirs = row["ours"], row["bakerydemo"]
        lines.append(
            f"| {name} | {fmt_latency(mine)} | {mine['req_per_s']:.1f} | {row['bakerydemo_page']}"
            f" | {fmt_latency(theirs)} | {theirs['req_per_s']:.1f} | {times(row['p50_speedup'])}"
            f" | {times(row['throughput_ratio'])} |"
        )
    lines += [
        "",
        f"**p50 ≤ {GOAL_P50_MS} ms: {ok_p50} of {len(rows)} pages. ≥ {GOAL_THROUGHPUT_RATIO}×"
        f" bakerydemo's req/s: {ok_rate} of {len(rows)}. Errors: {errors} on this site,"
        f" {bakery_errors} on bakerydemo.** An error is an answer other than 200 at one"
        " connection, or a socket error or non-2xx/3xx answer under wrk.",
        "",
    ]
    return "\n".join(lines)


def write_docs(section):
    """Replace the section in docs/performance.md (or add it before the first section)."""
    path = ROOT / "docs" / "performance.md"
    text = path.read_text()
    heading = "## Side by side with bakerydemo"
    start = text.find(heading)
    if start == -1:
        start = end = text.find("\n## ") + 1
    else:
        following = text.find("\n## ", start + len(heading))
        end = following + 1 if following != -1 else len(text)
    path.write_text(text[:start] + section + "\n" + text[end:].lstrip("\n"))


def measure(ours, theirs, rounds, seconds):
    bakery = Bakerydemo()
    bakery.prepare()
    with PatientStack() as stack:
        print(f"  this site on :{GUNICORN_PORT} ({DATABASE}), bakerydemo on :{BAKERY_PORT}")
        stack.start_gunicorn(PAGE_CACHE_SECONDS="0")
        bakery.start()
        try:
            print("  warming up: every page answers 200 (bakerydemo's renditions)", flush=True)
            warm({**ours, **theirs})
            _status, headers, _seconds = get(*ours["home (da)"])
            if "X-Page-Cache" in headers:
                raise RuntimeError("our page cache answered: the figures would not be uncached")
            facts = machine(bakery)
            print(f"  latency: {rounds} rounds of {len(ours) + len(theirs)} pages", flush=True)
            latency = latencies({**ours, **theirs}, rounds)
            print(f"  throughput: wrk, {CONNECTIONS} connections, {seconds} s a page", flush=True)
            throughput = throughputs(ours, theirs, seconds)
            facts["load_average_end"] = round(os.getloadavg()[0], 1)
        finally:
            bakery.stop()
    return {
        "facts": facts,
        "rounds": rounds,
        "seconds": seconds,
        "latency": latency,
        "throughput": throughput,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=8, help="of wrk per page")
    parser.add_argument(
        "--report-only", action="store_true", help="the report of the last run again, no run"
    )
    args = parser.parse_args()

    month = datetime.now(UTC).strftime("%Y-%m")
    ours, ours_counterparts = {}, {}
    for kind, (path, counterpart) in OUR_PAGES.items():
        for language in ("da", "ar"):
            name = f"{kind} ({language})"
            ours[name] = (GUNICORN_PORT, path.format(month=month).replace("/da/", f"/{language}/"))
            ours_counterparts[name] = counterpart
    theirs = {f"bakerydemo {name}": (BAKERY_PORT, path) for name, path in BAKERY_PAGES.items()}

    last_run = SCRATCH / "last-run.json"
    if args.report_only:
        measured = json.loads(last_run.read_text())
    else:
        measured = measure(ours, theirs, args.rounds, args.seconds)
        last_run.write_text(json.dumps(measured, indent=2))
    latency, throughput, facts = measured["latency"], measured["throughput"], measured["facts"]

    rows = rows_for(ours_counterparts, latency, throughput, facts)
    for name in theirs:  # bakerydemo's own figures, each once
        print(
            f"  {name}: {fmt_latency(latency[name])} ms, {throughput[name]['req_per_s']:.1f} req/s"
        )
    save("bakerydemo", rows)
    section = markdown(rows, facts, measured["rounds"], measured["seconds"])
    write_docs(section)
    print(section)


if __name__ == "__main__":
    main()

"""CPU time and SQL queries of an uncached render of every page type, in-process.

Each page is requested through Django's test client (the whole middleware stack, the page cache
off) with DEBUG off and Django's cached template loader, as in production. The time is the
process's CPU time (`time.process_time`), so other work on a shared machine barely moves it;
waiting for the database is not in it, the Python spent on each query is. Every page is
rendered a few times first, so that its renditions exist and per-process caches are warm, as
they are for every reader but the first after a restart.

    .venv/bin/python bench/profile_pages.py              # the table, at 1× and 10× content
    .venv/bin/python bench/profile_pages.py --profile    # and a pyinstrument profile of /da/
    .venv/bin/python bench/profile_pages.py --only HomePage --renders 200

SQLite in memory by default, PostgreSQL when DATABASE_URL points there (REDIS_URL for the
cache, as in production; the local-memory cache otherwise).
"""

import argparse
import statistics
import time

from _pages import PAGE_TYPES
from _setup import report, setup, teardown

GOAL_MS = 10
GOAL_QUERIES = 12
WARM_RENDERS = 3
# The functions the flat profile lists, by their total share.
FLAT_LINES = 60


def page_paths():
    from django.utils import timezone

    month = timezone.localdate().strftime("%Y-%m")
    return {
        **PAGE_TYPES,
        "StoryIndexPage (ar)": "/ar/historier/",
        "EventIndexPage month": f"/da/det-sker/month/{month}/",
        "search": "/da/search/?q=lektiehj%C3%A6lp",
    }


def measure(client, path, renders):
    """CPU milliseconds of each of `renders` requests, and the queries of one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_RENDERS):
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    # Counted now: the next request empties the connection's query log.
    query_count = len(queries)
    times = []
    for _ in range(renders):
        start = time.process_time()
        client.get(path)
        times.append((time.process_time() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"p50": statistics.median(times), "p95": p95, "queries": query_count}


def profile(client, path, renders):
    """pyinstrument's view of `renders` renders of `path`, its slowest calls first."""
    from pyinstrument import Profiler

    for _ in range(WARM_RENDERS):
        client.get(path)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(renders):
        client.get(path)
    profiler.stop()
    # Shares of the whole, which the load of other work on the machine does not change much.
    print(profiler.output_text(unicode=True, time="percent_of_total"))
    flat = profiler.output_text(time="percent_of_total", flat=True, flat_time="total")
    print("\n".join(flat.splitlines()[:FLAT_LINES]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=30, help="timed renders per page")
    parser.add_argument("--only", action="append", help="page types to measure (repeatable)")
    parser.add_argument("--profile", action="store_true", help="profile the home page too")
    parser.add_argument("--once", action="store_true", help="only the demo content (1×)")
    args = parser.parse_args()

    connection, original_name = setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from query_counts import grow_listings

    settings.DEBUG = False
    assert not settings.PAGE_CACHE_SECONDS, "the page cache must be off"
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    paths = {
        name: path for name, path in page_paths().items() if not args.only or name in args.only
    }
    client = Client()
    if args.profile:
        profile(client, "/da/", args.renders)
    results = {"1×": {name: measure(client, path, args.renders) for name, path in paths.items()}}
    print_table(results)
    if not args.once:
        grow_listings()
        results["10×"] = {name: measure(client, path, args.renders) for name, path in paths.items()}
        print_table(results)
    rows = [
        {
            "benchmark": f"uncached render: {name}",
            "database": connection.vendor,
            "hits": args.renders,
            "median_ms": results["1×"][name]["p50"],
            "p95_ms": results["1×"][name]["p95"],
            "measure": "CPU ms p50 (1× / 10×), queries (1× / 10×)",
            "value": " / ".join(f"{r[name]['p50']:.1f} ms" for r in results.values())
            + ", "
            + " / ".join(str(r[name]["queries"]) for r in results.values()),
            "goal": f"p50 ≤ {GOAL_MS} ms, ≤ {GOAL_QUERIES} queries, constant",
            "ok": all(
                r[name]["p50"] <= GOAL_MS and r[name]["queries"] <= GOAL_QUERIES
                for r in results.values()
            )
            and len({r[name]["queries"] for r in results.values()}) == 1,
        }
        for name in paths
    ]
    report("profile_pages", rows, connection)
    teardown(connection, original_name)


def print_table(results):
    header = "  ".join(f"{f'{scale} p50':>8} {'p95':>6} {'SQL':>4}" for scale in results)
    print(f"\n{'page type':<24}  {header}")
    for name in next(iter(results.values())):
        cells = "  ".join(
            f"{r[name]['p50']:8.1f} {r[name]['p95']:6.1f} {r[name]['queries']:4d}"
            for r in results.values()
        )
        print(f"{name:<24}  {cells}")
    print()


if __name__ == "__main__":
    main()

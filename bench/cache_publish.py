"""The nginx cache's hit rate while editors publish: a mix of readers through the shipped nginx
config for a few minutes, with one story published every minute (the production stack, its
tasks worker sending the purges). The hit rate comes from nginx's own access log
($upstream_cache_status).

A publish drops only the pages that show the story (kvarter/page_cache.py): the story, its
listings, the home pages, the feeds, its translations. Every other page stays cached.

Goal: ≥ 95 % of the requests nginx may cache are hits.

    .venv/bin/python bench/cache_publish.py            # BENCH_MINUTES=4 by default
"""

import collections
import json
import os
import random
import subprocess
import time

from _prod import PYTHON, ROOT, ProductionStack, accept, fetch, save, wrk

PUBLISHED = "published "
MINUTES = int(os.environ.get("BENCH_MINUTES", "4"))
CONNECTIONS = 8
# A pause before each request on each connection: a steady few hundred requests a second,
# rather than the machine's maximum, so the publishes fall among realistic traffic.
PAUSE_MS = 20
GOAL = 0.95
# Readers mostly open the front pages; each other page is read now and then.
WEIGHTS = {"/da/": 10, "/ar/": 3, "/en/": 2, "/da/historier/": 5, "/da/det-sker/": 4}
FEEDS = ["/da/historier/feed/rss/", "/da/historier/feed/atom/", "/da/det-sker/ics/"]
# Searches and filtered listings have a query string: never cached (BYPASS in the log).
UNCACHEABLE = ["/da/search/?q=fest", "/da/search/?q=lektiehj%C3%A6lp", "/da/historier/?topic=x"]

LIVE_PAGES = """
import json
from wagtail.models import Page
print(json.dumps([p.url for p in Page.objects.live().filter(depth__gt=1).order_by("path")]))
"""

# Runs in `manage.py shell` with the stack's environment: one story published a minute, as an
# editor would (a new revision, then publish), after half a minute of traffic.
PUBLISHER = """
import sys, time
from nyheder.models import StoryPage
stories = list(StoryPage.objects.live().filter(locale__language_code="da").order_by("path"))
for n in range({publishes}):
    time.sleep(60 if n else 30)
    story = stories[n % len(stories)].get_latest_revision_as_object()
    story.title = story.title.rstrip(" ·") + " ·" * (n % 2 + 1)
    story.save_revision().publish()
    print("published", story.url, story.title, flush=True)
"""


def traffic_mix(stack):
    # The last line: Django's shell may first say what it imported.
    pages = json.loads(stack.manage("shell", "-c", LIVE_PAGES).stdout.splitlines()[-1])
    mix = []
    for path in pages:
        mix += [path] * WEIGHTS.get(path, 1)
    mix += FEEDS * 2 + UNCACHEABLE
    # Spread the heavy pages over the run rather than in blocks; the same order every run.
    random.Random(19).shuffle(mix)
    return mix


def read_log(path, offset):
    with open(path, "rb") as log:
        log.seek(offset)
        return [json.loads(line) for line in log if line.strip()]


def main():
    with ProductionStack() as stack:
        stack.start_gunicorn()
        stack.start_nginx()
        stack.start_worker()
        mix = traffic_mix(stack)
        urls = [stack.nginx_url(path) for path in mix]
        for url in dict.fromkeys(urls):  # a warm cache, as on a site readers already use
            fetch(url, headers=accept("br"))
        log_path = stack.workdir / "nginx-access.log"
        offset = log_path.stat().st_size

        publisher = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", PUBLISHER.format(publishes=MINUTES)],
            cwd=ROOT,
            env=stack.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        started = time.time()
        run = wrk(
            urls,
            seconds=MINUTES * 60 + 15,
            connections=CONNECTIONS,
            headers=accept("br"),
            pause_ms=PAUSE_MS,
        )
        published = [
            line.split(" ", 2)
            for line in publisher.communicate()[0].splitlines()
            if line.startswith(PUBLISHED)
        ]
        time.sleep(2)  # the worker's last purges
        last_story = published[-1] if published else None
        shows_new_title = None
        if last_story:
            _status, _headers, body = fetch(stack.nginx_url(last_story[1]))
            shows_new_title = last_story[2].encode() in body
        entries = read_log(log_path, offset)

    statuses = collections.Counter(entry["cache"] or "-" for entry in entries)
    cacheable = sum(n for status, n in statuses.items() if status not in ("BYPASS", "-"))
    hits = statuses["HIT"]
    from_cache = hits + statuses["STALE"] + statuses["UPDATING"]
    missed = collections.Counter(
        entry["uri"] for entry in entries if entry["cache"] in ("MISS", "EXPIRED")
    )
    print(f"  {len(published)} stories published in {time.time() - started:.0f} s of traffic")
    print(f"  cache statuses: {dict(statuses)}")
    print(f"  most missed: {missed.most_common(8)}")
    print(f"  the last published title is served through nginx: {shows_new_title}")
    hit_rate = hits / cacheable if cacheable else 0.0
    save(
        "cache_publish",
        [
            {
                "benchmark": f"nginx cache hit rate, {MINUTES} min, 1 story published a minute",
                "database": "postgresql",
                "measure": "hits / cacheable requests",
                "value": f"{hit_rate:.1%}",
                "requests": len(entries),
                "cacheable": cacheable,
                "served_from_cache": f"{from_cache / cacheable:.1%}" if cacheable else "-",
                "publishes": len(published),
                "req_per_s": round(run["req_per_s"]),
                "errors": run["errors"],
                "new_title_served": shows_new_title,
                "goal": f"≥ {GOAL:.0%}",
                "ok": hit_rate >= GOAL and run["errors"] == 0 and bool(shows_new_title),
            }
        ],
    )


if __name__ == "__main__":
    main()

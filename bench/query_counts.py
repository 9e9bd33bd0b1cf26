"""SQL queries per page type with the demo content (1×) and with ten times as many children
under every listing (10×). Goal: ≤ 12 and the same at 10× as at 1×.

Each page is requested once to warm the per-process caches (site root, settings), then counted;
Django's page cache is off here (test settings), so every query of a real render is counted.
SQLite in memory by default, PostgreSQL when DATABASE_URL points there.

    .venv/bin/python bench/query_counts.py
"""

from _pages import PAGE_TYPES
from _setup import report, setup, teardown

PAGES = {**PAGE_TYPES, "StoryIndexPage (ar)": "/ar/historier/"}
LISTINGS = ["/da/historier/", "/da/det-sker/", "/da/guides/", "/da/agerposten/", "/da/nyhedsbrev/"]
GOAL = 12
FACTOR = 10


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(queries)


def grow_listings():
    """Copies of every live child of each listing, until it holds FACTOR times as many."""
    for path in LISTINGS:
        index = page_at(path)
        children = list(index.get_children().live().specific())
        for copy_number in range(1, FACTOR):
            for child in children:
                changes = {
                    "slug": f"{child.slug}-{copy_number}",
                    "title": f"{child.title} {copy_number}",
                }
                if hasattr(child, "number"):  # an Agerposten issue: its number is its address
                    changes["number"] = child.number + 1000 * copy_number
                child.copy(to=index, keep_live=True, update_attrs=changes, log_action=None)
        print(f"  {path}: {len(children)} → {index.get_children().live().count()} children")


def page_at(path):
    from wagtail.models import Page

    slug = path.rstrip("/").rsplit("/", 1)[-1]
    candidates = Page.objects.live().filter(locale__language_code="da", slug=slug)
    return next(page for page in candidates if page.url == path)


def main():
    connection, original_name = setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = Client()
    once = {name: count_queries(client, path) for name, path in PAGES.items()}
    grow_listings()
    tenfold = {name: count_queries(client, path) for name, path in PAGES.items()}
    rows = [
        {
            "benchmark": f"SQL queries: {name}",
            "database": connection.vendor,
            "measure": "queries at 1× / 10×",
            "value": f"{once[name]} / {tenfold[name]}",
            "goal": f"≤ {GOAL}, constant",
            "ok": once[name] == tenfold[name] <= GOAL,
        }
        for name in PAGES
    ]
    report("query_counts", rows, connection)
    teardown(connection, original_name)


if __name__ == "__main__":
    main()

"""The home page's "what's on" with stored dates, against expanding every rule per request.

In-process CPU time (`time.process_time`) of the section alone, with the demo events (1×) and
ten times as many, each the median of REPEATS runs. "Expanded" is what the section did before
the dates were stored: every live event of the next 60 days loaded with its image renditions,
breaks and changes, every rule expanded, the first five kept. SQLite in memory by default,
PostgreSQL when DATABASE_URL points there.

    .venv/bin/python bench/event_occurrences.py
"""

import datetime
import statistics
import time

from _setup import report, setup, teardown

REPEATS = 50
FACTOR = 10


def expanded_whats_on(index):
    from django.utils import timezone

    from arrangementer.choices import HOME_OCCURRENCES, UPCOMING_DAYS
    from arrangementer.models import EventPage
    from arrangementer.recurrence import expand_all

    now = timezone.now()
    before = now + datetime.timedelta(days=UPCOMING_DAYS)
    events = (
        EventPage.objects.live()
        .public()
        .descendant_of(index)
        .select_related("image", "category", "housing_area", "locale")
        .prefetch_related("image__renditions", "breaks", "occurrence_changes")
        .filter(starts_at__lt=before, ends_at__gt=now)
    )
    return expand_all(index.with_category_lookup(events), now, before)[:HOME_OCCURRENCES]


def stored_whats_on(index):
    from arrangementer.choices import HOME_OCCURRENCES

    return index.upcoming_occurrences(limit=HOME_OCCURRENCES)


def measure(function, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function(index)
    with CaptureQueriesContext(connection) as queries:
        shown = function(index)
    times = []
    for _ in range(REPEATS):
        started = time.process_time()
        function(index)
        times.append(time.process_time() - started)
    row = [(o.event.pk, o.start, o.status) for o in shown]
    return statistics.median(times) * 1000, len(queries), row


def grow_events(index):
    for event in list(index.get_children().live().specific()):
        for copy_number in range(1, FACTOR):
            event.copy(
                to=index,
                keep_live=True,
                update_attrs={"slug": f"{event.slug}-{copy_number}"},
                log_action=None,
            )


def main():
    connection, original_name = setup()
    from django.core.management import call_command
    from django.utils import translation

    from arrangementer.models import EventIndexPage, Occurrence

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    translation.activate("da")
    index = EventIndexPage.objects.get(locale__language_code="da")
    rows = []
    for scale in ("1×", "10×"):
        if scale == "10×":
            grow_events(index)
        events = index.get_children().live().count()
        before_ms, before_queries, before_shown = measure(expanded_whats_on, index)
        after_ms, after_queries, after_shown = measure(stored_whats_on, index)
        if before_shown != after_shown:
            raise RuntimeError(f"the stored dates differ at {scale}")
        rows.append(
            {
                "benchmark": f"home what's on, {scale} ({events} events)",
                "database": connection.vendor,
                "expanded_ms": before_ms,
                "expanded_queries": before_queries,
                "stored_ms": after_ms,
                "stored_queries": after_queries,
                "stored_rows": Occurrence.objects.count(),
            }
        )
    report("event_occurrences", rows, connection)
    teardown(connection, original_name)


if __name__ == "__main__":
    main()

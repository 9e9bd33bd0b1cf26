"""Search inside 500 generated issues of 24 pages (12,000 pages). Goal: ≤ 100 ms per query.

Runs on SQLite (FTS5) by default, and on PostgreSQL when DATABASE_URL points there:

    .venv/bin/python bench/agerposten_search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kvarter \
        .venv/bin/python bench/agerposten_search.py

Each query goes through search_pages with the live, public issues, as the archive page does.
"""

import datetime
import random
import time

from _setup import report, setup, site_with_archive, summary, teardown

ISSUES = 500
PAGES = 24
REPEATS = 20
GOAL_MS = 100
QUERIES = {
    "common word": "beboerhuset",
    "rare word": "Vandkunstværkstedet",
    "prefix": "ungdom",
    "two words": "fællesspisning onsdag",
    "no hit": "zeppelin",
}


def fill(archive):
    """500 issues, 12,000 page texts; the documents are rows only, no files are needed."""
    from django.db import transaction

    from wagtail.documents import get_document_model

    from agerposten.demo import ARTICLES
    from agerposten.models import IssuePage, IssuePdf, IssuePdfPage
    from agerposten.search import index_pages

    rng = random.Random(42)
    words = " ".join(text for _headline, text in ARTICLES).split()
    with transaction.atomic():
        documents = get_document_model().objects.bulk_create(
            get_document_model()(title=f"Bench {n}", file=f"documents/bench-{n}.pdf")
            for n in range(ISSUES)
        )
        pdfs = IssuePdf.objects.bulk_create(
            IssuePdf(document=d, status=IssuePdf.READY, page_count=PAGES, file_size=1)
            for d in documents
        )
        pages = []
        for n, pdf in enumerate(pdfs):
            for number in range(1, PAGES + 1):
                text = " ".join(rng.choice(words) for _ in range(250))
                if n == 250 and number == 3:
                    text += " Vandkunstværkstedet"
                pages.append(IssuePdfPage(pdf=pdf, number=number, text=text))
        index_pages(IssuePdfPage.objects.bulk_create(pages, batch_size=2000))
        for n, pdf in enumerate(pdfs):
            archive.add_child(
                instance=IssuePage(
                    title=f"Agerposten nr. {n + 1}",
                    slug=f"nr-{n + 1}",
                    number=n + 1,
                    date=datetime.date(2000, 1, 1) + datetime.timedelta(days=30 * n),
                    pdf=pdf,
                    locale=archive.locale,
                )
            )


def main():
    connection, original_name = setup()
    from django.db import connection as db

    from agerposten.search import search_pages

    archive = site_with_archive()
    started = time.perf_counter()
    fill(archive)
    seconds = time.perf_counter() - started
    print(f"filled {ISSUES} issues, {ISSUES * PAGES} pages in {seconds:.1f} s")
    if db.vendor == "postgresql":
        with db.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would have done by now
    rows = []
    for label, query in QUERIES.items():
        timings = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            hits = search_pages(query, archive.issues())
            timings.append(time.perf_counter() - started)
        figures = summary(timings)
        rows.append(
            {
                "benchmark": f"search: {label}",
                "database": connection.vendor,
                "hits": len(hits),
                **figures,
                "goal_ms": float(GOAL_MS),
                "ok": figures["p95_ms"] <= GOAL_MS,
            }
        )
    report("agerposten_search", rows, connection)
    teardown(connection, original_name)


if __name__ == "__main__":
    main()

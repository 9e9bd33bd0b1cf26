"""Import of a generated 24-page Agerposten PDF, cover and text included. Goal: ≤ 5 s.

.venv/bin/python bench/agerposten_import.py
"""

import datetime
import time

from _setup import report, setup, site_with_archive, teardown

RUNS = 3
PAGES = 24
GOAL_SECONDS = 5


def main():
    connection, original_name = setup()
    from agerposten.demo import ARTICLES, issue_pdf
    from agerposten.importing import import_issue

    archive = site_with_archive()
    pages = [[ARTICLES[(page + n) % len(ARTICLES)] for n in range(3)] for page in range(PAGES)]
    data = issue_pdf("Agerposten", "Benchmark", pages)
    rows = []
    for run in range(RUNS):
        started = time.perf_counter()
        issue, _ = import_issue(archive, 100 + run, datetime.date(2026, 1, 1), data, "bench.pdf")
        seconds = time.perf_counter() - started
        assert issue.pdf.page_count == PAGES, issue.pdf.page_count
        rows.append(
            {
                "benchmark": "import 24-page PDF",
                "database": connection.vendor,
                "run": run + 1,
                "size_kb": len(data) / 1024,
                "seconds": seconds,
                "goal_s": float(GOAL_SECONDS),
                "ok": seconds <= GOAL_SECONDS,
            }
        )
    report("agerposten_import", rows, connection)
    teardown(connection, original_name)


if __name__ == "__main__":
    main()

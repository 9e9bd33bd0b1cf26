"""Shared by the benchmarks: Django with the test settings and a fresh test database.

SQLite in memory by default; with DATABASE_URL pointing at PostgreSQL, a test_<name> database
there, dropped afterwards.
"""

import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvartersite.settings.test")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.db import connection

    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return connection, original_name


def teardown(connection, original_name):
    connection.creation.destroy_test_db(original_name, verbosity=0)


def site_with_archive():
    from django.utils import translation

    from tests.factories.agerposten import ArchiveIndexPageFactory
    from tests.kvarter.helpers import create_site

    translation.activate("da")
    home, _locales = create_site()
    return ArchiveIndexPageFactory(parent=home)


def summary(seconds):
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


def report(name, rows, connection):
    """Print one line per row and save them to bench/results/<name>-<vendor>.json."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}-{connection.vendor}.json"
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    for row in rows:
        print(
            "  ".join(
                f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}"
                for key, value in row.items()
            )
        )

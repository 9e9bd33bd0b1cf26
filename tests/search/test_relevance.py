import io

from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from tests.search.relevance import QUERIES, recall

# The goals of issue 16: PostgreSQL may not do worse than SQLite.
MIN_RECALL = {"sqlite": 0.90, "postgresql": 0.95}


class RelevanceTests(TestCase):
    """What residents type finds the page they are looking for, over the demo content."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    def test_the_set_covers_every_language_with_enough_queries(self):
        self.assertGreaterEqual(len(QUERIES), 80)
        self.assertEqual(
            {language for language, _, _ in QUERIES}, {"da", "en", "ar", "tr", "so", "ur"}
        )

    def test_recall_at_5(self):
        found, wanted, misses = recall(at=5)
        self.assertGreaterEqual(
            found / wanted,
            MIN_RECALL[connection.vendor],
            "\n".join(
                f"{lang} {query!r}: {title!r} not in {top}" for lang, query, title, top in misses
            ),
        )

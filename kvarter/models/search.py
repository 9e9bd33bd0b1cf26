"""What the site search holds for each page, kept up to date by `kvarter.search.backend`."""

from django.db import models

from wagtail.models import Page


class SearchDocument(models.Model):
    """One live or draft page's text and analysed terms (see kvarter/search/analysis.py).

    SQLite matches the terms with an FTS5 table (`kvarter_search_fts`), PostgreSQL with a
    generated tsvector column (`search_vector`); both are made by migration 0003.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    language = models.CharField(max_length=8, db_index=True)
    title = models.TextField()
    text = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    parts = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A word the index holds, for "Did you mean …?" and typo-tolerant queries.

    A word one letter away from another shares its first two letters or its last two, so
    `head` and `tail` narrow the candidates before they are compared.
    """

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=64)
    head = models.CharField(max_length=2)
    tail = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="kvarter_searchword_unique")
        ]
        indexes = [
            models.Index(fields=["language", "head", "length"], name="kvarter_sw_head"),
            models.Index(fields=["language", "tail", "length"], name="kvarter_sw_tail"),
        ]

    def __str__(self):
        return self.word

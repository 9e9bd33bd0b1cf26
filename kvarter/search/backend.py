"""A Wagtail search backend that keeps the residents' search index (SearchDocument).

It is a second entry in WAGTAILSEARCH_BACKENDS, so Wagtail feeds it whenever it indexes a page
(publishing, moving, deleting, `update_index`), next to the default backend that the admin
searches with. It only stores: the public search queries it in kvarter/search/query.py.
"""

import datetime

from django.db import connection, transaction
from django.utils.encoding import force_str

from wagtail.models import Page
from wagtail.search.backends.base import BaseIndex, BaseSearchBackend
from wagtail.search.index import SearchField

from kvarter.languages import locale_languages
from kvarter.models import SearchDocument, SearchWord

from . import analysis

FTS_TABLE = "kvarter_search_fts"
# Dates a resident judges a result by, the first a page has; else when it was last published.
DATE_ATTRIBUTES = ["date", "starts_at"]
MAX_WORD_LENGTH = 64
DOCUMENT_FIELDS = ["language", "title", "text", "title_terms", "terms", "parts", "date"]


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return force_str(value)


def page_text(page):
    """The title and the other searchable text of a specific page, from its search_fields."""
    texts = [
        _flatten(field.get_value(page))
        for field in page.get_search_fields()
        if isinstance(field, SearchField) and field.field_name != "title"
    ]
    return " ".join(text for text in texts if text).strip()


def page_date(page):
    for attribute in DATE_ATTRIBUTES:
        value = getattr(page, attribute, None)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
    return page.last_published_at.date() if page.last_published_at else None


def document_for(page, language):
    text = page_text(page)
    return SearchDocument(
        page_id=page.pk,
        language=language,
        title=page.title,
        text=text,
        title_terms=analysis.terms(page.title, language),
        terms=analysis.terms(text, language),
        parts=analysis.parts(f"{page.title} {text}", language),
        date=page_date(page),
    )


def add_words(texts_by_language):
    """Add the words of the texts to the vocabulary (SearchWord), once each."""
    rows = []
    for language, texts in texts_by_language.items():
        seen = set()
        for text in texts:
            for word in analysis.words(text, language):
                word = analysis.fold(word, language)
                if len(word) >= 3 and len(word) <= MAX_WORD_LENGTH and not word.isdigit():
                    seen.add(word)
        rows += [
            SearchWord(language=language, word=w, head=w[:2], tail=w[-2:], length=len(w))
            for w in seen
        ]
    SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)


def _fts_replace(documents):
    if connection.vendor != "sqlite":
        return  # PostgreSQL's search_vector is a generated column
    with connection.cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(doc.page_id,) for doc in documents]
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title_terms, terms, parts) VALUES (%s, %s, %s, %s)",
            [(doc.page_id, doc.title_terms, doc.terms, doc.parts) for doc in documents],
        )


def unindex(page_ids):
    page_ids = list(page_ids)
    if not page_ids:
        return
    SearchDocument.objects.filter(page_id__in=page_ids).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in page_ids]
            )


class ResidentIndex(BaseIndex):
    def add_model(self, model):
        pass

    def refresh(self):
        pass

    def reset(self):
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_items(self, model, items):
        if not issubclass(model, Page):
            return
        pages = [page for page in items if page.depth > 1]
        aliases = [page.pk for page in pages if page.alias_of_id]
        languages = locale_languages()
        documents = [
            document_for(page, languages[page.locale_id])
            for page in pages
            if not page.alias_of_id and page.locale_id in languages
        ]
        with transaction.atomic():
            unindex(aliases)
            SearchDocument.objects.bulk_create(
                documents,
                update_conflicts=True,
                unique_fields=["page"],
                update_fields=DOCUMENT_FIELDS,
            )
            _fts_replace(documents)
            texts = {}
            for doc in documents:
                texts.setdefault(doc.language, []).append(f"{doc.title} {doc.text}")
            add_words(texts)

    def delete_item(self, item):
        if isinstance(item, Page):
            unindex([item.pk])


class ResidentRebuilder:
    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.reset()
        return self.index

    def finish(self):
        pass


class ResidentSearchBackend(BaseSearchBackend):
    index_class = ResidentIndex
    rebuilder_class = ResidentRebuilder

    def get_index_for_model(self, model):
        return self.index_class(self)

    def all_indexes(self):
        return [self.index_class(self)]


SearchBackend = ResidentSearchBackend

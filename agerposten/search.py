"""Full-text search inside the issues, down to the page.

PostgreSQL: a generated tsvector column in the `danish` configuration with a GIN index, and a
trigram index (pg_trgm) on the text for compound parts (migration 0007).
SQLite: an FTS5 table, `agerposten_page_fts`, whose rowid is the IssuePdfPage id, and an FTS5
table with the trigram tokenizer, `agerposten_page_trigram`, for compound parts; this module
keeps both up to date (`index_pages`, `unindex_pages`).

The paper is Danish, and a query is read the way the site search reads Danish
(kvarter/search/analysis.py): every word must match, as the start of a word after Snowball
stemming ("frivillige" finds "frivillig", "fodbold" finds "fodboldklubben"), as a part of a
compound ("fest" finds "høstfesten"), or, when no page holds the word, as the indexed word one
letter away ("agerpost", "frivilig"). Pages where every word starts a word rank first.
"""

import re

from django.db import connection

from kvarter.search import analysis
from kvarter.search import query as site_search
from kvarter.search.backend import add_words

FTS_TABLE = "agerposten_page_fts"
TRIGRAM_TABLE = "agerposten_page_trigram"
SEARCH_CONFIG = "danish"
MAX_HITS = 100
WORD = re.compile(r"\w+")
LANGUAGE = "da"


def query_words(query):
    """The query's words, each with its stem and, if no page holds it, its corrections."""
    folded = [analysis.fold(w, LANGUAGE) for w in analysis.query_words(query, LANGUAGE)]
    known = site_search.vocabulary({LANGUAGE: folded})[LANGUAGE]
    return site_search.analyse_query(query, LANGUAGE, known)


def words(query):
    """The stems of a query's words, which the search matches as the start of a word."""
    return [analysis.stem(w, LANGUAGE) for w in analysis.query_words(query, LANGUAGE)]


def is_postgresql():
    return connection.vendor == "postgresql"


def create_fts_table(schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
            "USING fts5(text, tokenize='unicode61 remove_diacritics 0')"
        )


def create_trigram_table(schema_editor):
    """SQLite's equivalent of pg_trgm: any part of a word, found without reading every page."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM_TABLE} "
            "USING fts5(text, tokenize='trigram')"
        )
        schema_editor.execute(
            f"INSERT INTO {TRIGRAM_TABLE} (rowid, text) "
            "SELECT id, text FROM agerposten_issuepdfpage"
        )


def index_pages(pages):
    """Index the pages' text (PostgreSQL's column indexes itself) and add its words to the
    vocabulary that typos are corrected from."""
    pages = list(pages)
    add_words({LANGUAGE: [page.text for page in pages]})
    if connection.vendor != "sqlite":
        return
    rows = [(page.pk, page.text) for page in pages]
    with connection.cursor() as cursor:
        for table in (FTS_TABLE, TRIGRAM_TABLE):
            cursor.executemany(f"INSERT INTO {table} (rowid, text) VALUES (%s, %s)", rows)


def unindex_pages(page_ids):
    if connection.vendor != "sqlite" or not page_ids:
        return
    with connection.cursor() as cursor:
        for table in (FTS_TABLE, TRIGRAM_TABLE):
            cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(i,) for i in page_ids])


def _alternatives(qword):
    """The terms one query word may start (its stem or a correction's) and the text it may
    be part of, lower case."""
    terms = [stem for stem, _weight in qword.alternatives if stem]
    return terms, qword.word if len(qword.word) >= analysis.MIN_PART else None


def _like_pattern(part):
    return "%" + re.sub(r"([\\%_])", r"\\\1", part) + "%"


def _postgresql_conditions(qwords):
    """(every word starts a word, every word starts a word or is part of one), as SQL and
    parameters. PostgreSQL stems the words (and their corrections) with the configuration
    that stemmed the pages, so the two always meet; the trigram index finds the parts. A word
    the configuration drops ("og", "i") asks for nothing."""

    def starts(tsquery):
        sql = (
            f"(numnode(to_tsquery('{SEARCH_CONFIG}', %s)) = 0"
            f" OR p.search_vector @@ to_tsquery('{SEARCH_CONFIG}', %s))"
        )
        return sql, [tsquery, tsquery]

    words, any_sql, any_params = [], [], []
    for qword in qwords:
        _, part = _alternatives(qword)
        written = [qword.word] + [word for word, _stem in qword.corrections]
        tsquery = " | ".join(f"{word}:*" for word in written)
        words.append(f"({tsquery})")
        sql, params = starts(tsquery)
        if part:
            sql, params = f"({sql} OR p.text ILIKE %s)", [*params, _like_pattern(part)]
        any_sql.append(sql)
        any_params += params
    every_sql, every_params = starts(" & ".join(words))
    return (every_sql, every_params), (" AND ".join(any_sql), any_params)


def _fts_match(terms):
    return " OR ".join(f'"{term}"*' for term in terms)


def _sqlite_conditions(qwords):
    """As _postgresql_conditions, with the FTS5 tables: the words' stems as word starts, and
    the trigram table for the parts."""
    in_fts = f"p.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
    words, any_sql, any_params = [], [], []
    for qword in qwords:
        terms, part = _alternatives(qword)
        words.append(f"({_fts_match(terms)})")
        sql, params = in_fts, [_fts_match(terms)]
        if part:
            sql = (
                f"({sql} OR p.id IN "
                f"(SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH %s))"
            )
            params.append(f'"{part}"')
        any_sql.append(sql)
        any_params += params
    return (in_fts, [" AND ".join(words)]), (" AND ".join(any_sql), any_params)


def _hits(qwords, issues, limit):
    """Pages where every word starts a word first, then, while there is room, those where
    some are only parts of words; each by page id, and only the shown pages' text is read.
    The parts are looked up only when whole words leave room, because a common part is on
    nearly every page and costs the most to find. `p.id + 0` keeps PostgreSQL from walking
    the primary key in order, which reads every page when a word is on none (a typo, a word
    never printed): the GIN and trigram indexes find the pages."""
    conditions = _postgresql_conditions if is_postgresql() else _sqlite_conditions
    (every_sql, every_params), (any_sql, any_params) = conditions(qwords)
    allowed_sql, allowed_params = issues.values("pdf_id").query.sql_with_params()

    def pages_where(where, params):
        sql = (
            "SELECT p.id, p.pdf_id, p.number, p.text FROM agerposten_issuepdfpage p"
            " WHERE p.id IN (SELECT p.id FROM agerposten_issuepdfpage p"
            f" WHERE {where} AND p.pdf_id IN ({allowed_sql}) ORDER BY p.id + 0 LIMIT %s)"
            " ORDER BY p.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *allowed_params, limit])
            return cursor.fetchall()

    rows = pages_where(every_sql, every_params)
    if len(rows) < limit:
        shown = {page_id for page_id, *_ in rows}
        rows += [row for row in pages_where(any_sql, any_params) if row[0] not in shown]
    return [(pdf_id, number, text) for _page_id, pdf_id, number, text in rows[:limit]]


def search_pages(query, issues, limit=MAX_HITS):
    """Hits inside the PDFs of `issues` (an IssuePage queryset), best first.

    Each hit is a dict: issue, page (number), snippet (safe HTML), url (<pdf>#page=N).
    Three or four queries, whatever the number of issues: the vocabulary, the pages where the
    words start words (and, while there is room, where they are parts of words), then the
    issues they are in.
    """
    qwords = [qword for qword in query_words(query) if qword.stem]
    if not qwords:
        return []
    issues = issues.order_by().filter(pdf__isnull=False)
    rows = _hits(qwords, issues, limit)
    if not rows:
        return []
    by_pdf = {
        issue.pdf_id: issue
        for issue in issues.filter(pdf_id__in={row[0] for row in rows}).select_related(
            "pdf__document"
        )
    }
    verdicts = {}  # the pages share their words
    return [
        {
            "issue": by_pdf[pdf_id],
            "page": number,
            "snippet": site_search.highlight(text, LANGUAGE, qwords, verdicts),
            "url": f"{by_pdf[pdf_id].pdf.document.url}#page={number}",
        }
        for pdf_id, number, text in rows
        if pdf_id in by_pdf
    ]

"""Full-text search inside the issues, down to the page.

PostgreSQL: a generated tsvector column with a GIN index (migration 0002).
SQLite: an FTS5 table, `agerposten_page_fts`, whose rowid is the IssuePdfPage id; this module
keeps it up to date (`index_pages`, `unindex_pages`).

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
SEARCH_CONFIG = "simple"
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


def index_pages(pages):
    """Index the pages' text (PostgreSQL's column indexes itself) and add its words to the
    vocabulary that typos are corrected from."""
    pages = list(pages)
    add_words({LANGUAGE: [page.text for page in pages]})
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, text) VALUES (%s, %s)",
            [(page.pk, page.text) for page in pages],
        )


def unindex_pages(page_ids):
    if connection.vendor != "sqlite" or not page_ids:
        return
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in page_ids])


def _alternatives(qword):
    """The terms one query word may start (its stem or a correction's) and the text it may
    be part of, lower case."""
    terms = [stem for stem, _weight in qword.alternatives if stem]
    return terms, qword.word if len(qword.word) >= analysis.MIN_PART else None


def _postgresql_hits(qwords, issues, limit):
    allowed_sql, allowed_params = issues.values("pdf_id").query.sql_with_params()
    conditions, params, all_starts = [], [], []
    for qword in qwords:
        terms, part = _alternatives(qword)
        tsquery = " | ".join(f"{term}:*" for term in terms)
        all_starts.append(f"({tsquery})")
        condition = f"p.search_vector @@ to_tsquery('{SEARCH_CONFIG}'::regconfig, %s)"
        params.append(tsquery)
        if part:
            condition = f"({condition} OR strpos(lower(p.text), %s) > 0)"
            params.append(part)
        conditions.append(condition)
    sql = (
        "SELECT p.pdf_id, p.number, p.text FROM agerposten_issuepdfpage p"
        f" WHERE {' AND '.join(conditions)} AND p.pdf_id IN ({allowed_sql})"
        f" ORDER BY p.search_vector @@ to_tsquery('{SEARCH_CONFIG}'::regconfig, %s) DESC,"
        f" ts_rank(p.search_vector, to_tsquery('{SEARCH_CONFIG}'::regconfig, %s)) DESC, p.id"
        " LIMIT %s"
    )
    every = " & ".join(all_starts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *allowed_params, every, every, limit])
        return cursor.fetchall()


def _fts_match(terms):
    return " OR ".join(f'"{term}"*' for term in terms)


def _sqlite_hits(qwords, issues, limit):
    allowed_sql, allowed_params = issues.values("pdf_id").query.sql_with_params()
    conditions, params, all_starts = [], [], []
    for qword in qwords:
        terms, part = _alternatives(qword)
        all_starts.append(f"({_fts_match(terms)})")
        condition = f"p.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        params.append(_fts_match(terms))
        if part:
            condition = f"({condition} OR instr(lower(p.text), %s) > 0)"
            params.append(part)
        conditions.append(condition)
    sql = (
        "SELECT p.pdf_id, p.number, p.text FROM agerposten_issuepdfpage p"
        f" WHERE {' AND '.join(conditions)} AND p.pdf_id IN ({allowed_sql})"
        f" ORDER BY p.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) DESC,"
        " p.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *allowed_params, " AND ".join(all_starts), limit])
        return cursor.fetchall()


def search_pages(query, issues, limit=MAX_HITS):
    """Hits inside the PDFs of `issues` (an IssuePage queryset), best first.

    Each hit is a dict: issue, page (number), snippet (safe HTML), url (<pdf>#page=N).
    Three queries, whatever the number of issues: the vocabulary, the hits, then the issues
    they are in.
    """
    qwords = [qword for qword in query_words(query) if qword.stem]
    if not qwords:
        return []
    issues = issues.order_by().filter(pdf__isnull=False)
    find = _postgresql_hits if is_postgresql() else _sqlite_hits
    rows = find(qwords, issues, limit)
    if not rows:
        return []
    by_pdf = {
        issue.pdf_id: issue
        for issue in issues.filter(pdf_id__in={row[0] for row in rows}).select_related(
            "pdf__document"
        )
    }
    return [
        {
            "issue": by_pdf[pdf_id],
            "page": number,
            "snippet": site_search.highlight(text, LANGUAGE, qwords),
            "url": f"{by_pdf[pdf_id].pdf.document.url}#page={number}",
        }
        for pdf_id, number, text in rows
        if pdf_id in by_pdf
    ]

"""Full-text search inside the issues, down to the page.

PostgreSQL: a generated tsvector column with a GIN index (migration 0002).
SQLite: an FTS5 table, `agerposten_page_fts`, whose rowid is the IssuePdfPage id; this module
keeps it up to date (`index_pages`, `unindex_pages`). Queries match every word, by prefix, so
"fodbold" also finds "fodboldklubben".
"""

import re

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

FTS_TABLE = "agerposten_page_fts"
SEARCH_CONFIG = "simple"
# pdf.clean_text removes these from the text, so they can only come from the search engine.
HIT_START, HIT_END = "\x02", "\x03"
MAX_HITS = 100
WORD = re.compile(r"\w+")


def words(query):
    return WORD.findall(query.lower())[:10]


def is_postgresql():
    return connection.vendor == "postgresql"


def create_fts_table(schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
            "USING fts5(text, tokenize='unicode61 remove_diacritics 0')"
        )


def index_pages(pages):
    if connection.vendor != "sqlite":
        return  # PostgreSQL indexes the column itself
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


def highlight(snippet):
    """Escaped text with the matched words in <mark>: PDF text never becomes markup."""
    escaped = escape(snippet.replace("\n", " "))
    return mark_safe(escaped.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


def _postgresql_hits(terms, issues, limit):
    query = " & ".join(f"{term}:*" for term in terms)
    allowed_sql, allowed_params = issues.values("pdf_id").query.sql_with_params()
    options = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=25, MinWords=10"
    # Headlines parse the text, so they are made for the best hits only, not every match.
    sql = (
        "WITH best AS ("
        " SELECT p.id, p.pdf_id, p.number, p.text, ts_rank(p.search_vector, q) AS rank"
        f" FROM agerposten_issuepdfpage p, to_tsquery('{SEARCH_CONFIG}'::regconfig, %s) q"
        f" WHERE p.search_vector @@ q AND p.pdf_id IN ({allowed_sql})"
        " ORDER BY rank DESC, p.id LIMIT %s)"
        " SELECT pdf_id, number,"
        f" ts_headline('{SEARCH_CONFIG}'::regconfig, text,"
        f" to_tsquery('{SEARCH_CONFIG}'::regconfig, %s), %s)"
        " FROM best ORDER BY rank DESC, id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, *allowed_params, limit, query, options])
        return cursor.fetchall()


def _sqlite_hits(terms, issues, limit):
    match = " ".join(f'"{term}"*' for term in terms)
    allowed_sql, allowed_params = issues.values("pdf_id").query.sql_with_params()
    sql = (
        f"SELECT p.pdf_id, p.number, snippet({FTS_TABLE}, 0, %s, %s, '…', 20) "
        f"FROM {FTS_TABLE} JOIN agerposten_issuepdfpage p ON p.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND p.pdf_id IN ({allowed_sql}) "
        f"ORDER BY {FTS_TABLE}.rank, p.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [HIT_START, HIT_END, match, *allowed_params, limit])
        return cursor.fetchall()


def search_pages(query, issues, limit=MAX_HITS):
    """Hits inside the PDFs of `issues` (an IssuePage queryset), best first.

    Each hit is a dict: issue, page (number), snippet (safe HTML), url (<pdf>#page=N).
    Two queries, whatever the number of issues: the hits, then the issues they are in.
    """
    terms = words(query)
    if not terms:
        return []
    issues = issues.order_by().filter(pdf__isnull=False)
    find = _postgresql_hits if is_postgresql() else _sqlite_hits
    rows = find(terms, issues, limit)
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
            "snippet": highlight(snippet),
            "url": f"{by_pdf[pdf_id].pdf.document.url}#page={number}",
        }
        for pdf_id, number, snippet in rows
        if pdf_id in by_pdf
    ]

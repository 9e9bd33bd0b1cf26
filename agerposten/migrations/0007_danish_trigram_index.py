"""The page texts indexed as Danish, and by trigrams.

PostgreSQL: `search_vector` is made again with the `danish` configuration (Snowball stemming,
as the site search stems Danish), and a trigram index (pg_trgm, kvarter migration 0004) on the
text finds the parts of compounds ("fest" in "høstfesten") without reading every page.
SQLite: an FTS5 table with the trigram tokenizer does what the trigram index does, filled
from the pages already stored.
"""

from django.db import migrations

from agerposten.search import TRIGRAM_TABLE, create_trigram_table

POSTGRESQL_CREATE = [
    "ALTER TABLE agerposten_issuepdfpage DROP COLUMN search_vector",
    "ALTER TABLE agerposten_issuepdfpage ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('danish'::regconfig, text)) STORED",
    "CREATE INDEX agerposten_page_text_gin ON agerposten_issuepdfpage USING gin (search_vector)",
    "CREATE INDEX agerposten_page_text_trgm ON agerposten_issuepdfpage "
    "USING gin (text gin_trgm_ops)",
]
POSTGRESQL_DROP = [
    "DROP INDEX agerposten_page_text_trgm",
    "ALTER TABLE agerposten_issuepdfpage DROP COLUMN search_vector",
    "ALTER TABLE agerposten_issuepdfpage ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, text)) STORED",
    "CREATE INDEX agerposten_page_text_gin ON agerposten_issuepdfpage USING gin (search_vector)",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_CREATE:
            schema_editor.execute(statement)
    else:
        create_trigram_table(schema_editor)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_DROP:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TRIGRAM_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("agerposten", "0006_worked_on_at"),
        ("kvarter", "0004_pg_trgm"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

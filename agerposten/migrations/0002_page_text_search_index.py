"""The full-text index of the page texts.

PostgreSQL: a generated tsvector column, `search_vector`, with a GIN index. It is not a model
field (SQLite has no tsvector); agerposten/search.py queries it with SQL. Stored, so that ranking
thousands of hits does not parse their text again.
SQLite: an FTS5 table that agerposten/search.py keeps up to date.
"""

from django.db import migrations

from agerposten.search import FTS_TABLE, create_fts_table

POSTGRESQL_CREATE = [
    "ALTER TABLE agerposten_issuepdfpage ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, text)) STORED",
    "CREATE INDEX agerposten_page_text_gin ON agerposten_issuepdfpage USING gin (search_vector)",
]
POSTGRESQL_DROP = ["ALTER TABLE agerposten_issuepdfpage DROP COLUMN search_vector"]


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_CREATE:
            schema_editor.execute(statement)
    else:
        create_fts_table(schema_editor)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_DROP:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("agerposten", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]

"""PostgreSQL's pg_trgm extension: trigram indexes for the parts of words and for typos
(kvarter/search/, agerposten/search.py). Nothing on SQLite.

pg_trgm is a trusted extension (PostgreSQL 13 and later), so the database's owner may create
it; a role that may not gets one sentence saying what to run instead.
"""

from django.db import migrations
from django.db.utils import DatabaseError

NEEDED = (
    "The site search needs PostgreSQL's pg_trgm extension, and this database role may not "
    "create it. Run `CREATE EXTENSION pg_trgm;` in the database {name} as a superuser "
    "(Debian: it is in the postgresql package), then migrate again."
)


def create_extension(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            return
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError as error:
            raise RuntimeError(NEEDED.format(name=connection.settings_dict["NAME"])) from error


class Migration(migrations.Migration):
    dependencies = [("kvarter", "0003_search_index")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]

"""The backup and restore scripts, tested: back up the benchmark database and its media with
deploy/backup.sh, restore them with deploy/restore.sh into a new database and folder, and
compare every table's row count and every media file. Then serve a page from the restored copy.

    .venv/bin/python bench/backup_restore.py
"""

import filecmp
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _prod import DATABASE, PG_ADMIN_URL, ROOT, ProductionStack, fetch, psql, save

RESTORED = "kvarter_restore_check"
COUNT_ROWS = """
SELECT string_agg(format('%s=%s', table_name,
    (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name),
     false, true, '')))[1]::text), ' ' ORDER BY table_name)
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
"""


def row_counts(database):
    output = subprocess.run(
        ["psql", f"{PG_ADMIN_URL}/{database}", "-tAc", COUNT_ROWS],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return dict(item.split("=") for item in output.split())


def same_tree(left, right):
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.diff_files:
        return False
    return all(same_tree(Path(left) / d, Path(right) / d) for d in comparison.common_dirs)


def main():
    with ProductionStack() as stack:
        media = Path(stack.env["MEDIA_ROOT"])
        work = Path(tempfile.mkdtemp(prefix="kvarter-backup-"))
        restored_media = work / "restored-media"
        started = time.perf_counter()
        env = {**os.environ, "DATABASE_URL": f"{PG_ADMIN_URL}/{DATABASE}", "MEDIA_ROOT": str(media)}
        subprocess.run([ROOT / "deploy" / "backup.sh", work / "backup"], env=env, check=True)
        psql(f"DROP DATABASE IF EXISTS {RESTORED} WITH (FORCE)")
        psql(f"CREATE DATABASE {RESTORED}")
        env = {
            **os.environ,
            "DATABASE_URL": f"{PG_ADMIN_URL}/{RESTORED}",
            "MEDIA_ROOT": str(restored_media),
        }
        subprocess.run([ROOT / "deploy" / "restore.sh", work / "backup"], env=env, check=True)
        seconds = time.perf_counter() - started

        original, restored = row_counts(DATABASE), row_counts(RESTORED)
        tables_match = original == restored
        media_match = same_tree(media, restored_media)
        # The restored copy serves the site: gunicorn on it, the home page and an image.
        stack.env.update(DATABASE_URL=f"{PG_ADMIN_URL}/{RESTORED}", MEDIA_ROOT=str(restored_media))
        stack.start_gunicorn(port=18002)
        status, _headers, _body = fetch(stack.gunicorn_url("/da/", port=18002))
        rows_total = sum(int(n) for n in restored.values())
        print(
            f"  {len(original)} tables, {rows_total} rows; tables match: {tables_match}; "
            f"media match: {media_match}; restored site answers {status}"
        )
        psql(f"DROP DATABASE IF EXISTS {RESTORED} WITH (FORCE)")
        shutil.rmtree(work)
    save(
        "backup_restore",
        [
            {
                "benchmark": "backup (pg_dump + media) and restore, compared",
                "database": "postgresql",
                "seconds": round(seconds, 1),
                "measure": "rows restored",
                "value": rows_total,
                "goal": "every table and file equal",
                "ok": tables_match and media_match and status == 200,
            }
        ],
    )


if __name__ == "__main__":
    main()

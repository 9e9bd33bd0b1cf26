#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into DATABASE_URL and MEDIA_ROOT.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/app/var/media deploy/restore.sh /backups/2026-11-24
#
# Stop the web and worker containers first. The database's tables are replaced; media files
# from the backup are put back beside any newer ones (none is deleted). Then run
# `manage.py migrate` if the running code is newer than the backup.
set -euo pipefail

source=${1:?usage: deploy/restore.sh FOLDER}
: "${DATABASE_URL:?DATABASE_URL must point at the database to restore into}"
test -f "$source/db.dump" || { echo "no db.dump in $source" >&2; exit 1; }

pg_restore --clean --if-exists --no-owner --exit-on-error --dbname "$DATABASE_URL" "$source/db.dump"

if [[ -f "$source/media.tar.gz" ]]; then
    media=${MEDIA_ROOT:?MEDIA_ROOT must point at the media folder}
    mkdir -p "$media"
    tar --extract --gzip --file "$source/media.tar.gz" --directory "$media"
fi
echo "restored from $source"

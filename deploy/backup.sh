#!/usr/bin/env bash
# Back up Charlottekvarteret: the database (pg_dump, custom format) and the media files.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/app/var/media deploy/backup.sh /backups/2026-11-24
#
# Writes db.dump and media.tar.gz into the folder. With media on S3 (AWS_STORAGE_BUCKET_NAME)
# only the database is dumped: version the bucket or sync it elsewhere (docs/deploy.md).
set -euo pipefail

target=${1:?usage: deploy/backup.sh FOLDER}
: "${DATABASE_URL:?DATABASE_URL must point at the database to back up}"
mkdir -p "$target"

# Custom format: compressed, and pg_restore can restore it into an empty or existing database.
pg_dump --format=custom --no-owner --file "$target/db.dump" "$DATABASE_URL"

if [[ -z "${AWS_STORAGE_BUCKET_NAME:-}" ]]; then
    media=${MEDIA_ROOT:?MEDIA_ROOT must point at the media folder}
    tar --create --gzip --file "$target/media.tar.gz" --directory "$media" .
fi
echo "backup written to $target"

#!/usr/bin/env bash
# Serves the site and runs the tasks worker beside it; Ctrl-C stops both.
set -euo pipefail
PY="${1:-.venv/bin/python}"

stop() {
  trap - INT TERM EXIT
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

"$PY" manage.py db_worker &
"$PY" manage.py runserver 127.0.0.1:8000 &

cat <<MSG

  Charlottekvarteret is running:  http://127.0.0.1:8000/
  Admin:                          http://127.0.0.1:8000/admin/
  Demo editor login:              $("$PY" -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvartersite.settings.dev"); import django; django.setup(); from django.conf import settings; print(" / ".join(settings.DEMO_EDITOR_CREDENTIALS))')
  Mail is written to var/mail/.   Press Ctrl-C to stop the server and the worker.

MSG
wait -n

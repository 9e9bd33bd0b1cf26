#!/usr/bin/env bash
# Fails if `makemessages` would change a catalogue, if a string is untranslated, or if a .mo is stale.
set -euo pipefail
PY="${1:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE=kvartersite.settings.test

before=$(mktemp -d)
cp -r locale "$before/"
restore() { rm -rf locale && cp -r "$before/locale" locale && rm -rf "$before"; }
trap restore EXIT

"$PY" manage.py makemessages --all --extension=html,txt,py,mjml --no-obsolete --add-location=file --ignore=.venv --ignore=node_modules --ignore=tests --ignore=var --ignore=static_collected >/dev/null
if ! diff -r -q -I '^"POT-Creation-Date' "$before/locale" locale >/dev/null; then
  diff -r -I '^"POT-Creation-Date' "$before/locale" locale | head -40
  echo "The .po catalogues are out of date: run 'make messages' and translate the new strings." >&2
  exit 1
fi

status=0
for po in locale/*/LC_MESSAGES/django.po; do
  lang=$(basename "$(dirname "$(dirname "$po")")")
  untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything is printed.
  # English is the source language: its catalogue may leave msgstr empty.
  if [ "$lang" = en ]; then untranslated=0; fi
  if [ "$untranslated" -gt 1 ] || [ "$fuzzy" -gt 1 ]; then
    echo "$lang: untranslated or fuzzy strings in $po" >&2
    status=1
  fi
  mo="${po%.po}.mo"
  if ! msgfmt --check -o - "$po" | cmp -s - "$mo"; then
    echo "$lang: $mo is missing or stale: run 'make messages'." >&2
    status=1
  fi
done
exit $status

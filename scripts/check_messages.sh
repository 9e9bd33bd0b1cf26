#!/usr/bin/env bash
# Fails if `makemessages` would change a catalogue, if a string is untranslated, or if a .mo is stale.
# site/admin_locale (the admin's Danish, completing Wagtail's) must stay out of makemessages' reach;
# its entries are checked like the others, without asking for every Wagtail msgid.
set -euo pipefail
PY="${1:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE=kvartersite.settings.test

before=$(mktemp -d)
cp -r locale "$before/"
restore() { rm -rf locale && cp -r "$before/locale" locale && rm -rf "$before"; }
trap restore EXIT

admin_before=$(find site/admin_locale -type f -exec md5sum {} + | sort)
"$PY" manage.py makemessages --all --extension=html,txt,py,mjml --no-obsolete --add-location=file --ignore=.venv --ignore=node_modules --ignore=tests --ignore=var --ignore=static_collected >/dev/null
if ! diff -r -q -I '^"POT-Creation-Date' "$before/locale" locale >/dev/null; then
  diff -r -I '^"POT-Creation-Date' "$before/locale" locale | head -40
  echo "The .po catalogues are out of date: run 'make messages' and translate the new strings." >&2
  exit 1
fi

if [ "$admin_before" != "$(find site/admin_locale -type f -exec md5sum {} + | sort)" ]; then
  echo "makemessages wrote to site/admin_locale: keep BASE_DIR / 'locale' first in LOCALE_PATHS." >&2
  exit 1
fi

status=0
for po in locale/*/LC_MESSAGES/django.po site/formats/*/LC_MESSAGES/django.po \
  site/admin_locale/*/LC_MESSAGES/*.po; do
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
# Placeholders, plural forms and the plural rule of the admin's catalogue.
"$PY" scripts/admin_messages.py check || status=1
exit $status

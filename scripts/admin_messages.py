"""The admin's Danish catalogue: what Wagtail and wagtail-localize leave in English, and a check.

Wagtail's and wagtail-localize's own Danish catalogues translate only part of their strings.
site/admin_locale/da/ completes them (see docs/admin-language.md). After an upgrade:

    .venv/bin/python scripts/admin_messages.py missing > /tmp/missing.po

lists, as .po entries with empty msgstr, every msgid of the installed packages that is
untranslated in their Danish catalogue and not yet in ours. Translate them, add them to
site/admin_locale/da/LC_MESSAGES/<domain>.po and run `make messages`.

    .venv/bin/python scripts/admin_messages.py check

fails if an entry in our catalogue is untranslated, fuzzy, lacks a plural form, or changes a
placeholder; it does not ask for every Wagtail msgid (make messages-check calls it).
"""

import importlib
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
OUR_LOCALE = ROOT / "site" / "admin_locale"
LANGUAGE = "da"
DOMAINS = ("django", "djangojs")
PACKAGES = ("wagtail", "wagtail_localize")
# %(name)s, %s, %d and {name}: what Python and JavaScript fill in at run time.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def package_dirs():
    """The installed packages' folders, found through their import, so any venv works."""
    return [Path(importlib.import_module(name).__file__).parent for name in PACKAGES]


def key(entry):
    return (entry.msgctxt, entry.msgid)


def done_keys(catalogue_path):
    if not catalogue_path.exists():
        return set()
    return {
        key(entry)
        for entry in polib.pofile(str(catalogue_path))
        if entry.translated() and not entry.obsolete
    }


def our_catalogue(domain):
    return OUR_LOCALE / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def missing_entries(domain):
    """Source entries no Danish catalogue translates yet, first seen first, without repeats."""
    ours = done_keys(our_catalogue(domain))
    seen = set()
    for package_dir in package_dirs():
        for source in sorted(package_dir.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
            danish = Path(str(source).replace("/locale/en/", f"/locale/{LANGUAGE}/"))
            done = done_keys(danish) | ours
            for entry in polib.pofile(str(source)):
                if entry.obsolete or key(entry) in done or key(entry) in seen:
                    continue
                seen.add(key(entry))
                yield source.relative_to(package_dir.parent), entry


def show_missing():
    count = 0
    for domain in DOMAINS:
        for source, entry in missing_entries(domain):
            blank = polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr="",
                msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
                comment=f"{domain}: {source}",
            )
            print(blank, end="\n")
            count += 1
    print(f"{count} msgids are still English in Danish.", file=sys.stderr)


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def problems(entry):
    if "fuzzy" in entry.flags:
        yield "fuzzy"
    if entry.msgid_plural:
        forms = [entry.msgstr_plural.get(index, "") for index in (0, 1)]
        if not all(forms):
            yield "a plural form is empty"
        # A singular may name the count in words ("one page"): compare the plural only.
        if placeholders(forms[1]) != placeholders(entry.msgid_plural):
            yield "placeholders differ in the plural"
    else:
        if not entry.msgstr:
            yield "untranslated"
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            yield "placeholders differ"


def check():
    failures = 0
    for domain in DOMAINS:
        path = our_catalogue(domain)
        if not path.exists():
            continue
        catalogue = polib.pofile(str(path))
        if catalogue.metadata.get("Plural-Forms") != "nplurals=2; plural=(n != 1);":
            print(f"{path}: Plural-Forms must be 'nplurals=2; plural=(n != 1);'", file=sys.stderr)
            failures += 1
        for entry in catalogue:
            if entry.obsolete:
                continue
            for problem in problems(entry):
                context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
                print(f"{path.name}: {entry.msgid!r}{context}: {problem}", file=sys.stderr)
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "missing":
        show_missing()
    elif command == "check":
        sys.exit(check())
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)

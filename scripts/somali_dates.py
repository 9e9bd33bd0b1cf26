"""Write Somali month, weekday and AM/PM names from CLDR to site/formats/so/LC_MESSAGES.

Django ships no Somali catalogue, so dates on /so/ would print English names. Django looks its
date names up with gettext; this catalogue answers those msgids with CLDR's `so` names, which
Babel ships. Run it again after a Babel upgrade:

    .venv/bin/python scripts/somali_dates.py && make messages
"""

import pathlib
import sys

import django
from django.conf import settings
from django.utils import dates, translation

import polib
from babel import Locale

CATALOGUE = pathlib.Path(__file__).resolve().parent.parent / "site/formats/so/LC_MESSAGES/django.po"
LANGUAGE = "so"


def entries(cldr):
    """(context, Django's msgid, Somali name) for every date name Django translates."""
    months = cldr.months["format"]
    standalone_months = cldr.months["stand-alone"]["wide"]
    days = cldr.days["format"]
    periods = cldr.day_periods["format"]["abbreviated"]
    for number, msgid in dates.MONTHS.items():
        yield None, msgid, months["wide"][number]
    for number, msgid in dates.MONTHS_ALT.items():
        yield "alt. month", msgid, standalone_months[number]
    for number, msgid in dates.MONTHS_3.items():
        yield None, msgid, months["abbreviated"][number].lower()
    for number, msgid in dates.MONTHS_AP.items():
        yield "abbrev. month", msgid, months["abbreviated"][number]
    # Django and CLDR both count weekdays from Monday = 0.
    for number, msgid in dates.WEEKDAYS.items():
        yield None, msgid, days["wide"][number]
    for number, msgid in dates.WEEKDAYS_ABBR.items():
        yield None, msgid, days["abbreviated"][number]
    for msgid, period in (("AM", "am"), ("PM", "pm"), ("a.m.", "am"), ("p.m.", "pm")):
        yield None, msgid, periods[period]


def main():
    settings.configure(USE_I18N=True)
    django.setup()
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "Charlottekvarteret",
        "PO-Revision-Date": "",
        "Last-Translator": "CLDR, through Babel",
        "Language-Team": "Unicode CLDR",
        "Language": LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    with translation.override("en"):  # the English names are Django's msgids
        for context, msgid, name in entries(Locale.parse(LANGUAGE)):
            catalogue.append(polib.POEntry(msgctxt=context, msgid=str(msgid), msgstr=name))
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(CATALOGUE))
    print(f"{len(catalogue)} date names written to {CATALOGUE}", file=sys.stderr)


if __name__ == "__main__":
    main()

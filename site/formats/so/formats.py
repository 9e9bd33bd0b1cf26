"""Somali date and number formats, from CLDR's `so` locale (Django ships none).

The month and weekday names these print come from LC_MESSAGES/django.po beside this file,
which scripts/somali_dates.py writes from the same CLDR data.
"""

# CLDR long date "MMMM d, y", short time "h:mm a" (a: GH/GD), short date "dd/MM/yy".
DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "F j, Y g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "d/m/y"
SHORT_DATETIME_FORMAT = "d/m/y g:i A"
# Monday, as in CLDR's `so`.
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

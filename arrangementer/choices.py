"""Choices and constants of the events app: the bottom of its imports, importing none of it."""

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

FREQUENCY_NONE = "none"
FREQUENCY_WEEKLY = "weekly"
FREQUENCY_MONTHLY = "monthly"
FREQUENCY_CHOICES = [
    (FREQUENCY_NONE, _("Does not repeat")),
    (FREQUENCY_WEEKLY, _("Weekly")),
    (FREQUENCY_MONTHLY, _("Monthly")),
]
MONTHLY_WEEK_CHOICES = [
    (1, _("first")),
    (2, _("second")),
    (3, _("third")),
    (4, _("fourth")),
    (-1, _("last")),
]
# Monday is 0, as in Python's datetime.weekday().
WEEKDAY_CHOICES = list(WEEKDAYS.items())

# How one occurrence stands; cancelled ones stay listed, so residents learn that it is off.
STATUS_SCHEDULED = "scheduled"
STATUS_CANCELLED = "cancelled"
STATUS_MOVED = "moved"

# How many occurrences an editor may ask for; enough for years of weekly meetings.
MAX_OCCURRENCES = 1000
# "Every nth week or month": n from 1 (every week) up to this, a year of weeks. INTERVAL_ERROR
# names the number.
MAX_INTERVAL = 52
INTERVAL_HELP = _(
    "1: every week or month. 2: every other week or month, e.g. every second Tuesday. "
    "3: every third, and so on."
)
INTERVAL_ERROR = _(
    "The interval is a whole number from 1 to 52: 1 is every week or month, 2 every other one."
)

# The index lists this many days ahead, this many occurrences to a page.
UPCOMING_DAYS = 60
EVENT_LISTING_PAGE_SIZE = 20
# An event page lists its next dates within a year.
NEXT_DATES_DAYS = 366
NEXT_DATES_LIMIT = 10
# The home page shows the next few occurrences.
HOME_OCCURRENCES = 5
# Past events stay in the subscribable feeds for a while, so calendars keep their history.
FEED_HISTORY_DAYS = 365
# Each event's dates are stored (models.Occurrence) from the first day of the month a year back
# (the month view's recent past) to 18 months ahead; the worker moves the window forward once a
# day. Months outside it are worked out from the rules when asked for.
STORED_MONTHS_BACK = 12
STORED_MONTHS_AHEAD = 18

"""Demo events: categories, the events index and a dozen events, with dates relative to today.

Loaded through the `kvarter_load_demo_content` hook (wagtail_hooks.py). The dates are fixed
when an event is first created; a second run finds the page by its slug and leaves it alone,
so nothing moves. All places and people are invented.
"""

import datetime

from .models import (
    EventBreak,
    EventCategory,
    EventIndexPage,
    EventPage,
    Occurrence,
    OccurrenceChange,
)
from .recurrence import localize

SOURCE_LANGUAGE = "da"

CATEGORIES = [
    {
        "slug": "boern",
        "name": {
            "da": "Børn",
            "en": "Children",
            "ar": "الأطفال",
            "tr": "Çocuklar",
            "so": "Carruurta",
            "ur": "بچے",
        },
    },
    {
        "slug": "unge",
        "name": {
            "da": "Unge",
            "en": "Young people",
            "ar": "الشباب",
            "tr": "Gençler",
            "so": "Dhallinyarada",
            "ur": "نوجوان",
        },
    },
    {
        "slug": "kvindegruppe",
        "name": {
            "da": "Kvindegruppe",
            "en": "Women's group",
            "ar": "مجموعة النساء",
            "tr": "Kadın grubu",
            "so": "Kooxda haweenka",
            "ur": "خواتین کا گروپ",
        },
    },
    {
        "slug": "sport",
        "name": {
            "da": "Sport og bevægelse",
            "en": "Sports",
            "ar": "الرياضة",
            "tr": "Spor",
            "so": "Ciyaaraha",
            "ur": "کھیل",
        },
    },
    {
        "slug": "kultur",
        "name": {
            "da": "Kultur",
            "en": "Culture",
            "ar": "الثقافة",
            "tr": "Kültür",
            "so": "Dhaqanka",
            "ur": "ثقافت",
        },
    },
    {
        "slug": "beboermoede",
        "name": {
            "da": "Beboermøde",
            "en": "Residents' meeting",
            "ar": "اجتماع السكان",
            "tr": "Sakinler toplantısı",
            "so": "Shirka dadka deegaanka",
            "ur": "رہائشیوں کا اجلاس",
        },
    },
    {
        "slug": "netvaerksmoede",
        "name": {
            "da": "Netværksmøde",
            "en": "Network meeting",
            "ar": "اجتماع الشبكة",
            "tr": "Ağ toplantısı",
            "so": "Shirka shabakadda",
            "ur": "نیٹ ورک میٹنگ",
        },
    },
]

INDEX = {
    "slug": "det-sker",
    "title": {"da": "Det sker", "en": "What's on"},
    "intro": {
        "da": "Lektiehjælp, fodbold, fællesspisning og møder: her er alt, der sker i kvarteret. Abonnér på kalenderen, så kommer det hele i din telefon.",
        "en": "Homework help, football, shared dinners and meetings: everything happening in the neighbourhood. Subscribe to the calendar and it all appears on your phone.",
    },
    "image": "people",
}

BEBOERHUSET = "Agerhusvej 12\n2630 Taastrup"
PARKEN = "Charlotteparken 40\n2630 Taastrup"
ENGBO = "Engbovej 3\n2630 Taastrup"

# "days": from today to the first date; "weekly"/"monthly" describe the repeat, "interval" its
# step (2: every other week); "cancel",
# "move" and "skip" pick occurrences by their number (0 is the first).
EVENTS = [
    {
        "slug": "lektiehjaelp",
        "category": "boern",
        "housing_area": "agerhusene",
        "address": BEBOERHUSET,
        "days": -14,
        "time": (16, 0),
        "hours": 2,
        "weekly": [1, 3],
        "until_days": 150,
        "skip": {"from": 12, "days": 6},
        "cancel": {"occurrence": 8},
        "languages": ["da", "ar", "so"],
        "image": "people",
        "title": {"da": "Lektiehjælp i Beboerhuset", "en": "Homework help at the community house"},
        "intro": {
            "da": "Frivillige hjælper med lektier, læsning og matematik hver tirsdag og torsdag. Der er frugt og saft.",
            "en": "Volunteers help with homework, reading and maths every Tuesday and Thursday. There is fruit and squash.",
        },
        "room": {"da": "Beboerhusets store sal", "en": "The community house's main hall"},
        "audience": {
            "da": "Skolebørn fra 1. til 9. klasse",
            "en": "School children in years 1 to 9",
        },
        "cancel_note": {
            "da": "Aflyst, fordi Beboerhuset bruges til valg.",
            "en": "Cancelled because the community house is a polling station.",
        },
        "skip_label": {"da": "Skoleferie", "en": "School holiday"},
        "body": [
            (
                "paragraph",
                {
                    "da": "Tag dine bøger med, og kom, når du har tid. Du behøver ikke melde dig til. Hjælperne er studerende og pensionerede lærere fra kvarteret.",
                    "en": "Bring your books and come when you have time. There is no need to sign up. The helpers are students and retired teachers from the neighbourhood.",
                },
            )
        ],
    },
    {
        "slug": "netvaerksmoede",
        "category": "netvaerksmoede",
        "housing_area": "engbo",
        "address": ENGBO,
        "days": 0,
        "time": (19, 0),
        "hours": 2,
        "monthly": (1, 3),
        "count": 10,
        "move": {"occurrence": 1, "days": 7},
        "languages": ["da"],
        "image": "meeting",
        "title": {"da": "Kvarternetværket mødes", "en": "The neighbourhood network meets"},
        "intro": {
            "da": "Foreninger, bestyrelser og frivillige mødes den første torsdag i måneden for at planlægge sammen.",
            "en": "Clubs, boards and volunteers meet on the first Thursday of the month to plan together.",
        },
        "room": {"da": "Engbos fælleslokale", "en": "Engbo's common room"},
        "audience": {
            "da": "Alle, der er aktive i kvarteret",
            "en": "Everyone who is active in the neighbourhood",
        },
        "move_note": {
            "da": "Flyttet en uge, fordi fælleslokalet males.",
            "en": "Moved by a week because the common room is being painted.",
        },
        "body": [
            (
                "paragraph",
                {
                    "da": "Vi starter med kaffe og en runde om, hvad der sker i hver afdeling. Derefter tager vi et tema op.",
                    "en": "We start with coffee and a round of news from each housing area. Then we take up one theme.",
                },
            )
        ],
    },
    {
        "slug": "kvindecafe",
        "category": "kvindegruppe",
        "housing_area": "charlotteparken",
        "address": PARKEN,
        "days": 1,
        "time": (10, 0),
        "hours": 2,
        "weekly": [1],
        "interval": 2,
        "until_days": 180,
        "cancel": {"occurrence": 2},
        "languages": ["da", "ar", "tr", "so", "ur"],
        "image": "garden",
        "title": {"da": "Kvindecafé", "en": "Women's café"},
        "intro": {
            "da": "Kaffe, te og en snak på mange sprog. Hver anden tirsdag formiddag mødes kvinder fra hele kvarteret.",
            "en": "Coffee, tea and a chat in many languages. Every other Tuesday morning women from all over the neighbourhood meet.",
        },
        "cancel_note": {
            "da": "Aflyst, fordi lejligheden får nyt køkken.",
            "en": "Cancelled because the flat is getting a new kitchen.",
        },
        "room": {"da": "Lejlighed 40, stuen", "en": "Flat 40, ground floor"},
        "audience": {"da": "Kvinder i alle aldre", "en": "Women of all ages"},
    },
    {
        "slug": "fodbold-for-unge",
        "category": "sport",
        "housing_area": "charlotteparken",
        "address": PARKEN,
        "days": 2,
        "time": (17, 0),
        "hours": 2,
        "weekly": [4],
        "count": 20,
        "languages": ["da", "en"],
        "image": "youth",
        "title": {"da": "Fredagsfodbold for unge", "en": "Friday football for young people"},
        "intro": {
            "da": "De Aktive Unge står for fodbold på banen hver fredag. Alle kan være med, også hvis du aldrig har spillet.",
            "en": "De Aktive Unge run football on the pitch every Friday. Everyone can join, even if you have never played.",
        },
        "room": {"da": "Boldbanen ved legepladsen", "en": "The pitch by the playground"},
        "audience": {"da": "Unge fra 13 til 19 år", "en": "Young people aged 13 to 19"},
    },
    {
        "slug": "loppemarked",
        "category": "kultur",
        "housing_area": "agerhusene",
        "address": BEBOERHUSET,
        "days": 12,
        "all_day": True,
        "languages": ["da"],
        "image": "blocks",
        "title": {"da": "Loppemarked i fælleshaven", "en": "Flea market in the shared garden"},
        "intro": {
            "da": "Sælg det, du ikke bruger, og find noget nyt. Boderne er gratis, og der er kage hele dagen.",
            "en": "Sell what you no longer use and find something new. Stalls are free, and there is cake all day.",
        },
        "room": {"da": "Fælleshaven", "en": "The shared garden"},
        "audience": {"da": "Alle", "en": "Everyone"},
    },
    {
        "slug": "kulturaften",
        "category": "kultur",
        "housing_area": "engbo",
        "address": ENGBO,
        "days": 9,
        "time": (18, 0),
        "hours": 3,
        "languages": ["da", "ar", "tr"],
        "registration_url": "https://example.org/kulturaften",
        "image": "people",
        "title": {
            "da": "Kulturaften med mad fra hele verden",
            "en": "Culture evening with food from around the world",
        },
        "intro": {
            "da": "Naboer laver mad fra deres hjemlande, og kvarterets kor synger. Tilmeld dig, så vi ved, hvor mange vi bliver.",
            "en": "Neighbours cook food from their home countries, and the neighbourhood choir sings. Sign up so we know how many are coming.",
        },
        "room": {"da": "Engbos fælleslokale", "en": "Engbo's common room"},
        "audience": {"da": "Familier og alle andre", "en": "Families and everyone else"},
        "price": {"da": "30 kr., børn gratis", "en": "DKK 30, children free"},
    },
    {
        "slug": "beboermoede-charlotteparken",
        "category": "beboermoede",
        "housing_area": "charlotteparken",
        "address": PARKEN,
        "days": 20,
        "time": (19, 0),
        "hours": 2,
        "languages": ["da", "ar"],
        "image": "meeting",
        "title": {
            "da": "Beboermøde i Charlotteparken",
            "en": "Residents' meeting in Charlotteparken",
        },
        "intro": {
            "da": "Afdelingsbestyrelsen fortæller om planerne for legepladsen, og du kan stille spørgsmål. Der er tolk til arabisk.",
            "en": "The housing board presents the plans for the playground, and you can ask questions. An Arabic interpreter is there.",
        },
        "room": {"da": "Kælderlokalet i blok C", "en": "The basement room in block C"},
        "audience": {"da": "Beboere i Charlotteparken", "en": "Residents of Charlotteparken"},
    },
    {
        "slug": "filmaften",
        "category": "kultur",
        "housing_area": "agerhusene",
        "address": BEBOERHUSET,
        "days": 25,
        "time": (19, 30),
        "hours": 2,
        "languages": ["da", "en"],
        "image": "youth",
        "title": {"da": "Premiere på beboernes film", "en": "Premiere of the residents' film"},
        "intro": {
            "da": "Beboerne har filmet hverdagen i kvarteret i et halvt år. Nu viser vi filmen for første gang, med popcorn.",
            "en": "Residents have filmed everyday life in the neighbourhood for six months. Now we show the film for the first time, with popcorn.",
        },
        "room": {"da": "Beboerhusets store sal", "en": "The community house's main hall"},
        "audience": {"da": "Alle fra 10 år", "en": "Everyone aged 10 and over"},
    },
    {
        "slug": "byg-selv-vaerksted",
        "category": "unge",
        "housing_area": "engbo",
        "address": ENGBO,
        "days": 5,
        "time": (10, 0),
        "hours": 5,
        "languages": ["da"],
        "image": "garden",
        "title": {
            "da": "Byg-selv-værksted: bænke til engen",
            "en": "Build-it-yourself workshop: benches for the meadow",
        },
        "intro": {
            "da": "Vi bygger bænke af genbrugstræ sammen. Værktøj og frokost er på plads, du skal bare tage arbejdstøj på.",
            "en": "Together we build benches from reclaimed wood. Tools and lunch are provided; just wear work clothes.",
        },
        "room": {
            "da": "Gården bag Engbos fælleslokale",
            "en": "The yard behind Engbo's common room",
        },
        "audience": {"da": "Unge og voksne", "en": "Young people and adults"},
    },
    {
        "slug": "faellesspisning",
        "category": "kultur",
        "housing_area": "agerhusene",
        "address": BEBOERHUSET,
        "days": 0,
        "time": (17, 30),
        "hours": 2,
        "monthly": (-1, 4),
        "count": 6,
        "languages": ["da", "ar", "tr", "so"],
        "image": "people",
        "title": {"da": "Fællesspisning", "en": "Shared dinner"},
        "intro": {
            "da": "Den sidste fredag i måneden laver en gruppe naboer aftensmad til alle. Køb billet i døren.",
            "en": "On the last Friday of the month a group of neighbours cooks dinner for everyone. Buy a ticket at the door.",
        },
        "room": {
            "da": "Beboerhusets køkken og sal",
            "en": "The community house's kitchen and hall",
        },
        "audience": {"da": "Alle", "en": "Everyone"},
        "price": {"da": "25 kr., børn 10 kr.", "en": "DKK 25, children DKK 10"},
    },
    {
        "slug": "sommerfest",
        "category": "kultur",
        "housing_area": "charlotteparken",
        "address": PARKEN,
        "days": -40,
        "all_day": True,
        "languages": ["da"],
        "image": "blocks",
        "title": {"da": "Sommerfest i parken", "en": "Summer party in the park"},
        "intro": {
            "da": "Hoppeborg, grill og musik for hele kvarteret. Tak til alle, der hjalp!",
            "en": "Bouncy castle, barbecue and music for the whole neighbourhood. Thanks to everyone who helped!",
        },
        "room": {"da": "Plænen ved legepladsen", "en": "The lawn by the playground"},
        "audience": {"da": "Alle", "en": "Everyone"},
    },
]


def _first_start(data, today):
    day = today + datetime.timedelta(days=data["days"])
    if "monthly" in data:
        day = day.replace(day=1)
    if "weekly" in data:
        # On one of its weekdays, as an editor enters it (and as an interval needs).
        while day.weekday() not in data["weekly"]:
            day += datetime.timedelta(days=1)
    hour, minute = data.get("time", (0, 0))
    return localize(datetime.datetime.combine(day, datetime.time(hour, minute)))


def load_events(loader, home):
    """The categories, the events index under `home` and the demo events under it."""
    categories = {
        category["slug"]: loader.translated_snippet(
            EventCategory, {"slug": category["slug"]}, {}, {"name": category["name"]}
        )
        for category in CATEGORIES
    }
    index = loader.page(home, EventIndexPage, INDEX, show_in_menus=True)
    today = datetime.date.today()
    for data in EVENTS:
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        start = _first_start(data, today)
        all_day = data.get("all_day", False)
        end = start + datetime.timedelta(hours=data.get("hours", 0))
        repeat = {}
        if "weekly" in data:
            repeat = {"frequency": "weekly", "weekdays": data["weekly"]}
        elif "monthly" in data:
            week, weekday = data["monthly"]
            repeat = {"frequency": "monthly", "monthly_week": week, "monthly_weekday": weekday}
        repeat["repeat_interval"] = data.get("interval", 1)
        if "until_days" in data:
            repeat["repeat_until"] = today + datetime.timedelta(days=data["until_days"])
        elif "count" in data:
            repeat["repeat_count"] = data["count"]
        page = loader.page(
            index,
            EventPage,
            data,
            start=start,
            end=end,
            all_day=all_day,
            housing_area=loader.housing_areas[data["housing_area"]],
            address=data["address"],
            room=data["room"][SOURCE_LANGUAGE],
            category=categories[data["category"]],
            audience=data["audience"][SOURCE_LANGUAGE],
            languages=data["languages"],
            price=data.get("price", {}).get(SOURCE_LANGUAGE, ""),
            registration_url=data.get("registration_url", ""),
            **repeat,
        )
        _add_changes(page, data)
    # Events loaded before dates were stored (or on another day) get theirs now, so that
    # `make run` lists them at once; translations and aliases store theirs as they are made.
    Occurrence.refresh_all()


def _add_changes(page, data):
    """Breaks, a cancelled and a moved date, picked from the event's own occurrences."""
    if not any(key in data for key in ("skip", "cancel", "move")):
        return
    starts = page.schedule.original_starts()
    if "skip" in data:
        first = starts[data["skip"]["from"]].date()
        EventBreak.objects.create(
            page=page,
            start_date=first,
            end_date=first + datetime.timedelta(days=data["skip"]["days"]),
            label=data["skip_label"][SOURCE_LANGUAGE],
        )
    if "cancel" in data:
        OccurrenceChange.objects.create(
            page=page,
            original_date=starts[data["cancel"]["occurrence"]].date(),
            cancelled=True,
            note=data["cancel_note"][SOURCE_LANGUAGE],
        )
    if "move" in data:
        original = starts[data["move"]["occurrence"]]
        new_start = original + datetime.timedelta(days=data["move"]["days"])
        OccurrenceChange.objects.create(
            page=page,
            original_date=original.date(),
            new_start=new_start,
            new_end=new_start + (page.end - page.start),
            note=data["move_note"][SOURCE_LANGUAGE],
        )
    page.refresh_from_db()
    page.save_revision().publish()

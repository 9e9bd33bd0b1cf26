"""Demo issues of Agerposten, made as PDFs with fpdf2 at load time and imported like real ones.

Every article is invented for this demo. Nine issues, one about every four months back from
today, so they always span three years. Only Danish: the paper is written in Danish, and the
other languages show the Danish issues. Loaded by `load_demo_content` through the
`kvarter_load_demo_content` hook (wagtail_hooks.py).
"""

import datetime

from fpdf import FPDF

from kvarter.images import filter_specs

from .importing import import_issue
from .models import ArchiveIndexPage, IssuePage

ARCHIVE = {
    "slug": "agerposten",
    "title": {"da": "Agerposten", "en": "Agerposten, the neighbourhood paper"},
    "intro": {
        "da": "Kvarterets egen avis. Her finder du alle numre som PDF, og du kan søge i dem.",
        "en": "The neighbourhood paper. Every issue is here as a PDF, and you can search them.",
    },
}

ISSUE_COUNT = 9
PAGES_PER_ISSUE = 4
NEWEST_NUMBER = 48

# (headline, text): the demo issues pick from these in turn.
ARTICLES = [
    (
        "Fodboldklubben søger trænere",
        "Ungdomsholdene i Charlotte Boldklub er vokset, og klubben mangler to voksne, der vil "
        "stå på banen tirsdag og torsdag. Man behøver ikke at have spillet selv; det vigtigste "
        "er at man kommer til tiden og kan lide børn. Kontakt formand Jens Møller-Ørsted.",
    ),
    (
        "Fællesspisning i beboerhuset",
        "Hver anden onsdag laver en ny gruppe beboere mad til alle. Sidst stod Sølvi og hendes "
        "naboer for linsesuppe og brød, og 64 spisende fik en plads. Det koster 25 kroner for "
        "voksne og 10 kroner for børn. Tilmelding på opslagstavlen i opgang 7.",
    ),
    (
        "Nye bænke langs Ågerstien",
        "Efter ønske fra beboermødet har afdelingen sat seks bænke op langs stien mod søen. "
        "Bænkene er lavet af genbrugstræ fra de gamle altaner, og to af dem har armlæn, så de "
        "er lettere at rejse sig fra.",
    ),
    (
        "Lektiecaféen holder åbent hele året",
        "Frivillige lærerstuderende hjælper med dansk, matematik og engelsk hver mandag og "
        "torsdag fra klokken 15 til 17. Forældre er også velkomne, og der er altid frugt og te.",
    ),
    (
        "Haveholdet høstede 80 kilo kartofler",
        "Fælleshaven bag blok C gav mere end nogensinde. Kartoflerne blev delt ud ved "
        "høstfesten, og resten gik til fællesspisningen. Til foråret skal der plantes jordbær "
        "og rabarber, og haveholdet søger flere hænder.",
    ),
    (
        "Vaskeriet får nye maskiner",
        "De seks ældste vaskemaskiner bliver skiftet i løbet af næste måned. Maskinerne bruger "
        "mindre vand og strøm, og tavlen til booking får store knapper og tekst på flere sprog.",
    ),
    (
        "Syklubben syr gardiner til børnehaven",
        "Tolv kvinder fra syklubben har syet nye gardiner til børnehaven Søstjernen. Stoffet var "
        "en gave fra en tekstilbutik i byen, og børnene har selv valgt farverne: gult og grønt.",
    ),
    (
        "Spørg boligsocial medarbejder",
        "Har du spørgsmål om breve fra kommunen, om husleje eller om job? Kom forbi kontoret i "
        "stueetagen tirsdag fra 10 til 12. Du kan også få hjælp til at udfylde skemaer på nettet.",
    ),
    (
        "Loppemarked på pladsen",
        "Første lørdag i måneden er der loppemarked på pladsen foran Brugsen. En stadeplads er "
        "gratis for beboere. Sidste gang solgte 31 familier legetøj, tøj og køkkenting.",
    ),
    (
        "Ungdomsklubben åbner værksted",
        "I kælderen under blok A har de unge bygget et værksted med høvlebænk og symaskine. "
        "Her kan man reparere cykler, bygge fuglekasser og lære at lodde. Åbent fredag aften.",
    ),
    (
        "Affaldssortering gør en forskel",
        "Siden de nye containere kom op, er mængden af restaffald faldet med en femtedel. "
        "Husk at pap skal foldes, og at glas og metal skal i samme beholder.",
    ),
    (
        "Seniorgruppen går tur hver fredag",
        "Klokken ti mødes seniorgruppen ved springvandet og går en time rundt om søen. Bagefter "
        "er der kaffe i beboerhuset. Turen er i roligt tempo, og alle kan være med.",
    ),
]


def issue_pdf(title, subtitle, pages):
    """PDF bytes: a front page headed `title` and `subtitle`, then one page per list of
    (headline, text) articles. Core Helvetica: Latin-1, which holds æ, ø and å."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    for number, articles in enumerate(pages, start=1):
        pdf.add_page()
        if number == 1:
            pdf.set_font("Helvetica", "B", 40)
            pdf.cell(0, 20, title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 14)
            pdf.cell(0, 10, subtitle, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
        for headline, text in articles:
            pdf.set_font("Helvetica", "B", 18)
            pdf.multi_cell(0, 9, headline, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 12)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
        # The footer sits in the bottom margin, where it must not start a new page.
        pdf.set_auto_page_break(auto=False)
        pdf.set_font("Helvetica", "", 9)
        pdf.set_y(-15)
        pdf.cell(0, 8, f"{title} · side {number}", align="C")
        pdf.set_auto_page_break(auto=True, margin=20)
    return bytes(pdf.output())


def issue_number_and_date(index, today):
    """The index-th newest demo issue's number and date."""
    return NEWEST_NUMBER - index, today - datetime.timedelta(days=30 + 120 * index)


def newest_issue_path():
    """The newest demo issue's address below the language prefix, for the browser tests."""
    number, date = issue_number_and_date(0, datetime.date.today())
    return f"{ARCHIVE['slug']}/{date.year}/nr-{number}/"


def demo_issue(index, today):
    """(number, date, PDF bytes, page articles) of the index-th newest demo issue."""
    number, date = issue_number_and_date(index, today)
    pages = [
        [ARTICLES[(index * 5 + page * 2 + n) % len(ARTICLES)] for n in range(2)]
        for page in range(PAGES_PER_ISSUE)
    ]
    subtitle = f"Nr. {number} · {date:%d.%m.%Y} · Avis for beboerne i Charlottekvarteret"
    return number, date, issue_pdf("Agerposten", subtitle, pages), pages


def issue_texts(number, pages):
    """The issue page's texts in Danish and English; headlines stay Danish, like the paper."""
    headlines = [headline for articles in pages for headline, _text in articles]
    return {
        "title": {"da": f"Agerposten nr. {number}", "en": f"Agerposten no. {number}"},
        "intro": {
            "da": f"I dette nummer: {headlines[0].lower()} og meget mere.",
            "en": f"In this issue (in Danish): “{headlines[0]}” and much more.",
        },
        "toc": [
            {"title": {"da": headline, "en": headline}, "page": page}
            for page, articles in enumerate(pages, start=1)
            for headline, _text in articles
        ],
    }


def load_archive(loader, home):
    """The archive page and the demo issues, in Danish with an English translation."""
    archive = loader.page(home, ArchiveIndexPage, ARCHIVE, show_in_menus=True)
    existing = set(IssuePage.objects.child_of(archive).values_list("number", flat=True))
    today = datetime.date.today()
    for index in reversed(range(ISSUE_COUNT)):
        if NEWEST_NUMBER - index in existing:
            continue
        number, date, data, pages = demo_issue(index, today)
        issue, _created = import_issue(
            archive, number, date, data, f"agerposten-{number}-{date}.pdf"
        )
        texts = issue_texts(number, pages)
        issue.intro = texts["intro"]["da"]
        issue.toc = [
            ("entry", {"title": entry["title"]["da"], "page": entry["page"]})
            for entry in texts["toc"]
        ]
        issue.save_revision().publish()
        # Made now, like the other demo images, so that the first visitor does not wait.
        issue.pdf.cover.get_renditions(*filter_specs("cover"))
        loader.created += 1
        loader.pending_translations.append((issue, texts))
    return archive

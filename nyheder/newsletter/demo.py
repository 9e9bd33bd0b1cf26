"""Demo newsletter: its page in every language, one past edition, and invented subscribers.

The subscribers have example.org addresses in every language, so that the admin's "you are
about to send to N subscribers in K languages" has something to count. Idempotent.
"""

from django.conf import settings
from django.utils import timezone

from kvarter.demo.loader import grant_to_staff
from nyheder.models import StoryPage

from .constants import CONSENT_VERSION
from .models import ConsentEvent, NewsletterIndexPage, NewsletterPage, Subscriber

INDEX = {
    "slug": "nyhedsbrev",
    "image": "people",
    "title": {
        "da": "Nyhedsbrev",
        "en": "Newsletter",
        "ar": "النشرة الإخبارية",
        "tr": "Bülten",
        "so": "Warside",
        "ur": "نیوز لیٹر",
    },
    "intro": {
        "da": "Få de gode historier, det der sker, og det nye nummer af Agerposten i din indbakke, på dit eget sprog.",
        "en": "Get the good stories, what is on and the new issue of Agerposten in your inbox, in your own language.",
        "ar": "احصل على القصص الجميلة والفعاليات القادمة والعدد الجديد من Agerposten في بريدك، بلغتك.",
        "tr": "Güzel hikâyeler, etkinlikler ve Agerposten'in yeni sayısı e-posta kutunuzda, kendi dilinizde.",
        "so": "Hel sheekooyinka wanaagsan, waxa dhacaya iyo cadadka cusub ee Agerposten, adigoo luqaddaada ku akhrinaya.",
        "ur": "اچھی کہانیاں، آنے والی تقریبات اور Agerposten کا نیا شمارہ اپنی زبان میں اپنے ان باکس میں پائیں۔",
    },
    "body": [
        (
            "paragraph",
            {
                "da": "Nyhedsbrevet kommer cirka en gang om måneden. Du bekræfter din tilmelding fra en mail, og du kan altid framelde dig med ét klik nederst i hvert nyhedsbrev.",
                "en": "The newsletter comes about once a month. You confirm your sign-up from a mail, and you can always unsubscribe with one click at the bottom of every newsletter.",
                "ar": "تصل النشرة الإخبارية مرة واحدة في الشهر تقريبًا. تؤكد اشتراكك من رسالة بريد إلكتروني، ويمكنك دائمًا إلغاء الاشتراك بنقرة واحدة أسفل كل نشرة.",
                "tr": "Bülten yaklaşık ayda bir gelir. Kaydınızı bir e-postadan onaylarsınız ve her bültenin altındaki tek bir tıklamayla istediğiniz zaman ayrılabilirsiniz.",
                "so": "Warsidu wuxuu yimaadaa qiyaastii hal mar bishii. Diiwaangelintaada waxaad ku xaqiijinaysaa iimayl, mar walbana waxaad ku bixi kartaa hal gujin oo ku taal xagga hoose ee warside kasta.",
                "ur": "نیوز لیٹر تقریباً مہینے میں ایک بار آتا ہے۔ آپ ایک ای میل سے اپنی رکنیت کی تصدیق کرتے ہیں، اور ہر نیوز لیٹر کے نیچے ایک کلک سے کبھی بھی رکنیت ختم کر سکتے ہیں۔",
            },
        ),
    ],
}

EDITION = {
    "slug": "efteraarets-historier",
    "title": {
        "da": "Efterårets gode historier",
        "en": "Good stories from the autumn",
        "ar": "قصص الخريف الجميلة",
    },
    "intro": {
        "da": "Kære nabo. Her er nogle af efterårets gode historier fra Charlottekvarteret. God læselyst!",
        "en": "Dear neighbour. Here are some of the good stories of the autumn in Charlottekvarteret. Enjoy!",
        "ar": "جارنا العزيز، إليك بعض قصص الخريف الجميلة من Charlottekvarteret. قراءة ممتعة!",
    },
    "preheader": {
        "da": "Lektiecafé, fællesspisning og en ny legeplads",
        "en": "Homework café, community dinners and a new playground",
        "ar": "مقهى الواجبات المدرسية والعشاء المشترك وملعب جديد",
    },
}
EDITION_STORIES = 3

# Invented readers; example.org never receives mail.
SUBSCRIBERS = [
    ("amina.demo@example.org", "ar"),
    ("bjarne.demo@example.org", "da"),
    ("cemile.demo@example.org", "tr"),
    ("dorthe.demo@example.org", "da"),
    ("emre.demo@example.org", "tr"),
    ("fadumo.demo@example.org", "so"),
    ("gurpreet.demo@example.org", "ur"),
    ("hanne.demo@example.org", "da"),
    ("ibrahim.demo@example.org", "ar"),
    ("jonas.demo@example.org", "en"),
    ("khadra.demo@example.org", "so"),
    ("lise.demo@example.org", "da"),
]


def load_newsletter(loader, home):
    index = loader.page(home, NewsletterIndexPage, INDEX, show_in_menus=False)
    load_past_edition(loader, index)
    load_subscribers()
    grant_subscriber_permissions()
    return index


def grant_subscriber_permissions():
    """The demo editor sees and exports the list, erases on request, and follows the sends."""
    grant_to_staff("newsletter", ["view_subscriber", "delete_subscriber", "view_editionsend"])


def load_past_edition(loader, index):
    if index.get_children().filter(slug=EDITION["slug"]).exists():
        return
    stories = StoryPage.objects.live().filter(locale=index.locale).order_by("-date")
    edition = NewsletterPage(
        slug=EDITION["slug"],
        title=EDITION["title"][settings.LANGUAGE_CODE],
        intro=EDITION["intro"][settings.LANGUAGE_CODE],
        preheader=EDITION["preheader"][settings.LANGUAGE_CODE],
        locale=index.locale,
        items=[("story", {"story": story}) for story in stories[:EDITION_STORIES]],
    )
    index.add_child(instance=edition)
    edition.save_revision().publish()
    loader.created += 1
    loader.pending_translations.append((edition, EDITION))


def load_subscribers():
    for address, language in SUBSCRIBERS:
        subscriber, created = Subscriber.objects.get_or_create(
            email=address,
            defaults={
                "language": language,
                "status": Subscriber.Status.CONFIRMED,
                "confirmed_at": timezone.now(),
            },
        )
        if created:
            subscriber.log(
                ConsentEvent.Action.IMPORTED, "demo content", consent_version=CONSENT_VERSION
            )

"""What SpamAssassin says about the mails a subscriber gets, in Danish and in Arabic.

A mail server running Debian's SpamAssassin with its stock rules (`spamassassin -t -L`: local
tests only, no network) scores the confirmation, the welcome mail and an edition. Each must
score at most 0.5, with no rule above 0.1 but HTML_MESSAGE (every HTML mail gets that one).
The mails are the bytes the site hands to a real SMTP server: the sign-up form, the confirm
link's button and the send task build them, as for a resident.

CI installs spamassassin (`.ci/run`); without it these tests are skipped and say so.
"""

import re
import shutil
import subprocess
import unittest
from concurrent.futures import ThreadPoolExecutor

from django.test import TestCase, override_settings
from django.utils import timezone

from kvarter.models import SiteSettings
from nyheder.newsletter import sending
from nyheder.newsletter.models import Subscriber
from tests.factories import EventIndexPageFactory, EventPageFactory, ImageFactory
from tests.factories.agerposten import ArchiveIndexPageFactory, make_issue
from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterPageFactory
from tests.kvarter.helpers import DATABASE_TASKS, run_worker, translate
from tests.nyheder.helpers import add_story, create_story_site

from .smtp_sink import SmtpSink

SPAMASSASSIN = shutil.which("spamassassin")
LINK = re.compile(r"https?://\S+?/nyhedsbrev/bekraeft/[^\s\"<>]+/")
# The report's table: " 0.7 HTML_FONT_LOW_CONTRAST BODY: HTML font color similar …"
RULE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]+)\s", re.M)
MAX_SCORE = 0.5
MAX_RULE = 0.1
ALLOWED_RULES = {"HTML_MESSAGE"}


def spamassassin_report(raw):
    """The score and {rule: points} SpamAssassin gives the message `raw` (bytes)."""
    result = subprocess.run(
        [SPAMASSASSIN, "-t", "-L"], input=raw, capture_output=True, timeout=120, check=True
    )
    report = result.stdout.decode(errors="replace")
    status = re.search(r"^X-Spam-Status: \w+, score=(-?[\d.]+)", report, re.M)
    details = report.split("Content analysis details:", 1)[1]
    table = details.split("\n---- ", 1)[1].split("\n\n", 1)[0]
    return float(status.group(1)), {name: float(points) for points, name in RULE.findall(table)}


@unittest.skipUnless(SPAMASSASSIN, "spamassassin is not installed (apt-get install spamassassin)")
@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_USE_TLS=False,
    TASKS=DATABASE_TASKS,
)
class SpamAssassinTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, stories, _culture, _area = create_story_site()
        SiteSettings.objects.filter(site__is_default_site=True).update(
            organisation_name="Boligsocial helhedsplan Charlottekvarteret",
            address="Charlottegården 1\n2630 Høje-Taastrup",
        )
        story = add_story(
            stories,
            "haven",
            title="Æbler i fælleshaven",
            intro="Børnene fra Agerhusene høstede 40 kilo æbler i fælleshaven.",
            image=ImageFactory(file__width=1600, file__height=1000),
        )
        event = EventPageFactory(parent=EventIndexPageFactory(parent=cls.home), title="Lektiecafé")
        day = timezone.localtime(event.start).date()
        cls.edition = NewsletterPageFactory(
            parent=NewsletterIndexPageFactory(parent=cls.home),
            title="Nyhedsbrev juni",
            preheader="Æblehøst, lektiecafé og det nye Agerposten",
            items=[
                ("story", {"story": story}),
                ("event", {"event": event, "first_date": day, "last_date": day}),
                ("issue", {"issue": make_issue(ArchiveIndexPageFactory(parent=cls.home), 41)}),
            ],
        )
        translate(
            cls.edition,
            cls.locales["ar"],
            title="النشرة الإخبارية لشهر يونيو",
            intro="أخبار من شارلوتكفارتيريت: قصص وفعاليات وأغربوستن.",
            preheader="قطف التفاح، مقهى الواجبات المدرسية وعدد جديد من أغربوستن",
        )

    def mails_of_a_new_subscriber(self, language):
        """The raw confirmation, welcome and edition a resident signing up in `language` gets."""
        with SmtpSink() as sink, override_settings(EMAIL_PORT=sink.port):
            response = self.client.post(
                f"/{language}/nyhedsbrev/tilmeld/",
                {"email": f"beboer-{language}@example.org", "language": language, "consent": "on"},
            )
            self.assertEqual(response.status_code, 302)
            run_worker()
            sink.wait_for(1)
            confirm = LINK.search(sink.messages[0].get_body(("plain",)).get_content()).group(0)
            self.client.post("/" + confirm.split("://", 1)[1].split("/", 1)[1])
            self.assertEqual(Subscriber.objects.get().status, Subscriber.Status.CONFIRMED)
            run_worker()
            sink.wait_for(2)
            sending.queue_edition(self.edition)
            run_worker()
            sink.wait_for(3)
        return dict(zip(["confirmation", "welcome", "edition"], sink.raw, strict=True))

    def test_the_mails_score_as_ham(self):
        for language in ["da", "ar"]:
            mails = self.mails_of_a_new_subscriber(language)
            # SpamAssassin takes seconds to start: the three run side by side.
            with ThreadPoolExecutor() as pool:
                reports = dict(
                    zip(mails, pool.map(spamassassin_report, mails.values()), strict=True)
                )
            for name, (score, rules) in reports.items():
                with self.subTest(language=language, mail=name):
                    self.assertLessEqual(score, MAX_SCORE, rules)
                    loud = {
                        rule: points
                        for rule, points in rules.items()
                        if points > MAX_RULE and rule not in ALLOWED_RULES
                    }
                    self.assertEqual(loud, {})
            Subscriber.objects.all().delete()

"""A time range is one unbreakable, isolated piece of markup wherever it is shown, so that
"4:00 م–6:00 م" never breaks after "4:00" (the browser suite checks the lines at 360 px)."""

import datetime
import re

from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from arrangementer.recurrence import LOCAL_TZ
from tests.arrangementer.test_calendar import next_weekday
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.kvarter.helpers import create_site

RANGE = re.compile(
    r'<span class="time-range"><time datetime="([^"]+)">([^<]+)</time>–'
    r'<time datetime="([^"]+)">([^<]+)</time></span>'
)


def render_range(start, end, language):
    template = Template("{% load kvarter_tags %}{% time_range start end %}")
    with translation.override(language):
        return template.render(Context({"start": start, "end": end}))


class TimeRangeTagTests(TestCase):
    start = datetime.datetime(2026, 12, 8, 16, 0, tzinfo=LOCAL_TZ)
    end = datetime.datetime(2026, 12, 8, 18, 0, tzinfo=LOCAL_TZ)

    def test_both_ends_are_time_elements_inside_one_span(self):
        [(start, start_text, end, end_text)] = RANGE.findall(render_range(*self.period, "da"))
        self.assertEqual((start, end), ("2026-12-08T16:00+01:00", "2026-12-08T18:00+01:00"))
        self.assertEqual((start_text, end_text), ("16:00", "18:00"))

    def test_an_arabic_range_keeps_its_am_pm_marks_inside_the_span(self):
        [(_start, start_text, _end, end_text)] = RANGE.findall(render_range(*self.period, "ar"))
        # Arabic writes the 12-hour clock with م (p.m.) after the time.
        self.assertTrue(start_text.startswith("4:00") and start_text.endswith("م"))
        self.assertTrue(end_text.startswith("6:00") and end_text.endswith("م"))

    @property
    def period(self):
        return self.start, self.end


class EventPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        index = EventIndexPageFactory(parent=cls.home)
        start = next_weekday(1, 16)
        cls.month = f"{start:%Y-%m}"
        EventPageFactory(
            parent=index,
            slug="lektiehjaelp",
            start=start,
            end=start + datetime.timedelta(hours=2),
            frequency="weekly",
            weekdays=[1],
            repeat_count=8,
        )

    def test_a_recurring_events_time_of_day_is_one_range(self):
        response = self.client.get("/da/det-sker/lektiehjaelp/")
        self.assertContains(
            response,
            '<span class="time-range"><time datetime="16:00">16:00</time>–'
            '<time datetime="18:00">18:00</time></span>, første gang',
        )

    def test_the_event_list_and_the_month_view_show_whole_ranges(self):
        for url in ("/da/det-sker/", f"/da/det-sker/month/{self.month}/"):
            with self.subTest(url):
                ranges = RANGE.findall(self.client.get(url).content.decode())
                self.assertTrue(ranges)
                self.assertTrue(all(r[1] == "16:00" and r[3] == "18:00" for r in ranges))

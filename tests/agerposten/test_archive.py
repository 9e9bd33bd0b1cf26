"""Importing issues, finding words inside them, and the archive's addresses."""

import datetime

from django.db import connection
from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext, ngettext

from wagtail.models import PageViewRestriction

from PIL import Image

from agerposten.models import IssuePage, IssuePdf, file_size_text
from agerposten.search import FTS_TABLE
from tests.factories.agerposten import (
    ArchiveIndexPageFactory,
    make_issue,
    pdf_with_pages,
    scanned_pdf,
)
from tests.kvarter.helpers import create_site, sync_every_language, translate

PAGE_THREE_WORD = "Vandkunstværkstedet"


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.data = pdf_with_pages(
            "Forsiden med nyt fra bestyrelsen.",
            "Fodboldklubben søger trænere til ungdomsholdene.",
            f"{PAGE_THREE_WORD} åbner i kælderen under blok Æ.",
            "Sidste side: kalender og kontakt.",
        )
        cls.issue = make_issue(cls.archive, 42, datetime.date(2026, 3, 1), cls.data)

    def test_page_count_size_and_text_of_every_page(self):
        pdf = self.issue.pdf
        self.assertEqual(pdf.status, IssuePdf.READY)
        self.assertEqual(pdf.page_count, 4)
        self.assertEqual(pdf.file_size, len(self.data))
        self.assertEqual(pdf.document.file_size, len(self.data))
        self.assertTrue(pdf.has_text)
        self.assertEqual(list(pdf.pages.values_list("number", flat=True)), [1, 2, 3, 4])
        self.assertIn(PAGE_THREE_WORD, pdf.pages.get(number=3).text)
        self.assertIn("blok Æ", pdf.pages.get(number=3).text)

    def test_the_facts_before_the_download_are_localised(self):
        kilobytes = round(len(self.data) / 1024)
        with translation.override("da"):
            pages = ngettext("%(count)d page", "%(count)d pages", 4) % {"count": 4}
        response = self.client.get(self.issue.url)
        self.assertContains(response, f"{pages} · {kilobytes} kB")

    def test_sizes_above_a_megabyte_use_a_decimal_comma_in_danish(self):
        with translation.override("da"):
            self.assertEqual(file_size_text(int(3.4 * 1024 * 1024)), "3,4 MB")
        with translation.override("en"):
            self.assertEqual(file_size_text(int(3.4 * 1024 * 1024)), "3.4 MB")
        self.assertEqual(file_size_text(100), "1 kB")

    def test_the_thumbnail_is_an_image_of_the_first_page(self):
        cover = self.issue.pdf.cover
        self.assertIsNotNone(cover)
        with cover.open_file() as handle:
            image = Image.open(handle)
            image.verify()
        self.assertEqual(cover.width, 800)
        self.assertGreater(cover.height, cover.width)  # A4 is portrait
        self.assertEqual(cover.default_alt_text, "Forsiden af Agerposten nr. 42")

    def test_issue_page_shows_cover_download_and_page_links(self):
        response = self.client.get(self.issue.url)
        document_url = self.issue.pdf.document.url
        self.assertContains(response, f'href="{document_url}"')
        for n in range(1, 5):
            self.assertContains(response, f'href="{document_url}#page={n}"')
            self.assertContains(response, f'href="{self.issue.url}side-{n}/"')
        self.assertContains(response, "<picture")
        with translation.override("da"):
            alt = gettext("Front page of Agerposten no. %(number)d") % {"number": 42}
        self.assertContains(response, f'alt="{alt}"')

    def test_html_text_version_of_a_page(self):
        response = self.client.get(f"{self.issue.url}side-3/")
        self.assertContains(response, PAGE_THREE_WORD)
        self.assertContains(response, f"{self.issue.pdf.document.url}#page=3")
        self.assertEqual(self.client.get(f"{self.issue.url}side-5/").status_code, 404)

    def test_a_word_from_page_three_is_found_by_the_site_search(self):
        response = self.client.get("/da/search/", {"q": PAGE_THREE_WORD.lower()})
        self.assertContains(response, f'href="{self.issue.pdf.document.url}#page=3"')
        with translation.override("da"):
            name = gettext("%(title)s, page %(number)s") % {
                "title": "Agerposten nr. 42",
                "number": 3,
            }
        self.assertContains(response, name)
        self.assertContains(response, f"<mark>{PAGE_THREE_WORD}</mark>")
        self.assertNotContains(response, "#page=2")

    def test_the_archive_search_finds_by_word_prefix_and_filters_by_year(self):
        make_issue(
            self.archive,
            7,
            datetime.date(2024, 5, 1),
            pdf_with_pages("Forside", "Fodboldturneringen i maj."),
        )
        response = self.client.get(self.archive.url, {"q": "fodbold"})
        self.assertEqual(len(response.context["hits"]), 2)
        response = self.client.get(self.archive.url, {"q": "fodbold", "year": "2024"})
        hits = list(response.context["hits"])
        self.assertEqual([(hit["issue"].number, hit["page"]) for hit in hits], [(7, 2)])
        self.assertContains(response, "#page=2")

    def test_pdf_text_cannot_inject_markup(self):
        issue = make_issue(
            self.archive,
            43,
            data=pdf_with_pages("Forside", 'Zebraløb <script>alert("x")</script> & <b>fed</b>'),
        )
        response = self.client.get("/da/search/", {"q": "zebraløb"})
        self.assertContains(response, f"{issue.pdf.document.url}#page=2")
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<b>fed")
        # Escaped, never run; PostgreSQL's headline also drops tag-like words.
        self.assertContains(response, "alert(&quot;x&quot;)")

    def test_search_input_with_fts_syntax_is_treated_as_words(self):
        for query in ['"', "AND OR NOT", "fodbold*", "(", "NEAR(a b)", "col:x"]:
            response = self.client.get(self.archive.url, {"q": query})
            self.assertEqual(response.status_code, 200, query)

    def test_scanned_pdf_gets_a_cover_and_is_marked_without_text(self):
        issue = make_issue(self.archive, 44, data=scanned_pdf(pages=3))
        self.assertEqual(issue.pdf.page_count, 3)
        self.assertIsNotNone(issue.pdf.cover)
        self.assertFalse(issue.pdf.has_text)
        response = self.client.get(issue.url)
        with translation.override("da"):
            notice = gettext(
                "No searchable text: this issue is a scan, so its words cannot be found by search "
                "and there is no text version."
            )
        self.assertContains(response, notice)
        self.assertNotContains(response, "side-1/")

    def test_reimporting_a_number_updates_the_issue_and_leaves_no_old_files(self):
        old_pdf = self.issue.pdf
        old_document, old_cover = old_pdf.document, old_pdf.cover
        issue = make_issue(
            self.archive, 42, datetime.date(2026, 3, 2), pdf_with_pages("Ny forside", "Rettelse")
        )
        self.assertEqual(issue.pk, self.issue.pk)
        self.assertEqual(IssuePage.objects.filter(number=42).count(), 1)
        issue.refresh_from_db()
        self.assertEqual(issue.pdf.page_count, 2)
        self.assertEqual(issue.date, datetime.date(2026, 3, 2))
        self.assertFalse(IssuePdf.objects.filter(pk=old_pdf.pk).exists())
        self.assertFalse(type(old_document).objects.filter(pk=old_document.pk).exists())
        self.assertFalse(type(old_cover).objects.filter(pk=old_cover.pk).exists())
        self.assertEqual(
            self.client.get(self.archive.url, {"q": PAGE_THREE_WORD})
            .context["hits"]
            .paginator.count,
            0,
        )

    def test_deleting_an_issue_deletes_its_pdf_unless_a_translation_uses_it(self):
        pdf = self.issue.pdf
        english = translate(self.issue, self.locales["en"])
        self.issue.delete()
        self.assertTrue(IssuePdf.objects.filter(pk=pdf.pk).exists())
        english.delete()
        self.assertFalse(IssuePdf.objects.filter(pk=pdf.pk).exists())
        self.assertFalse(type(pdf.document).objects.filter(pk=pdf.document_id).exists())
        self.assertFalse(type(pdf.cover).objects.filter(pk=pdf.cover_id).exists())
        response = self.client.get("/da/search/", {"q": PAGE_THREE_WORD})
        self.assertNotContains(response, "#page=3")

    def test_a_number_is_unique_in_a_language_tree(self):
        issue = IssuePage(number=42, date=datetime.date(2020, 1, 1), locale=self.archive.locale)
        with self.assertRaises(Exception) as raised:
            issue.full_clean(exclude=["path", "depth", "url_path"])
        self.assertIn("number", raised.exception.message_dict)
        # A translation shares its number.
        english = translate(self.issue, self.locales["en"])
        english.full_clean()

    @classmethod
    def fts_rows(cls):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")
            return cursor.fetchone()[0]

    def test_sqlite_index_follows_the_page_texts(self):
        if connection.vendor != "sqlite":
            self.skipTest("the FTS5 table exists on SQLite only")
        self.assertEqual(self.fts_rows(), 4)
        make_issue(self.archive, 42, data=pdf_with_pages("Kun", "to sider"))
        self.assertEqual(self.fts_rows(), 2)

    def test_postgresql_has_a_text_search_index(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'agerposten_page_text_gin'"
            )
            self.assertIn("search_vector", cursor.fetchone()[0])


class ImportInEveryLanguageTests(TestCase):
    """An imported issue reaches every language, as an issue made in the admin does."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        sync_every_language(cls.locales)
        cls.issue = make_issue(cls.archive, 7, datetime.date(2026, 5, 1))

    def test_each_language_has_the_issue_in_its_archive(self):
        for code, locale in self.locales.items():
            with self.subTest(language=code):
                copy = self.issue.get_translation(locale)
                self.assertEqual(self.client.get(copy.url).status_code, 200)
                archive = self.client.get(self.archive.get_translation(locale).url)
                self.assertIn(copy.pk, [issue.pk for issue in archive.context["issues"]])

    def test_a_reimport_reaches_every_language(self):
        data = pdf_with_pages("Rettet forside", "Ny side to")
        updated = make_issue(self.archive, 7, datetime.date(2026, 5, 1), data)
        arabic = updated.get_translation(self.locales["ar"]).specific
        self.assertEqual(arabic.pdf_id, updated.pdf_id)
        self.assertEqual(arabic.pdf.page_count, 2)


class AddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.new = make_issue(cls.archive, 42, datetime.date(2026, 3, 1))
        cls.newer = make_issue(cls.archive, 43, datetime.date(2026, 6, 1))
        cls.old = make_issue(cls.archive, 30, datetime.date(2024, 9, 1))

    def test_an_issue_url_carries_year_and_number(self):
        self.assertEqual(self.new.url, "/da/agerposten/2026/nr-42/")
        response = self.client.get("/da/agerposten/2026/nr-42/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"].pk, self.new.pk)

    def test_a_wrong_year_or_number_is_not_found(self):
        for url in ["/da/agerposten/2025/nr-42/", "/da/agerposten/2026/nr-99/"]:
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_years_and_numbers_no_database_can_hold_are_not_found(self):
        # What a scanner sends (bench/fuzz_urls.py found the first one).
        for url in [
            "/da/agerposten/99999999999999999999999/nr-42/",
            "/da/agerposten/0/nr-42/",
            "/da/agerposten/2026/nr-99999999999999999999/",
            "/da/agerposten/99999999999999999999999/",
            "/da/agerposten/10000/",
        ]:
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_the_archive_lists_newest_first(self):
        response = self.client.get(self.archive.url)
        numbers = [issue.number for issue in response.context["issues"]]
        self.assertEqual(numbers, [43, 42, 30])
        self.assertEqual(response.context["years"], [2026, 2024])

    def test_year_routes_list_that_year(self):
        response = self.client.get("/da/agerposten/2024/")
        self.assertEqual([issue.number for issue in response.context["issues"]], [30])
        self.assertContains(response, self.old.url)
        self.assertNotContains(response, self.new.url)
        self.assertEqual(self.client.get("/da/agerposten/2025/").status_code, 404)

    def test_sitemap_and_language_switcher_use_the_same_url(self):
        sitemap = self.client.get("/sitemap.xml").content.decode()
        self.assertIn(f"{self.new.full_url}", sitemap)
        self.assertIn("/agerposten/2026/nr-42/", self.new.full_url)
        english_archive = translate(self.archive, self.locales["en"])
        english = translate(self.new, self.locales["en"])
        self.assertEqual(english.get_parent().pk, english_archive.pk)
        response = self.client.get("/en/agerposten/2026/nr-42/")
        self.assertEqual(response.status_code, 200)
        danish = self.client.get(self.new.url)
        self.assertContains(danish, 'href="/en/agerposten/2026/nr-42/"')

    def test_the_language_switcher_keeps_the_search_and_the_page_of_the_issue(self):
        translate(self.archive, self.locales["ar"])
        translate(self.new, self.locales["ar"])
        search = self.client.get("/da/agerposten/?q=sommerfest&year=2026")
        self.assertContains(search, 'href="/ar/agerposten/?q=sommerfest&amp;year=2026"')
        page_text = self.client.get("/da/agerposten/2026/nr-42/side-1/")
        self.assertContains(page_text, 'href="/ar/agerposten/2026/nr-42/side-1/"')
        self.assertEqual(self.client.get("/ar/agerposten/2026/nr-42/side-1/").status_code, 200)


class VisibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.public = make_issue(cls.archive, 1, data=pdf_with_pages("Forside", "Solsikkefest"))
        cls.draft = make_issue(cls.archive, 2, data=pdf_with_pages("Forside", "Solsikkefest"))
        cls.draft.unpublish()
        cls.private = make_issue(cls.archive, 3, data=pdf_with_pages("Forside", "Solsikkefest"))
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )

    def test_unpublished_and_private_issues_stay_out_of_listings(self):
        response = self.client.get(self.archive.url)
        self.assertEqual([issue.pk for issue in response.context["issues"]], [self.public.pk])

    def test_unpublished_and_private_issues_stay_out_of_search(self):
        for url in [self.archive.url, "/da/search/"]:
            response = self.client.get(url, {"q": "solsikkefest"})
            self.assertContains(response, f"{self.public.pdf.document.url}#page=2")
            self.assertNotContains(response, f"{self.draft.pdf.document.url}#page=2")
            self.assertNotContains(response, f"{self.private.pdf.document.url}#page=2")

    def test_private_and_unpublished_issue_urls_are_protected(self):
        self.assertEqual(self.client.get("/da/agerposten/2026/nr-2/").status_code, 404)
        response = self.client.get("/da/agerposten/2026/nr-3/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "wagtailcore/password_required.html")
        self.assertNotContains(response, self.private.pdf.document.url)

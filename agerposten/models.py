"""The Agerposten archive: a page per issue of the paper, its PDF searchable page by page.

The page models sit on top of the app: they import the constants, the data model
(issue_pdfs.py), the admin form and the search, none of which imports this module.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from kvarter.constants import LISTING_PAGE_SIZE
from kvarter.models import BasePage, BodyPage, RoutableMixin

from .constants import (
    ISSUE_SLUG,
    MAX_ISSUE_NUMBER,
    SEARCH_QUERY_MAX_LENGTH,
    OcrStatus,
    is_plausible_year,
)
from .forms import ArchiveSearchForm, IssuePageForm
from .issue_pdfs import IssuePdf, IssuePdfPage
from .ocr import ocr_unavailable_reason
from .search import query_words, search_pages

__all__ = [
    "ArchiveIndexPage",
    "IssuePage",
    "IssuePdf",
    "IssuePdfPage",
    "file_size_text",
    "search_issue_pages",
]


def search_issue_pages(query, issues, limit=None):
    """search_pages, with the hits on pages read by OCR linked to the issue's page view (the
    scan with the words highlighted) and marked when the recognition was unsure."""
    hits = search_pages(query, issues) if limit is None else search_pages(query, issues, limit)
    if not hits:
        return hits
    keys = {(hit["issue"].pdf_id, hit["page"]) for hit in hits}
    rows = IssuePdfPage.objects.filter(
        ocr=True, pdf_id__in={key[0] for key in keys}, number__in={key[1] for key in keys}
    ).values_list("pdf_id", "number", "low_confidence")
    ocr_pages = {(pdf_id, number): low for pdf_id, number, low in rows}
    for hit in hits:
        key = (hit["issue"].pdf_id, hit["page"])
        if key in ocr_pages:
            page_view = hit["issue"].subpage_url("page_text", page_number=hit["page"])
            hit["url"] = f"{page_view}?{urlencode({'q': query})}"
            hit["ocr"] = True
            hit["low_confidence"] = ocr_pages[key]
    return hits


def file_size_text(size):
    """ "3,4 MB", or "850 kB" below a megabyte, with the reader's decimal separator."""
    if size < 1024 * 1024:
        return f"{formats.number_format(max(1, round(size / 1024)))} kB"
    return f"{formats.number_format(round(size / (1024 * 1024), 1), 1)} MB"


class ArchiveIndexPage(RoutableMixin, BodyPage):
    """Every issue of Agerposten, newest first, by year, with a search inside the PDFs."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["agerposten.IssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Agerposten archive page")
        verbose_name_plural = _("Agerposten archive pages")

    def issues(self):
        """Live, public issues here, newest first, with their PDF facts and cover renditions."""
        return (
            IssuePage.objects.live()
            .public()
            .child_of(self)
            .select_related("pdf__document", "pdf__cover")
            .prefetch_related("pdf__cover__renditions")
            .order_by("-date", "-number")
        )

    def years(self):
        return [d.year for d in self.issues().dates("date", "year", order="DESC")]

    def route(self, request, path_components):
        # …/<year>/nr-<number>/[side-<n>/]: the issue, found by its number, served as itself,
        # so that Wagtail's privacy and publishing checks apply to it.
        if len(path_components) >= 2 and path_components[0].isdigit():
            match = path_components[1].removeprefix("nr-")
            if path_components[1].startswith("nr-") and match.isdigit():
                year, number = int(path_components[0]), int(match)
                if not (is_plausible_year(year) and number <= MAX_ISSUE_NUMBER):
                    raise Http404
                issue = (
                    IssuePage.objects.child_of(self).filter(number=number, date__year=year).first()
                )
                if issue is None:
                    raise Http404
                return issue.specific.route(request, path_components[2:])
        return super().route(request, path_components)

    def listing_response(self, request, year=None):
        issues = self.issues()
        if year is not None and not is_plausible_year(year):
            raise Http404
        if year is not None:
            issues = issues.filter(date__year=year)
            if not issues.exists():
                raise Http404
        years = self.years()
        form = ArchiveSearchForm(request.GET, years=years)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        hits = None
        if query:
            searched = issues
            if form.cleaned_data.get("year"):
                searched = searched.filter(date__year=form.cleaned_data["year"])
            hits = Paginator(search_issue_pages(query, searched), LISTING_PAGE_SIZE).get_page(
                request.GET.get("page")
            )
        else:
            issues = Paginator(issues, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        return TemplateResponse(
            request,
            self.get_template(request),
            {
                **self.get_context(request),
                "issues": issues,
                "year": year,
                "years": years,
                "year_links": [(y, self.subpage_url("year", y, request=request)) for y in years],
                "search_form": form,
                "search_query": query,
                "hits": hits,
                "search_querystring": form.querystring() if query else "",
            },
        )

    @path("", name="index")
    def index_view(self, request):
        return self.listing_response(request)

    @path("<int:year>/", name="year")
    def year_view(self, request, year):
        return self.listing_response(request, year=year)


class TocEntryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("article title"), max_length=200)
    page = blocks.IntegerBlock(label=_("page"), min_value=1)

    class Meta:
        icon = "list-ol"
        template = "agerposten/blocks/toc_entry_block.html"
        description = _("An article in this issue and the page it starts on")
        preview_value = {"title": "Nyt fra beboerhuset", "page": 3}
        label = _("Article")


class ProcessingStatusPanel(Panel):
    """Shows the editor how the PDF's processing went, without waiting for it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "agerposten/admin/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            pdf = self.instance.pdf if self.instance.pdf_id else None
            context["pdf"] = pdf
            if pdf is not None and pdf.ocr_status:
                context["ocr_unavailable"] = ocr_unavailable_reason()
                context["ocr_running"] = pdf.ocr_status == OcrStatus.RUNNING
                context["ocr_url"] = reverse("agerposten_run_ocr", args=[self.instance.pk])
            return context


class IssuePage(RoutableMixin, BasePage):
    """One issue: its number and date, the PDF with cover, page count and size, and page texts."""

    number = models.PositiveIntegerField(_("issue number"))
    date = models.DateField(_("publication date"))
    pdf = models.ForeignKey(
        IssuePdf,
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    toc = StreamField([("entry", TocEntryBlock())], verbose_name=_("table of contents"), blank=True)

    parent_page_types = ["agerposten.ArchiveIndexPage"]
    subpage_types = []

    content_panels = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("date"), FieldPanel("title")],
            heading=_("Issue"),
        ),
        MultiFieldPanel([FieldPanel("pdf_file"), ProcessingStatusPanel()], heading=_("PDF")),
        FieldPanel("intro"),
        FieldPanel("toc"),
    ]
    promote_panels = []
    search_fields = [
        *BasePage.search_fields,
        index.FilterField("number"),
        index.FilterField("date"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("number"),
        SynchronizedField("date"),
        SynchronizedField("pdf"),
        # The contents as printed: the titles of the Danish articles on the PDF's pages.
        SynchronizedField("toc"),
    ]

    base_form_class = IssuePageForm

    class Meta:
        verbose_name = _("Agerposten issue")
        verbose_name_plural = _("Agerposten issues")

    @staticmethod
    def default_title(number):
        return f"Agerposten nr. {number}"

    def full_clean(self, *args, **kwargs):
        # The number is the address: …/<year>/nr-<number>/.
        if self.number:
            self.slug = ISSUE_SLUG.format(number=self.number)
            if not self.title:
                self.title = self.default_title(self.number)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.number and self.locale_id:
            same_number = IssuePage.objects.filter(
                number=self.number, locale_id=self.locale_id
            ).exclude(translation_key=self.translation_key)
            if same_number.exists():
                raise ValidationError(
                    {
                        "number": _("There is already an issue with number %(number)d.")
                        % {"number": self.number}
                    }
                )

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None or not self.date:
            return parts
        site_id, root_url, page_path = parts
        # The page's own path ends in its slug, nr-<number>/; the year goes before it.
        parent_path = page_path[: -len(self.slug) - 1]
        return site_id, root_url, f"{parent_path}{self.date.year}/{self.slug}/"

    # Facts -------------------------------------------------------------------

    @property
    def facts_line(self):
        """The PDF's page count and size as one line, "12 sider · 3,4 MB", in the reader's
        language; empty without a PDF."""
        if not self.pdf_id:
            return ""
        pages = ngettext("%(count)d page", "%(count)d pages", self.pdf.page_count) % {
            "count": self.pdf.page_count
        }
        return f"{pages} · {file_size_text(self.pdf.file_size)}"

    @property
    def cover_alt(self):
        return _("Front page of Agerposten no. %(number)d") % {"number": self.number}

    def page_links(self):
        """(page number, PDF deep link, HTML text link) for every page."""
        if not self.pdf_id:
            return []
        pdf_url = self.pdf.document.url
        return [
            (n, f"{pdf_url}#page={n}", self.subpage_url("page_text", page_number=n))
            for n in range(1, self.pdf.page_count + 1)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["archive"] = self.get_parent().specific
        return context

    @path("", name="issue")
    def issue_view(self, request):
        return self.render(request)

    def neighbour_links(self, page_number, request=None):
        """The numbers and text URLs of the pages before and after; None past either end."""
        links = {}
        for key, number in (("previous", page_number - 1), ("next", page_number + 1)):
            inside = 1 <= number <= self.pdf.page_count
            links[f"{key}_page"] = number if inside else None
            links[f"{key}_url"] = (
                self.subpage_url("page_text", page_number=number, request=request)
                if inside
                else None
            )
        return links

    @path("side-<int:page_number>/", name="page_text")
    def page_text_view(self, request, page_number):
        if not self.pdf_id:
            raise Http404
        text_page = self.pdf.pages.filter(number=page_number).first()
        if text_page is None:
            raise Http404
        context = {
            "text_page": text_page,
            "paragraphs": [p for p in text_page.text.split("\n\n") if p.strip()],
            "pdf_link": f"{self.pdf.document.url}#page={page_number}",
            **self.neighbour_links(page_number, request),
        }
        if not text_page.image:
            return self.render(
                request, template="agerposten/issue_page_text.html", context_overrides=context
            )
        # A scanned page: its image with the searched words marked, and the OCR text below.
        query = request.GET.get("q", "")[:SEARCH_QUERY_MAX_LENGTH]
        return self.render(
            request,
            template="agerposten/issue_page_scan.html",
            context_overrides={
                **context,
                "search_query": query,
                "marks": text_page.marks(query_words(query)),
            },
        )


@receiver(post_delete, sender=IssuePage)
def delete_unused_pdf(sender, instance, **kwargs):
    """A deleted issue takes its PDF, cover and texts along, unless a translation uses them."""
    if instance.pdf_id and not IssuePage.objects.filter(pdf_id=instance.pdf_id).exists():
        pdf = IssuePdf.objects.filter(pk=instance.pdf_id).first()
        if pdf is not None:
            pdf.delete_with_files()

"""The admin's list of Agerposten issues (each with its cover, number and date, newest first)
and the status panel's "Run OCR again"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from .constants import PdfStatus
from .models import IssuePage
from .ocr import ocr_unavailable_reason
from .processing import queue_ocr


class CoverColumn(Column):
    cell_template_name = "agerposten/admin/cover_cell.html"

    def get_value(self, issue):
        return issue.pdf.cover if issue.pdf_id else None


class IssueIndexView(IndexView):
    default_ordering = "-date"

    def get_base_queryset(self):
        # An untranslated issue's stand-ins in the other languages (aliases) would list each
        # issue six times; its real translations are listed.
        return (
            super()
            .get_base_queryset()
            .filter(alias_of=None)
            .select_related("pdf__cover", "locale")
            .prefetch_related("pdf__cover__renditions")
        )


class IssueListingViewSet(PageListingViewSet):
    model = IssuePage
    index_view_class = IssueIndexView
    icon = "doc-full"
    menu_label = _("Agerposten")
    add_to_admin_menu = True
    menu_order = 250
    name = "agerposten"
    columns = [
        CoverColumn("cover", label=_("Cover"), width="80px"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("number", label=_("Number"), sort_key="number", width="10%"),
        Column(
            "date",
            label=_("Publication date"),
            accessor=lambda issue: date_format(issue.date, "DATE_FORMAT"),
            sort_key="date",
            width="15%",
        ),
        PageStatusColumn("status", label=_("Status"), sort_key="live", width="12%"),
    ]


@require_POST
def run_ocr_again(request, page_id):
    """The status panel's "Run OCR again": the scanned pages are read anew in the background.

    The button sits inside the page's edit form (`formaction`), so it needs no script; the rest
    of the form is not saved by it.
    """
    issue = get_object_or_404(IssuePage, pk=page_id)
    if not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[issue.pk])
    reason = ocr_unavailable_reason()
    if reason:
        messages.error(request, reason)
    elif issue.pdf_id and issue.pdf.status == PdfStatus.READY:
        queue_ocr(issue.pdf)
        # Evaluated now, in the editor's language: the message is stored after the view.
        messages.success(request, gettext("OCR runs again in the background; reload to follow it."))
    return redirect(edit_url)

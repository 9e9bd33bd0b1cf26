"""Importing a list of subscribers in the admin: upload, preview, confirm.

The upload is read and kept in the session (its text, the file name and the consent source),
so the preview and the confirmation work on the same file without uploading it again. The
preview is `importing.plan_import` as the database stands; nothing is written before the
confirmation, and a confirmation whose preview has gone stale (someone unsubscribed or signed
up meanwhile) shows the new preview instead of importing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from .importing import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportFileError,
    Outcome,
    carry_out,
    decode_file,
    plan_import,
    read_text,
)
from .models import Subscriber

SESSION_KEY = "newsletter_import"
# The preview lists at most this many rows per outcome, and counts the rest.
PREVIEW_ROWS = 500


def can_import(user):
    return policy_registry.get_by_type(Subscriber).user_has_permission(user, "import")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "The first line is email,language; the language (da, en, ar, tr, so or ur) may be "
            "left empty for Danish. Excel: save as “CSV UTF-8”."
        ),
    )
    consent_source = forms.CharField(
        label=_("Where they gave their consent"),
        max_length=150,
        help_text=_(
            "E.g. “paper sign-up sheets, summer party 2026”. It goes into the consent log of "
            "every subscriber the import adds."
        ),
    )

    def clean_consent_source(self):
        source = self.cleaned_data["consent_source"].strip()
        if not source:
            raise forms.ValidationError(_("Say where these people gave their consent."))
        return source

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Checked before reading: a huge upload is never read into memory.
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(limit)s can be imported at once. Split it up.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_FILE_BYTES)}
            )
        try:
            text = decode_file(upload.read())
            read_text(text)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload.name, text


def breadcrumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("newsletter_subscribers:index"), "label": _("Subscribers")},
        *items,
    ]


def upload(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = ImportForm()
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            file_name, text = form.cleaned_data["file"]
            request.session[SESSION_KEY] = {
                "file_name": file_name,
                "text": text,
                "source": form.cleaned_data["consent_source"],
            }
            return redirect("newsletter_import:preview")
    else:
        # Starting again drops an upload that was never confirmed.
        request.session.pop(SESSION_KEY, None)
    return TemplateResponse(
        request,
        "newsletter/admin/import_upload.html",
        {
            "header_title": _("Import subscribers"),
            "header_icon": "upload",
            "breadcrumbs_items": breadcrumbs({"url": "", "label": _("Import")}),
            "form": form,
            "max_rows": MAX_ROWS,
            "max_size": MAX_FILE_BYTES,
        },
    )


def preview(request):
    """GET shows what the import would do; POST with the preview's fingerprint does it."""
    if not can_import(request.user):
        raise PermissionDenied
    stored = request.session.get(SESSION_KEY)
    if stored is None:
        messages.warning(request, _("Choose the file to import."))
        return redirect("newsletter_import:upload")
    try:
        plan = plan_import(read_text(stored["text"]))
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("newsletter_import:upload")

    stale = False
    if request.method == "POST":
        if request.POST.get("fingerprint") == plan.fingerprint():
            result = carry_out(plan, stored["source"], imported_by=request.user.get_username())
            del request.session[SESSION_KEY]
            messages.success(
                request,
                _(
                    "%(file)s is imported: %(created)s new subscribers, %(confirmed)s waiting "
                    "ones confirmed."
                )
                % {
                    "file": stored["file_name"],
                    "created": result.created,
                    "confirmed": result.confirmed,
                },
            )
            return redirect("newsletter_subscribers:index")
        stale = True

    groups = [
        {
            "outcome": outcome,
            "label": outcome.label,
            "count": len(rows),
            "rows": rows[:PREVIEW_ROWS],
            "hidden": max(len(rows) - PREVIEW_ROWS, 0),
        }
        for outcome in Outcome
        for rows in [plan.of(outcome)]
    ]
    return TemplateResponse(
        request,
        "newsletter/admin/import_preview.html",
        {
            "header_title": _("Import subscribers: preview"),
            "header_icon": "upload",
            "breadcrumbs_items": breadcrumbs(
                {"url": reverse("newsletter_import:upload"), "label": _("Import")},
                {"url": "", "label": _("Preview")},
            ),
            "file_name": stored["file_name"],
            "source": stored["source"],
            "groups": groups,
            "counts": plan.counts,
            "writes_anything": plan.writes_anything,
            "fingerprint": plan.fingerprint(),
            "stale": stale,
        },
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class SubscriberImportViewSet(ViewSet):
    name = "newsletter_import"
    url_prefix = "newsletter/import"
    icon = "upload"
    menu_label = _("Import subscribers")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", upload, name="upload"),
            path("preview/", preview, name="preview"),
        ]

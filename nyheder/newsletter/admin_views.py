"""The newsletter in the admin: subscribers, sends, composing an edition, sending and progress.

Staff never add subscribers or edit consent: people sign up themselves, or come in through an
import (admin_import.py, or `newsletter_import_subscribers`) with the consent source recorded.
Staff can look people up, export the list, see each one's consent log and erase someone who
asks for it.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput

from . import mails
from .admin_import import SubscriberImportViewSet
from .compose import ComposeError, compose_edition
from .constants import STAFF_LANGUAGE_NAMES
from .models import EditionSend, NewsletterIndexPage, NewsletterPage, Subscriber
from .sending import SendError, audience, progress, queue_edition

PROGRESS_REFRESH_SECONDS = 5


# Subscribers ------------------------------------------------------------------------------------


class SubscriberInspectView(InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consent_events"] = self.object.consent_events.order_by("created_at", "pk")
        return context


class SubscriberEraseView(DeleteView):
    """Deleting a subscriber erases them as they could themselves: a hash stays suppressed.

    Nothing goes into Wagtail's own log, whose entries would keep the address.
    """

    success_message = _("%(object)s was erased.")

    @property
    def confirmation_message(self):
        return _(
            "Erase this subscriber? The address is deleted, and only a hashed entry is kept so "
            "that an import never subscribes it again. The consent log keeps its entries "
            "without the address."
        )

    def delete_action(self):
        self.object.erase(source=f"admin: {self.request.user.get_username()}")


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    url_namespace = "newsletter_subscribers"
    url_prefix = "newsletter/subscribers"
    inspect_view_enabled = True
    inspect_view_class = SubscriberInspectView
    inspect_template_name = "newsletter/admin/subscriber_inspect.html"
    delete_view_class = SubscriberEraseView
    copy_view_enabled = False
    list_display = ["email", "language", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "language"]
    list_export = ["email", "language", "status", "created_at", "confirmed_at"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    inspect_view_fields = [
        "email",
        "language",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    form_fields = ["email", "language"]


# Sends ----------------------------------------------------------------------------------------


class EditionSendIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("edition")


def send_page_url(edition_send):
    return reverse("newsletter_admin:send", args=[edition_send.edition_id])


class EditionSendViewSet(ModelViewSet):
    """Every send, newest first; each row leads to its edition's send page and progress."""

    model = EditionSend
    icon = "mail"
    menu_label = _("Sends")
    url_namespace = "newsletter_sends"
    url_prefix = "newsletter/sends"
    copy_view_enabled = False
    list_display = [
        TitleColumn("edition", label=_("edition"), get_url=send_page_url),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("scheduled_for", label=_("scheduled for")),
        DateColumn("started_at", label=_("started")),
        DateColumn("finished_at", label=_("finished")),
    ]
    list_filter = ["status"]
    # Never edited here (see wagtail_hooks.py); ModelViewSet needs the fields all the same.
    form_fields = ["scheduled_for"]
    index_view_class = EditionSendIndexView


class NewsletterViewSetGroup(ViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 260
    items = (SubscriberViewSet, SubscriberImportViewSet, EditionSendViewSet)


# Composing ----------------------------------------------------------------------------------------


@require_POST
def compose(request, index_id):
    index = get_object_or_404(NewsletterIndexPage, pk=index_id)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    try:
        edition = compose_edition(owner=request.user)
    except ComposeError as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_explore", index.pk)
    if edition is None:
        messages.info(
            request,
            _("Nothing is new since the last edition was sent, so no draft was made."),
        )
        return redirect("wagtailadmin_explore", index.pk)
    messages.success(
        request,
        _(
            "The draft “%(title)s” is ready with %(count)s items. "
            "Check it, publish it, then send it."
        )
        % {"title": edition.title, "count": len(edition.items)},
    )
    return redirect("wagtailadmin_pages:edit", edition.pk)


# Sending ------------------------------------------------------------------------------------------


class SendForm(forms.Form):
    send_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=AdminDateTimeInput(),
        help_text=_("Danish time. Leave empty and press “Send now” to send at once."),
    )

    def __init__(self, *args, schedule, **kwargs):
        super().__init__(*args, **kwargs)
        self.schedule = schedule

    def clean_send_at(self):
        send_at = self.cleaned_data["send_at"]
        if self.schedule:
            if send_at is None:
                raise forms.ValidationError(_("Choose when to send it."))
            if send_at <= timezone.now():
                raise forms.ValidationError(_("Choose a time in the future."))
        return send_at


class TestSendForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )


def edition_for_editing(request, page_id):
    """The Danish edition behind `page_id`, which the user may edit; sends belong to it."""
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page.source_edition


def local_time(value):
    # The language's own date ("1. december 2026"), then a 24-hour clock: no "p.m." to end up
    # before the sentence's full stop.
    value = timezone.localtime(value)
    return f"{date_format(value, 'DATE_FORMAT')}, {date_format(value, 'H:i')}"


def send_status(edition):
    """A line for staff about where the edition's sending has got to."""
    send = EditionSend.objects.filter(edition=edition).first()
    if send is None:
        return "", _("Not sent yet.")
    if send.status == EditionSend.Status.SCHEDULED and send.scheduled_for:
        when = local_time(send.scheduled_for)
        return send.status, _("Scheduled to be sent %(time)s.") % {"time": when}
    if send.status == EditionSend.Status.SENDING:
        when = local_time(send.started_at)
        return send.status, _("Sending since %(time)s.") % {"time": when}
    if send.status == EditionSend.Status.FINISHED and send.finished_at:
        when = local_time(send.finished_at)
        return send.status, _("Sent %(time)s.") % {"time": when}
    return send.status, send.get_status_display()


def languages_text(waiting):
    """ "dansk (140), arabisk (30) og engelsk (2)": each language with its number of readers."""
    return get_text_list(
        [
            f"{STAFF_LANGUAGE_NAMES.get(code, code)} ({count})"
            for code, count in waiting.counts.items()
        ],
        gettext("and"),
    )


def readers_text(waiting):
    return ngettext("%(count)s reader", "%(count)s readers", waiting.subscribers) % {
        "count": waiting.subscribers
    }


def audience_text(edition, waiting):
    """ "You are about to send <title> to N readers in K languages: …"."""
    return gettext(
        "You are about to send “%(title)s” to %(readers)s in %(languages)s: %(names)s."
    ) % {
        "title": edition.title,
        "readers": readers_text(waiting),
        "languages": ngettext("%(count)s language", "%(count)s languages", waiting.language_count)
        % {"count": waiting.language_count},
        "names": languages_text(waiting),
    }


def confirmation_text(edition, waiting, send_at):
    """The question the send page asks before anything is sent, naming readers and languages."""
    if send_at is None:
        question = gettext("Send “%(title)s” to %(readers)s in %(languages)s?")
    else:
        question = gettext(
            "Send “%(title)s” %(time)s to %(readers)s in %(languages)s? "
            "Anyone who subscribes before then gets it too."
        )
    return question % {
        "title": edition.title,
        "readers": readers_text(waiting),
        "languages": languages_text(waiting),
        "time": local_time(send_at) if send_at else "",
    }


def send_edition(request, page_id):
    """The send page. Sending takes two POSTs: the first asks, the second confirms.

    The confirmation carries the audience it named (Audience.fingerprint). If the audience is
    no longer that one, nothing is sent and the page asks again with the new numbers.
    """
    edition = edition_for_editing(request, page_id)
    can_send = edition.permissions_for_user(request.user).can_publish()
    send_url = reverse("newsletter_admin:send", args=[edition.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[edition.pk])
    status, status_text = send_status(edition)
    waiting = audience(edition)
    form = SendForm(schedule=False)
    confirmation = None
    if request.method == "POST":
        if not can_send:
            raise PermissionDenied
        if not edition.live:
            messages.error(request, _("Publish the edition before you send it."))
            return redirect(send_url)
        schedule = request.POST.get("action") == "schedule"
        form = SendForm(request.POST, schedule=schedule)
        if form.is_valid():
            send_at = form.cleaned_data["send_at"] if schedule else None
            confirmed_audience = request.POST.get("confirmed_audience")
            if confirmed_audience != waiting.fingerprint:
                confirmation = {
                    "action": "schedule" if schedule else "now",
                    "send_at": request.POST.get("send_at", ""),
                    "audience": waiting.fingerprint,
                    "text": confirmation_text(edition, waiting, send_at),
                    "stale": confirmed_audience is not None,
                }
            else:
                return queue_and_report(request, edition, send_at, send_url)
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "header_title": _("Send: %(title)s") % {"title": edition.get_admin_display_title()},
            "header_icon": "mail",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": edit_url, "label": edition.get_admin_display_title()},
                {"url": "", "label": _("Send")},
            ],
            "edition": edition,
            "audience": waiting,
            "audience_text": audience_text(edition, waiting),
            "confirmation": confirmation,
            "status": status,
            "status_text": status_text,
            "progress": progress(edition),
            "can_send": can_send,
            "can_schedule": status in {"", EditionSend.Status.SCHEDULED},
            "form": form,
            "test_form": TestSendForm(),
            "send_url": send_url,
            "edit_url": edit_url,
            "progress_url": reverse("newsletter_admin:progress", args=[edition.pk]),
            "refresh_seconds": PROGRESS_REFRESH_SECONDS,
        },
    )


def queue_and_report(request, edition, send_at, send_url):
    try:
        queued = queue_edition(edition, requested_by=request.user, send_at=send_at)
    except SendError as error:
        messages.error(request, str(error))
        return redirect(send_url)
    if send_at is not None:
        messages.success(
            request,
            _("“%(title)s” will be sent %(time)s.")
            % {"title": edition.title, "time": local_time(send_at)},
        )
    else:
        messages.success(
            request,
            ngettext(
                "“%(title)s” is being sent to %(count)s reader.",
                "“%(title)s” is being sent to %(count)s readers.",
                queued,
            )
            % {"title": edition.title, "count": queued},
        )
    return redirect(send_url)


@require_POST
def send_test(request, page_id):
    edition = edition_for_editing(request, page_id)
    send_url = reverse("newsletter_admin:send", args=[edition.pk])
    form = TestSendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the site's languages for the test."))
    elif not request.user.email:
        messages.error(
            request,
            _("Your account has no e-mail address. Add one in your account settings first."),
        )
    else:
        language = form.cleaned_data["language"]
        mails.send_test(edition, language, request.user.email)
        messages.success(
            request,
            _("A test in %(language)s was sent to %(address)s.")
            % {
                "language": dict(settings.LANGUAGES)[language],
                "address": request.user.email,
            },
        )
    return redirect(send_url)


def send_progress(request, page_id):
    """The counts and status the send page polls while the edition goes out."""
    edition = edition_for_editing(request, page_id)
    status, status_text = send_status(edition)
    return JsonResponse({"status": status, "status_text": str(status_text), **progress(edition)})

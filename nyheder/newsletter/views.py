"""The residents' side of the newsletter: sign up, confirm, preferences and unsubscribe.

Every answer is in the language of the URL. Pages behind a token link show a subscriber's
address and change when they act, so they are never cached, and a forged, expired or erased
token gets one friendly 404 page that says nothing about whether an address is on the list.

The token is a signed per-subscriber secret: whoever holds the link may act on it, as RFC 8058
requires for the one-click unsubscribe. A CSRF token would add nothing to that and would only
fail for readers whose mail app opens links in a browser without cookies, so the token views
are exempt from CSRF.
"""

import datetime

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Locale

from kvarter.spam import rate_limit_response

from . import mails
from .constants import CONSENT_VERSION, email_hashes
from .forms import EraseForm, LanguageForm, SubscribeForm
from .models import ConsentEvent, Delivery, NewsletterIndexPage, Subscriber
from .tokens import preferences_token

# Sign-ups from one address that may trigger a mail per day: enough for a typo in the first
# try, too few to flood a stranger's inbox.
MAILS_PER_DAY = 3
SIGNUP_SOURCE = "web form"
CONFIRM_SOURCE = "confirm link"
PREFERENCES_SOURCE = "preferences page"
UNSUBSCRIBE_LINK_SOURCE = "unsubscribe link"
ONE_CLICK_SOURCE = "one-click unsubscribe (RFC 8058)"


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def newsletter_index_page():
    """The newsletter's page in the reader's language (or Danish), or None if there is none."""
    pages = NewsletterIndexPage.objects.live().public()
    return pages.filter(locale=Locale.get_active()).first() or pages.first()


def mails_sent_today(email):
    since = timezone.now() - datetime.timedelta(days=1)
    return ConsentEvent.objects.filter(
        email_hash__in=email_hashes(email),
        action=ConsentEvent.Action.SUBSCRIBED,
        created_at__gte=since,
    ).count()


def sign_up(email, language, ip_address):
    """Record a sign-up and send the mail that fits; the caller answers the same way whatever
    happened here, so the form never tells whether an address is on the list."""
    if mails_sent_today(email) >= MAILS_PER_DAY:
        return
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if subscriber.is_confirmed:
            # Only the subscriber may change their language, through their own link.
            send_mail = mails.send_already_subscribed
        else:
            # New, still pending, or back after unsubscribing: a fresh double opt-in.
            subscriber.status = Subscriber.Status.PENDING
            subscriber.language = language
            subscriber.save()
            send_mail = mails.send_confirmation
        subscriber.log(ConsentEvent.Action.SUBSCRIBED, SIGNUP_SOURCE, ip_address, CONSENT_VERSION)
    # Queued: the worker sends it, so a broken mail server does not fail the sign-up.
    send_mail(subscriber)


@csrf_exempt  # the form is in the footer of every cached page; see SubscribeForm
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        if limited := rate_limit_response(request, "newsletter-subscribe"):
            return limited
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if not form.is_spam():
                data = form.cleaned_data
                sign_up(data["email"], data["language"], client_ip(request))
            return redirect("newsletter:subscribed")
    else:
        form = SubscribeForm.for_language(translation.get_language())
    context = {"form": form, "newsletter_page": newsletter_index_page()}
    return TemplateResponse(request, "newsletter/subscribe.html", context)


@require_GET
def subscribed(request):
    context = {"newsletter_page": newsletter_index_page()}
    return TemplateResponse(request, "newsletter/subscribed.html", context)


def invalid_link(request):
    return TemplateResponse(request, "newsletter/invalid_link.html", status=404)


def preferences_path(subscriber, language=None):
    with translation.override(language or translation.get_language()):
        return reverse("newsletter:preferences", args=[preferences_token(subscriber)])


def confirmed_page(request, subscriber):
    context = {"subscriber": subscriber, "preferences_path": preferences_path(subscriber)}
    return TemplateResponse(request, "newsletter/confirmed.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber = Subscriber.objects.for_confirm_token(token)
    if subscriber is None:
        return invalid_link(request)
    if request.method == "GET":
        if subscriber.is_confirmed:
            return confirmed_page(request, subscriber)
        # Link scanners open links with GET: only the button below confirms.
        return TemplateResponse(request, "newsletter/confirm.html", {})

    with transaction.atomic():
        # Locked, so that a double click confirms once and sends one welcome mail.
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        newly_confirmed = not subscriber.is_confirmed
        if newly_confirmed:
            subscriber.confirm(source=CONFIRM_SOURCE, ip_address=client_ip(request))
    if newly_confirmed:
        mails.send_welcome(subscriber)
    return confirmed_page(request, subscriber)


def unsubscribed_page(request):
    return TemplateResponse(
        request,
        "newsletter/unsubscribed.html",
        {"newsletter_page": newsletter_index_page()},
    )


def export_response(subscriber):
    response = JsonResponse(
        subscriber.export_data(), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="charlottekvarteret-newsletter.json"'
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = Subscriber.objects.for_preferences_token(token)
    if subscriber is None:
        return invalid_link(request)
    ip_address = client_ip(request)
    language_form = LanguageForm(initial={"language": subscriber.language}, auto_id="language-%s")
    erase_form = EraseForm(auto_id="erase-%s")
    action = request.POST.get("action")

    if action == "language":
        language_form = LanguageForm(request.POST, auto_id="language-%s")
        if language_form.is_valid():
            language = language_form.cleaned_data["language"]
            subscriber.change_language(language, PREFERENCES_SOURCE, ip_address)
            # Shown in the newly chosen language, as the next mails will be.
            return redirect(preferences_path(subscriber, language) + "?saved=language")
    elif action == "unsubscribe":
        subscriber.unsubscribe(PREFERENCES_SOURCE, ip_address)
        return unsubscribed_page(request)
    elif action == "export":
        return export_response(subscriber)
    elif action == "erase":
        erase_form = EraseForm(request.POST, auto_id="erase-%s")
        if erase_form.is_valid():
            subscriber.erase(PREFERENCES_SOURCE, ip_address)
            return TemplateResponse(request, "newsletter/erased.html", {})

    context = {
        "subscriber": subscriber,
        "language_form": language_form,
        "erase_form": erase_form,
        "saved_language": request.method == "GET" and request.GET.get("saved") == "language",
    }
    return TemplateResponse(request, "newsletter/preferences.html", context)


def record_edition_unsubscribe(subscriber, edition_id):
    """Count the unsubscribe for the edition whose link was used, if the link named one."""
    if not edition_id or not edition_id.isdigit():
        return
    Delivery.objects.filter(
        edition_id=int(edition_id), subscriber=subscriber, unsubscribed_at__isnull=True
    ).update(unsubscribed_at=timezone.now())


@csrf_exempt  # RFC 8058: the mail provider posts without cookies or a CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = Subscriber.objects.for_preferences_token(token)
    if subscriber is None:
        return invalid_link(request)
    was_unsubscribed = subscriber.status == Subscriber.Status.UNSUBSCRIBED
    if request.method == "GET":
        if was_unsubscribed:
            return unsubscribed_page(request)
        # Link scanners open links with GET: only the button below unsubscribes.
        return TemplateResponse(
            request, "newsletter/unsubscribe.html", {"action": request.get_full_path()}
        )

    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    source = ONE_CLICK_SOURCE if one_click else UNSUBSCRIBE_LINK_SOURCE
    subscriber.unsubscribe(source, client_ip(request))
    if not was_unsubscribed:
        record_edition_unsubscribe(subscriber, request.GET.get("edition", ""))
    return unsubscribed_page(request)

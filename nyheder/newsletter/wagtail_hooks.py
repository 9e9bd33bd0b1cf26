"""The newsletter in the admin (its own "Newsletter" menu) and in the shared pages' hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from kvarter.permissions import WithoutActionsPolicy
from kvarter.sections import Section

from . import admin_views
from .demo import load_newsletter
from .models import EditionSend, NewsletterIndexPage, NewsletterPage, Subscriber
from .sending import resume_unfinished_sends

# Subscribers give their consent themselves; staff view, export and erase, never add or edit.
register_permission_policy(Subscriber, WithoutActionsPolicy(Subscriber, ["add", "change"]))
# A send is made and moved on by the send page and the worker, never edited by hand.
register_permission_policy(EditionSend, WithoutActionsPolicy(EditionSend, ["add", "change"]))


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return admin_views.NewsletterViewSetGroup()


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    urls = [
        path("compose/<int:index_id>/", admin_views.compose, name="compose"),
        path("editions/<int:page_id>/send/", admin_views.send_edition, name="send"),
        path("editions/<int:page_id>/test/", admin_views.send_test, name="send_test"),
        path("editions/<int:page_id>/progress/", admin_views.send_progress, name="progress"),
    ]
    return [path("newsletter/", include((urls, "newsletter_admin")))]


@hooks.register("register_page_header_buttons")
def newsletter_page_header_buttons(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if specific_class is NewsletterIndexPage and page.permissions_for_user(user).can_add_subpage():
        # A POST through Wagtail's action controller: one click makes the draft.
        yield Button(
            _("Compose an edition"),
            icon_name="mail",
            priority=5,
            attrs={
                "data-controller": "w-action",
                "data-action": "w-action#post",
                "data-w-action-url-value": reverse("newsletter_admin:compose", args=[page.pk]),
            },
        )
    elif specific_class is NewsletterPage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Send…"),
            url=reverse("newsletter_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )


@hooks.register("kvarter_footer_sections")
def footer_signup(request):
    return Section(template="newsletter/footer_signup.html", context={}, order=50)


@hooks.register("kvarter_home_sections")
def home_signup(page, request):
    # Last on the home page, after the stories and events.
    return Section(template="newsletter/home_signup.html", context={}, order=90)


@hooks.register("kvarter_load_demo_content", order=40)
def load(loader, home):
    load_newsletter(loader, home)


# A worker killed mid-send leaves its task marked as running, and django-tasks-db never runs it
# again: each starting worker queues a fresh batch task for every unfinished send.
hooks.register("kvarter_worker_starting", resume_unfinished_sends)

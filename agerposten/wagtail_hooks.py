from django.template.loader import render_to_string
from django.urls import path

from wagtail import hooks
from wagtail.models import Locale

from . import demo
from .admin_views import IssueListingViewSet, run_ocr_again
from .issue_pdfs import IssuePdf
from .models import IssuePage, search_issue_pages
from .processing import resume_abandoned_work

SITE_SEARCH_HITS = 5


@hooks.register("kvarter_search_extra_results")
def pages_inside_issues(request, query):
    """The best pages inside Agerposten issues, for the site search (see kvarter/views.py)."""
    issues = IssuePage.objects.live().public().filter(locale=Locale.get_active())
    hits = search_issue_pages(query, issues, limit=SITE_SEARCH_HITS)
    if not hits:
        return ""
    return render_to_string("agerposten/site_search_hits.html", {"hits": hits}, request)


@hooks.register("kvarter_load_demo_content", order=35)
def load_demo_archive(loader, home):
    demo.load_archive(loader, home)


@hooks.register("register_admin_viewset")
def register_issue_listing():
    return IssueListingViewSet()


@hooks.register("construct_image_chooser_queryset")
def covers_only_when_searched_for(images, request):
    """Every imported issue makes a cover image, which would fill the chooser's latest images;
    an editor who searches ("Agerposten nr. 42") still finds them."""
    if request.GET.get("q"):
        return images
    return images.exclude(pk__in=IssuePdf.objects.exclude(cover=None).values("cover_id"))


@hooks.register("register_admin_urls")
def register_ocr_url():
    return [path("agerposten/<int:page_id>/ocr/", run_ocr_again, name="agerposten_run_ocr")]


# A worker killed mid-OCR leaves its PDF "processing": the next worker, or any worker within
# ten minutes, queues it again.
hooks.register("kvarter_worker_starting", resume_abandoned_work)
hooks.register("kvarter_worker_minute", resume_abandoned_work)

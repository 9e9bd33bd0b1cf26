from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail import hooks
from wagtail.models import Locale, Page

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def search_results(query, locale):
    """Live, public pages in `locale`, leaving out untranslated stand-ins for Danish pages."""
    fallback_ids = Page.objects.filter(locale=locale, alias_of__isnull=False).values_list(
        "id", flat=True
    )
    pages = Page.objects.live().public().filter(locale=locale).exclude(id__in=list(fallback_ids))
    return pages.search(query)


def extra_results(request, query):
    """HTML sections from other apps, shown above the page results on the first page.

    The extension point that lets kvarter search content it does not know about (Agerposten
    finds pages inside PDFs) without importing those apps. A hook takes (request, query) and
    returns safe HTML, or "" when it found nothing:

        @hooks.register("kvarter_search_extra_results")
        def my_results(request, query): ...
    """
    sections = [fn(request, query) for fn in hooks.get_hooks("kvarter_search_extra_results")]
    return [section for section in sections if section]


def specific_in_order(pages):
    """The specific pages in the given order, with one query per page type, not per page."""
    ids = [page.id for page in pages]
    specific = Page.objects.filter(id__in=ids).specific().select_related("locale")
    by_id = {page.id: page for page in specific}
    return [by_id[page_id] for page_id in ids if page_id in by_id]


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    message = ""
    results = None
    extra = []
    if not query:
        message = _("Type one or more words to search the site.")
    else:
        if len(query) > SEARCH_QUERY_MAX_LENGTH:
            query = query[:SEARCH_QUERY_MAX_LENGTH]
            message = _(
                "Your search was long, so we searched for its first %(count)d characters."
            ) % {"count": SEARCH_QUERY_MAX_LENGTH}
        paginator = Paginator(search_results(query, Locale.get_active()), SEARCH_PAGE_SIZE)
        results = paginator.get_page(request.GET.get("page"))
        results.object_list = specific_in_order(results.object_list)
        if results.number == 1:
            extra = extra_results(request, query)
    return TemplateResponse(
        request,
        "kvarter/search.html",
        {
            "search_query": query,
            "search_querystring": urlencode({"q": query}),
            "search_results": results,
            "extra_results": extra,
            "search_message": message,
        },
    )


def front_door(request):
    """The bare domain opens the site in the browser's language, or in Danish if it asks for
    none of ours (a crawler asks for none). A language cookie, when set, wins."""
    language = get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@require_GET
@cache_control(max_age=60 * 60 * 24)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    return TemplateResponse(request, "400.html", status=400).render()


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404).render()


def server_error(request):
    # No context processors and no database: the error may come from either.
    return HttpResponseServerError(loader.get_template("500.html").render())

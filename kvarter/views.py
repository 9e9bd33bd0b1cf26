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
from wagtail.models import Locale

from .search import query as resident_search

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX_LENGTH = 200


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


def next_steps(request):
    """Where to turn when a search finds nothing: (label, page) pairs from other apps' hooks,
    such as the help desk and the events page:

        @hooks.register("kvarter_search_next_steps")
        def ask_us(request): return (_("Ask the volunteer desk"), page) or None
    """
    steps = [fn(request) for fn in hooks.get_hooks("kvarter_search_next_steps")]
    return [step for step in steps if step]


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("type", "").strip()
    message = ""
    results = None
    outcome = None
    extra = []
    steps = []
    if not query:
        message = _("Type one or more words to search the site.")
    else:
        if len(query) > SEARCH_QUERY_MAX_LENGTH:
            query = query[:SEARCH_QUERY_MAX_LENGTH]
            message = _(
                "Your search was long, so we searched for its first %(count)d characters."
            ) % {"count": SEARCH_QUERY_MAX_LENGTH}
        locale = Locale.get_active()
        outcome = resident_search.search(query, locale, kind=kind or None)
        paginator = Paginator(outcome.hits, SEARCH_PAGE_SIZE)
        results = paginator.get_page(request.GET.get("page"))
        results.object_list = resident_search.load(results.object_list, locale)
        if results.number == 1 and not kind:
            extra = extra_results(request, query)
        if not results.paginator.count and not extra:
            steps = next_steps(request)
    querystring = {"q": query, **({"type": kind} if kind else {})}
    suggestion = outcome.suggestion if outcome else ""
    return TemplateResponse(
        request,
        "kvarter/search.html",
        {
            "search_query": query,
            "search_querystring": urlencode(querystring),
            "search_results": results,
            "search_suggestion": suggestion,
            "search_suggestion_url": "?" + urlencode({**querystring, "q": suggestion}),
            "search_kinds": outcome.kinds if outcome else [],
            "search_kind": kind,
            "extra_results": extra,
            "search_message": message,
            "search_next_steps": steps,
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

"""A fuzz of every page type's query parameters and path segments, in Danish and Arabic: what a
vulnerability scanner does. Goal: no 5xx answer, and no row changed or lost.

The pages are every live page type of the demo content in da and ar, with each of their
routable sub-pages (month view, year, issue page, print view, feeds, status…). The parameters are
every name the code reads from a query string (found in the source, so a new one is fuzzed too)
plus the fields of the filter forms bound to it. Each parameter gets malformed values, and each
path segment is replaced by them in turn. fuzz_forms.py does the same for the forms' POSTs.

    .venv/bin/python bench/fuzz_urls.py
"""

import random
import re
import time
from pathlib import Path
from urllib.parse import quote

from _setup import ROOT, report, setup, teardown
from fuzz_forms import STRINGS, lost_rows, print_findings, table_rows

SEED = 15
LANGUAGES = ["da", "ar"]
APPS = ["kvarter", "arrangementer", "nyheder", "agerposten", "frivillig"]
VALUES_PER_PARAMETER = 3
VALUES_PER_SEGMENT = 4
# What a sub-page's URL pattern is filled with, by the name of its argument.
SAMPLE_ARGUMENTS = {
    "year": "2026",
    "month": "12",
    "page_number": "1",
    "token": "forged-token",
    "slug": "sport",
}
# Query strings no parser should choke on, beyond the values in STRINGS.
RAW_QUERIES = ["%ff%fe", "%00=%00", "a[b][c]=1", "=&=&=", "q=" + "%" * 50, "page=1&page=2"]


def query_parameters():
    """Every query parameter the code reads, and the fields of the forms bound to request.GET."""
    from agerposten.forms import ArchiveSearchForm
    from frivillig.forms import GuideFilterForm
    from nyheder.forms import StoryFilterForm

    read = re.compile(r"""GET(?:\.get(?:list)?\(|\[)\s*["'](\w+)["']""")
    names = set()
    for app in APPS:
        for source in Path(ROOT, app).rglob("*.py"):
            names.update(read.findall(source.read_text()))
    for form in (StoryFilterForm, ArchiveSearchForm, GuideFilterForm):
        names.update(form.base_fields)
    return sorted(names)


def page_urls():
    """One page of every type in each language, with its routable sub-pages."""
    from django.urls import NoReverseMatch

    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Page

    chosen = {}
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code__in=LANGUAGES)
    for page in pages.order_by("path").specific():
        chosen.setdefault((type(page).__name__, page.locale.language_code), page)
    urls = set()
    for page in chosen.values():
        url = page.get_url()
        if not url:
            continue
        urls.add(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_resolver().url_patterns:
                arguments = {
                    name: SAMPLE_ARGUMENTS.get(name, "x")
                    for name in pattern.pattern.regex.groupindex
                }
                try:
                    urls.add(url + page.reverse_subpage(pattern.name, kwargs=arguments))
                except NoReverseMatch:  # a pattern the samples do not fit
                    continue
    return sorted(urls)


def mangled_paths(url, rng):
    """The URL with each segment in turn replaced by malformed values, and one appended."""
    segments = url.strip("/").split("/")
    for index in range(len(segments) + 1):
        for value in rng.sample(STRINGS, VALUES_PER_SEGMENT):
            changed = list(segments)
            changed[index : index + 1] = [quote(value[:2000], safe="")]
            yield "/" + "/".join(changed) + "/"
    yield url + "%ff%fe/"


def main():
    connection, original_name = setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command
    from django.test import Client, override_settings

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rng = random.Random(SEED)
    parameters = query_parameters()
    urls = page_urls()
    before = table_rows()
    statuses, server_errors = {}, []
    started = time.perf_counter()

    def record(path, response):
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            server_errors.append(f"GET {path[:100]} → {response.status_code}")

    with override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False):
        client = Client(raise_request_exception=False)
        for url in urls:
            for name in parameters:
                for value in rng.sample(STRINGS, VALUES_PER_PARAMETER):
                    record(f"{url}?{name}=…", client.get(url, {name: value}))
            for raw in RAW_QUERIES:
                record(f"{url}?{raw}", client.get(f"{url}?{raw}"))
            for path in mangled_paths(url, rng):
                record(path, client.get(path))
    seconds = time.perf_counter() - started

    lost = lost_rows(before, table_rows(), may_change=set())
    print(f"  {len(urls)} URLs, {len(parameters)} query parameters: {', '.join(parameters)}")
    total = print_findings(statuses, server_errors, lost)
    rows = [
        {
            "benchmark": "fuzz: query parameters and path segments of every page type",
            "database": connection.vendor,
            "hits": total,
            "seconds": seconds,
            "measure": "5xx answers / rows lost",
            "value": f"{len(server_errors)} / {len(lost)}",
            "goal": "0 / 0",
            "ok": not server_errors and not lost,
        }
    ]
    report("fuzz_urls", rows, connection)
    teardown(connection, original_name)


if __name__ == "__main__":
    main()

"""Purging the nginx front, which keeps one copy of a page per encoding (deploy/nginx.conf).

Wagtail's HTTP backend sends one PURGE per URL; nginx's purge module removes one cache key per
request. This backend sends one PURGE per encoding, naming it in `X-Purge-Encoding`, which the
purge port puts into the key.
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest, logger

from kvarter.page_cache import ENCODINGS

PURGE_TIMEOUT_SECONDS = 10


class EncodedVariantsHTTPBackend(HTTPBackend):
    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""])
        for encoding in ENCODINGS:
            request = PurgeRequest(url=target, headers={"Host": host, "X-Purge-Encoding": encoding})
            try:
                # A purge port that hangs must not hang the worker.
                with urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):
                    pass
            except (HTTPError, URLError) as error:
                logger.error(
                    "Couldn't purge %r (%s) from the nginx cache: %s", url, encoding, error
                )

"""`/healthz`: is this web process able to serve? For the container HEALTHCHECK and load balancers.

It checks the database (a real round trip) and the cache (a write and a read). The database is
required: without it nothing can be served, so the answer is 503. The cache is not: the site
degrades to slower, uncached pages when Redis is down, so the answer stays 200 and says
"degraded", and the container is not restarted for an outage it cannot fix.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False


def cache_ok():
    # A fresh value each time: a stale one left in the cache must not pass for a working cache.
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz", probe, timeout=10)
        kept = cache.get("healthz") == probe
    except Exception:  # any backend: a broken cache is reported, never raised
        logger.exception("Health check: the cache does not answer")
        return False
    if not kept:
        # django-redis swallows connection errors (IGNORE_EXCEPTIONS) and answers None.
        logger.error("Health check: the cache did not keep a value")
    return kept


@never_cache
@require_GET
def healthz(request):
    checks = {"database": database_ok(), "cache": cache_ok()}
    if not checks["database"]:
        status, http_status = "fail", 503
    elif not checks["cache"]:
        status, http_status = "degraded", 200
    else:
        status, http_status = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=http_status)

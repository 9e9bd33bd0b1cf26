"""The home page three ways, side by side in one run (this machine is noisy, so only the ratios
mean something): nginx serving a saved copy (the ceiling), the shipped nginx cache config in
front of gunicorn, and gunicorn (2 workers) with no cache at all. Django's own Redis page cache
is measured too, as the figure for a site run without the nginx front.

The nginx cache and its ceiling are measured for a reader who asks for brotli, one who asks for
gzip and one who asks for neither; the ceiling then serves the same bytes the cache keeps (the
brotli and gzip bodies Django compressed once), so that the ratio shows what the cache costs
beyond sending them.

Goal: the nginx cache reaches ≥ 90 % of the static ceiling in each encoding.

    .venv/bin/python bench/throughput.py
"""

from _prod import GUNICORN_PORT, ProductionStack, accept, fetch, save, wrk

SECONDS = 10
CONNECTIONS = 32
PAGE = "/da/"
GOAL_RATIO = 0.90
UNCACHED_PORT = GUNICORN_PORT + 1
ENCODINGS = ("br", "gzip", "identity")


def main():
    with ProductionStack() as stack:
        stack.start_gunicorn()  # behind nginx, with Django's page cache as in production
        stack.start_gunicorn(port=UNCACHED_PORT, PAGE_CACHE_SECONDS="0")
        stack.start_nginx()
        for encoding in ENCODINGS:  # fill both caches before timing
            fetch(stack.nginx_url(PAGE), headers=accept(encoding))
        fetch(stack.gunicorn_url(PAGE))
        stack.save_ceiling_copy(PAGE)
        for encoding in ENCODINGS:
            status, headers, body = fetch(stack.nginx_url(PAGE), headers=accept(encoding))
            print(
                f"  nginx answers {status} in {encoding}: {len(body):,} bytes, "
                f"X-Cache-Status: {headers['X-Cache-Status']}, "
                f"Content-Encoding: {headers.get('Content-Encoding', '-')}"
            )

        forwarded = {"X-Forwarded-Proto": "https"}
        runs = {}
        for encoding in ENCODINGS:
            headers = accept(encoding)
            runs[encoding] = {
                "ceiling": wrk(stack.ceiling_url(PAGE), SECONDS, headers=headers),
                "cache": wrk(stack.nginx_url(PAGE), SECONDS, headers=headers),
            }
        redis_cache = wrk(stack.gunicorn_url(PAGE), SECONDS, headers=forwarded)
        uncached = wrk(stack.gunicorn_url(PAGE, port=UNCACHED_PORT), SECONDS, headers=forwarded)

    rows = []
    for encoding, pair in runs.items():
        ceiling = pair["ceiling"]["req_per_s"]
        ratio = pair["cache"]["req_per_s"] / ceiling
        rows.append(
            {
                "benchmark": f"home page, {encoding}: static ceiling (nginx, saved copy)",
                "database": "postgresql",
                "measure": "req/s",
                "value": round(ceiling),
                "errors": pair["ceiling"]["errors"],
            }
        )
        rows.append(
            {
                "benchmark": f"home page, {encoding}: nginx cache (deploy/nginx.conf)",
                "database": "postgresql",
                "measure": "req/s",
                "value": round(pair["cache"]["req_per_s"]),
                "ratio": f"{ratio:.1%} of ceiling",
                "errors": pair["cache"]["errors"],
                "goal": f"≥ {GOAL_RATIO:.0%} of ceiling",
                "ok": ratio >= GOAL_RATIO and pair["cache"]["errors"] == 0,
            }
        )
    identity_ceiling = runs["identity"]["ceiling"]["req_per_s"]
    for name, run in (
        ("gunicorn + Redis page cache, identity", redis_cache),
        ("gunicorn uncached (2 workers), identity", uncached),
    ):
        rows.append(
            {
                "benchmark": f"home page: {name}",
                "database": "postgresql",
                "measure": "req/s",
                "value": round(run["req_per_s"]),
                "ratio": f"{run['req_per_s'] / identity_ceiling:.1%} of ceiling",
                "errors": run["errors"],
            }
        )
    save("throughput", rows)


if __name__ == "__main__":
    main()

"""The home page three ways, side by side in one run (this machine is noisy, so only the ratios
mean something): nginx serving a saved copy (the ceiling), the shipped nginx cache config in
front of gunicorn, and gunicorn (2 workers) with no cache at all. Django's own Redis page cache
is measured too, as the figure for a site run without the nginx front.

Goal: the nginx cache reaches ≥ 80 % of the static ceiling.

    .venv/bin/python bench/throughput.py
"""

from _prod import ProductionStack, fetch, save, wrk

SECONDS = 10
CONNECTIONS = 32
PAGE = "/da/"
GOAL_RATIO = 0.80
UNCACHED_PORT = 18001


def main():
    with ProductionStack() as stack:
        stack.start_gunicorn()  # behind nginx, with Django's page cache as in production
        stack.start_gunicorn(port=UNCACHED_PORT, PAGE_CACHE_SECONDS="0")
        stack.start_nginx()
        stack.save_ceiling_copy(PAGE)
        for url in (stack.nginx_url(PAGE), stack.gunicorn_url(PAGE)):
            fetch(url)  # fill both caches before timing
        status, headers, _body = fetch(stack.nginx_url(PAGE))
        print(f"  nginx answers {status}, X-Cache-Status: {headers['X-Cache-Status']}")

        forwarded = {"X-Forwarded-Proto": "https"}
        runs = {
            "static ceiling (nginx, saved copy)": wrk(stack.ceiling_url(PAGE), SECONDS),
            "nginx cache (deploy/nginx.conf)": wrk(stack.nginx_url(PAGE), SECONDS),
            "gunicorn + Redis page cache": wrk(
                stack.gunicorn_url(PAGE), SECONDS, headers=forwarded
            ),
            "gunicorn uncached (2 workers)": wrk(
                stack.gunicorn_url(PAGE, port=UNCACHED_PORT), SECONDS, headers=forwarded
            ),
        }
    ceiling = runs["static ceiling (nginx, saved copy)"]["req_per_s"]
    rows = []
    for name, run in runs.items():
        ratio = run["req_per_s"] / ceiling
        row = {
            "benchmark": f"home page: {name}",
            "database": "postgresql",
            "measure": "req/s",
            "value": round(run["req_per_s"]),
            "ratio": f"{ratio:.1%} of ceiling",
            "errors": run["errors"],
        }
        if name.startswith("nginx cache"):
            row["goal"] = f"≥ {GOAL_RATIO:.0%} of ceiling"
            row["ok"] = ratio >= GOAL_RATIO and run["errors"] == 0
        rows.append(row)
    save("throughput", rows)


if __name__ == "__main__":
    main()

"""Page weight per page type, as a resident's browser loads it through the nginx front:
HTML bytes, total bytes with every asset (scrolled to the end, so lazy images count too),
requests to any host but this site, and Content-Security-Policy violations reported by the
browser. Headless Debian Chromium, a 360 px phone and a 1280 px desktop.

Goals: HTML ≤ 50 KB, total ≤ 500 KB, 0 third-party requests, 0 CSP violations.

    .venv/bin/python bench/page_weight.py
"""

from urllib.parse import urlsplit

from _pages import PAGE_TYPES
from _prod import HOST, ProductionStack, save
from playwright.sync_api import sync_playwright

PAGES = {**PAGE_TYPES, "search": "/da/search/?q=fodbold"}
VIEWPORTS = {"phone 360": (360, 740), "desktop 1280": (1280, 900)}
HTML_GOAL_KB = 50
TOTAL_GOAL_KB = 500
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def measure(browser, url, viewport):
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, ignore_https_errors=True
    )
    page = context.new_page()
    requests, responses, violations = [], [], []
    # Requests, not responses: a third-party request counts even when it fails.
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    document = page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    html_bytes = len(document.body())
    total = 0
    third_party = sum(1 for url in requests if urlsplit(url).hostname not in (HOST, None))
    for response in responses:
        try:
            total += response.request.sizes()["responseBodySize"]
        except Exception:  # a response the browser dropped (navigated away) has no sizes
            total += len(response.body())
    context.close()
    return html_bytes, total, third_party, violations


def main():
    rows = []
    with ProductionStack() as stack:
        stack.start_gunicorn()
        stack.start_nginx()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for page_type, path in PAGES.items():
                for viewport_name, viewport in VIEWPORTS.items():
                    html, total, third_party, violations = measure(
                        browser, stack.nginx_url(path), viewport
                    )
                    for text in violations:
                        print(f"  CSP violation on {path}: {text}")
                    rows.append(
                        {
                            "benchmark": f"page weight: {page_type}, {viewport_name}",
                            "database": "postgresql",
                            "measure": "HTML KB / KB transferred",
                            "value": f"{html / 1024:.1f} / {total / 1024:.1f}",
                            "third_party": third_party,
                            "errors": len(violations),
                            "goal": f"≤ {HTML_GOAL_KB} / ≤ {TOTAL_GOAL_KB}, 0 third party, 0 CSP",
                            "ok": html <= HTML_GOAL_KB * 1024
                            and total <= TOTAL_GOAL_KB * 1024
                            and third_party == 0
                            and not violations,
                        }
                    )
            browser.close()
    save("page_weight", rows)


if __name__ == "__main__":
    main()

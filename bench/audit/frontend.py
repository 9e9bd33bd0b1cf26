"""The header height, the page heading's position and the smallest tap target at 360 px, per
page type in Danish and Arabic, measured in Chromium; screenshots at 360 and 1280 px.

    .venv/bin/python bench/audit/frontend.py http://127.0.0.1:8030 /tmp/shots

Prints one row per page and language. Links inside a sentence are left out of the tap-target
minimum, as WCAG 2.5.5 allows ("inline" exception); a checkbox counts with its label, which
toggles it too.
"""

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/{lang}/",
    "story": "/{lang}/historier/{story}/",
    "events": "/{lang}/det-sker/",
    "event": "/{lang}/det-sker/kvindecafe/",
    "guide": "/{lang}/guides/byg-hoejbede-i-gaarden/",
    "guide-print": "/{lang}/guides/byg-hoejbede-i-gaarden/print/",
    "archive": "/{lang}/agerposten/",
    "issue": "/{lang}/agerposten/2024/nr-40/",
    "help-desk": "/{lang}/frivilligdesk/",
    "contact": "/{lang}/kontakt/",
    "newsletter": "/{lang}/nyhedsbrev/",
}
STORIES = {"da": "legepladsen-fik-nyt-liv", "ar": "hoejbedene-giver-foerste-hoest"}

MEASURE = """() => {
  const header = document.querySelector('.site-header');
  const h1 = document.querySelector('main h1');
  const inline = (el) => {
    const p = el.closest('p, li, dd, td');
    if (!p || el.tagName !== 'A') return false;
    return p.textContent.trim().length > el.textContent.trim().length + 20;
  };
  const describe = (el, r) => {
    const text = (el.textContent || el.name || '').trim().slice(0, 25);
    const where = (el.parentElement.closest('[class]') || {}).className;
    const size = Math.round(r.width) + 'x' + Math.round(r.height);
    return `${size} ${el.tagName.toLowerCase()}.${el.className} "${text}" in ${where}`;
  };
  let smallest = null;
  const small = [];
  const targets = 'a[href], button, input, select, textarea, summary';
  for (const el of document.querySelectorAll(targets)) {
    if (el.type === 'hidden' || el.classList.contains('skip-link')) continue;
    if (el.closest('.visually-hidden, [aria-hidden="true"]')) continue;  // the honeypot
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    let r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || inline(el)) continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && el.labels && el.labels[0]) {
      const l = el.labels[0].getBoundingClientRect();
      const left = Math.min(r.left, l.left), top = Math.min(r.top, l.top);
      r = {width: Math.max(r.right, l.right) - left, height: Math.max(r.bottom, l.bottom) - top};
    }
    const size = Math.min(r.width, r.height);
    if (size < 44) small.push(describe(el, r));
    if (!smallest || size < smallest.size) {
      smallest = {size: Math.round(size), what: describe(el, r)};
    }
  }
  const box = (el) => el && el.getBoundingClientRect();
  return {
    header: header ? Math.round(box(header).height) : null,
    h1_top: h1 ? Math.round(box(h1).top + window.scrollY) : null,
    h1_bottom: h1 ? Math.round(box(h1).bottom + window.scrollY) : null,
    height: Math.round(document.documentElement.scrollHeight),
    overflow: document.documentElement.scrollWidth > window.innerWidth,
    html_bytes: new Blob([document.documentElement.outerHTML]).size,
    smallest,
    small,
  };
}"""


def main(base, shots=None, ignore_https_errors=False):
    rows = []
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for width in (360, 1280):
            context = browser.new_context(
                viewport={"width": width, "height": 780}, ignore_https_errors=ignore_https_errors
            )
            page = context.new_page()
            for lang in ("da", "ar"):
                for name, path in PAGES.items():
                    url = base + path.format(lang=lang, story=STORIES[lang])
                    response = page.goto(url)
                    row = {"page": name, "lang": lang, "width": width, "status": response.status}
                    row.update(page.evaluate(MEASURE))
                    rows.append(row)
                    if shots:
                        page.screenshot(path=f"{shots}/{name}-{lang}-{width}.png")
            context.close()
        browser.close()
    for row in rows:
        s = row["smallest"] or {}
        print(
            f"{row['width']:>5} {row['lang']} {row['page']:<12} {row['status']} "
            f"header {row['header']!s:>4}  h1 {row['h1_top']}-{row['h1_bottom']}  "
            f"page {row['height']:>5}  overflow {row['overflow']!s:<5}  "
            f"html {row['html_bytes']:>6}  smallest {s.get('size')}: {s.get('what', '')}"
        )
    if "--small" in sys.argv:
        for row in rows:
            if row["width"] == 360:
                for item in row["small"]:
                    print(f"{row['lang']} {row['page']:<12} {item}")
    return rows


if __name__ == "__main__":
    result = main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    if len(sys.argv) > 3 and sys.argv[3] != "--small":
        Path(sys.argv[3]).write_text(json.dumps(result, indent=1))

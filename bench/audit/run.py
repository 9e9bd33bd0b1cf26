"""`make audit`: the front end as a new resident meets it, on every page type in da and ar.

Builds the demo site in a temporary folder, serves it, and prints one table:
- the header height, the page heading's position and the smallest tap target at 360 px,
  measured in Chromium (bench/audit/frontend.py);
- Lighthouse's mobile scores (npm `lighthouse` driving /usr/bin/chromium);
- the Nu HTML checker's errors (npm `vnu-jar` on Debian's Java).

Lighthouse and vnu come from npm into AUDIT_NPM (default var/audit-npm): `npm install --prefix
var/audit-npm lighthouse vnu-jar`. Without them the table has the Chromium columns only.
Not part of CI: Lighthouse's performance score depends on the machine.

The pages are served as in production: bench/_prod.py's ProductionStack (gunicorn with the
production settings on PostgreSQL and Redis, behind deploy/nginx.conf over TLS with a
self-signed certificate), so BENCH_DATABASE, BENCH_REDIS_URL and BENCH_PORT_OFFSET apply.
Each page is fetched once before it is measured, as a reader after the first finds it in
nginx's page cache. The table is also written to bench/results/audit.json.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# The script's folder is on sys.path when it runs: bench/audit/frontend.py; and bench/_prod.py.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _prod import ProductionStack, fetch
from frontend import PAGES, STORIES
from frontend import main as measure

ROOT = Path(__file__).resolve().parents[2]
NPM = Path(os.environ.get("AUDIT_NPM", ROOT / "var" / "audit-npm"))
RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url):
    binary = NPM / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return {}
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        result = subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                "--only-categories=performance,accessibility,best-practices,seo",
                # Our own self-signed certificate on 127.0.0.1.
                "--chrome-flags=--headless=new --no-sandbox --disable-background-networking"
                " --ignore-certificate-errors",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=180,
        )
        if result.returncode:
            return {"failed": [f"lighthouse failed: {result.stderr.strip()[-300:]}"]}
        report = json.loads(Path(report.name).read_text())
    scores = {
        name: round(category["score"] * 100) for name, category in report["categories"].items()
    }
    # What cost points: every scored audit below full marks, with its score.
    scores["failed"] = sorted(
        f"{audit['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".strip()
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"] > 0
        and (audit := report["audits"][ref["id"]])["score"] is not None
        and audit["score"] < 1
    )
    return scores


def vnu(urls, folder):
    """Errors per URL. vnu refuses to fetch from localhost, so it reads saved copies."""
    jar = NPM / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.exists():
        return {}
    files = {}
    for number, url in enumerate(urls):
        path = folder / f"page-{number}.html"
        path.write_bytes(fetch(url)[2])
        files[path.as_uri()] = url
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            *map(str, folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = dict.fromkeys(urls, 0)
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        url = files.get(message.get("url"), message.get("url"))
        errors[url] = errors.get(url, 0) + 1
    return errors


class AuditStack(ProductionStack):
    def wait_for(self, url, seconds=300):
        """Longer than the benchmarks wait: on a shared 2-core machine under load, gunicorn
        has been seen to take 160 s to load the app and answer."""
        return super().wait_for(url, seconds)


def main():
    with AuditStack() as stack, tempfile.TemporaryDirectory() as folder:
        stack.start_gunicorn()
        stack.start_nginx()
        base = stack.nginx_url("")
        urls = {
            (lang, name): base + path.format(lang=lang, story=STORIES[lang])
            for lang in ("da", "ar")
            for name, path in PAGES.items()
        }
        for url in urls.values():  # into nginx's page cache, as for every reader but the first
            fetch(url)
        rows = [row for row in measure(base, ignore_https_errors=True) if row["width"] == 360]
        pages = Path(folder) / "pages"
        pages.mkdir()
        errors = vnu(list(urls.values()), pages)
        table = []
        for row in rows:
            url = urls[(row["lang"], row["page"])]
            scores = lighthouse(url)
            table.append(
                {
                    "page": row["page"],
                    "lang": row["lang"],
                    "header": row["header"],
                    "h1_end": row["h1_bottom"],
                    "smallest": row["smallest"]["size"],
                    **{name: scores.get(name) for name in LIGHTHOUSE},
                    "vnu": errors.get(url),
                    "failed": scores.get("failed", []),
                }
            )
        print()
        print(f"{'page':<12} lang header h1_end smallest  perf a11y bp  seo  vnu")
        for row in table:
            cell = {name: "-" if value is None else str(value) for name, value in row.items()}
            print(
                f"{row['page']:<12} {row['lang']:<4} {cell['header']:>6} {cell['h1_end']:>6} "
                f"{cell['smallest']:>8} {' '.join(cell[name].rjust(4) for name in LIGHTHOUSE)} "
                f"{cell['vnu']:>4}"
            )
        for row in table:
            for audit in row.pop("failed"):
                print(f"  {row['page']} {row['lang']}: {audit}")
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "audit.json").write_text(json.dumps(table, indent=2) + "\n")


if __name__ == "__main__":
    main()

"""`make audit`: the front end as a new resident meets it, on every page type in da and ar.

Builds the demo site in a temporary folder, serves it, and prints one table:
- the header height, the page heading's position and the smallest tap target at 360 px,
  measured in Chromium (bench/audit/frontend.py);
- Lighthouse's mobile scores (npm `lighthouse` driving /usr/bin/chromium);
- the Nu HTML checker's errors (npm `vnu-jar` on Debian's Java).

Lighthouse and vnu come from npm into AUDIT_NPM (default var/audit-npm): `npm install --prefix
var/audit-npm lighthouse vnu-jar`. Without them the table has the Chromium columns only.
Not part of CI: Lighthouse's performance score depends on the machine. Behind the shipped nginx
front (deploy/) the numbers are the production ones; here the dev server serves the pages.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

# The script's folder is on sys.path when it runs: bench/audit/frontend.py.
from frontend import PAGES, STORIES
from frontend import main as measure

ROOT = Path(__file__).resolve().parents[2]
NPM = Path(os.environ.get("AUDIT_NPM", ROOT / "var" / "audit-npm"))
CHROMIUM = "/usr/bin/chromium"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(var_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kvartersite.settings.dev",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'db.sqlite3'}",
        "REDIS_URL": "",
    }
    for args in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/robots.txt", timeout=2)
            return server, base
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the demo server did not start")


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
                "--chrome-flags=--headless=new --no-sandbox --disable-background-networking",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=180,
        )
        if result.returncode:
            return {"lighthouse": "error"}
        categories = json.loads(Path(report.name).read_text())["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}


def vnu(urls, folder):
    """Errors per URL. vnu refuses to fetch from localhost, so it reads saved copies."""
    jar = NPM / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.exists():
        return {}
    files = {}
    for number, url in enumerate(urls):
        path = folder / f"page-{number}.html"
        path.write_bytes(urllib.request.urlopen(url, timeout=30).read())
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


def main():
    with tempfile.TemporaryDirectory() as folder:
        server, base = serve(Path(folder))
        try:
            rows = [row for row in measure(base) if row["width"] == 360]
            urls = {
                (lang, name): base + path.format(lang=lang, story=STORIES[lang])
                for lang in ("da", "ar")
                for name, path in PAGES.items()
            }
            pages = Path(folder) / "pages"
            pages.mkdir()
            errors = vnu(list(urls.values()), pages)
            print()
            header = f"{'page':<12} lang header h1_end smallest  perf a11y bp  seo  vnu"
            print(header)
            for row in rows:
                url = urls[(row["lang"], row["page"])]
                scores = lighthouse(url)
                score = [
                    str(scores.get(name, "-")).rjust(4)
                    for name in ("performance", "accessibility", "best-practices", "seo")
                ]
                print(
                    f"{row['page']:<12} {row['lang']:<4} {row['header']!s:>6} "
                    f"{row['h1_bottom']!s:>6} {row['smallest']['size']:>8} {' '.join(score)} "
                    f"{errors.get(url, '-')!s:>4}"
                )
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

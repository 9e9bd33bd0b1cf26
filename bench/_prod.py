"""The production stack on 127.0.0.1 for the benchmarks: gunicorn with the production settings on
this machine's PostgreSQL and Redis, behind nginx running deploy/nginx.conf.

    with ProductionStack() as stack:      # a fresh kvarter_bench database with the demo content
        stack.start_gunicorn()            # 2 workers on 127.0.0.1:18000
        stack.start_nginx()               # https://127.0.0.1:18443 (self-signed), static ceiling
        stack.wrk(stack.nginx_url("/da/"))  # on :18444

Only ever 127.0.0.1. nginx and wrk come from Debian's packages; they are installed when missing.
"""

import json
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "kvarter_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# BENCH_PORT_OFFSET lets two benchmarks run side by side without sharing a port.
PORT_OFFSET = int(os.environ.get("BENCH_PORT_OFFSET", "0"))
GUNICORN_PORT = 18000 + PORT_OFFSET
NGINX_HTTPS_PORT = 18443 + PORT_OFFSET
STATIC_CEILING_PORT = 18444 + PORT_OFFSET
NGINX_PURGE_PORT = 18081 + PORT_OFFSET
HOST = "127.0.0.1"
DEBIAN_PACKAGES = {
    "nginx": "nginx-light",
    "wrk": "wrk",
    "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so": "libnginx-mod-http-cache-purge",
}


def ensure_tools():
    missing = [
        package
        for tool, package in DEBIAN_PACKAGES.items()
        if not (Path(tool).exists() if tool.startswith("/") else shutil.which(tool))
    ]
    if missing:
        print(f"  installing {' '.join(missing)} from Debian's packages")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )


def save(name, rows):
    """Print one line per row and save them to bench/results/<name>.json for _table.py."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    for row in rows:
        print("  " + "  ".join(f"{key}={value}" for key, value in row.items()))


def psql(sql, database="postgres", admin_url=PG_ADMIN_URL):
    subprocess.run(
        ["psql", f"{admin_url}/{database}", "-v", "ON_ERROR_STOP=1", "-qc", sql],
        check=True,
        stdout=subprocess.DEVNULL,
    )


class ProductionStack:
    def __init__(self, pg_admin_url=PG_ADMIN_URL, redis_url=REDIS_URL):
        self.pg_admin_url = pg_admin_url
        self.redis_url = redis_url
        # Kept between runs with the database, whose images live here.
        self.var = ROOT / "var" / f"bench-{urllib.parse.urlsplit(pg_admin_url).port}-{DATABASE}"
        self.workdir = Path(tempfile.mkdtemp(prefix="kvarter-bench-"))
        self.workdir.chmod(0o755)  # nginx's workers (www-data) read the static files here
        self.processes = {}
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO")},
            "DJANGO_SETTINGS_MODULE": "kvartersite.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "EMAIL_HASH_KEY": secrets.token_urlsafe(32),
            # Production settings refuse to start without a real transport; nothing listens
            # here, and the benchmarks send no mail through it.
            "EMAIL_HOST": HOST,
            "EMAIL_PORT": "2525",
            "DEFAULT_FROM_EMAIL": "Charlottekvarteret <noreply@charlottekvarteret.test>",
            "NEWSLETTER_UNSUBSCRIBE_MAILTO": "afmeld@charlottekvarteret.test",
            "DATABASE_URL": f"{pg_admin_url}/{DATABASE}",
            "REDIS_URL": redis_url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # nginx passes $host, without the port, as a server on 443 would.
            "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{NGINX_HTTPS_PORT}",
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}:{NGINX_HTTPS_PORT}",
            "VAR_DIR": str(self.var),
            "MEDIA_ROOT": str(self.var / "media"),
            "STATIC_ROOT": str(self.workdir / "static"),
            "LOG_LEVEL": "WARNING",
            "FRONTEND_CACHE_PURGE_URL": f"http://{HOST}:{NGINX_PURGE_PORT}",
        }

    # -- setup ------------------------------------------------------------------------------
    def __enter__(self):
        ensure_tools()
        if not self.var.exists():  # the images are gone, so the database must go too
            psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", admin_url=self.pg_admin_url)
            self.var.mkdir(parents=True)
        self.var.chmod(0o755)
        # The database is kept between runs: migrate and the idempotent demo loader only add
        # what is missing, so the second script of `make bench` starts in seconds.
        created = subprocess.run(
            ["psql", f"{self.pg_admin_url}/postgres", "-qc", f"CREATE DATABASE {DATABASE}"],
            capture_output=True,
        )
        if created.returncode == 0:
            print(f"  created the {DATABASE} database")
        subprocess.run(
            ["redis-cli", "-u", self.redis_url, "flushdb"], check=True, capture_output=True
        )
        for command in (
            ["migrate", "--noinput", "-v", "0"],
            ["load_demo_content"],
            ["collectstatic", "--noinput", "-v", "0"],
        ):
            self.manage(*command)
        self.set_site_port()
        return self

    def __exit__(self, *exc):
        for name in list(self.processes):
            self.stop(name)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def manage(self, *args, env=None, capture=True):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            check=True,
            capture_output=capture,
            text=True,
        )

    def set_site_port(self):
        """Wagtail builds page URLs (and purges) from the default site's host name and port."""
        self.manage(
            "shell",
            "-c",
            "from wagtail.models import Site;"
            f"Site.objects.filter(is_default_site=True).update(hostname='{HOST}', port=443)",
        )

    # -- processes --------------------------------------------------------------------------
    def start_gunicorn(self, workers=2, port=GUNICORN_PORT, **env):
        log = open(self.workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "kvartersite.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--access-logfile",
                "/dev/null",
            ],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes[f"gunicorn-{port}"] = (process, log)
        # Two workers importing Django take long on a machine busy with other work.
        try:
            self.wait_for(f"http://{HOST}:{port}/healthz", seconds=180)
        except RuntimeError:
            log.flush()
            print((self.workdir / f"gunicorn-{port}.log").read_text()[-3000:])
            raise
        return process

    def nginx_config(self):
        """deploy/nginx.conf with this machine's paths and ports, plus the static ceiling."""
        config = (ROOT / "deploy" / "nginx.conf").read_text()
        swaps = {
            "server web:8000;": f"server {HOST}:{GUNICORN_PORT};",
            "listen 80;": f"listen {HOST}:{18080 + PORT_OFFSET};",
            "listen 443 ssl http2;": f"listen {HOST}:{NGINX_HTTPS_PORT} ssl http2;",
            "listen 8081;": f"listen {HOST}:{NGINX_PURGE_PORT};",
            "/etc/nginx/certs/": f"{self.workdir}/certs/",
            "/var/cache/nginx/kvarter": f"{self.workdir}/nginx-cache",
            "/srv/static/": f"{self.env['STATIC_ROOT']}/",
            "/srv/media/": f"{self.env['MEDIA_ROOT']}/",
            "access_log /dev/stdout json;": f"access_log {self.workdir}/nginx-access.log json;",
        }
        for old, new in swaps.items():
            if old not in config:
                raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}")
            config = config.replace(old, new)
        # The static ceiling: the same TLS and nginx, a saved copy of the page in the encoding
        # the reader asks for (the same bytes the cache keeps), no proxy and no compression.
        ceiling = f"""
    map $kvarter_encoding $ceiling_suffix {{ br .br; gzip .gz; default ""; }}
    map $kvarter_encoding $ceiling_content_encoding {{ br br; gzip gzip; default ""; }}
    server {{
        listen {HOST}:{STATIC_CEILING_PORT} ssl http2;
        ssl_certificate {self.workdir}/certs/fullchain.pem;
        ssl_certificate_key {self.workdir}/certs/privkey.pem;
        root {self.workdir}/ceiling;
        location / {{
            types {{ }}
            default_type text/html;
            try_files $uri/index.html$ceiling_suffix =404;
            add_header Content-Encoding $ceiling_content_encoding;
            add_header Vary Accept-Encoding;
        }}
    }}
}}"""
        return config[: config.rstrip().rfind("}")] + ceiling

    def start_nginx(self):
        certs = self.workdir / "certs"
        certs.mkdir(exist_ok=True)
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", f"/CN={HOST}",
                "-keyout", str(certs / "privkey.pem"), "-out", str(certs / "fullchain.pem"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        (self.workdir / "ceiling").mkdir(exist_ok=True)
        cache_dir = self.workdir / "nginx-cache"
        cache_dir.mkdir(exist_ok=True)
        shutil.chown(cache_dir, "www-data")
        config_path = self.workdir / "nginx.conf"
        config_path.write_text(self.nginx_config())
        subprocess.run(["nginx", "-t", "-q", "-c", str(config_path)], check=True)
        log = open(self.workdir / "nginx-error.log", "w")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            ["nginx", "-c", str(config_path), "-g", f"daemon off; pid {self.workdir}/nginx.pid;"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes["nginx"] = (process, log)
        self.wait_for(self.nginx_url("/healthz"))
        return process

    def start_worker(self):
        """The tasks worker, which sends the frontend-cache purges to nginx."""
        log = open(self.workdir / "worker.log", "w")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes["worker"] = (process, log)
        return process

    def stop(self, name):
        process, log = self.processes.pop(name)
        process.send_signal(signal.SIGTERM if name != "nginx" else signal.SIGQUIT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

    def wait_for(self, url, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                status, _headers, _body = fetch(url)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{url} did not answer within {seconds} s")

    # -- addresses --------------------------------------------------------------------------
    def nginx_url(self, path):
        return f"https://{HOST}:{NGINX_HTTPS_PORT}{path}"

    def gunicorn_url(self, path, port=GUNICORN_PORT):
        return f"http://{HOST}:{port}{path}"

    def ceiling_url(self, path="/"):
        return f"https://{HOST}:{STATIC_CEILING_PORT}{path}"

    def save_ceiling_copy(self, path):
        """The page as nginx serves it from its cache, saved as plain files: index.html, and
        the brotli and gzip bodies as they came (index.html.br, index.html.gz)."""
        folder = self.workdir / "ceiling" / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        for encoding, suffix in (("identity", ""), ("br", ".br"), ("gzip", ".gz")):
            _status, headers, body = fetch(self.nginx_url(path), headers=accept(encoding))
            if headers.get("Content-Encoding", "identity") != encoding:
                raise RuntimeError(f"{path} in {encoding} came as {headers['Content-Encoding']}")
            (folder / f"index.html{suffix}").write_bytes(body)


def accept(encoding):
    """The request headers of a reader who takes `encoding` (br, gzip or identity)."""
    return {
        "Accept-Encoding": {"br": "gzip, deflate, br", "gzip": "gzip, deflate"}.get(
            encoding, "identity"
        )
    }


UNVERIFIED_TLS = ssl.create_default_context()
UNVERIFIED_TLS.check_hostname = False
UNVERIFIED_TLS.verify_mode = ssl.CERT_NONE  # our own self-signed certificate on 127.0.0.1


def fetch(url, method="GET", data=None, headers=None, timeout=30):
    """(status, headers, body) for one request; HTTP errors are answers too, not exceptions."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if url.startswith("http://"):  # straight to gunicorn: say what nginx would say
        request.add_header("X-Forwarded-Proto", "https")
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=UNVERIFIED_TLS), NoRedirects()
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


WRK_LATENCY = re.compile(r"Latency\s+([\d.]+)(us|ms|s)")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(urls, seconds=10, connections=32, threads=2, headers=None, pause_ms=0):
    """Requests/s, errors and mean latency over `urls` (one URL, or a mix taken in turn).

    Errors are socket errors plus every answer that is not 2xx or 3xx. `pause_ms` is a pause
    before each request on a connection, for a steady rate instead of the machine's maximum.
    """
    urls = [urls] if isinstance(urls, str) else urls
    base = re.match(r"(https?://[^/]+)", urls[0]).group(1)
    paths = [url[len(base) :] for url in urls]
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(
        "paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
        "counter = 0\n"
        "request = function()\n  counter = counter + 1\n"
        "  return wrk.format(nil, paths[(counter % #paths) + 1])\nend\n"
        + (f"delay = function() return {pause_ms} end\n" if pause_ms else "")
    )
    # A reader waits longer than wrk's default 2 s before giving up; 10 s counts as an error.
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += ["--timeout", "10s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command += ["-s", str(script), base + paths[0]]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    script.unlink()
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = sum(int(n) for n in socket.groups()) if socket else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = WRK_LATENCY.search(output)
    return {
        "requests": requests,
        "req_per_s": rate,
        "errors": socket_errors + (int(non_2xx.group(1)) if non_2xx else 0),
        "mean_ms": float(latency.group(1)) * UNITS[latency.group(2)] if latency else None,
    }

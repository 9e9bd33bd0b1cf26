# Charlottekvarteret: one slim image for the web app (gunicorn) and the tasks worker, and a
# `front` image with nginx, the shipped cache config and the static files.
#
#   docker build -t kvarter .                       # the app (the default: the last stage)
#   docker build --target front -t kvarter-front .  # the nginx front
#
# compose.yaml builds both. See docs/deploy.md (also for building without a registry).

# --- build: the locked dependencies in a virtualenv, then the static files --------------------
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_NO_CACHE=1 \
    UV_PROJECT_ENVIRONMENT=/venv UV_PYTHON_DOWNLOADS=never
# uv itself is pinned with its hashes, and installs exactly uv.lock (hashes checked).
COPY requirements-uv.txt /tmp/
RUN pip install --require-hashes --no-deps -r /tmp/requirements-uv.txt
WORKDIR /app
# Dependencies first: this layer is rebuilt only when pyproject.toml or uv.lock change.
# No `--extra dev`: the image has no test tools.
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-install-project
COPY . .
# The project itself, editable, so that templates/ and locale/ are found beside the code in /app.
RUN uv sync --locked
# Static files are collected at build time, with settings that hold no secret
# (site/settings/build.py): the production ones refuse to start without real ones.
RUN DJANGO_SETTINGS_MODULE=kvartersite.settings.build \
    STATIC_ROOT=/app/static_collected /venv/bin/python manage.py collectstatic --noinput -v 0

# --- front: nginx with deploy/nginx.conf and the static files ---------------------------------
FROM debian:bookworm-slim AS front
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx-light libnginx-mod-http-cache-purge \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/cache/nginx/kvarter /var/www/acme \
    && chown www-data:www-data /var/cache/nginx/kvarter
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/static_collected /srv/static
EXPOSE 80 443
CMD ["nginx", "-g", "daemon off;"]

# --- app: gunicorn or the tasks worker, as a non-root user (the default target) ---------------
FROM python:3.11-slim-bookworm AS app
# Tesseract with Danish for the worker's OCR of scanned Agerposten pages (agerposten/ocr.py;
# OCRmyPDF itself comes from uv.lock and needs neither Ghostscript nor qpdf here).
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-dan \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 kvarter
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=kvartersite.settings.production \
    VAR_DIR=/app/var \
    MEDIA_ROOT=/app/var/media \
    STATIC_ROOT=/app/static_collected \
    WEB_CONCURRENCY=3
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /app /app
RUN mkdir -p /app/var/media && chown -R kvarter:kvarter /app/var
USER kvarter
EXPOSE 8000
# The web check (GET /healthz). The start period only keeps early failures from counting; the
# first success marks the container healthy at once. The worker has its own check
# (`deploy/healthcheck.py worker`, set in compose.yaml).
HEALTHCHECK --interval=30s --timeout=6s --start-period=120s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
# gunicorn reads the number of workers from WEB_CONCURRENCY; its access log goes through
# Django's logging as JSON lines (site/settings/production.py). compose.yaml's
# stop_grace_period (40 s) leaves room for the 30 s graceful timeout.
CMD ["gunicorn", "kvartersite.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--access-logfile", "-", "--timeout", "60", "--graceful-timeout", "30"]

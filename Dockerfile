# Charlottekvarteret: one slim image for the web app (gunicorn) and the tasks worker, and a
# `front` image with nginx, the shipped cache config and the static files.
#
#   docker build -t kvarter .                       # the app (default target)
#   docker build --target front -t kvarter-front .  # the nginx front
#
# compose.yaml builds both. See docs/deploy.md.

# --- build: dependencies in a virtualenv, then the static files ------------------------------
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install uv
WORKDIR /app
# Dependencies first: this layer is rebuilt only when pyproject.toml changes.
COPY pyproject.toml ./
RUN uv venv /venv && VIRTUAL_ENV=/venv uv pip install -r pyproject.toml
COPY . .
# Editable, so that templates/ and locale/ are found beside the code in /app.
RUN VIRTUAL_ENV=/venv uv pip install --no-deps -e .
# Static files are collected at build time. The throwaway key only satisfies the settings'
# check; nothing signed with it leaves the build.
RUN SECRET_KEY=collectstatic-only-not-secret DJANGO_SETTINGS_MODULE=kvartersite.settings.production \
    STATIC_ROOT=/app/static_collected /venv/bin/python manage.py collectstatic --noinput -v 0

# --- app: gunicorn, as a non-root user --------------------------------------------------------
FROM python:3.11-slim-bookworm AS app
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
HEALTHCHECK --interval=30s --timeout=6s --start-period=20s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
# gunicorn reads the number of workers from WEB_CONCURRENCY; its access log goes through
# Django's logging as JSON lines (site/settings/production.py).
CMD ["gunicorn", "kvartersite.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--access-logfile", "-", "--timeout", "60", "--graceful-timeout", "30"]

# --- front: nginx with deploy/nginx.conf and the static files -----------------------------------
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

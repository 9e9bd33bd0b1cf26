# One slim image for the web app and the tasks worker.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install uv
WORKDIR /app
COPY pyproject.toml ./
RUN uv venv /venv && VIRTUAL_ENV=/venv uv pip install -r pyproject.toml
COPY . .
# Editable, so that templates/ and locale/ are found beside the code in /app.
RUN VIRTUAL_ENV=/venv uv pip install --no-deps -e .

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=kvartersite.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/static_collected
RUN useradd --create-home --uid 1000 kvarter
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=kvarter:kvarter /app /app
# Static files are collected at build time; the key only satisfies the settings' check.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && mkdir -p /app/var && chown -R kvarter:kvarter /app/var /app/static_collected
USER kvarter
EXPOSE 8000
CMD ["gunicorn", "kvartersite.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

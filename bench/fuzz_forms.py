"""A fuzz of every public form and token URL: 1,000 malformed requests and more. Goal: no 5xx
answer, and no row lost (no table has fewer rows afterwards, and the rows that were there are
unchanged, except those a request is meant to change: a subscriber's own token actions).

Long strings, invalid UTF-8, NUL bytes, bidi controls, forged and truncated tokens, wrong
methods, huge and nested query strings, wrong content types. Runs in-process with the test
settings (SQLite in memory, or PostgreSQL with DATABASE_URL), the demo content loaded, and the
rate limit off, so that every request reaches the form validation behind it; a second pass with
CSRF checks on sends forged tokens to the forms that have them.

    .venv/bin/python bench/fuzz_forms.py
"""

import random
import time

from _setup import report, setup, teardown

SEED = 8
ROUNDS = 1000
STRINGS = [
    "",
    " ",
    "a" * 100_000,
    "ø" * 20_000,
    "\x00",
    "nul\x00byte",
    "\u202eevil\u202c",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s%s%s%n",
    "{{ request }}",
    "😀" * 1000,
    "a@b",
    "@",
    "x" * 300 + "@example.org",
    "test@example.org\r\nBcc: victim@example.org",
    "../../etc/passwd",
    "-1",
    "99999999999999999999999",
    "NaN",
    "da",
    "xx",
    "on",
]
INVALID_UTF8 = [b"\xff\xfe", b"\xc3\x28", b"\xe2\x82", b"name=\xff&email=\xfe%ff", b"%ff%fe=%c3"]


def forged_tokens(rng):
    from django.core import signing

    real_looking = signing.dumps({"id": 1}, salt="somebody-else")
    return [
        "x",
        "0",
        "a" * 5000,
        real_looking,
        real_looking[:-3] + "abc",
        real_looking.replace(":", "."),
        "%00",
        "..%2f..%2f",
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789:_-") for _ in range(64)),
    ]


def targets(token):
    """(method, path) pairs; POST forms get form data, GET pages get query strings."""
    return [
        ("POST", "/da/historier/tip/"),
        ("POST", "/ar/frivilligdesk/"),
        ("POST", "/da/nyhedsbrev/tilmeld/"),
        ("GET", f"/da/nyhedsbrev/bekraeft/{token}/"),
        ("POST", f"/da/nyhedsbrev/bekraeft/{token}/"),
        ("GET", f"/da/nyhedsbrev/indstillinger/{token}/"),
        ("POST", f"/da/nyhedsbrev/indstillinger/{token}/"),
        ("GET", f"/da/nyhedsbrev/afmeld/{token}/"),
        ("POST", f"/da/nyhedsbrev/afmeld/{token}/"),
        ("GET", f"/da/frivilligdesk/status/{token}/"),
        ("GET", "/da/search/"),
        ("GET", "/da/agerposten/"),
        ("GET", "/da/historier/"),
        ("GET", "/da/guides/"),
        ("GET", "/da/det-sker/"),
        ("GET", "/da/det-sker/archive/"),
    ]


FIELDS = [
    "name", "email", "phone", "text", "description", "language", "kind", "consent",
    "website", "form_started", "action", "confirm", "q", "page", "tag", "focus_area",
    "housing_area", "difficulty", "topic", "category", "year",
]  # fmt: skip


def table_rows():
    """Every row of every table, by model and primary key: what must not be lost."""
    from django.apps import apps

    return {
        model._meta.label: {
            row.get("id", repr(row)): {name: comparable(value) for name, value in row.items()}
            for row in model._base_manager.values()
        }
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def comparable(value):
    # A StreamField comes back as a StreamValue, which compares by identity; its data does not.
    return value.get_prep_value() if hasattr(value, "raw_data") else value


def lost_rows(before, after, may_change):
    lost = []
    for label, rows in before.items():
        for key, row in rows.items():
            if key not in after[label]:
                lost.append(f"{label} {key} deleted")
            elif after[label][key] != row and label not in may_change:
                changed = sorted(k for k in row if after[label][key].get(k) != row[k])
                lost.append(f"{label} {key} changed: {', '.join(changed)}")
    return lost


def print_findings(statuses, server_errors, lost):
    """Print the first 5xx answers and lost rows and the count by status; the number of hits."""
    for line in server_errors[:20]:
        print(f"  5xx: {line}")
    for line in lost[:20]:
        print(f"  lost: {line}")
    print(f"  answers by status: {dict(sorted(statuses.items()))}")
    return sum(statuses.values())


def main():
    connection, original_name = setup()
    import logging

    logging.disable(logging.WARNING)  # every refused request logs one; the counts say enough
    from django.core.management import call_command
    from django.test import Client, override_settings

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rng = random.Random(SEED)
    tokens = forged_tokens(rng)
    before = table_rows()
    statuses = {}
    server_errors = []
    started = time.perf_counter()

    by_target = {}

    def record(method, path, response):
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        target = f"{method} {'/'.join(path.split('?')[0].split('/')[:4])}/"
        by_target.setdefault(target, set()).add(response.status_code)
        if response.status_code >= 500:
            server_errors.append(f"{method} {path[:80]} → {response.status_code}")

    with override_settings(RATELIMIT_ENABLE=False, DEBUG_PROPAGATE_EXCEPTIONS=False):
        client = Client(raise_request_exception=False)
        for _ in range(ROUNDS):
            method, path = rng.choice(targets(rng.choice(tokens)))
            data = {field: rng.choice(STRINGS) for field in rng.sample(FIELDS, rng.randint(0, 8))}
            kind = rng.random()
            if kind < 0.15:  # a body that is not UTF-8 at all
                body = rng.choice(INVALID_UTF8)
                response = client.generic(
                    method, path, body, content_type="application/x-www-form-urlencoded"
                )
            elif kind < 0.25:  # the wrong method
                method = rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
                response = client.generic(method, path, b"x=1")
            elif kind < 0.32:  # an invalid UTF-8 or absurd query string
                path += rng.choice(["?q=%ff%fe", "?page=%00", "?q=" + "a" * 10_000, "?a[b][c]=1"])
                response = client.get(path)
            elif kind < 0.38:  # JSON where a form is expected
                response = client.generic(method, path, b'{"email": []}', "application/json")
            elif method == "POST":
                response = client.post(path, data)
            else:
                response = client.get(path, data)
            record(method, path, response)

        # Forged CSRF tokens on the forms that carry one: refused with 403, never a 5xx.
        strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
        for path in ("/da/historier/tip/", "/ar/frivilligdesk/"):
            for token in tokens:
                response = strict.post(path, {"csrfmiddlewaretoken": token, "name": "x"})
                record("POST", path, response)
    seconds = time.perf_counter() - started

    # Every token is forged, so no existing row has any reason to change, let alone go.
    lost = lost_rows(before, table_rows(), may_change=set())
    total = print_findings(statuses, server_errors, lost)
    for target, seen in sorted(by_target.items()):
        print(f"    {target}: {sorted(seen)}")
    rows = [
        {
            "benchmark": "fuzz: public forms and token URLs",
            "database": connection.vendor,
            "hits": total,
            "seconds": seconds,
            "measure": "5xx answers / rows lost",
            "value": f"{len(server_errors)} / {len(lost)}",
            "goal": "0 / 0",
            "ok": not server_errors and not lost and total >= ROUNDS,
        }
    ]
    report("fuzz_forms", rows, connection)
    teardown(connection, original_name)


if __name__ == "__main__":
    main()

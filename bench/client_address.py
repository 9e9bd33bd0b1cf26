"""Behind the shipped nginx, a flood from one visitor must not close the forms for another.

The production stack (gunicorn behind deploy/nginx.conf, TRUSTED_PROXIES=127.0.0.1) gets eight
newsletter sign-ups from 127.0.0.2, then two from 127.0.0.3; the rate limit is five a minute per
visitor. Then the same with a forged X-Real-IP and X-Forwarded-For from the flooding visitor,
which nginx must replace. Goal: the second visitor is never refused, the first is after five,
and the consent log records two visitors, not one.

    .venv/bin/python bench/client_address.py
"""

import http.client
import urllib.parse

from _prod import HOST, NGINX_HTTPS_PORT, UNVERIFIED_TLS, ProductionStack, save

SIGN_UP = "/da/nyhedsbrev/tilmeld/"


def sign_up(visitor, number, headers=None):
    """The status nginx answers a sign-up posted from the address `visitor`."""
    connection = http.client.HTTPSConnection(
        HOST, NGINX_HTTPS_PORT, context=UNVERIFIED_TLS, source_address=(visitor, 0), timeout=30
    )
    body = urllib.parse.urlencode(
        {"email": f"person{number}@charlottekvarteret.test", "language": "da", "consent": "on"}
    )
    connection.request(
        "POST",
        SIGN_UP,
        body,
        {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
    )
    status = connection.getresponse().status
    connection.close()
    return status


def visitors_in_consent_log(stack):
    result = stack.manage(
        "shell",
        "-c",
        "from nyheder.newsletter.models import ConsentEvent;"
        "print(ConsentEvent.objects.filter(source='web form')"
        ".values('ip_hash').distinct().count())",
    )
    return int(result.stdout.strip().splitlines()[-1])


def main():
    with ProductionStack() as stack:
        stack.manage(
            "shell",
            "-c",
            "from nyheder.newsletter.models import Subscriber, ConsentEvent;"
            "ConsentEvent.objects.filter(source='web form').delete();"
            "Subscriber.objects.filter(email__endswith='@charlottekvarteret.test').delete()",
        )
        stack.start_gunicorn(TRUSTED_PROXIES=HOST)
        stack.start_nginx()
        flood = [sign_up("127.0.0.2", n) for n in range(8)]
        neighbour = [sign_up("127.0.0.3", 100 + n) for n in range(2)]
        forged_headers = {"X-Real-IP": "127.0.0.9", "X-Forwarded-For": "127.0.0.9"}
        forged = sign_up("127.0.0.2", 200, forged_headers)
        visitors = visitors_in_consent_log(stack)

    print(f"  127.0.0.2: {flood}")
    print(f"  127.0.0.3: {neighbour}")
    print(f"  127.0.0.2 claiming to be 127.0.0.9: {forged}")
    ok = (
        flood[:5] == [302] * 5
        and set(flood[5:]) == {429}
        and set(neighbour) == {302}
        and forged == 429
        and visitors == 2
    )
    save(
        "client_address",
        [
            {
                "benchmark": "one flooding visitor behind nginx",
                "measure": "flooder refused after / neighbour refused / forged header believed"
                " / visitors in the consent log",
                "value": f"{flood.index(429) if 429 in flood else '-'} / "
                f"{neighbour.count(429)} / {forged != 429} / {visitors}",
                "goal": "5 / 0 / False / 2",
                "ok": ok,
            }
        ],
    )


if __name__ == "__main__":
    main()

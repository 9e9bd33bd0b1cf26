"""Fails loudly, before any test runs, when PostgreSQL or Redis cannot be reached."""

import socket
import sys
from urllib.parse import urlparse


def check(url, default_port):
    parsed = urlparse(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or default_port
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError as error:
        print(f"Cannot connect to {url} ({error}). Is the service running?", file=sys.stderr)
        return False


if __name__ == "__main__":
    database_url, redis_url = sys.argv[1], sys.argv[2]
    ok = check(database_url, 5432) & check(redis_url, 6379)
    sys.exit(0 if ok else 1)

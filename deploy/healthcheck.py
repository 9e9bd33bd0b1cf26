"""The container's HEALTHCHECK: GET /healthz on this container's gunicorn, exit 0 when healthy.

It asks with the site's own host name (the first of ALLOWED_HOSTS), so Django's host check
passes, over plain HTTP, which the production settings answer for /healthz alone.
"""

import os
import sys
import urllib.request

host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip() or "localhost"
request = urllib.request.Request("http://127.0.0.1:8000/healthz", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=5) as response:
        sys.exit(0 if response.status == 200 else 1)
except OSError as error:
    print(f"healthz: {error}", file=sys.stderr)
    sys.exit(1)

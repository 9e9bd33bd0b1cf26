"""gunicorn's settings; gunicorn reads this file from its working directory, the repository
root (/app in the image), so the Dockerfile's and compose.yaml's commands need no flag for it.
"""

import gc


def post_worker_init(worker):
    """Freeze what loading Django, Wagtail and the apps left in memory (about 270,000 objects)
    into the collector's permanent generation. A full collection then scans only what requests
    have made since, instead of stopping a request for tens of milliseconds (the p99 tail), and
    the frozen objects' pages are not written to by the collector."""
    gc.freeze()

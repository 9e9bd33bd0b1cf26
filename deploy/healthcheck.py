"""The containers' health checks: exit 0 when healthy, 1 (with a reason on stderr) when not.

`python deploy/healthcheck.py` (the image's HEALTHCHECK, for web): GET /healthz on this
container's gunicorn. It asks with the site's own host name (the first of ALLOWED_HOSTS), so
Django's host check passes, over plain HTTP, which the production settings answer for /healthz
alone.

`python deploy/healthcheck.py worker` (compose.yaml's worker): the tasks worker has no HTTP
server, so this checks what it does instead:

1. a `manage.py db_worker` process is running in this container;
2. the database answers (the worker takes its tasks from there);
3. the queue is being worked: no task has waited more than WORKER_STALE_SECONDS past the time it
   was due, unless some task finished within that time (a long newsletter send is a backlog being
   worked, not a stuck worker). The worker queues scheduled publishing for every minute
   (kvarter/scheduling.py), so an idle queue always holds a task that falls due, and a worker
   that stopped taking tasks fails this within WORKER_STALE_SECONDS (default 600, the newsletter
   lease). With several workers the queue is shared, so this says whether the workers together
   keep up; step 1 is this container's own.
"""

import datetime
import os
import sys
import urllib.request


def web():
    host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip() or "localhost"
    request = urllib.request.Request("http://127.0.0.1:8000/healthz", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return None if response.status == 200 else f"healthz: HTTP {response.status}"
    except OSError as error:
        return f"healthz: {error}"


def worker_process_running():
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                arguments = cmdline.read().split(b"\0")
        except OSError:  # the process ended while we looked
            continue
        if b"manage.py" in arguments and b"db_worker" in arguments:
            return True
    return False


def worker():
    if not worker_process_running():
        return "worker: no manage.py db_worker process is running"

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvartersite.settings.production")
    # After django.setup(): the models cannot be imported before it.
    import django

    django.setup()
    from django.db import DatabaseError
    from django.db.models import Q
    from django.utils import timezone

    from django_tasks_db.models import DBTaskResult, get_date_max

    stale = datetime.timedelta(seconds=int(os.environ.get("WORKER_STALE_SECONDS", "600")))
    since = timezone.now() - stale
    try:
        # A task queued without a time to run at has the greatest date as its run_after.
        overdue = (
            DBTaskResult.objects.ready()
            .filter(Q(run_after=get_date_max(), enqueued_at__lt=since) | Q(run_after__lt=since))
            .count()
        )
        if overdue and not DBTaskResult.objects.filter(finished_at__gte=since).exists():
            return (
                f"worker: {overdue} task(s) overdue by more than {stale.total_seconds():.0f} s "
                "and none finished in that time"
            )
    except DatabaseError as error:
        return f"worker: the database does not answer: {error}"
    return None


if __name__ == "__main__":
    problem = worker() if sys.argv[1:] == ["worker"] else web()
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(1)

"""Crash-safe sending: Delivery rows, claimed in batches, sent over one connection.

    queue_edition(edition)           render every language once, one Delivery per subscriber
      → send_next_batch (a task)     claim ≤ NEWSLETTER_BATCH_SIZE pending rows as "sending",
                                     queue the next task, send, then mark "sent" or "failed";
                                     claim and send the next batch, for up to TASK_SECONDS

The claim is committed before anything is sent, and the results after, so a worker killed in
the middle leaves at most one batch in "sending". The claim is a short lease
(NEWSLETTER_LEASE_SECONDS, 30 s): while the batch is sent, a heartbeat thread renews it every
sixth of the lease, so a slow worker keeps its batch and a dead one loses it half a minute after
its last heartbeat. Any task for the edition takes such a batch back then: the task chain itself
(`follow_up` comes back when the oldest claim runs out) and, after a crash, the task `db_worker`
queues for every unfinished send when it starts. Two workers never claim the same row: the claim
is one UPDATE whose rows come from SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, and SQLite
runs one writer at a time; and a worker sends only the rows its heartbeat still holds.

Round trips to the database are what a batch costs beyond the mail itself
(bench/newsletter_send.py): one for the claim, one for the readers, one for the results. The
rest is once per task (taking back expired claims, the rendered editions, the site, queueing the
next task), and a task goes on to the next batch rather than leaving it to a new task, which
would cost the task queue several round trips more.
"""

import datetime
import logging
import smtplib
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import connections, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult, get_date_max

from kvarter.mail import retry_delay, site_root_url

from .messages import MessageTemplate, send_message
from .models import (
    Delivery,
    EditionSend,
    NewsletterPage,
    RenderedEdition,
    Subscriber,
    Suppression,
)
from .rendering import render_edition

logger = logging.getLogger(__name__)

PERMANENT = "permanent"
HARD_BOUNCE = "hard bounce"
TRANSIENT = "transient"


class SendError(Exception):
    """An edition that cannot be sent as asked; the message is for staff."""


@dataclass
class Audience:
    """Who an edition would go to now: the number of readers in each language."""

    counts: dict

    @property
    def subscribers(self):
        return sum(self.counts.values())

    @property
    def languages(self):
        return list(self.counts)

    @property
    def language_count(self):
        return len(self.counts)

    @property
    def fingerprint(self):
        """What a confirmation names, so that a stale one can be told from a current one."""
        return ",".join(f"{language}:{count}" for language, count in self.counts.items())


def audience(edition):
    """The confirmed subscribers who have not yet been sent this edition, and their languages."""
    waiting = Subscriber.objects.confirmed().exclude(deliveries__edition=edition.source_edition)
    rows = waiting.values("language").annotate(count=Count("pk")).order_by("-count", "language")
    return Audience(counts={row["language"]: row["count"] for row in rows})


def queue_edition(edition, requested_by=None, send_at=None):
    """Send `edition` now, or at `send_at`. Returns the number of deliveries queued now.

    Safe to call again: subscribers who already have a delivery for the edition get nothing.
    """
    edition = edition.source_edition
    if not edition.live:
        raise SendError(_("Publish the edition before you send it."))
    with transaction.atomic():
        edition_send, _created = EditionSend.objects.get_or_create(edition=edition)
        edition_send.requested_by = requested_by
        if send_at is not None and send_at > timezone.now():
            edition_send.status = EditionSend.Status.SCHEDULED
            edition_send.scheduled_for = send_at
            edition_send.save()
            start_scheduled_send.using(run_after=send_at).enqueue(
                edition_send.pk, send_at.isoformat()
            )
            return 0
        return start_sending(edition_send)


def start_sending(edition_send):
    render_languages(edition_send)
    queued = create_deliveries(edition_send.edition)
    edition_send.status = EditionSend.Status.SENDING
    edition_send.scheduled_for = None
    edition_send.started_at = edition_send.started_at or timezone.now()
    edition_send.finished_at = None
    edition_send.save()
    send_next_batch.enqueue(edition_send.edition_id)
    logger.info("Edition %s: %s deliveries queued", edition_send.edition_id, queued)
    return queued


def render_languages(edition_send):
    """Render the edition once per language, so every reader gets the same copy."""
    for language, _name in settings.LANGUAGES:
        mail = render_edition(edition_send.edition, language)
        RenderedEdition.objects.update_or_create(
            edition_send=edition_send,
            language=language,
            defaults={"subject": mail.subject, "html": mail.html, "text": mail.text},
        )


def create_deliveries(edition, chunk_size=1000):
    waiting = (
        Subscriber.objects.confirmed()
        .exclude(deliveries__edition=edition)
        .values_list("pk", "language")
        .order_by("pk")
    )
    chunk, queued = [], 0
    for pk, language in waiting.iterator(chunk_size=chunk_size):
        chunk.append(Delivery(edition=edition, subscriber_id=pk, language=language))
        if len(chunk) == chunk_size:
            queued += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
            chunk = []
    if chunk:
        queued += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
    return queued


@task()
def start_scheduled_send(edition_send_pk, scheduled_for):
    """Starts a scheduled send, unless staff have since moved or cancelled it."""
    edition_send = EditionSend.objects.select_related("edition").filter(pk=edition_send_pk).first()
    if (
        edition_send is None
        or edition_send.status != EditionSend.Status.SCHEDULED
        or edition_send.scheduled_for is None
        or edition_send.scheduled_for.isoformat() != scheduled_for
    ):
        return
    if not edition_send.edition.live:
        logger.warning(
            "Edition %s was unpublished before its scheduled send", edition_send.edition_id
        )
        return
    start_sending(edition_send)


# A task sends batch after batch for this long, then leaves the rest to the task it queued: a
# task costs the queue several round trips, and other tasks still get a worker every few seconds.
TASK_SECONDS = 5


@task()
def send_next_batch(edition_id):
    take_back_expired_claims(edition_id)
    deadline = time.monotonic() + TASK_SECONDS
    templates, sent, queued_next = None, 0, False
    while time.monotonic() < deadline:
        claimed_at = timezone.now()
        batch = claim_batch(edition_id, claimed_at)
        if not batch:
            break
        with ClaimHeartbeat(batch, claimed_at) as claim:
            if not queued_next:
                # Queued before sending, so that the edition goes on if this process dies.
                send_next_batch.enqueue(edition_id)
                queued_next = True
            templates = templates or message_templates(edition_id)
            deliver(batch, claim, templates)
        sent += len(batch)
    if queued_next:
        finish_if_done(edition_id)
    else:
        follow_up(edition_id)
    return sent


def lease():
    return datetime.timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)


def take_back_expired_claims(edition_id):
    expired = Delivery.objects.filter(
        edition_id=edition_id,
        state=Delivery.State.SENDING,
        claimed_at__lt=timezone.now() - lease(),
    )
    taken = expired.update(state=Delivery.State.PENDING, next_attempt_at=timezone.now())
    if taken:
        logger.warning("Edition %s: took back %s deliveries left in sending", edition_id, taken)
    return taken


def claim_batch(edition_id, now=None):
    """Mark ≤ NEWSLETTER_BATCH_SIZE due pending rows "sending" and return their ids.

    One statement, so one round trip (Django's ORM has no UPDATE … RETURNING).
    """
    now = now or timezone.now()
    database = transaction.get_connection()
    table = database.ops.quote_name(Delivery._meta.db_table)
    skip_locked = (
        " FOR UPDATE SKIP LOCKED" if database.features.has_select_for_update_skip_locked else ""
    )
    with database.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {table} SET state = %s, claimed_at = %s, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM {table}
                WHERE edition_id = %s AND state = %s AND next_attempt_at <= %s
                ORDER BY id LIMIT %s{skip_locked}
            )
            RETURNING id
            """,
            [
                Delivery.State.SENDING,
                database.ops.adapt_datetimefield_value(now),
                edition_id,
                Delivery.State.PENDING,
                database.ops.adapt_datetimefield_value(now),
                settings.NEWSLETTER_BATCH_SIZE,
            ],
        )
        return sorted(pk for (pk,) in cursor.fetchall())


class ClaimHeartbeat:
    """Renews a batch's lease while this worker sends it, from a thread of its own.

    A thread, so that one slow message (up to EMAIL_TIMEOUT for each step of the SMTP talk)
    cannot let the lease run out under a live worker. The lease is renewed only on the rows this
    claim still holds (state "sending" with the `claimed_at` it wrote last), and `holds` tells
    the sending loop which those are: a row another worker took back after a heartbeat failed to
    reach the database is not sent twice by two live workers. A loop that has not finished a
    message for `stalled_after` seconds is wedged rather than slow: the heartbeat then gives the
    batch up, and the lease runs out for another worker to take it.

    Inside a transaction (the immediate tasks backend of the tests runs a task where it is
    queued) no other worker can see the claim, so there is nothing to renew and no thread.
    """

    def __init__(self, ids, claimed_at):
        self.ids = list(ids)
        self.claimed_at = claimed_at
        self.held = set(self.ids)
        self.lock = threading.Lock()
        self.interval = settings.NEWSLETTER_LEASE_SECONDS / 6
        # Ten times the mail timeout: a message that takes longer is not slow but stuck.
        self.stalled_after = max(
            settings.NEWSLETTER_LEASE_SECONDS, 10 * (settings.EMAIL_TIMEOUT or 30)
        )
        self.last_progress = time.monotonic()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.beat, name="newsletter-heartbeat", daemon=True)

    def __enter__(self):
        if not transaction.get_connection().in_atomic_block:
            self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopped.set()
        if self.thread.is_alive():
            self.thread.join()

    def holds(self, pk):
        return pk in self.held

    def narrow_to(self, pks):
        """The rows the sending loop found to send: the others were deleted meanwhile."""
        with self.lock:
            self.held = self.held & set(pks)

    def progressed(self):
        """The sending loop finished a message (sent or not)."""
        self.last_progress = time.monotonic()

    def beat(self):
        try:
            while not self.stopped.wait(self.interval):
                if time.monotonic() - self.last_progress > self.stalled_after:
                    logger.warning("Batch of %s deliveries stalled; giving it up", len(self.ids))
                    with self.lock:
                        self.held = set()
                    return
                self.renew()
        finally:
            connections.close_all()  # this thread's own connections

    def renew(self):
        with self.lock:
            held = self.held
            if not held:
                return
            now = timezone.now()
            mine = Delivery.objects.filter(
                pk__in=held, state=Delivery.State.SENDING, claimed_at=self.claimed_at
            )
            try:
                renewed = mine.update(claimed_at=now)
            except Exception:  # the database away for a moment: try again at the next beat
                logger.warning(
                    "Could not renew the claim on %s deliveries", len(held), exc_info=True
                )
                return
            self.claimed_at = now
            if renewed < len(held):
                still = Delivery.objects.filter(pk__in=held, claimed_at=now)
                self.held = set(still.values_list("pk", flat=True))
                logger.warning("Lost the claim on %s deliveries", len(held) - len(self.held))


def follow_up(edition_id):
    """Nothing to claim now: come back for retries and other workers' claims, or finish."""
    waiting = Delivery.objects.filter(edition_id=edition_id).aggregate(
        next_retry=Min("next_attempt_at", filter=Q(state=Delivery.State.PENDING)),
        oldest_claim=Min("claimed_at", filter=Q(state=Delivery.State.SENDING)),
    )
    times = [waiting["next_retry"]]
    if waiting["oldest_claim"] is not None:
        times.append(waiting["oldest_claim"] + lease())
    times = [time for time in times if time is not None]
    if not times:
        finish_if_done(edition_id)
        return
    when = max(min(times), timezone.now())
    if not batch_task_queued(edition_id, when):
        send_next_batch.using(run_after=when).enqueue(edition_id)


def batch_task_queued(edition_id, by=None):
    """Whether a batch task for the edition waits in the queue to run by `by` (or at all).

    Keeps worker restarts and the ends of parallel chains from piling up idle tasks.
    """
    queued = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path=send_next_batch.module_path,
        args_kwargs__args=[edition_id],
    )
    if by is not None:
        queued = queued.filter(Q(run_after__lte=by) | Q(run_after=get_date_max()))
    return queued.exists()


def finish_if_done(edition_id):
    unfinished = Delivery.objects.filter(
        edition_id=edition_id, state__in=[Delivery.State.PENDING, Delivery.State.SENDING]
    )
    if not unfinished.exists():
        EditionSend.objects.filter(edition_id=edition_id, status=EditionSend.Status.SENDING).update(
            status=EditionSend.Status.FINISHED, finished_at=timezone.now()
        )


def resume_unfinished_sends():
    """Queue a batch task for every send in progress: `db_worker` calls this when it starts."""
    editions = EditionSend.objects.filter(status=EditionSend.Status.SENDING)
    for edition_id in editions.values_list("edition_id", flat=True):
        if not batch_task_queued(edition_id):
            send_next_batch.enqueue(edition_id)


def classify(error):
    """Whether a failed send is worth retrying, and whether the address bounced for good."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return HARD_BOUNCE if codes and all(500 <= code < 600 for code in codes) else TRANSIENT
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        # 5xx to one message (content refused) will not change on a retry; 4xx may.
        return PERMANENT if 500 <= error.smtp_code < 600 else TRANSIENT
    if isinstance(error, AnymailRecipientsRefused):
        return HARD_BOUNCE
    if isinstance(error, AnymailAPIError):
        status = getattr(error, "status_code", None)
        return PERMANENT if status and 400 <= status < 500 and status != 429 else TRANSIENT
    return TRANSIENT


def message_templates(edition_id):
    """Each language's message, built once for every batch a task sends."""
    root_url = site_root_url()
    return {
        render.language: MessageTemplate(render, edition_id, root_url)
        for render in RenderedEdition.objects.filter(edition_send__edition_id=edition_id)
    }


def deliver(batch, claim, templates):
    deliveries = list(
        Delivery.objects.filter(pk__in=batch, state=Delivery.State.SENDING).select_related(
            "subscriber"
        )
    )
    # Unsubscribed or erased since the send was queued: they get nothing and count for nothing.
    gone = [d.pk for d in deliveries if d.subscriber is None or not d.subscriber.is_confirmed]
    Delivery.objects.filter(pk__in=gone).delete()
    deliveries = [d for d in deliveries if d.pk not in gone]
    claim.narrow_to(d.pk for d in deliveries)
    connection = get_connection()
    bounced, attempted = [], []
    for delivery in deliveries:
        if not claim.holds(delivery.pk):
            continue  # taken back by another worker: it is theirs to send now
        attempted.append(delivery)
        message = templates[delivery.language].for_delivery(delivery)
        try:
            # Opens once and reuses the connection; after a failure, opens a fresh one.
            send_message(connection, message)
        except Exception as error:  # every failure is recorded on the delivery
            kind = classify(error)
            record_failure(delivery, error, kind)
            if kind == HARD_BOUNCE:
                bounced.append(delivery.subscriber)
            if kind == TRANSIENT:
                close_quietly(connection)
        else:
            delivery.state = Delivery.State.SENT
            # anymail's id for the message, which its webhook events refer to.
            status = getattr(message, "anymail_status", None)
            message_id = status.message_id if status else None
            delivery.message_id = "" if message_id is None else str(message_id)
        claim.progressed()
    close_quietly(connection)
    record_results(attempted)
    for subscriber in bounced:
        subscriber.unsubscribe("hard bounce while sending", reason=Suppression.Reason.BOUNCED)


def record_results(deliveries):
    """One UPDATE for the sent (most of them), row by row only for what needs its own values."""
    sent = [d for d in deliveries if d.state == Delivery.State.SENT]
    Delivery.objects.filter(pk__in=[d.pk for d in sent]).update(
        state=Delivery.State.SENT, sent_at=timezone.now(), error=""
    )
    with_ids = [d for d in sent if d.message_id]
    not_sent = [d for d in deliveries if d.state != Delivery.State.SENT]
    Delivery.objects.bulk_update(with_ids, ["message_id"])
    Delivery.objects.bulk_update(not_sent, ["state", "error", "next_attempt_at"])


def record_failure(delivery, error, kind):
    delivery.error = f"{type(error).__name__}: {error}"[:2000]
    if kind == TRANSIENT and delivery.attempts < settings.MAIL_MAX_ATTEMPTS:
        delivery.state = Delivery.State.PENDING
        delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
    else:
        delivery.state = Delivery.State.FAILED
    logger.warning("Delivery %s %s: %s", delivery.pk, kind, delivery.error)


def close_quietly(connection):
    try:
        connection.close()
    except Exception:  # a broken connection is already closed for our purposes
        logger.debug("Closing the mail connection failed", exc_info=True)


def progress(edition):
    """Counts per state for the admin, plus what the ESP's webhooks reported."""
    counts = Delivery.objects.filter(edition=edition.source_edition).aggregate(
        pending=Count("pk", filter=Q(state__in=[Delivery.State.PENDING, Delivery.State.SENDING])),
        sent=Count("pk", filter=Q(state=Delivery.State.SENT)),
        failed=Count("pk", filter=Q(state=Delivery.State.FAILED)),
        bounced=Count("pk", filter=Q(bounced_at__isnull=False)),
        complaints=Count("pk", filter=Q(complained_at__isnull=False)),
        unsubscribes=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    counts["total"] = counts["pending"] + counts["sent"] + counts["failed"]
    return counts


def edition_for_id(edition_id):
    edition = NewsletterPage.objects.filter(pk=edition_id).first()
    if edition is None:
        raise SendError(_("There is no newsletter edition with id %(id)s.") % {"id": edition_id})
    return edition.source_edition

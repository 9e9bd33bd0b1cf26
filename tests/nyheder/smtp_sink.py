"""A real SMTP server on 127.0.0.1 for the newsletter's integration tests and benchmark.

    with SmtpSink() as sink:            # a thread in this process
        ... EMAIL_HOST=127.0.0.1, EMAIL_PORT=sink.port ...
        sink.messages                   # email.message.Message objects, in arrival order
        sink.raw                        # the same messages as the bytes the server received
        sink.recipients()               # Counter of envelope recipients

`refuse` makes it answer 550 to those recipients, as a server does for an unknown mailbox.
"""

import collections
import email
import email.policy
import socket
import threading
import time

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Handler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.sink.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.sink.delay:
            time.sleep(self.sink.delay)  # a slow server: blocks this connection, as one would
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.sink.lock:
            self.sink.envelopes.append(list(envelope.rcpt_tos))
            if self.sink.keep_messages:
                self.sink.messages.append(message)
                self.sink.raw.append(envelope.original_content)
        return "250 Message accepted"


class SmtpSink:
    def __init__(self, delay=0.0, refuse=(), keep_messages=True):
        self.port = free_port()
        self.delay = delay
        self.refuse = {address.lower() for address in refuse}
        self.keep_messages = keep_messages
        self.lock = threading.Lock()
        self.envelopes = []
        self.messages = []
        self.raw = []
        self.controller = Controller(Handler(self), hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()

    @property
    def count(self):
        with self.lock:
            return len(self.envelopes)

    def recipients(self):
        with self.lock:
            return collections.Counter(r.lower() for rcpts in self.envelopes for r in rcpts)

    def wait_for(self, count, timeout=60):
        deadline = time.monotonic() + timeout
        while self.count < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.count} of {count} messages arrived in {timeout} s")
            time.sleep(0.05)

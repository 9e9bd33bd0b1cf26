"""The Content-Security-Policy, strict on the public site and looser in the Wagtail admin only.

The public pages load scripts from 'self' or with the request's nonce, never inline without
one. Wagtail 8's admin still uses inline scripts and styles (wagtail/wagtail#1288), so the
directives in `CONTENT_SECURITY_POLICY_ADMIN_REPLACE` replace the public ones under the admin's
URL prefix and nowhere else. Staff are logged in there; residents never see that policy.
An e-mail preview gets the policy of a mail program instead (`as_mail_preview`).
"""

import ipaddress

from django.conf import settings

from csp.middleware import CSPMiddleware

from kvarter.views import bad_request


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with the page's own URL; the
            # preview panel shows it in a frame of the admin, so that frame must be allowed.
            parts.replace = {"frame-ancestors": ["'self'"], **(parts.replace or {})}
        if request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX):
            # A view's own @csp_replace still wins over the admin default.
            parts.replace = {
                **settings.CONTENT_SECURITY_POLICY_ADMIN_REPLACE,
                **(parts.replace or {}),
            }
        return parts


def as_mail_preview(response):
    """Serve a rendered mail under the mail preview's policy, so it looks as it will arrive."""
    response._csp_config = settings.CONTENT_SECURITY_POLICY_MAIL_PREVIEW
    return response


class PermissionsPolicyMiddleware:
    """Turns off browser features no page here uses (Django has no setting for this header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RejectNulByteMiddleware:
    """A NUL byte in the address or the query is never a resident's request (scanners send them),
    and neither database can look one up: answer 400, with the reader's page, before any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = (item for pair in request.GET.lists() for item in (pair[0], *pair[1]))
        if "\x00" in request.path or any("\x00" in item for item in query):
            return bad_request(request)
        return self.get_response(request)


class ClientAddressMiddleware:
    """Behind the shipped nginx every request comes from nginx's own address, so rate limits,
    login lockouts and the consent log would see one visitor. nginx sets X-Real-IP to the
    address it was connected from; that header is believed only when the request comes from a
    proxy in TRUSTED_PROXIES. X-Forwarded-For is never read: a client can write its first entry.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted_networks = [
            ipaddress.ip_network(network, strict=False) for network in settings.TRUSTED_PROXIES
        ]

    def __call__(self, request):
        if self.trusted_networks and self.is_trusted(request.META.get("REMOTE_ADDR", "")):
            client = valid_address(request.META.get("HTTP_X_REAL_IP", ""))
            if client:
                request.META["REMOTE_ADDR"] = client
        return self.get_response(request)

    def is_trusted(self, address):
        peer = valid_address(address)
        return bool(peer) and any(
            ipaddress.ip_address(peer) in network for network in self.trusted_networks
        )


def valid_address(value):
    """The address in its canonical form, or "" for anything that is not one address."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""

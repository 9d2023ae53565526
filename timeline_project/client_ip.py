"""The client's address behind the proxy, for login throttling (django-axes) and logs."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or the last address of X-Forwarded-For when the request came from a trusted proxy.

    nginx appends the address it saw to X-Forwarded-For ($proxy_add_x_forwarded_for), so the last
    entry is the one a client cannot forge; entries before it are whatever the client sent.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and remote in settings.TRUSTED_PROXIES:
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return remote

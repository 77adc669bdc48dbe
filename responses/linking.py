"""Rate limits on linking a claim with its claim number and security code.

A security code is 8 characters from 32, so guessing is hopeless at any sane rate; the
limit makes it so at any rate. Failed attempts are counted per account and per address
in fixed windows (the cache: Redis in production); a blocked person gets the same
message whichever limit they hit.
"""
from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.http import HttpRequest

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 20
BLOCKED_MESSAGE = ("You have entered a wrong claim number or security code too many times. "
                   "Wait 15 minutes and try again, or call the court.")


def _keys(request: HttpRequest) -> list[tuple[str, int]]:
    address = request.META.get("REMOTE_ADDR", "unknown")
    return [(f"link-claim:user:{request.user.pk}", PER_ACCOUNT), (f"link-claim:ip:{address}", PER_ADDRESS)]


def blocked(request: HttpRequest) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request))


def failed(request: HttpRequest) -> None:
    seconds = int(WINDOW.total_seconds())
    for key, _ in _keys(request):
        if not cache.add(key, 1, seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, seconds)

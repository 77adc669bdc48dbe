from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

import pytest
import time_machine
from django.db import connection

from rules.calendar import LONDON

_seq = itertools.count(1)


def uk(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


@pytest.fixture
def make_user(django_user_model: Any):
    """``make_user(email=None, **fields)``: a user with password "correct-horse-battery" whose email
    address is confirmed (so they can sign in through django-allauth, which requires it)."""
    from accounts.emails import mark_email_verified

    def make(email: str | None = None, **extra: Any) -> Any:
        email = email or f"person{next(_seq)}@example.com"
        extra.setdefault("first_name", "Pat")
        extra.setdefault("last_name", f"Person{next(_seq)}")
        user = django_user_model.objects.create_user(email=email, password="correct-horse-battery", **extra)
        mark_email_verified(user)
        return user

    return make


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    """Each test starts with an empty cache: sign-in lockout and other rate-limit counters live there."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def travel():
    """Travel in time: ``travel(datetime)`` moves the clock (ticking) until the test ends."""
    travellers: list[Any] = []

    def go(when: datetime, tick: bool = True) -> None:
        if travellers:
            travellers.pop().stop()
        traveller = time_machine.travel(when, tick=tick)
        traveller.start()
        travellers.append(traveller)

    yield go
    for traveller in travellers:
        traveller.stop()


@pytest.fixture(autouse=True)
def _skip_postgres_only_elsewhere(request: Any) -> None:
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run the suite with `make test`")

"""The suite's shared fixtures.

The clock is frozen for every test (``_frozen_clock``) at ``DEFAULT_INSTANT``, an ordinary working
day that the suite chooses, so that no test depends on the real date or time. A test that needs
another instant travels there itself (``travel``, or ``time_machine`` directly). A test that really
needs the machine's clock (one that starts other processes, which the frozen clock cannot reach)
says so with ``@pytest.mark.real_clock``.

``pytest --clock-at=2026-12-24T10:00`` runs the whole suite as though the machine's clock read that
instant (UK time unless an offset is given): tests that choose no instant of their own run there.

After every test that passes and touched the database, the claims it left are checked: no record's
own state machine may contradict its claim's (``tests/state_coherence.py``).
"""
from __future__ import annotations

import itertools
from datetime import datetime, timezone
from typing import Any

import pytest
import time_machine
from django.db import connection

from rules.calendar import LONDON

from . import state_coherence

_seq = itertools.count(1)


def uk(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


# Tuesday 10 November 2026, 11:00 in London: a working day, far from bank holidays, the change of
# the clocks and the 4 pm cut-off.
DEFAULT_INSTANT = uk(2026, 11, 10, 11, 0)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--record-state-pairs", default=None, metavar="FILE",
        help="also write the (claim state, child machine, child state) pairs each test leaves to FILE, to review "
             "which pairs the journeys reach (tests/state_coherence.py)",
    )
    parser.addoption(
        "--clock-at", default=None, metavar="INSTANT",
        help="freeze every test's clock at this instant instead of the suite's default "
             f"({DEFAULT_INSTANT.isoformat()}): ISO 8601, UK time unless it has an offset",
    )


def clock_instant(config: pytest.Config) -> datetime:
    """The instant every test starts at: ``--clock-at`` if given, else ``DEFAULT_INSTANT``."""
    option = config.getoption("--clock-at")
    if not option:
        return DEFAULT_INSTANT
    instant = datetime.fromisoformat(option)
    # In UTC: a UK time in the hour the clocks skip (01:30 on the Sunday they go forward) does not
    # exist, and Python compares such a time unequal to every instant; it is read as GMT.
    return (instant if instant.tzinfo else instant.replace(tzinfo=LONDON)).astimezone(timezone.utc)


def _checks_claims(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    if "migrator" in names:  # the schema is a migration's, not the models'
        return False
    return bool(item.get_closest_marker("django_db")) or bool({"db", "transactional_db", "live_server"} & set(names))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):  # type: ignore[no-untyped-def]
    """Once a test that touched the database has passed, and before its data is rolled back, check that no
    claim it left has a record whose state contradicts the claim's (tests/state_coherence.py)."""
    outcome = yield
    if outcome.excinfo is not None or not _checks_claims(item) or connection.needs_rollback:
        return
    record = item.config.getoption("--record-state-pairs")
    if record:
        with open(record, "a") as out:
            for label, state, claim_state, _ in state_coherence.pairs():
                out.write(f"{claim_state}\t{label}\t{state}\t{item.nodeid}\n")
    problems = state_coherence.contradictions()
    if problems:
        outcome.force_exception(AssertionError("A record's state contradicts its claim's: " + "; ".join(problems)))


def pytest_report_header(config: pytest.Config) -> str:
    return f"clock frozen for each test at {clock_instant(config).isoformat()} (--clock-at to move it)"


@pytest.fixture(autouse=True)
def _frozen_clock(request: pytest.FixtureRequest):
    """Every test runs at a frozen instant unless it is marked ``real_clock``."""
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    with time_machine.travel(clock_instant(request.config), tick=False):
        yield


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


#: The hearing centres a party may choose as the preferred court (``hearing_centres``).
HEARING_CENTRES = [("Leeds County Court", True), ("Bristol Civil and Family Justice Centre", False)]


@pytest.fixture
def hearing_centres(db: Any) -> None:
    """The court's list of hearing centres, with a closed one that is kept but never offered."""
    from court.models import HearingCentre

    for name, advisers in HEARING_CENTRES:
        HearingCentre.objects.create(name=name, legal_advisers=advisers)
    HearingCentre.objects.create(name="Closed County Court", active=False)

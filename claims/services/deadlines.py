"""When the court calendar changes, the live deadlines that depend on it move (14.1); and the claimant's time to
answer a response starts (CLM-33, CLM-REP-28)."""
from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from court.calendar import court_calendar
from court.templatetags.govuk import govuk_datetime
from ocmc import clock
from rules import periods, represented
from rules.calendar import LONDON, CourtCalendar

from .. import timeline
from ..constants import ClaimState
from ..models import Claim
from .common import locked_claim


def claim_deadlines_recompute(*, first_day: date, last_day: date) -> int:
    """Staff added or removed a closure day, or recorded an outage, between ``first_day`` and
    ``last_day``: move every live response deadline it affects (14.1(2), (3)).

    A deadline is affected if its nominal last day is on or before ``last_day`` and its
    cut-off falls on or after ``first_day`` (it was rolled across the changed days, or
    lands on them). Each move is recorded on the claim's timeline. Returns how many moved.
    """
    cal = court_calendar()
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=LONDON)
    candidates = Claim.objects.filter(
        state=ClaimState.ISSUED, response_deadline_day__lte=last_day, response_deadline__gte=start
    ).values_list("pk", flat=True)
    moved = 0
    for pk in candidates:
        with transaction.atomic():
            claim = locked_claim(pk)
            if claim is None or claim.state != ClaimState.ISSUED or claim.response_deadline_day is None:
                continue
            deadline = cal.cutoff(claim.response_deadline_day)
            if deadline == claim.response_deadline:
                continue
            claim.response_deadline = deadline
            claim.response_reminder_at = periods.next_response_reminder(deadline, after=clock.now())
            claim.save(update_fields=["response_deadline", "response_reminder_at"])
            timeline.record(
                claim, kind="deadline_moved", actor=None,
                summary=f"The defendant's response deadline is now {govuk_datetime(deadline)}, because the court "
                        "calendar changed (a court office closure or a website outage)",
            )
            moved += 1
    return moved


# -- leaving the online process (9.1, 18, 19) ---------------------------------------------------------


def claimant_answer_period_starts(claim: Claim, cal: CourtCalendar, *, notified_on: date, response_kind: str) -> None:
    """The (locked) claim's response has been notified to the claimant on ``notified_on``: their time to answer
    starts. A represented claimant answering a defence of the whole claim has until 4pm on the 28th day
    (CLM-REP-28, 6A.4(3)); everyone else 33 days (CLM-33, 6.2(3), 6.3(3), 7.44). The caller saves the claim."""
    deadline = represented.claimant_answer_deadline(
        cal, notified_on, claimant_represented=claim.claimant_firm_id is not None, response_kind=response_kind)
    if represented.answers_within_28_days(claimant_represented=claim.claimant_firm_id is not None,
                                          response_kind=response_kind):
        claim.represented_answer_deadline, claim.claimant_response_deadline = deadline, None
    else:
        claim.claimant_response_deadline, claim.represented_answer_deadline = deadline, None

"""Paid, settled, discontinued; the register of judgments (MCOL guide 003, guide 004, CCJ-28).

Before judgment the claimant tells the court the claim is paid in full or settled another
way, or discontinues it: the claim closes, its live deadlines stop and both parties are
told. After judgment the claim can no longer be closed; the claimant tells the court the
judgment has been paid in full, with the date the money reached them:

- paid within 28 days of the judgment (on or before the day of its ``register_removal_deadline``,
  CCJ-28): the judgment is **removed from the register** (``Judgment.remove_from_register``);
- paid later: it is **marked as satisfied** (``Judgment.mark_satisfied``), and the defendant may
  ask for a certificate of satisfaction (an N443-style PDF).

The judgment's state is where it stands; its columns record the day paid and when the court was told.

If the 28 days pass without the court being told, the ``judgments.register_window`` sweep
clears the deadline and records that the judgment stays on the register.

Like every service: one transaction, the claim row locked (then its judgment: always in that
order, so the sweep and a person acting at once never deadlock), who may act checked
(``claims.policy``), the step recorded on the timeline and the parties told.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from claims import timeline
from claims.constants import ClaimState
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.representation import acts_for_claimant, acts_for_defendant
from claims.services import defendant_contact, locked_claim, parties_to_tell
from court.notifications import notify
from court.sweeps import Sweep, due, register
from court.templatetags.govuk import govuk_date
from documents.models import DocumentKind
from documents.services import documents_request
from ocmc import clock
from rules.calendar import local

from .models import Judgment, paid_within_28_days

#: How the claimant says the claim ended (before judgment).
PAID = "paid"
SETTLED = "settled"
HOW = {PAID: "paid in full", SETTLED: "settled another way"}

#: The claim's live deadline columns: a closed claim has none left.
CLAIM_DEADLINES = Claim.LIVE_DEADLINES

#: ``Claim.closed_reason`` is 300 characters; a discontinuance's reason is kept to this.
REASON_MAX = 250


def today() -> date:
    return local(clock.now()).date()


def _number(claim: Claim) -> str:
    return claim.claim_number or ""


def _owner_again(claim: Claim, actor: Any, state: str) -> bool:
    """The claimant's side repeating a step already taken (a double click)."""
    return claim.state == state and acts_for_claimant(actor, claim)


# -- before judgment: paid, settled or discontinued -----------------------------------------------------


def check_received_on(claim: Claim, received_on: date | None) -> None:
    """The date the money was received (or the claim settled): not in the future, not before issue."""
    if received_on is None:
        raise ClaimError("Enter the date you received the money or settled the claim")
    if received_on > today():
        raise ClaimError("The date you received the money or settled the claim must be today or in the past")
    if claim.issue_date is not None and received_on < claim.issue_date:
        raise ClaimError(f"The date must be on or after the date the claim was issued, {govuk_date(claim.issue_date)}")


def claim_mark_settled(*, claim_id: int, actor: Any, how: str, received_on: date) -> Claim:
    """The claimant says the claim is paid in full (with the date the money reached them) or
    settled another way (MCOL guide: "update claim status"). Before judgment only
    (``Action.CLOSE_CLAIM``). The claim closes, its deadlines stop, both parties are told.
    Saying it twice returns the claim as closed the first time."""
    if how not in HOW:
        raise ClaimError("Select whether the claim has been paid in full or settled another way")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if _owner_again(claim, actor, ClaimState.SETTLED):
            return claim
        require(actor, claim, Action.CLOSE_CLAIM)
        check_received_on(claim, received_on)
        if how == PAID:
            reason = f"Paid in full: the claimant received the money on {govuk_date(received_on)}"
            summary = (f"The claimant told the court the claim has been paid in full (the money was received on "
                       f"{govuk_date(received_on)}): the claim is closed")
        else:
            reason = f"Settled another way on {govuk_date(received_on)}"
            summary = (f"The claimant told the court the claim was settled on {govuk_date(received_on)}: "
                       "the claim is closed")
        mark_closed(claim, reason=reason)
        claim.settle()
        claim.save()
        timeline.record(claim, kind="claim_settled", actor=actor, summary=summary,
                        data={"how": how, "received_on": received_on.isoformat()})
        for role, email, user in parties_to_tell(claim):
            notify(kind="closing_settled", to_email=email, user=user, claim_number=_number(claim),
                   key=f"settled:{claim.pk}:{role}",
                   context={"claim": claim, "role": role, "how": how, "received_on": received_on})
    return claim


def claim_discontinue(*, claim_id: int, actor: Any, reason: str = "") -> Claim:
    """The claimant discontinues the claim (before judgment; MCOL guide, CPR 38). The claim
    closes, its deadlines stop, both parties are told. Twice returns the claim as closed."""
    reason = " ".join((reason or "").split())
    if len(reason) > REASON_MAX:
        raise ClaimError(f"Your reason must be {REASON_MAX} characters or less")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if _owner_again(claim, actor, ClaimState.DISCONTINUED):
            return claim
        require(actor, claim, Action.CLOSE_CLAIM)
        mark_closed(claim, reason=f"Discontinued by the claimant{': ' + reason if reason else ''}")
        claim.discontinue()
        claim.save()
        timeline.record(claim, kind="claim_discontinued", actor=actor,
                        summary=f"The claimant discontinued the claim{': ' + reason if reason else ''}",
                        data={"reason": reason})
        for role, email, user in parties_to_tell(claim):
            notify(kind="closing_discontinued", to_email=email, user=user, claim_number=_number(claim),
                   key=f"discontinued:{claim.pk}:{role}", context={"claim": claim, "role": role, "reason": reason})
    return claim


def mark_closed(claim: Claim, *, reason: str) -> None:
    """Record that the (locked) claim closed today, and why; its live deadlines stop. The caller moves its state."""
    claim.mark_closed(reason=reason, on=today())


# -- after judgment: the register of judgments (guide 004, CCJ-28) --------------------------------------


def locked_judgment(claim: Claim) -> Judgment | None:
    """The (locked) claim's judgment, locked too: always after its claim."""
    return Judgment.objects.select_for_update().filter(claim=claim).first()


def register_removal_day(judgment: Judgment) -> date:
    """The last day on which paying in full takes the judgment off the register (CCJ-28)."""
    return judgment.register_removal_day()


def check_paid_on(judgment: Judgment, paid_on: date | None) -> None:
    if paid_on is None:
        raise ClaimError("Enter the date the judgment was paid in full")
    if paid_on > today():
        raise ClaimError("The date the judgment was paid in full must be today or in the past")
    if paid_on < judgment.judgment_date:
        raise ClaimError(f"The date must be on or after the date of the judgment, {govuk_date(judgment.judgment_date)}")


def judgment_mark_paid(*, claim_id: int, actor: Any, paid_on: date) -> Judgment:
    """The claimant tells the court the judgment has been paid in full, and when the money reached
    them (``Action.MARK_JUDGMENT_PAID``). Within 28 days of the judgment it is removed from the
    register; later it is marked as satisfied (guide 004). Both parties are told; the defendant,
    if it is satisfied, how to get a certificate of satisfaction. Twice returns the first answer."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        judgment = locked_judgment(claim)
        if judgment is not None and judgment.paid_in_full and acts_for_claimant(actor, claim):
            return judgment
        require(actor, claim, Action.MARK_JUDGMENT_PAID)
        assert judgment is not None  # the policy allows this only on a judgment
        check_paid_on(judgment, paid_on)
        last_day = register_removal_day(judgment)
        now = clock.now()
        judgment.paid_in_full_on = paid_on
        removed = paid_within_28_days(judgment)
        if removed:
            judgment.remove_from_register()
            judgment.removed_from_register_at = now
            outcome = "the judgment is removed from the register (paid within 28 days)"
        else:
            judgment.mark_satisfied()
            judgment.satisfied_at = now
            outcome = "the judgment is marked as satisfied on the register (paid after 28 days)"
        judgment.register_removal_deadline = None
        judgment.save(update_fields=["state", "paid_in_full_on", "removed_from_register_at", "satisfied_at",
                                     "register_removal_deadline"])
        timeline.record(
            claim, kind="judgment_paid", actor=actor,
            summary=f"The claimant told the court the judgment was paid in full on {govuk_date(paid_on)}: {outcome}",
            data={"paid_on": paid_on.isoformat(), "removed": removed, "last_day": last_day.isoformat()},
        )
        for role, email, user in parties_to_tell(claim):
            notify(kind="register_judgment_paid", to_email=email, user=user, claim_number=_number(claim),
                   key=f"judgment-paid:{claim.pk}:{role}",
                   context={"claim": claim, "judgment": judgment, "role": role, "removed": removed,
                            "paid_on": paid_on, "last_day": last_day, "linked": user is not None})
    return judgment


def judgment_register_window_passed(*, claim_id: int) -> bool:
    """CCJ-28 passed without the court being told the judgment was paid in full: it stays on the
    register (a later payment marks it satisfied). Recorded once; the defendant is told once.
    Run twice, or late, it ends as one on-time run would."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            return False
        judgment = locked_judgment(claim)
        if judgment is None or judgment.register_removal_deadline is None:
            return False
        deadline = judgment.register_removal_deadline
        if deadline > clock.now():
            return False
        judgment.register_removal_deadline = None
        judgment.save(update_fields=["register_removal_deadline"])
        if judgment.paid_in_full:  # (marking it paid clears the deadline: not reached)
            return False
        timeline.record(
            claim, kind="register_window_passed", actor=None,
            summary=f"The judgment stays on the register: the court was not told it was paid in full within 28 "
                    f"days of the judgment (by {govuk_date(deadline)})",
            data={"deadline": deadline.isoformat()},
        )
        email, user = defendant_contact(claim)
        if email:
            notify(kind="register_window_passed", to_email=email, user=user, claim_number=_number(claim),
                   key=f"register-window:{claim.pk}",
                   context={"claim": claim, "judgment": judgment, "deadline": deadline, "linked": user is not None})
    return True


def judgment_certificate_request(*, claim_id: int, actor: Any) -> Judgment:
    """The defendant asks for a certificate of satisfaction of a judgment marked as satisfied
    (``Action.REQUEST_CERTIFICATE``; form N443), in person or through their firm. The court produces it as a PDF
    on the claim. The defendant's side is told (a firm through the recipient router).
    Asking again returns the judgment as it is (the certificate is made once)."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        judgment = locked_judgment(claim)
        if (judgment is not None and judgment.certificate_requested_at is not None
                and acts_for_defendant(actor, claim)):
            return judgment
        require(actor, claim, Action.REQUEST_CERTIFICATE)
        assert judgment is not None
        judgment.certificate_requested_at = clock.now()
        judgment.save(update_fields=["certificate_requested_at"])
        timeline.record(claim, kind="certificate_requested", actor=actor,
                        summary="The defendant asked for a certificate of satisfaction of the judgment (form N443)")
        email, user = defendant_contact(claim)
        notify(kind="register_certificate_requested", to_email=email, user=user,
               claim_number=_number(claim), key=f"certificate:{claim.pk}",
               context={"claim": claim, "judgment": judgment})
        documents_request(claim, [DocumentKind.CERTIFICATE_OF_SATISFACTION])
    return judgment


# -- the sweep ------------------------------------------------------------------------------------------


def _register_windows_passed(now: datetime) -> QuerySet[Claim]:
    """Claims whose judgment's 28 days (CCJ-28) have passed unmarked. The rows are the claims (joined
    to their judgment, served by its partial index), so the sweep locks claim and judgment together,
    in the order every service here takes them."""
    return due(Claim.objects.filter(judgment__register_removal_deadline__isnull=False),
               "judgment__register_removal_deadline", now)


REGISTER_WINDOW = register(Sweep(
    name="judgments.register_window",
    description="28 days after a judgment not marked paid in full: it stays on the register (CCJ-28, guide 004).",
    overdue=_register_windows_passed,
    act=lambda pk: judgment_register_window_passed(claim_id=pk),
))

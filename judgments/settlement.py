"""Settlement agreements (OCON Settlement Agreement A; PD 51R 7.8, 7.9, 7.13, 7.14, 7.41C-D, 7.42D-E).

Instead of asking for judgment on an admission, a claimant (no party represented) may propose a
settlement agreement on the plan that stands: the defendant's offer (7.8, 7.41C) or the plan
left by the court's decision (7.13, 7.42D). The defendant has 7 days (SA-7) to sign it:

- signed: the claim is stayed (``settlement_agreed``); if the defendant does not keep to it the
  claimant returns for judgment on admission on the agreement's terms (7.8(2)-(6)), a date of
  the agreement that has passed moving as for any judgment on admission: the agreement is broken,
  then judgment is entered on it;
- rejected, or 7 days of silence (the ``judgments.settlement_window`` sweep): the claimant may
  ask for judgment on admission instead (7.9, 7.14, 7.41D, 7.42E).

The agreement's ``status`` is its own state machine (``SettlementAgreement``): each step here calls its
transition with the claim's, in one transaction.

Like every service: one transaction, the claim row locked, who may act checked
(``claims.policy``), the claim changed, the step recorded and the parties told. A claim holds
one agreement: a second click returns it, and one the defendant did not sign is not proposed
again (the claimant asks for judgment instead).
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from claims import timeline
from claims.constants import ClaimState
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.representation import acts_for_claimant, acts_for_defendant
from claims.services import locked_claim, parties_to_tell
from court.calendar import court_calendar
from court.notifications import notify
from court.sweeps import Sweep, due, register
from court.templatetags.govuk import govuk_datetime
from documents.models import DocumentKind
from documents.services import documents_request, documents_rerender
from ocmc import clock
from responses.standing import response_accepted
from rules import judgments as rules
from rules import periods
from rules.calendar import local
from rules.money import format_money, pounds

from . import services
from .models import Judgment, JudgmentKind, SettlementAgreement
from .plans import response_plan

FORM_NAME = "OCON Settlement Agreement A"
#: The claimant returns for judgment with form OCON225 (7.8(2), 7.13(4), 7.41C(2), 7.42D(4)).
BREACH_FORM = "OCON225"
Status = SettlementAgreement.Status


# -- the terms -------------------------------------------------------------------------------------


def agreement_terms(plan: rules.Plan, amount: Decimal) -> str:
    """The agreement's terms as one sentence, with the plan's own dates (the same terms as the plan, 7.8(1)(a))."""
    if plan.option == rules.Option.INSTALMENTS:
        assert plan.instalment is not None and plan.first_payment is not None
        last = rules.last_payment_date(amount, plan.instalment, plan.frequency, plan.first_payment)
        return (f"The defendant will pay the claimant {format_money(amount)} in instalments of "
                f"{format_money(plan.instalment)} {rules.FREQUENCY_WORDS[plan.frequency]}, the first payment by "
                f"{rules.long_date(plan.first_payment)} and the last by {rules.long_date(last)}")
    if plan.option == rules.Option.BY_SET_DATE:
        assert plan.pay_by is not None
        return f"The defendant will pay the claimant {format_money(amount)} by {rules.long_date(plan.pay_by)}"
    raise ClaimError("A settlement agreement needs a plan to pay by a set date or by instalments.")


def agreement_plan(agreement: SettlementAgreement) -> rules.Plan:
    """The plan of the agreement, from its record (``rules.judgments.Plan.to_record``)."""
    record = agreement.plan

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return rules.Plan(option=record["option"], pay_by=day(record.get("pay_by")),
                      instalment=Decimal(record["instalment"]) if record.get("instalment") else None,
                      frequency=record.get("frequency") or "", first_payment=day(record.get("first_payment")))


# -- the steps -------------------------------------------------------------------------------------


def _agreement(claim: Claim) -> SettlementAgreement | None:
    return SettlementAgreement.objects.select_for_update().filter(claim=claim).first()




def _tell(claim: Claim, kind: str, agreement: SettlementAgreement, **context: Any) -> None:
    for role, email, user in parties_to_tell(claim):
        notify(kind=kind, to_email=email, user=user, claim_number=claim.claim_number or "",
               key=f"{kind}:{claim.pk}:{role}",
               context={"claim": claim, "agreement": agreement, "role": role, **context})


def _agreement_pdf(claim: Claim, *, again: bool = False) -> None:
    """Ask for the agreement's PDF; ``again``: it changed (signed), so it is rendered anew."""
    (documents_rerender if again else documents_request)(claim, [DocumentKind.SETTLEMENT_AGREEMENT])


def settlement_propose(*, claim_id: int, actor: Any, plan: rules.Plan | None = None,
                       signed_name: str) -> SettlementAgreement:
    """The claimant proposes a settlement agreement (OCON Settlement Agreement A) on ``plan``: the
    defendant's offer when None (7.8(1)(a), 7.41C(1)(b)), or the plan the court's decision left standing
    (7.13(1)(a)(iii), 7.42D). The claimant signs it; the defendant has 7 days from the date of the proposal
    (the day it counts as received, 14.1) to sign or reject it (SA-7). A claim stayed for the claimant's
    silence on an admission is no longer stayed: the proposal is their answer (7.17, 7.44). Proposing twice
    (a double click) returns the agreement proposed the first time."""
    signed_name = " ".join((signed_name or "").split())
    if not signed_name:
        raise ClaimError("Enter your full name to sign the agreement")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        existing = _agreement(claim)
        claimant = acts_for_claimant(actor, claim)
        if existing is not None and claimant and existing.status in (Status.PROPOSED, Status.SIGNED):
            return existing
        if existing is not None and claimant:
            raise ClaimError("The defendant did not sign the settlement agreement you proposed. You can ask for "
                             "judgment on their admission instead.")
        require(actor, claim, Action.PROPOSE_SETTLEMENT)
        plan = plan if plan is not None else response_plan(claim.response)
        now = clock.now()
        today = local(now).date()
        amount = services.admission_amount(claim, judgment_date=today).total
        if amount <= 0:
            raise ClaimError("Nothing is owed on the admission, so there is nothing to agree.")
        terms = agreement_terms(plan, amount)
        cal = court_calendar()
        respond_by = periods.sa_7(cal, cal.deemed_submission_date(now))
        if claim.state == ClaimState.STAYED and claim.stay_lifts_on_answer:
            claim.lift_stay()
            claim.stayed_at = None
            claim.stay_reason = ""
            claim.stay_lifts_on_answer = False
            timeline.record(claim, kind="stay_lifted", actor=actor, summary="Stay lifted: the claimant answered")
        agreement = SettlementAgreement.objects.create(
            claim=claim, amount=amount, plan=plan.to_record(), terms_text=terms,
            proposed_at=now, proposed_by=actor, claimant_signed_name=signed_name, respond_by=respond_by,
        )
        response_accepted(claim.response)  # the claimant settles on the admission (7.8(1), 7.41C)
        claim.settlement_deadline = respond_by
        claim.claimant_response_deadline = None
        claim.offer_settlement()
        claim.save()
        timeline.record(
            claim, kind="settlement_proposed", actor=actor,
            summary=f"The claimant proposed a settlement agreement ({FORM_NAME}) for {format_money(amount)}, signed by "
                    f"{signed_name}: the defendant must sign or reject it by {govuk_datetime(respond_by)}"[:300],
            data={"settlement": agreement.pk, "amount": str(amount), "terms": terms,
                  "respond_by": respond_by.isoformat()},
        )
        _tell(claim, "settlement_proposed", agreement)
        _agreement_pdf(claim)
    return agreement


def settlement_sign(*, claim_id: int, actor: Any, signed_name: str) -> SettlementAgreement:
    """The defendant signs the agreement within the 7 days: the claim is stayed, and the claimant may return
    for judgment if the agreement is broken (7.8(1), 7.13(2)-(3)). Signing twice returns the agreement."""
    signed_name = " ".join((signed_name or "").split())
    if not signed_name:
        raise ClaimError("Enter your full name to sign the agreement")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        agreement = _agreement(claim)
        if agreement is not None and agreement.status == Status.SIGNED and acts_for_defendant(actor, claim):
            return agreement
        agreement, now = _open_for_answer(claim, actor)
        agreement.sign()
        agreement.signed_at = now
        agreement.defendant_signed_name = signed_name
        agreement.save(update_fields=["status", "signed_at", "defendant_signed_name"])
        claim.settlement_deadline = None
        claim.stayed_at = now
        claim.stay_reason = ("the parties signed a settlement agreement; the claimant may ask for judgment if the "
                             "defendant does not keep to it (7.8(1))")
        claim.agree_settlement()
        claim.save()
        timeline.record(
            claim, kind="settlement_signed", actor=actor,
            summary=f"The defendant signed the settlement agreement ({signed_name[:80]}): the claim is stayed. If "
                    "the defendant does not keep to it, the claimant may ask for judgment (7.8)",
            data={"settlement": agreement.pk},
        )
        _tell(claim, "settlement_signed", agreement)
        _agreement_pdf(claim, again=True)
    return agreement


def _open_for_answer(claim: Claim, actor: Any) -> tuple[SettlementAgreement, datetime]:
    """The agreement the defendant is answering and the time now; if it is no longer open, the
    defendant is told why before the general refusal."""
    agreement = _agreement(claim)
    now = clock.now()
    if acts_for_defendant(actor, claim):
        _still_open(agreement, now)
    require(actor, claim, Action.SIGN_SETTLEMENT)
    assert agreement is not None
    return agreement, now


def _still_open(agreement: SettlementAgreement | None, now: datetime) -> None:
    if agreement is None or agreement.status != Status.PROPOSED:
        raise ClaimError("There is no settlement agreement waiting for your answer.")
    if now >= agreement.respond_by:
        raise ClaimError(f"The time to answer the settlement agreement ended at {govuk_datetime(agreement.respond_by)}."
                         " The claimant may now ask for judgment.")


def settlement_reject(*, claim_id: int, actor: Any) -> SettlementAgreement:
    """The defendant rejects the agreement within the 7 days: the claimant may ask for judgment on the
    admission (7.9, 7.14, 7.41D, 7.42E). Rejecting twice returns the agreement."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        agreement = _agreement(claim)
        if agreement is not None and agreement.status == Status.REJECTED and acts_for_defendant(actor, claim):
            return agreement
        agreement, now = _open_for_answer(claim, actor)
        agreement.reject()
        agreement.rejected_at = now
        agreement.save(update_fields=["status", "rejected_at"])
        claim.settlement_deadline = None
        claim.settlement_not_signed()
        claim.save()
        timeline.record(claim, kind="settlement_rejected", actor=actor,
                        summary="The defendant rejected the settlement agreement: the claimant may ask for judgment "
                                "on the admission (7.9)",
                        data={"settlement": agreement.pk})
        _tell(claim, "settlement_rejected", agreement)
    return agreement


def settlement_lapse(*, claim_id: int) -> bool:
    """SA-7 passed and the defendant neither signed nor rejected: the claimant may ask for judgment on the
    admission (7.9(1)(d), 7.14(1)(b)). Re-checked under the lock, so a late or repeated run changes nothing
    more than one on time."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.settlement_deadline is None or claim.settlement_deadline > clock.now():
            return False
        claim.settlement_deadline = None
        agreement = _agreement(claim)
        if claim.state != ClaimState.SETTLEMENT_OFFERED or agreement is None or agreement.status != Status.PROPOSED:
            claim.save(update_fields=["settlement_deadline"])
            return False
        agreement.lapse()
        agreement.save(update_fields=["status"])
        claim.settlement_not_signed()
        claim.save()
        timeline.record(claim, kind="settlement_lapsed", actor=None,
                        summary=f"The defendant did not sign the settlement agreement by "
                                f"{govuk_datetime(agreement.respond_by)}: the claimant may ask for judgment on the "
                                "admission (7.9)",
                        data={"settlement": agreement.pk})
        _tell(claim, "settlement_lapsed", agreement)
    return True


def settlement_breach(*, claim_id: int, actor: Any, details: str, paid: Decimal = Decimal(0)) -> Judgment:
    """The defendant has not kept to the signed agreement: the claimant asks for judgment on admission
    (form OCON225) and the court enters it on the agreement's terms, a date that has passed moving as the
    PD says (7.8(2)-(6), 7.13(4)-(8)), for the amount owed less what the defendant has paid (7.8(4)).
    Asking twice returns the judgment entered the first time."""
    details = (details or "").strip()
    if not details:
        raise ClaimError("Explain how the defendant has not kept to the agreement")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        agreement = _agreement(claim)
        if agreement is not None and agreement.status == Status.JUDGMENT_ENTERED and acts_for_claimant(actor, claim):
            return Judgment.objects.get(claim=claim)
        require(actor, claim, Action.REPORT_BREACH)
        if agreement is None or agreement.status != Status.SIGNED:
            raise ClaimError("There is no signed settlement agreement on this claim.")
        now = clock.now()
        judgment_date = services.date_of_judgment(claim, now)
        # 7.8(4), 7.13(6), 7.41C(4), 7.42D(6): as any judgment on the admission, less what was paid.
        amount = services.admission_amount(claim, judgment_date=judgment_date, paid=pounds(paid))
        services.refuse_if_paid_in_full(amount)
        plan = agreement_plan(agreement)
        agreement.report_broken()
        agreement.broken_reported_at = now
        agreement.save(update_fields=["status", "broken_reported_at"])
        claim.stayed_at = None
        claim.stay_reason = ""
        timeline.record(claim, kind="settlement_broken", actor=actor,
                        summary="The claimant said the defendant has not kept to the settlement agreement",
                        data={"settlement": agreement.pk})
        request = {"form": BREACH_FORM, "breach": details, "paid": str(pounds(paid)), "settlement": agreement.pk,
                   "plan": plan.to_record()}
        judgment = services.enter_judgment(claim, kind=JudgmentKind.ADMISSION, requested_by=actor, request=request,
                                           amount=amount, plan=plan, judgment_date=judgment_date)
        agreement.enter_judgment()
        agreement.save(update_fields=["status"])
    return judgment


# -- the deadline (SA-7) -----------------------------------------------------------------------------


def _unsigned(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.all(), "settlement_deadline", now)


SETTLEMENT_WINDOW = register(Sweep(
    name="judgments.settlement_window",
    description="7 days after a proposed settlement agreement with no answer: the claimant may ask for judgment "
                "(SA-7, 7.9, 7.14).",
    overdue=_unsigned,
    act=lambda pk: settlement_lapse(claim_id=pk),
))

"""The claimant's decision on a defence (PD 51R 6.2, 6.3, 7.40-7.44; a represented claimant: 6A.4-6A.6).

The claimant saves their answer page by page (the draft), then answers within 33 days: not
continue (stayed, 6.2(3), 6.3(3)), the payment the defendant says they made confirmed
(settled), a part admission accepted (7.40-7.42) or rejected (a defence of the whole, 7.43), or
continue with their directions questionnaire (OCON180): both willing to mediate → the 28-day
mediation stay (6.2(5A)); otherwise the forms go to a legal adviser or judge (6.2(12), 6.3(6)).

A represented claimant answering a defence of the whole claim does the same before 4pm on the 28th day after
notification (CLM-REP-28, 6A.4(3)): continuing needs the directions questionnaire at the same time; not continuing
stays the claim (6A.4(4)); both willing to mediate → the 28-day stay, and the referral to the Small Claims Mediation
Service where appropriate (6A.5(3)); otherwise the forms go to a legal adviser or judge (6A.5(8), 6A.6(2)).
Silence is ``defended.services.represented``.
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, acts_for_claimant, require
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_date
from documents.services import documents_request
from ocmc import clock
from responses.standing import response_accepted, response_rejected
from rules import periods
from rules.money import format_money

from ..models import ClaimantDecision, DecisionDraft, DecisionOutcome
from .common import _claim, _settle, _stay
from .referrals import _refer_forms


def decision_draft(claim: Claim) -> dict[str, Any]:
    draft = DecisionDraft.objects.filter(claim=claim).first()
    return dict(draft.data) if draft else {}


def decision_draft_save(*, claim_id: int, actor: Any, values: dict[str, Any]) -> DecisionDraft:
    """Save whole pages (by slug) of the claimant's answer to the defence."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.ANSWER_DEFENCE)
        draft, _ = DecisionDraft.objects.select_for_update().get_or_create(
            claim=claim, defaults={"updated_at": clock.now()})
        draft.data = {**draft.data, **values}
        draft.updated_at = clock.now()
        draft.save()
    return draft


def claimant_decide(*, claim_id: int, actor: Any, outcome: str, data: dict[str, Any] | None = None,
                    mediation_willing: bool | None = None, preferred_court: str = "") -> ClaimantDecision:
    """The claimant answers the defence within 33 days of being asked (6.2(2)-(5), 6.3(2)-(5)).

    - not continue → the claim is stayed (6.2(3), 6.3(3));
    - the defendant says they paid, and the claimant confirms it → the claim is settled;
    - a part admission accepted in full settlement (7.40-7.42): already paid → settled; otherwise
      the admission's own steps follow (judgment on admission, the repayment plan);
    - continue (a part admission rejected is a defence of the whole, 7.43) with the claimant's
      OCON180 and mediation choice → both willing to mediate: stayed 28 days from and including
      the day received, referred to the Small Claims Mediation Service (6.2(5A)); otherwise the
      forms go to a legal adviser or judge (6.2(12), 6.3(6)).

    Answering twice returns the first answer.
    """
    outcome = DecisionOutcome(outcome)
    preferred_court = " ".join((preferred_court or "").split())
    with transaction.atomic():
        claim = _claim(claim_id)
        existing = ClaimantDecision.objects.filter(claim=claim).first()
        if existing is not None and acts_for_claimant(actor, claim):
            return existing
        require(actor, claim, Action.ANSWER_DEFENCE)
        response = claim.response
        _check_outcome(response, outcome)
        if outcome == DecisionOutcome.CONTINUE:
            if _represented(claim) and not _has_dq(data):
                # 6A.4(3)(b): a represented claimant who continues files the directions questionnaire at the same time.
                raise ClaimError("Complete your client's directions questionnaire before you continue with the claim")
            if mediation_willing is None:
                raise ClaimError("Select yes if you will try free mediation")
            if not preferred_court:
                raise ClaimError("Choose the court you would prefer")
        now = clock.now()
        received_on = court_calendar().deemed_submission_date(now)
        decision = ClaimantDecision.objects.create(
            claim=claim, outcome=outcome, data=dict(data or {}), submitted_by=actor, submitted_at=now,
            received_on=received_on,
            mediation_willing=mediation_willing if outcome == DecisionOutcome.CONTINUE else None,
            preferred_court=preferred_court if outcome == DecisionOutcome.CONTINUE else "",
        )
        if outcome == DecisionOutcome.CONTINUE:
            response_rejected(response)
        else:
            response_accepted(response)
        acts_on_admission = outcome == DecisionOutcome.ACCEPTS_PART_ADMISSION and response.payment_option != ""
        if not acts_on_admission:
            # Answered. Accepting a part admission with a plan still leaves the claimant to ask for judgment
            # (or answer the plan) within the same 33 days (7.41, 7.44).
            claim.claimant_response_deadline = None
        claim.represented_answer_deadline = None
        was_stayed = claim.state == ClaimState.STAYED
        if was_stayed:
            claim.stay_lifts_on_answer = False
            if outcome != DecisionOutcome.NOT_CONTINUE:
                claim.stayed_at = None
                claim.stay_reason = ""
                timeline.record(claim, kind="stay_lifted", actor=None,
                                summary="Stay lifted: the claimant answered the response (7.17, 7.44)")
        number = claim.claim_number
        if outcome == DecisionOutcome.NOT_CONTINUE:
            reason = ("the claimant's legal representative told the court the claimant does not wish to continue with "
                      "the claim (6A.4(4))" if _represented(claim) else
                      "the claimant told the court they do not wish to continue with the claim (6.2(3))")
            timeline.record(claim, kind="claimant_not_continuing", actor=actor,
                            summary="The claimant does not wish to continue with the claim")
            if not was_stayed:
                _stay(claim, reason=reason, key=f"stay-not-continuing:{claim.pk}")
            else:
                claim.stay_reason = reason
                claim.save()
        elif outcome == DecisionOutcome.PAYMENT_CONFIRMED or (
                outcome == DecisionOutcome.ACCEPTS_PART_ADMISSION and response.payment_option == ""):
            paid = response.paid_amount if response.paid_amount is not None else response.admitted_amount
            what = ("confirmed the defendant paid" if outcome == DecisionOutcome.PAYMENT_CONFIRMED
                    else "accepted in full settlement the payment of")
            _settle(claim, actor, summary=f"The claimant {what} {format_money(paid)}: the claim is settled",
                    reason=f"the claimant {what} {format_money(paid)}")
        elif outcome == DecisionOutcome.ACCEPTS_PART_ADMISSION:
            if was_stayed:
                claim.lift_stay()
            claim.save()
            timeline.record(claim, kind="part_admission_accepted", actor=actor,
                            summary=f"The claimant accepts {format_money(response.admitted_amount)} in full "
                                    "settlement of the claim")
        else:
            _continue(claim, actor, decision, response)
        tell_parties(claim, key=f"decision:{claim.pk}", headline=_decision_headline(claim, decision),
                     paragraphs=_decision_paragraphs(claim, decision))
        if number and outcome == DecisionOutcome.CONTINUE:
            documents_request(claim, ["claimant_dq"])
    return decision


def _check_outcome(response: Any, outcome: DecisionOutcome) -> None:
    kind = response.kind
    if outcome == DecisionOutcome.PAYMENT_CONFIRMED and kind != "states_paid":
        raise ClaimError("The defendant has not said they paid the claim")
    if outcome == DecisionOutcome.ACCEPTS_PART_ADMISSION and kind != "part_admission":
        raise ClaimError("The defendant has not admitted part of the claim")


def _has_dq(data: dict[str, Any] | None) -> bool:
    """The claimant's directions questionnaire is among the answers sent (at least the preferred court page)."""
    return isinstance(data, dict) and isinstance(data.get("hearing_court"), dict)


def _represented(claim: Claim) -> bool:
    """The claimant is represented (Section 6A applies to their answer, 6A.1)."""
    return claim.claimant_firm_id is not None


def mediation_referred(claim: Claim) -> bool:
    """Both willing to mediate: is the claim referred to the Small Claims Mediation Service (6.2(5A), 6A.5(3)(b))?"""
    return claim.mediation_referred


def _continue(claim: Claim, actor: Any, decision: ClaimantDecision, response: Any) -> None:
    rejected_part = response.kind == "part_admission"
    what = ("rejects the part admission, which is treated as a defence of the whole claim (7.43), and "
            if rejected_part else "")
    mediation = "willing" if decision.mediation_willing else "not willing"
    timeline.record(claim, kind="claimant_continuing", actor=actor,
                    summary=f"The claimant {what}wishes to continue with the claim; their directions questionnaire "
                            f"(OCON180) was received; mediation: {mediation}",
                    data={"received_on": decision.received_on.isoformat(),
                          "mediation": decision.mediation_willing})
    claim.pay_immediately_deadline = None
    rep = _represented(claim)
    if decision.mediation_willing and response.mediation_willing:
        last = periods.med_28_last_day(decision.received_on)
        claim.mediation_ends_at = periods.med_28(decision.received_on)
        claim.mediate()
        claim.save()
        stay = (f"Both parties are willing to mediate: the claim is stayed for 28 days, "
                f"{govuk_date(decision.received_on)} to {govuk_date(last)}")
        referred = mediation_referred(claim)
        if not rep:
            summary = f"{stay}, and referred to the Small Claims Mediation Service (6.2(5A))"
        elif referred:
            summary = f"{stay}, and referred to the Small Claims Mediation Service (6A.5(3))"
        else:
            summary = (f"{stay}, for the parties to mediate; not referred to the Small Claims Mediation Service, "
                       "which mediates small claims (6A.5(3))")
        timeline.record(claim, kind="mediation_referred", actor=None, summary=summary,
                        data={"first_day": decision.received_on.isoformat(), "last_day": last.isoformat(),
                              "referred": referred})
        return
    who = "The claimant" if not decision.mediation_willing else "The defendant"
    if not rep:
        where = "(6.2(12), 6.3(6))"
    else:
        where = "(6A.5(8))" if response.mediation_willing else "(6A.6(2))"
    _refer_forms(claim, reason=f"{who} is not willing to mediate: the directions questionnaires are to be considered "
                               f"{where}")


def _decision_headline(claim: Claim, decision: ClaimantDecision) -> str:
    return {
        DecisionOutcome.NOT_CONTINUE: "the claimant is not continuing with the claim",
        DecisionOutcome.PAYMENT_CONFIRMED: "the claimant confirmed the payment: the claim is settled",
        DecisionOutcome.ACCEPTS_PART_ADMISSION: "the claimant accepted the amount admitted",
        DecisionOutcome.CONTINUE: "the claimant is continuing with the claim",
    }[DecisionOutcome(decision.outcome)]


def _decision_paragraphs(claim: Claim, decision: ClaimantDecision) -> list[str]:
    if claim.state == ClaimState.MEDIATION:
        until = govuk_date(periods.med_28_last_day(decision.received_on))
        if mediation_referred(claim):
            stay = (f"The claim is on hold (stayed) for 28 days, until the end of {until}, and the court has referred "
                    "it to the Small Claims Mediation Service, who will contact you by phone.")
        else:
            stay = (f"The claim is on hold (stayed) for 28 days, until the end of {until}, for you to try to settle "
                    "it by mediation. The court has not referred it to the Small Claims Mediation Service, which "
                    "mediates small claims only.")
        return [
            f"You have both said you will try mediation. {stay}",
            "If you reach a settlement, the claimant must tell the court. If the 28 days end without one, a legal "
            "adviser or judge will look at your directions questionnaires.",
        ]
    if claim.state == ClaimState.AWAITING_DIRECTIONS:
        return ["A legal adviser or judge will look at both directions questionnaires and decide what happens next. "
                "We will tell you when they do."]
    if claim.state == ClaimState.STAYED:
        return [f"The claim is on hold (stayed): {claim.stay_reason}.",
                "Either party can apply to the court to lift the stay."]
    if claim.state == ClaimState.SETTLED:
        return ["The claim is closed."]
    return ["The claimant will now ask the court for judgment on the admission, or answer the repayment offer."]

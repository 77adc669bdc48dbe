"""Every step on a defended claim (PD 51R Sections 6, 10, 12, 16-20).

Like every service: one transaction, the claim row locked, who may act checked
(``claims.policy``), the claim's state changed through its transitions, the step recorded on
the timeline (with the staff member's name and title where staff act) and the parties told,
all in that one transaction. Views, the admin's buttons and the sweeps call these; a step
repeated (a double click, a sweep run twice) changes nothing the second time.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from accounts.roles import StaffRole, staff_role
from claims import timeline
from claims.constants import PARTY_STEP_STATES, ClaimState, PartyRole, Referee, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.services import locked_claim, send_out
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_date, govuk_datetime
from judgments.closing import mark_closed, today
from ocmc import clock
from rules import periods
from rules.calendar import local
from rules.money import format_money

from . import rules
from .models import (
    Application,
    ApplicationKind,
    ClaimantDecision,
    DecisionDraft,
    DecisionOutcome,
    DirectionsOrder,
    PaperNature,
    PaperResponse,
    Referral,
    ReferralKind,
    StandardDirection,
)
from .notices import tell_parties

#: Uploads (an N244, a scanned paper response): PDF or image, at most this size.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UPLOAD_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    content: bytes


def _claim(claim_id: int) -> Claim:
    claim = locked_claim(claim_id)
    if claim is None:
        raise ClaimError("This claim no longer exists.")
    return claim


def _is_party(claim: Claim, actor: Any) -> str | None:
    pk = getattr(actor, "pk", None)
    if pk is None:
        return None
    if claim.owner_id == pk:
        return PartyRole.CLAIMANT
    if claim.defendant_user_id == pk:
        return PartyRole.DEFENDANT
    return None


def check_upload(upload: Upload | None, *, required: bool, what: str) -> None:
    if upload is None:
        if required:
            raise ClaimError(f"Upload {what}")
        return
    if upload.content_type not in UPLOAD_TYPES:
        raise ClaimError(f"{what[0].upper()}{what[1:]} must be a PDF, JPEG or PNG file")
    if not upload.content:
        raise ClaimError(f"The file you uploaded is empty: upload {what} again")
    if len(upload.content) > MAX_UPLOAD_BYTES:
        raise ClaimError(f"{what[0].upper()}{what[1:]} must be smaller than 10MB")


# -- the claimant's decision on a defence (6.2, 6.3, 7.43) ---------------------------------------------------


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
        if existing is not None and claim.owner_id == getattr(actor, "pk", None):
            return existing
        require(actor, claim, Action.ANSWER_DEFENCE)
        response = claim.response
        _check_outcome(response, outcome)
        if outcome == DecisionOutcome.CONTINUE:
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
        acts_on_admission = outcome == DecisionOutcome.ACCEPTS_PART_ADMISSION and response.payment_option != ""
        if not acts_on_admission:
            # Answered. Accepting a part admission with a plan still leaves the claimant to ask for judgment
            # (or answer the plan) within the same 33 days (7.41, 7.44).
            claim.claimant_response_deadline = None
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
            reason = "the claimant told the court they do not wish to continue with the claim (6.2(3))"
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
            from documents.services import documents_request

            documents_request(claim, ["claimant_dq"])
    return decision


def _check_outcome(response: Any, outcome: DecisionOutcome) -> None:
    kind = response.kind
    if outcome == DecisionOutcome.PAYMENT_CONFIRMED and kind != "states_paid":
        raise ClaimError("The defendant has not said they paid the claim")
    if outcome == DecisionOutcome.ACCEPTS_PART_ADMISSION and kind != "part_admission":
        raise ClaimError("The defendant has not admitted part of the claim")


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
    if decision.mediation_willing and response.mediation_willing:
        last = periods.med_28_last_day(decision.received_on)
        claim.mediation_ends_at = periods.med_28(decision.received_on)
        claim.mediate()
        claim.save()
        timeline.record(claim, kind="mediation_referred", actor=None,
                        summary=f"Both parties are willing to mediate: the claim is stayed for 28 days, "
                                f"{govuk_date(decision.received_on)} to {govuk_date(last)}, and referred to the "
                                "Small Claims Mediation Service (6.2(5A))",
                        data={"first_day": decision.received_on.isoformat(), "last_day": last.isoformat()})
        return
    who = "The claimant" if not decision.mediation_willing else "The defendant"
    _refer_forms(claim, reason=f"{who} is not willing to mediate: the directions questionnaires are to be considered "
                               "(6.2(12), 6.3(6))")


def _decision_headline(claim: Claim, decision: ClaimantDecision) -> str:
    return {
        DecisionOutcome.NOT_CONTINUE: "the claimant is not continuing with the claim",
        DecisionOutcome.PAYMENT_CONFIRMED: "the claimant confirmed the payment: the claim is settled",
        DecisionOutcome.ACCEPTS_PART_ADMISSION: "the claimant accepted the amount admitted",
        DecisionOutcome.CONTINUE: "the claimant is continuing with the claim",
    }[DecisionOutcome(decision.outcome)]


def _decision_paragraphs(claim: Claim, decision: ClaimantDecision) -> list[str]:
    if claim.state == ClaimState.MEDIATION:
        return [
            "You have both said you will try free mediation. The claim is on hold (stayed) for 28 days, until the "
            f"end of {govuk_date(periods.med_28_last_day(decision.received_on))}, and the court has referred it to "
            "the Small Claims Mediation Service, who will contact you by phone.",
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


def _stay(claim: Claim, *, reason: str, key: str, allows_return: bool = False) -> None:
    claim.state_before_stay = claim.state
    claim.stayed_at = clock.now()
    claim.stay_reason = reason
    claim.stay_lifts_on_answer = False
    claim.stay_allows_return = allows_return
    claim.clear_deadlines()
    claim.stay()
    claim.save()
    timeline.record(claim, kind="stayed", actor=None, summary=f"Claim stayed: {reason}")
    tell_parties(claim, key=key, headline="the claim has been put on hold (stayed)",
                 paragraphs=[f"The court has stayed the claim: {reason}.",
                             "Nothing more will happen on the claim unless a party applies to the court to lift the "
                             "stay. You can apply online from the claim's page (form N244)."])


def _settle(claim: Claim, actor: Any, *, summary: str, reason: str) -> None:
    mark_closed(claim, reason=reason)
    claim.settle()
    claim.save()
    timeline.record(claim, kind="claim_settled", actor=actor, summary=summary)


# -- referrals to a legal adviser or judge (6.2(9), (12), 6.3(6), 16A) -----------------------------------------


def _refer_forms(claim: Claim, *, reason: str, actor: Any = None, to: str | None = None,
                 kind: str = ReferralKind.DIRECTIONS) -> Referral:
    """The directions questionnaires go to a legal adviser if one may consider them (Section 20),
    otherwise to a judge (who may consider them whatever the amount, 6.2(9)(b))."""
    if to is None:
        to = Referee.LEGAL_ADVISER if rules.legal_adviser_may_act(claim) else Referee.JUDGE
    claim.mediation_ends_at = claim.send_out_due_at = None
    if claim.state != ClaimState.AWAITING_DIRECTIONS:
        claim.refer_for_directions()
    claim.save()
    referral = Referral.objects.create(claim=claim, kind=kind, to=to, reason=reason[:300], created_at=clock.now(),
                                       created_by=actor)
    timeline.record(claim, kind="referred", actor=actor,
                    summary=f"Referred to {Referee(to).label.lower()}: {reason}", data={"to": to, "kind": kind})
    return referral


def open_referrals(claim: Claim):  # type: ignore[no-untyped-def]
    return claim.referrals.filter(closed_at__isnull=True)


def _close_referrals(claim: Claim, actor: Any, outcome: str, *, kinds: tuple[str, ...] | None = None) -> None:
    rows = open_referrals(claim)
    if kinds is not None:
        rows = rows.filter(kind__in=kinds)
    rows.update(closed_at=clock.now(), closed_by=actor, outcome=outcome[:300])


def mediation_outcome(*, claim_id: int, actor: Any, settled: bool, discontinued: bool = False) -> Claim:
    """A caseworker records what the Small Claims Mediation Service reported (6.2(8)-(10)).

    Settled and the claim discontinued or dismissed → closed as settled. Settled without that →
    stayed, with permission for either party to come back if the settlement breaks down
    (6.2(10)). Not settled → the forms go to a legal adviser or judge (6.2(9))."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.RECORD_MEDIATION_OUTCOME)
        if settled and discontinued:
            _settle(claim, actor, summary="Mediation: the parties settled and agreed the claim can be discontinued",
                    reason="settled in mediation")
            tell_parties(claim, key=f"mediation-outcome:{claim.pk}", headline="the claim was settled in mediation",
                         paragraphs=["The claim is closed."])
        elif settled:
            timeline.record(claim, kind="mediation_settled", actor=actor,
                            summary="Mediation: the parties reached a settlement")
            _stay(claim, key=f"mediation-outcome:{claim.pk}", allows_return=True,
                  reason="the parties settled in mediation; either party may apply if the settlement breaks down "
                         "(6.2(10))")
        else:
            timeline.record(claim, kind="mediation_not_settled", actor=actor,
                            summary="Mediation: the parties did not reach a settlement")
            _refer_forms(claim, reason="Mediation did not settle the claim: the directions questionnaires are to be "
                                       "considered (6.2(9))")
            tell_parties(claim, key=f"mediation-outcome:{claim.pk}", headline="mediation did not settle the claim",
                         paragraphs=["A legal adviser or judge will look at both directions questionnaires and "
                                     "decide what happens next."])
    return claim


def mediation_period_ended(*, claim_id: int) -> bool:
    """MED-28: the 28-day stay ended with no settlement reported: the forms go to a legal adviser or
    judge (6.2(9)). A late or repeated sweep acts once."""
    with transaction.atomic():
        claim = _claim(claim_id)
        if claim.mediation_ends_at is None or claim.mediation_ends_at > clock.now():
            return False
        if claim.state != ClaimState.MEDIATION:
            claim.mediation_ends_at = None
            claim.save(update_fields=["mediation_ends_at"])
            return False
        _refer_forms(claim, reason="The 28-day mediation stay ended without a settlement being reported: the "
                                   "directions questionnaires are to be considered (6.2(9))")
        tell_parties(claim, key=f"mediation-ended:{claim.pk}", headline="the mediation period has ended",
                     paragraphs=["No settlement was reported within the 28 days. A legal adviser or judge will look "
                                 "at both directions questionnaires and decide what happens next."])
    return True


def refer(*, claim_id: int, actor: Any, to: str, reason: str, note: str = "") -> Referral:
    """Court staff refer a matter on the claim to a judge or legal adviser (16A.1; Table A 3: a legal
    adviser may pass a claim to a judge). Forms already waiting for one go to the other instead."""
    to = Referee(to)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ClaimError("Enter why the claim is being referred")
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.REFER)
        if to == Referee.LEGAL_ADVISER:
            if open_referrals(claim).filter(kind=ReferralKind.RECONSIDERATION).exists():
                raise ClaimError("A judge must reconsider the legal adviser's decision (20.3(6)): it cannot go to a "
                                 "legal adviser")
            refusals = rules.legal_adviser_refusals(claim)
            if refusals:
                raise ClaimError("A legal adviser cannot consider this claim: " + "; ".join(refusals))
        if claim.state == ClaimState.AWAITING_DIRECTIONS:
            _close_referrals(claim, actor, f"Passed to {to.label.lower()}", kinds=(ReferralKind.DIRECTIONS,))
            kind = ReferralKind.DIRECTIONS
        else:
            kind = ReferralKind.MATTER
        referral = Referral.objects.create(claim=claim, kind=kind, to=to, reason=reason[:300], note=note,
                                           created_at=clock.now(), created_by=actor)
        timeline.record(claim, kind="referred", actor=actor, summary=f"Referred to {to.label.lower()}: {reason}",
                        data={"to": to.value, "kind": kind})
    return referral


# -- directions and sending out (6C.1, 18, 19, 20) ----------------------------------------------------------------


def _staff(actor: Any) -> StaffRole:
    role = staff_role(actor)
    if role is None:
        raise ClaimError("Only court staff can do that.")
    return role


def _destination(claim: Claim, to: str, court: str) -> tuple[SentOutTo, str]:
    to = SentOutTo(to)
    court = " ".join((court or "").split())
    if to == SentOutTo.NAMED_CENTRE and not court:
        raise ClaimError("Enter the name of the hearing centre")
    if to == SentOutTo.PREFERRED_COURT:
        court = rules.preferred_court(claim)
    elif to != SentOutTo.NAMED_CENTRE:
        court = ""
    return to, court


def directions_give(*, claim_id: int, actor: Any, standard: list[str], free_text: str = "", to: str = "",
                    court: str = "", reason: str = "", complicated: bool = False) -> DirectionsOrder:
    """A legal adviser or judge considers the directions questionnaires and gives directions
    (Table A 1, OCON24); the claim is then sent out (6C.1(1)).

    A judge decides where it goes (19.1(2)) and it goes at once. A legal adviser may act only
    within Section 20 (``rules.legal_adviser_refusals``), sends it to the preferred court (Table A
    2; a complicated claim must go there, 20.2(3)(d), (4)-(5)), and the claim leaves only once the
    time to ask a judge to reconsider has passed (20.2(3)(e), 20.3)."""
    standard = [code for code in dict.fromkeys(standard or []) if code in StandardDirection.values]
    free_text = (free_text or "").strip()
    reason = " ".join((reason or "").split())
    if not standard and not free_text:
        raise ClaimError("Select at least one standard direction or write the directions")
    if StandardDirection.INFORMATION in standard and not free_text:
        # Its words point to the other directions ("the further information the court asks for below").
        raise ClaimError("Write the further information the parties must supply in the other directions")
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.GIVE_DIRECTIONS)
        role = _staff(actor)
        now = clock.now()
        made_on = today()
        if role == StaffRole.LEGAL_ADVISER:
            destination, court_name = _destination(claim, SentOutTo.PREFERRED_COURT, "")
            if complicated:
                reason = reason or "the claim is complicated (20.2(4)-(5))"
            reason = reason or "directions have been given on the directions questionnaires (6C.1(1))"
            reconsider_by = periods.la_recon(court_calendar(), made_on, paper_defence=rules.paper_defence(claim))
        else:
            if not to:
                raise ClaimError("Select where the claim is to be sent")
            destination, court_name = _destination(claim, to, court)
            reason = reason or "directions have been given on the directions questionnaires (6C.1(1))"
            reconsider_by = None
        order = DirectionsOrder.objects.create(
            claim=claim, referral=open_referrals(claim).filter(kind__in=(
                ReferralKind.DIRECTIONS, ReferralKind.RECONSIDERATION)).first(),
            made_by=actor, maker_name=getattr(actor, "display_name", str(actor)), maker_title=role.label,
            maker_role=Referee.LEGAL_ADVISER if role == StaffRole.LEGAL_ADVISER else Referee.JUDGE,
            made_at=now, made_on=made_on, standard=standard, free_text=free_text, send_out_to=destination,
            send_out_court=court_name, reason=reason[:300], reconsider_by=reconsider_by,
        )
        _close_referrals(claim, actor, "Directions given", kinds=(ReferralKind.DIRECTIONS,
                                                                  ReferralKind.RECONSIDERATION))
        Application.objects.filter(claim=claim, kind=ApplicationKind.RECONSIDERATION, decided_at__isnull=True
                                   ).update(decided_at=now, decision="Reconsidered: new directions given")
        timeline.record(claim, kind="directions_given", actor=actor,
                        summary=f"Directions given by {order.maker_name}, {order.maker_title}",
                        data={"order": order.pk, "standard": standard})
        from documents.services import documents_rerender

        documents_rerender(claim, ["directions_order"])
        where = destination.label if not court_name else f"{court_name}"
        if reconsider_by is not None:
            claim.send_out_due_at = reconsider_by
            claim.directions_made()
            claim.save()
            tell_parties(claim, key=f"directions:{order.pk}", headline="a legal adviser has given directions",
                         paragraphs=[
                             f"{order.maker_name}, {order.maker_title}, has made an order giving directions. You can "
                             "download it from the claim's page.",
                             f"The claim will be sent out of the online service to {where} after "
                             f"{govuk_datetime(reconsider_by)}.",
                             "If you disagree with the legal adviser's decision, you can ask for a judge to "
                             f"reconsider it. You must ask by {govuk_datetime(reconsider_by)} (20.3).",
                         ])
        else:
            tell_parties(claim, key=f"directions:{order.pk}", headline="a judge has given directions",
                         paragraphs=[f"{order.maker_name}, {order.maker_title}, has made an order giving directions. "
                                     "You can download it from the claim's page."])
            _send_out_on_order(claim, order, actor)
    return order


def _send_out_on_order(claim: Claim, order: DirectionsOrder, actor: Any) -> None:
    claim.sent_out_court = order.send_out_court
    claim.sent_out_directions = "\n".join([*order.standard_texts, *([order.free_text] if order.free_text else [])])
    claim.send_out_due_at = None
    send_out(claim, to=order.send_out_to, actor=actor, reason=order.reason)


def la_window_passed(*, claim_id: int) -> bool:
    """LA-RECON: nobody asked a judge to reconsider in time: the claim is sent out on the legal
    adviser's order (20.2(3)(e)). A late or repeated sweep acts once."""
    with transaction.atomic():
        claim = _claim(claim_id)
        if claim.send_out_due_at is None or claim.send_out_due_at > clock.now():
            return False
        if claim.state != ClaimState.DIRECTIONS_MADE:
            claim.send_out_due_at = None
            claim.save(update_fields=["send_out_due_at"])
            return False
        order = claim.directions_orders.order_by("-made_at", "-pk").first()
        timeline.record(claim, kind="reconsideration_window_closed", actor=None,
                        summary="The time to ask a judge to reconsider the legal adviser's directions has passed")
        _send_out_on_order(claim, order, None)
    return True


def judge_send_out(*, claim_id: int, actor: Any, to: str, court: str = "", reason: str,
                   directions: str = "") -> Claim:
    """A judge sends the claim out of the online process and decides where (18.2, 19.1(2)-(4)):
    both parties are told why and what directions apply; the claim becomes read-only online."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ClaimError("Enter why the claim is being sent out")
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.SEND_OUT)
        destination, court_name = _destination(claim, to, court)
        now = clock.now()
        _close_referrals(claim, actor, "Sent out of the online service")
        claim.applications.filter(decided_at__isnull=True).update(decided_at=now, decision="The claim was sent out")
        claim.sent_out_court = court_name
        claim.sent_out_directions = (directions or "").strip()
        claim.send_out_due_at = None
        send_out(claim, to=destination, actor=actor, reason=reason)
    return claim


# -- parties' applications and requests (16.1, 17.1, 18.1, 6.2(10)-(11), 20.3) ---------------------------------

APPLICATION_ACTIONS = {
    ApplicationKind.LIFT_STAY: Action.APPLY_LIFT_STAY,
    ApplicationKind.OTHER: Action.MAKE_APPLICATION,
    ApplicationKind.LEAVE_ONLINE: Action.MAKE_APPLICATION,
    ApplicationKind.SETTLEMENT_BROKEN: Action.REPORT_SETTLEMENT_BROKEN,
    ApplicationKind.RECONSIDERATION: Action.REQUEST_RECONSIDERATION,
}


def application_make(*, claim_id: int, actor: Any, kind: str, details: str, upload: Upload | None = None
                     ) -> Application:
    """A party applies or asks the court for something online (16.1, 17.1, 18.1, 6.2(10)-(11), 20.3).

    - lift a stay (N244 uploaded) → referred to a judge for directions (16.1(4));
    - another application or request → a judge (17.1(2));
    - leave the online process → a judge, who must send the claim out (18.1);
    - a mediation settlement has broken down → sent out to the preferred court at once (6.2(11));
    - a judge to reconsider a legal adviser's directions, on time → the claim waits for the judge
      and is not sent out meanwhile (20.2(3)(e), 20.3).
    """
    kind = ApplicationKind(kind)
    details = _check_application(kind, details, upload)
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, APPLICATION_ACTIONS[kind])
        return _receive_application(claim, kind=kind, role=_is_party(claim, actor), made_by=actor,
                                    received_at=clock.now(), details=details, upload=upload)


def application_record_paper(*, claim_id: int, actor: Any, applicant_role: str, kind: str, details: str,
                             received_at: datetime, upload: Upload | None = None) -> Application:
    """A caseworker enters an application or request a party sent on paper (a defendant who responded
    on paper has no account: 16.1, 17.1, 18.1, 20.3(4)). It is handled exactly as one made online,
    and counts from when it reached the court: a reconsideration request is on time if it arrived
    within the 7 (or 12) days (20.3(2A)-(3))."""
    kind = ApplicationKind(kind)
    role = PartyRole(applicant_role)
    details = _check_application(kind, details, upload)
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.RECORD_PAPER_APPLICATION)
        if received_at > clock.now():
            raise ClaimError("The date the court received it cannot be in the future")
        if kind == ApplicationKind.RECONSIDERATION and not (
                claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at is not None
                and received_at < claim.send_out_due_at):
            raise ClaimError("A request to reconsider must reach the court before the time to ask ends (20.3)")
        if kind == ApplicationKind.LIFT_STAY and claim.state != ClaimState.STAYED:
            raise ClaimError("The claim is not stayed")
        if kind == ApplicationKind.SETTLEMENT_BROKEN and not (claim.state == ClaimState.STAYED
                                                              and claim.stay_allows_return):
            raise ClaimError("The claim is not stayed on a settlement reached in mediation")
        return _receive_application(claim, kind=kind, role=role, made_by=actor, received_at=received_at,
                                    details=details, upload=upload)


def _check_application(kind: ApplicationKind, details: str, upload: Upload | None) -> str:
    details = (details or "").strip()
    if not details:
        raise ClaimError("Tell the court what you are asking for and why")
    if len(details) > 5000:
        raise ClaimError("What you are asking for must be 5,000 characters or less")
    check_upload(upload, required=kind == ApplicationKind.LIFT_STAY, what="your application notice (form N244)")
    return details


def _receive_application(claim: Claim, *, kind: ApplicationKind, role: str, made_by: Any, received_at: datetime,
                         details: str, upload: Upload | None) -> Application:
    if claim.applications.filter(kind=kind, applicant_role=role, decided_at__isnull=True).exists():
        raise ClaimError(f"The court is already considering your request: {kind.label.lower()}")
    now = clock.now()
    application = Application.objects.create(
        claim=claim, kind=kind, applicant_role=role, made_by=made_by, made_at=received_at,
        received_on=court_calendar().deemed_submission_date(received_at), details=details,
        file_name=upload.name[:200] if upload else "", file_type=upload.content_type if upload else "",
        file_content=upload.content if upload else None,
    )
    who = PartyRole(role).label.lower()
    on_paper = "" if _is_party(claim, made_by) else " on paper"
    timeline.record(claim, kind="application_received", actor=made_by,
                    summary=f"Received from the {who}{on_paper}: {kind.label.lower()}",
                    data={"application": application.pk})
    if kind == ApplicationKind.SETTLEMENT_BROKEN:
        application.decided_at = now
        application.decision = "The claim was sent out to the preferred court (6.2(11))"
        application.save(update_fields=["decided_at", "decision"])
        destination, court_name = _destination(claim, SentOutTo.PREFERRED_COURT, "")
        claim.sent_out_court = court_name
        send_out(claim, to=destination, actor=None,
                 reason=f"the {who} told the court the settlement reached in mediation has broken down (6.2(11))")
        return application
    if kind == ApplicationKind.RECONSIDERATION:
        claim.send_out_due_at = None
        Referral.objects.create(claim=claim, kind=ReferralKind.RECONSIDERATION, to=Referee.JUDGE,
                                reason=f"The {who} asks a judge to reconsider the legal adviser's directions (20.3)",
                                application=application, created_at=now)
        claim.refer_for_directions()
        claim.save()
    else:
        reasons = {
            ApplicationKind.LIFT_STAY: f"The {who} applies to lift the stay (16.1(4))",
            ApplicationKind.OTHER: f"An application or request by the {who} (17.1)",
            ApplicationKind.LEAVE_ONLINE: f"The {who} asks for the claim to leave the online service (18.1)",
        }
        Referral.objects.create(claim=claim, kind=ReferralKind.APPLICATION, to=Referee.JUDGE,
                                reason=reasons[kind], application=application, created_at=now)
    timeline.record(claim, kind="referred", actor=None, summary=f"Referred to a judge: {kind.label.lower()}")
    tell_parties(claim, key=f"application:{application.pk}", headline=f"the {who} made an application",
                 paragraphs=[f"The court received this from the {who}: {kind.label.lower()}.",
                             "A judge will consider it and the court will tell you what they decide."])
    return application


class Ruling:
    LIFT = "lift"
    REFUSE = "refuse"
    DIRECTIONS = "directions"
    SEND_OUT = "send_out"


def application_decide(*, application_id: int, actor: Any, ruling: str, reasons: str, to: str = "",
                       court: str = "") -> Application:
    """A judge decides a party's application (16.1(4), 17.1(2), 18.1): lift the stay (the claim
    resumes where it stopped), refuse, give directions, or send the claim out (which an 18.1
    request always gets)."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ClaimError("Enter the judge's reasons or directions")
    claim_id = Application.objects.filter(pk=application_id).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise ClaimError("There is no such application.")
    with transaction.atomic():
        claim = _claim(claim_id)
        application = Application.objects.select_for_update().get(pk=application_id)
        require(actor, claim, Action.DECIDE_APPLICATION)
        if application.decided_at is not None:
            raise ClaimError("This application has already been decided.")
        kind = ApplicationKind(application.kind)
        if kind == ApplicationKind.LEAVE_ONLINE and ruling != Ruling.SEND_OUT:
            raise ClaimError("A request to leave the online service must be granted: the judge sends the claim out "
                             "(18.1)")
        if ruling == Ruling.LIFT and (kind != ApplicationKind.LIFT_STAY or claim.state != ClaimState.STAYED):
            raise ClaimError("Only an application to lift a stay, on a stayed claim, can lift it")
        now = clock.now()
        title = f"{getattr(actor, 'display_name', actor)}, {_staff(actor).label}"
        labels = {Ruling.LIFT: "Stay lifted", Ruling.REFUSE: "Refused", Ruling.DIRECTIONS: "Directions given",
                  Ruling.SEND_OUT: "Claim sent out"}
        if ruling not in labels:
            raise ClaimError("Select the decision")
        application.decided_at = now
        application.decision = f"{labels[ruling]} by {title}: {reasons}"[:300]
        application.save(update_fields=["decided_at", "decision"])
        claim.referrals.filter(application=application, closed_at__isnull=True).update(
            closed_at=now, closed_by=actor, outcome=labels[ruling])
        timeline.record(claim, kind="application_decided", actor=actor,
                        summary=f"{kind.label}: {labels[ruling].lower()}. {reasons}"[:300])
        if ruling == Ruling.SEND_OUT:
            destination, court_name = _destination(claim, to or SentOutTo.CNBC, court)
            claim.sent_out_court = court_name
            claim.sent_out_directions = reasons
            claim.send_out_due_at = None
            _close_referrals(claim, actor, "Sent out of the online service")
            send_out(claim, to=destination, actor=actor,
                     reason="a party asked to leave the online service (18.1)" if kind == ApplicationKind.LEAVE_ONLINE
                     else f"a judge directed it on the {application.applicant_role}'s application")
            return application
        if ruling == Ruling.LIFT:
            _resume(claim, actor)
        tell_parties(claim, key=f"application-decided:{application.pk}",
                     headline=f"a judge has decided the {application.applicant_role}'s application",
                     paragraphs=[f"{labels[ruling]}: {reasons}"])
    return application


def _resume(claim: Claim, actor: Any) -> None:
    cal = court_calendar()
    decision = getattr(claim, "claimant_decision", None)
    if decision is not None and decision.outcome == DecisionOutcome.NOT_CONTINUE:
        # The stay came from the claimant not continuing: once it is lifted they answer the defence
        # afresh (the earlier answer stays on the timeline).
        ClaimantDecision.objects.filter(pk=decision.pk).delete()
        claim._state.fields_cache.pop("claimant_decision", None)
    claim.stayed_at = None
    claim.stay_reason = ""
    claim.stay_allows_return = False
    claim.resume()
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        claim.claimant_response_deadline = periods.clm_33(cal, today())
    elif claim.state == ClaimState.AWAITING_DIRECTIONS:
        claim.save()
        _refer_forms(claim, actor=actor, reason="The stay was lifted: the directions questionnaires are to be "
                                                "considered")
    claim.save()
    timeline.record(claim, kind="stay_lifted", actor=actor, summary="The judge lifted the stay (16.1)")
    touch_party_step(claim, clock.now())


# -- paper responses (Section 10) ----------------------------------------------------------------------------------


def paper_contact_record(*, claim_id: int, actor: Any, more_time: bool, note: str = "") -> PaperResponse:
    """A caseworker records the defendant's call: they cannot respond online (10.1(1)-(2)). The
    court sends the paper pack (OCON9 unless they have had more time, OCON9X, OCON180) with the
    date it was sent (10.1(3)-(4)); the claimant is told (10.1(5)). The paper response is due
    19 days after the forms were sent, or 33 with more time; 33 days after issue if they already
    had more time online (10.1(5A), (7)-(9))."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.RECORD_PAPER_CONTACT)
        if hasattr(claim, "paper_response"):
            raise ClaimError("The defendant's call has already been recorded and the paper forms sent.")
        cal = court_calendar()
        now = clock.now()
        had_more_time = claim.more_time_requested_at is not None
        contact_by = (periods.def_33(cal, claim.issue_date) if had_more_time
                      else periods.def_paper_contact(cal, claim.issue_date, claimant_represented=False))
        if now >= contact_by:
            raise ClaimError(f"The defendant had to contact the court by {govuk_datetime(contact_by)} (10.1(1)); "
                             "the claimant may now ask for judgment in default")
        sent_on = today()
        if had_more_time:
            deadline = periods.def_33(cal, claim.issue_date)
            forms = ["OCON9X", "OCON180"]
        else:
            deadline = periods.def_paper_response(cal, sent_on, more_time=more_time, claimant_represented=False)
            forms = ["OCON9", "OCON9X", "OCON180"]
        paper = PaperResponse.objects.create(
            claim=claim, contacted_at=now, recorded_by=actor, call_note=(note or "").strip(),
            more_time_asked=more_time and not had_more_time, forms=forms, sent_on=sent_on, deadline=deadline,
        )
        claim.intention_confirmed_at = claim.intention_confirmed_at or now
        if more_time and not had_more_time:
            claim.more_time_requested_at = now
        claim.response_deadline = deadline
        claim.response_deadline_day = local(deadline).date()
        claim.response_reminder_at = None
        claim.save()
        timeline.record(claim, kind="paper_forms_sent", actor=actor,
                        summary=f"The defendant phoned: they cannot respond online. Paper forms ({', '.join(forms)}) "
                                f"sent on {govuk_date(sent_on)}; the response is due by {govuk_datetime(deadline)}",
                        data={"forms": forms, "sent_on": sent_on.isoformat()})
        from documents.services import documents_request

        documents_request(claim, ["paper_pack"])
        tell_parties(claim, key=f"paper-forms:{claim.pk}", roles=("claimant",),
                     headline="the defendant will respond on paper",
                     paragraphs=[f"The defendant told the court they cannot respond online. The court sent them the "
                                 f"paper forms ({', '.join(forms)}) on {govuk_date(sent_on)} (10.1(5)).",
                                 f"Their response is now due by {govuk_datetime(deadline)}."])
    return paper


def paper_extension_received(*, claim_id: int, actor: Any, received_at: datetime | None = None) -> PaperResponse:
    """The time extension form (OCON9) came back on time (``received_at``, when the court received it;
    now if not given): the paper response is due 33 days after the forms were sent (10.1(6)(b), (7), (9))."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.ENTER_PAPER_RESPONSE)
        paper = PaperResponse.objects.select_for_update().get(claim=claim)
        if "OCON9" not in paper.forms or paper.more_time_asked or paper.extension_received_at is not None:
            raise ClaimError("The defendant has already had more time to respond.")
        cal = court_calendar()
        now = received_at or clock.now()
        if now > clock.now():
            raise ClaimError("The date the form was received cannot be in the future")
        if now >= periods.def_paper_response(cal, paper.sent_on, more_time=False, claimant_represented=False):
            raise ClaimError("The time extension form arrived after the 19 days it had to be returned in (10.1(7))")
        paper.extension_received_at = now
        paper.deadline = periods.def_paper_response(cal, paper.sent_on, more_time=True, claimant_represented=False)
        paper.save(update_fields=["extension_received_at", "deadline"])
        claim.more_time_requested_at = claim.more_time_requested_at or now
        claim.response_deadline = paper.deadline
        claim.response_deadline_day = local(paper.deadline).date()
        claim.save()
        timeline.record(claim, kind="paper_more_time", actor=actor,
                        summary=f"The defendant's time extension form (OCON9) was received: the paper response is now "
                                f"due by {govuk_datetime(paper.deadline)}")
        tell_parties(claim, key=f"paper-more-time:{claim.pk}", roles=("claimant",),
                     headline="the defendant has more time to respond",
                     paragraphs=[f"The defendant's paper response is now due by {govuk_datetime(paper.deadline)}."])
    return paper


def paper_response_enter(*, claim_id: int, actor: Any, nature: str, scan: Upload, received_at: datetime,
                         mediation_willing: bool | None = None, preferred_court: str = "") -> Claim:
    """A caseworker enters the scanned paper response (10.2-10.4). A defence of the whole claim
    continues under Section 6 (10.3): it becomes the claim's response and the claimant is asked
    to decide within 33 days. Anything else, or no nature indicated, sends the claim out to the
    CNBC (10.2(1), 10.4(1)), and both parties are told why."""
    nature = PaperNature(nature)
    check_upload(scan, required=True, what="the scanned response")
    preferred_court = " ".join((preferred_court or "").split())
    if nature == PaperNature.DEFENCE:
        if mediation_willing is None:
            raise ClaimError("Select whether the defendant opted out of mediation (10.1(9B))")
        if not preferred_court:
            raise ClaimError("Enter the preferred court from the defendant's OCON180")
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.ENTER_PAPER_RESPONSE)
        paper = PaperResponse.objects.select_for_update().get(claim=claim)
        if paper.received_at is not None:
            raise ClaimError("The paper response has already been entered.")
        if received_at > clock.now():
            raise ClaimError("The date the response was received cannot be in the future")
        cal = court_calendar()
        received_on = cal.deemed_submission_date(received_at)
        paper.received_at = received_at
        paper.nature = nature
        paper.scan_name = scan.name[:200]
        paper.scan_type = scan.content_type
        paper.scan_content = scan.content
        paper.entered_by = actor
        paper.save()
        late = claim.response_deadline is not None and received_at >= claim.response_deadline
        timeline.record(claim, kind="paper_response_received", actor=actor,
                        summary=f"Paper response received{' (after the deadline)' if late else ''} and scanned: "
                                f"{nature.label.lower()}",
                        data={"nature": nature.value, "received_on": received_on.isoformat(), "late": late})
        if nature != PaperNature.DEFENCE:
            why = ("the defendant's paper response does not say what kind of response it is (10.4(1))"
                   if nature == PaperNature.NOT_INDICATED else
                   f"the defendant's paper response is not a defence of the whole claim only "
                   f"({nature.label.lower()}) (10.2(1))")
            send_out(claim, to=SentOutTo.CNBC, actor=None, reason=why)
            return claim
        from responses.models import DefendantResponse

        DefendantResponse(
            claim=claim, kind="full_defence", data={"paper": True, "nature": nature.value},
            submitted_by=actor, submitted_at=received_at, received_on=received_on, late=late,
            sot_signed_name="(signed on the paper form)", sot_signed_on=local(received_at).date(),
            mediation_willing=mediation_willing, preferred_court=preferred_court, on_paper=True,
        ).save()
        claim.intention_confirmed_at = claim.intention_confirmed_at or received_at
        claim.response_reminder_at = claim.no_response_stay_at = None
        claim.claimant_response_deadline = periods.clm_33(cal, today())
        claim.respond()
        claim.save()
        tell_parties(claim, key=f"paper-defence:{claim.pk}", headline="the defendant has defended the claim on paper",
                     paragraphs=[
                         "The defendant's paper response is a defence of the whole claim.",
                         "The claimant must tell the court whether they want to continue with the claim by "
                         f"{govuk_datetime(claim.claimant_response_deadline)}. If they do not, the claim will be "
                         "stayed (6.2(4)).",
                     ])
    return claim


# -- 12.1: six months with no step by either party ---------------------------------------------------------------


def touch_party_step(claim: Claim, when: datetime) -> None:
    """A party took a step: the 6 months of 12.1 start again (one UPDATE; the caller's row is not saved)."""
    stay_at = (periods.stay_6m_no_step(court_calendar(), local(when).date())
               if claim.state in PARTY_STEP_STATES else None)
    Claim.objects.filter(pk=claim.pk).update(last_party_step_at=when, inactivity_stay_at=stay_at)
    claim.last_party_step_at = when
    claim.inactivity_stay_at = stay_at


def inactivity_stay(*, claim_id: int) -> bool:
    """STAY-6M-LIP: no step by either party for 6 months → the claim is stayed (12.1)."""
    with transaction.atomic():
        claim = _claim(claim_id)
        if claim.inactivity_stay_at is None or claim.inactivity_stay_at > clock.now():
            return False
        if claim.state not in PARTY_STEP_STATES:
            claim.inactivity_stay_at = None
            claim.save(update_fields=["inactivity_stay_at"])
            return False
        _stay(claim, key=f"stay-inactive:{claim.pk}:{claim.last_party_step_at:%Y%m%d}",
              reason="neither party has taken a step on the claim for 6 months (12.1)")
    return True


# -- a request for judgment in default while an application is pending (11.1A(2)) -----------------------------


def refer_default_request(claim: Claim, actor: Any, request: dict[str, Any]) -> Referral:
    """The claimant asked for judgment in default, but an application or notice is waiting to be
    decided (11.1A(2)): the court cannot enter it automatically, so the request goes to a judge.
    Called by ``judgments.services.judgment_default_request`` under its lock; asking again while
    the referral is open changes nothing."""
    existing = open_referrals(claim).filter(kind=ReferralKind.DEFAULT_JUDGMENT).first()
    if existing is not None:
        return existing
    referral = Referral.objects.create(
        claim=claim, kind=ReferralKind.DEFAULT_JUDGMENT, to=Referee.JUDGE, data=request, created_at=clock.now(),
        reason="The claimant asked for judgment in default while an application is waiting to be decided "
               "(11.1A(2))",
    )
    timeline.record(claim, kind="default_judgment_referred", actor=actor,
                    summary="Request for judgment in default received; an application is waiting to be decided, so "
                            "the request has been referred to a judge (11.1A(2))")
    tell_parties(claim, key=f"default-referred:{referral.pk}", headline="the request for judgment has gone to a judge",
                 paragraphs=["The claimant asked for judgment in default. Because the court has an application on the "
                             "claim that has not been decided yet, a judge will decide whether judgment can be "
                             "entered."])
    return referral


def default_request_decide(*, referral_id: int, actor: Any, enter: bool, reasons: str) -> Referral:
    """A judge decides a referred request for judgment in default: enter it (the judge makes the
    judgment, 15.1(1)) or refuse it. Not once a response has been received (11.1A(2))."""
    from judgments import services as judgments
    from judgments.answers import plan_from_record

    reasons = (reasons or "").strip()
    if not reasons:
        raise ClaimError("Enter the judge's reasons")
    claim_id = Referral.objects.filter(pk=referral_id).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise ClaimError("There is no such referral.")
    with transaction.atomic():
        claim = _claim(claim_id)
        referral = Referral.objects.select_for_update().get(pk=referral_id)
        require(actor, claim, Action.DECIDE_DEFAULT_REQUEST)
        if referral.closed_at is not None or referral.kind != ReferralKind.DEFAULT_JUDGMENT:
            raise ClaimError("This request has already been decided.")
        if enter and (claim.state != ClaimState.ISSUED or hasattr(claim, "response")):
            raise ClaimError("A response has been received, so judgment in default cannot be entered (11.1A(2))")
        referral.closed_at = clock.now()
        referral.closed_by = actor
        referral.outcome = ("Judgment in default entered" if enter else "Request refused")[:300]
        referral.save(update_fields=["closed_at", "closed_by", "outcome"])
        timeline.record(claim, kind="default_request_decided", actor=actor,
                        summary=f"The judge {'granted' if enter else 'refused'} the request for judgment in default: "
                                f"{reasons}"[:300])
        if not enter:
            tell_parties(claim, key=f"default-refused:{referral.pk}", headline="the request for judgment was refused",
                         paragraphs=[f"The judge's reasons: {reasons}"])
            return referral
        request = referral.data or {}
        plan = plan_from_record(request["plan"]) if request.get("plan") else None
        # Made by the judge today, and never before the day the claimant's request counts as received.
        judgment_date = judgments.date_of_judgment(claim, referral.created_at, made_on=today())
        paid = Decimal(request.get("paid") or "0")
        amount = judgments.default_amount(claim, judgment_date=judgment_date, paid=paid)
        if amount.total <= 0:
            raise ClaimError("The defendant has paid the whole amount owed (11.1A(1))")
        judgments.enter_judgment(claim, kind="default", requested_by=claim.owner, request=request, amount=amount,
                                 plan=plan, judgment_date=judgment_date, made_by=actor)
    return referral

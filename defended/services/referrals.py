"""Referrals to a legal adviser or judge, directions and sending a claim out (PD 51R 6.2(9),
6.2(12), 6.3(6), 6C.1, 11.1A(2), 16A, 18, 19, 20).

- The directions questionnaires referred (to a legal adviser if Section 20 lets one act, else
  a judge), staff referring a matter (16A.1, Table A 3), and the open referrals closed when
  the matter they were opened for is dealt with.
- Directions given (Table A 1, OCON24) and the claim sent out (6C.1(1), 19.1): at once on a
  judge's order; on a legal adviser's, once the time to ask a judge to reconsider has passed
  (the LA-RECON sweep, 20.2(3)(e), 20.3). A judge sending a claim out (18.2, 19.1(2)-(4)).
- A request for judgment in default while an application is waiting (11.1A(2)): referred to a
  judge, who enters or refuses it (``judgments.referred``, since entering a judgment is
  judgments' step; the referral is closed here).
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.roles import StaffRole
from claims import timeline
from claims.constants import ClaimState, Referee, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.services import send_out
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_datetime
from documents.services import documents_rerender
from ocmc import clock
from rules import periods

from .. import rules
from ..models import Application, ApplicationKind, DirectionsOrder, Referral, ReferralKind, StandardDirection
from .common import _claim, _destination, _staff


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


def _locked_open_referrals(claim: Claim, kinds: tuple[str, ...] | None = None) -> list[Referral]:
    """The (locked) claim's open referrals, of these kinds if given, locked too: always after the claim."""
    rows = open_referrals(claim).select_for_update()
    return list(rows.filter(kind__in=kinds) if kinds is not None else rows)


def _decide_referrals(claim: Claim, actor: Any, outcome: str, *, kinds: tuple[str, ...]) -> None:
    """The legal adviser or judge acted on the claim's open referrals of these kinds."""
    now = clock.now()
    for referral in _locked_open_referrals(claim, kinds):
        referral.decide(by=actor, outcome=outcome, at=now)
        referral.save()


def _pass_on_referrals(claim: Claim, actor: Any, outcome: str) -> None:
    """The directions questionnaires waiting for one referee go to the other (16A.1, Table A 3)."""
    now = clock.now()
    for referral in _locked_open_referrals(claim, (ReferralKind.DIRECTIONS,)):
        referral.pass_on(by=actor, outcome=outcome, at=now)
        referral.save()


def _close_referrals(claim: Claim, actor: Any, outcome: str) -> None:
    """The claim is being sent out of the online service: whatever was still waiting is closed (18, 19)."""
    now = clock.now()
    for referral in _locked_open_referrals(claim):
        referral.close(by=actor, outcome=outcome, at=now)
        referral.save()


def _close_applications(claim: Claim, decision: str) -> None:
    """The claim is being sent out of the online service: the applications still waiting are closed (18, 19)."""
    now = clock.now()
    for application in claim.applications.select_for_update().filter(decided_at__isnull=True):
        application.close(decision=decision, at=now)
        application.save()


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
            _pass_on_referrals(claim, actor, f"Passed to {to.label.lower()}")
            kind = ReferralKind.DIRECTIONS
        else:
            kind = ReferralKind.MATTER
        referral = Referral.objects.create(claim=claim, kind=kind, to=to, reason=reason[:300], note=note,
                                           created_at=clock.now(), created_by=actor)
        timeline.record(claim, kind="referred", actor=actor, summary=f"Referred to {to.label.lower()}: {reason}",
                        data={"to": to.value, "kind": kind})
    return referral


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
        made_on = clock.today()
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
        _decide_referrals(claim, actor, "Directions given", kinds=(ReferralKind.DIRECTIONS,
                                                                   ReferralKind.RECONSIDERATION))
        for application in Application.objects.select_for_update().filter(
                claim=claim, kind=ApplicationKind.RECONSIDERATION, decided_at__isnull=True):
            application.decide(decision="Reconsidered: new directions given", at=now)
            application.save()
        timeline.record(claim, kind="directions_given", actor=actor,
                        summary=f"Directions given by {order.maker_name}, {order.maker_title}",
                        data={"order": order.pk, "standard": standard})
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
                             (f"After {govuk_datetime(reconsider_by)} the claim will proceed in {where}, an early "
                              "adopter court, and stay with the online service (6C.1(2))."
                              if rules.stays_online_after_directions(claim, court_name) else
                              f"The claim will be sent out of the online service to {where} after "
                              f"{govuk_datetime(reconsider_by)}."),
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
    """The directions take effect: the claim is sent out where the order says (6C.1(1)), unless every party is
    represented and it proceeds in an early adopter court, where it stays online and the parties are told it has
    been sent to that court (6C.1(2))."""
    claim.send_out_due_at = None
    if rules.stays_online_after_directions(claim, order.send_out_court):
        _proceed_in_early_adopter_court(claim, order, actor)
        return
    claim.sent_out_court = order.send_out_court
    claim.sent_out_directions = "\n".join([*order.standard_texts, *([order.free_text] if order.free_text else [])])
    send_out(claim, to=order.send_out_to, actor=actor, reason=order.reason)


def _proceed_in_early_adopter_court(claim: Claim, order: DirectionsOrder, actor: Any) -> None:
    court = order.send_out_court
    claim.early_adopter_court = court
    if claim.state == ClaimState.AWAITING_DIRECTIONS:
        claim.directions_made()
    claim.save()
    timeline.record(claim, kind="early_adopter_court", actor=actor,
                    summary=f"The claim proceeds in {court}, an early adopter court: every party is legally "
                            "represented, so it stays with the online service (6C.1(2))"[:300],
                    data={"court": court, "order": order.pk})
    tell_parties(claim, key=f"early-adopter:{order.pk}", headline=f"the claim has been sent to {court}",
                 paragraphs=[f"Following the directions, the claim has been sent to {court}, an early adopter court, "
                             "for its management (PD 51R 6C.1(2)).",
                             "Because every party is legally represented, the claim stays with the online service: "
                             "the practice direction for online money claims continues to apply."])


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
        _close_referrals(claim, actor, "Sent out of the online service")
        _close_applications(claim, "The claim was sent out")
        claim.sent_out_court = court_name
        claim.sent_out_directions = (directions or "").strip()
        claim.send_out_due_at = None
        send_out(claim, to=destination, actor=actor, reason=reason)
    return claim


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


def default_request_decided(referral: Referral, *, actor: Any, entered: bool) -> None:
    """A judge decided the (locked) referred request for judgment in default (11.1A(2)): the referral
    is closed. Called by ``judgments.referred.default_request_decide`` under its lock, which enters
    the judgment if the judge grants it."""
    referral.decide(by=actor, outcome="Judgment in default entered" if entered else "Request refused", at=clock.now())
    referral.save()

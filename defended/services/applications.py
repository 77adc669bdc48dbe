"""Parties' applications and requests, and a judge's decision on them (PD 51R 6.2(10)-(11),
16.1, 17.1, 18.1, 20.3).

Made online by a party or entered from paper by a caseworker (the same handling, counted from
when it reached the court): lift a stay (N244, 16.1(4)), another application (17.1), leave the
online service (18.1), a mediation settlement broken down (sent out at once, 6.2(11)), a judge
to reconsider a legal adviser's directions (20.3). A judge decides: lift the stay (the claim
resumes where it stopped), refuse, give directions, or send the claim out.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState, PartyRole, Referee, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.services import claimant_answer_period_starts, send_out
from court.calendar import court_calendar
from ocmc import clock
from responses.standing import response_answer_afresh

from ..models import Application, ApplicationKind, ClaimantDecision, DecisionOutcome, Referral, ReferralKind
from .common import Upload, _claim, _destination, _is_party, _staff, check_upload
from .referrals import _close_referrals, _refer_forms

APPLICATION_ACTIONS = {
    ApplicationKind.LIFT_STAY: Action.APPLY_LIFT_STAY,
    ApplicationKind.OTHER: Action.MAKE_APPLICATION,
    ApplicationKind.LEAVE_ONLINE: Action.MAKE_APPLICATION,
    ApplicationKind.SETTLEMENT_BROKEN: Action.REPORT_SETTLEMENT_BROKEN,
    ApplicationKind.RECONSIDERATION: Action.REQUEST_RECONSIDERATION,
    ApplicationKind.STRIKE_OUT: Action.MAKE_APPLICATION,
    ApplicationKind.SUMMARY_JUDGMENT: Action.MAKE_APPLICATION,
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
        application.decide_at_once(decision="The claim was sent out to the preferred court (6.2(11))", at=now)
        application.save()
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
        application.refer()
        application.save()
        claim.refer_for_directions()
        claim.save()
    else:
        reasons = {
            ApplicationKind.LIFT_STAY: f"The {who} applies to lift the stay (16.1(4))",
            ApplicationKind.OTHER: f"An application or request by the {who} (17.1)",
            ApplicationKind.LEAVE_ONLINE: f"The {who} asks for the claim to leave the online service (18.1)",
            ApplicationKind.STRIKE_OUT: f"The {who} applies to strike out the other side's statement of case (CPR 3.4)",
            ApplicationKind.SUMMARY_JUDGMENT: f"The {who} applies for summary judgment (CPR Part 24)",
        }
        Referral.objects.create(claim=claim, kind=ReferralKind.APPLICATION, to=Referee.JUDGE,
                                reason=reasons[kind], application=application, created_at=now)
        application.refer()
        application.save()
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
        application.decide(decision=f"{labels[ruling]} by {title}: {reasons}", at=now)
        application.save()
        for referral in claim.referrals.select_for_update().filter(application=application, closed_at__isnull=True):
            referral.decide(by=actor, outcome=labels[ruling], at=now)
            referral.save()
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
        response_answer_afresh(claim.response)
    claim.stayed_at = None
    claim.stay_reason = ""
    claim.stay_allows_return = False
    claim.resume()
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        claimant_answer_period_starts(claim, cal, notified_on=clock.today(), response_kind=claim.response.kind)
    elif claim.state == ClaimState.AWAITING_DIRECTIONS:
        claim.save()
        _refer_forms(claim, actor=actor, reason="The stay was lifted: the directions questionnaires are to be "
                                                "considered")
    claim.save()
    timeline.record(claim, kind="stay_lifted", actor=actor, summary="The judge lifted the stay (16.1)")
    timeline.touch_party_step(claim, clock.now())

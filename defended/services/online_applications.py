"""Online applications by represented parties after directions (PD 51R 16B.1).

In a claim between represented parties that proceeds in an early adopter court after directions
(``claims.online_applications.may_apply_online``), a solicitor of either party's firm applies on screens: the order
sought and why, with or without notice, with or without the other side's consent, and evidence (16B.1(2)-(4)).
The online application is the application notice (16B.1(4)); it is an ``Application`` of kind "online".

- Anything relating to an appeal, enforcement or insolvency is refused online with the reason and where to apply
  (16B.1(10), 16B.2): ``rules.applications.paper_only``.
- Without notice (CPR 23.4): straight to a judge, who considers the request (16B.1(6)); the respondent is not told
  until the judge decides (``application_decide`` tells both sides).
- With notice: the respondent (the other side's firm, through the recipient router) is told at once (16B.1(5)) and
  gives its information before 4pm on the 5th day after notification (APP-RESP-5, 16B.1(7), (9)); the deadline is
  the application's indexed ``respond_by``. Its information sends the application to a judge; if it confirms it
  consented before the application was made, the application is treated as one for a consent order and goes to the
  judge as a draft consent order (16B.1(8)). At 4pm the page refuses it; the sweep
  (``defended.application_response_time``) then sends the application on to a judge.
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import PartyRole, Referee
from claims.early_adopter import early_adopter_court
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import LIVE_STATES, Action, online_application_side, require
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_datetime
from ocmc import clock
from rules import applications as rules
from rules.calendar import in_time

from ..models import Application, ApplicationKind, ApplicationState, Referral, ReferralKind
from .common import Upload, _claim, check_upload

ORDER_MAX = 2000
DETAILS_MAX = 5000
INFORMATION_MAX = 5000

#: What the respondent's page says once the time has passed (16B.1(9)).
TIME_PASSED = "The time for a response has passed: the application has gone to a judge"


class PaperOnlyApplication(ClaimError):
    """An application that must be made on paper (16B.1(10)): the reason and where to apply instead."""

    def __init__(self, refusal: rules.PaperOnly, where: str) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal
        self.where = where


def paper_only_refusal(claim: Claim, subject: str) -> PaperOnlyApplication | None:
    """The refusal for an application about ``subject`` on this claim, or None if it may be made online."""
    refusal = rules.paper_only(subject)
    if refusal is None:
        return None
    return PaperOnlyApplication(refusal, rules.where_paper_applications_go(early_adopter_court(claim)))


def _text(value: str, *, what: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ClaimError(f"Enter {what}")
    if len(value) > limit:
        raise ClaimError(f"{what[0].upper()}{what[1:]} must be {limit:,} characters or less")
    return value


def _side_label(claim: Claim, role: str) -> str:
    firm = claim.claimant_firm if role == PartyRole.CLAIMANT else claim.defendant_firm
    return f"the {role}'s legal representative ({firm.name})" if firm is not None else f"the {role}"


def online_application_make(*, claim_id: int, actor: Any, subject: str, order_sought: str, details: str,
                            with_notice: bool, consented: bool, upload: Upload | None = None) -> Application:
    """A solicitor of a party's firm makes an online application (16B.1(2)-(6), (10)).

    A second press of the same form (the same side, order and reasons, still waiting) gives back the first."""
    order_sought = _text(order_sought, what="the order you are asking the court to make", limit=ORDER_MAX)
    details = _text(details, what="why you are asking for the order", limit=DETAILS_MAX)
    check_upload(upload, required=False, what="your evidence")
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.MAKE_ONLINE_APPLICATION)
        refusal = paper_only_refusal(claim, subject)
        if refusal is not None:
            raise refusal
        if subject != rules.ONLINE_SUBJECT:
            raise ClaimError("Select what the application relates to")
        role = online_application_side(actor, claim)
        same = claim.applications.filter(
            kind=ApplicationKind.ONLINE, applicant_role=role, decided_at__isnull=True, order_sought=order_sought,
            details=details, with_notice=with_notice, consented=consented).first()
        if same is not None:
            return same
        now = clock.now()
        cal = court_calendar()
        application = Application.objects.create(
            claim=claim, kind=ApplicationKind.ONLINE, applicant_role=role, made_by=actor, made_at=now,
            received_on=cal.deemed_submission_date(now), order_sought=order_sought, details=details,
            with_notice=with_notice, consented=consented,
            file_name=upload.name[:200] if upload else "", file_type=upload.content_type if upload else "",
            file_content=upload.content if upload else None,
        )
        applicant = _side_label(claim, role)
        notice = "with notice" if with_notice else "without notice"
        consent = ", with the other side's consent" if consented else ""
        timeline.record(claim, kind="online_application_made", actor=actor,
                        summary=f"Online application by {applicant}, {notice}{consent}: {order_sought}"[:300],
                        data={"application": application.pk, "with_notice": with_notice, "consented": consented})
        if not with_notice:
            _to_judge(claim, application, reason=f"An online application without notice by the {role}: the judge "
                                                 "considers the request that it is made without notice (16B.1(6))")
            return application
        respond_by = rules.respondent_deadline(cal, now)
        application.await_respondent(notified_at=now, respond_by=respond_by)
        application.save()
        respondent = application.respondent_role
        tell_parties(claim, key=f"online-application:{application.pk}", roles=(respondent,),
                     headline=f"the {role} has made an application",
                     paragraphs=[
                         f"The {role}'s legal representative has applied to the court for this order: {order_sought}",
                         "They say you consent to it." if consented else "They do not say you consent to it.",
                         f"You must give the respondent's information on the claim's page before "
                         f"{govuk_datetime(respond_by)} (PD 51R 16B.1(9)). Say there whether you consented to the "
                         "application before it was made.",
                         "After that time the application goes to a judge without your information.",
                     ])
        tell_parties(claim, key=f"online-application-made:{application.pk}", roles=(role,),
                     headline="your application has been made",
                     paragraphs=[f"The court has your application and has told the {respondent}'s legal "
                                 f"representative. They must respond before {govuk_datetime(respond_by)}; the "
                                 "application then goes to a judge."])
    return application


def _to_judge(claim: Claim, application: Application, *, reason: str, consent_order: bool = False) -> None:
    application.consent_order = consent_order
    application.refer()
    application.save()
    Referral.objects.create(claim=claim, kind=ReferralKind.CONSENT_ORDER if consent_order else ReferralKind.APPLICATION,
                            to=Referee.JUDGE, reason=reason[:300], application=application, created_at=clock.now())
    what = "a draft consent order" if consent_order else "an online application"
    timeline.record(claim, kind="referred", actor=None, summary=f"Referred to a judge: {what} ({reason})"[:300],
                    data={"application": application.pk})


def online_application_answer(*, application_id: int, actor: Any, information: str,
                              consented_before: bool) -> Application:
    """A solicitor of the respondent's firm gives the respondent's information before the time passes (16B.1(7),
    (9)); the application then goes to a judge, as a draft consent order if the respondent confirms it consented
    before the application was made (16B.1(8)). At or after 4pm on the last day it is refused."""
    information = _text(information, what="the respondent's information", limit=INFORMATION_MAX)
    claim_id = Application.objects.filter(pk=application_id, kind=ApplicationKind.ONLINE).values_list(
        "claim_id", flat=True).first()
    if claim_id is None:
        raise ClaimError("There is no such application.")
    with transaction.atomic():
        claim = _claim(claim_id)
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.responded_at is not None:
            require(actor, claim, Action.VIEW)
            if application.responded_by_id == getattr(actor, "pk", None) and (
                    application.respondent_information == information):
                return application  # the same answer pressed twice
            raise ClaimError("The respondent's information has already been given.")
        require(actor, claim, Action.ANSWER_APPLICATION)
        role = online_application_side(actor, claim)
        if role != application.respondent_role:
            raise ClaimError("Only the respondent's legal representative can respond to this application.")
        now = clock.now()
        if application.state != ApplicationState.AWAITING_RESPONDENT or application.respond_by is None or (
                not in_time(now, application.respond_by)):
            raise ClaimError(TIME_PASSED)
        application.respondent_information = information
        application.respondent_consented = consented_before
        application.responded_at = now
        application.responded_by = actor
        timeline.record(claim, kind="online_application_answered", actor=actor,
                        summary=f"Respondent's information given by {_side_label(claim, role)}"
                                + ("; it consented to the application before it was made (16B.1(8))"
                                   if consented_before else ""),
                        data={"application": application.pk, "consented_before": consented_before})
        if consented_before:
            _to_judge(claim, application, consent_order=True,
                      reason=f"The {role} confirms it consented to the {application.applicant_role}'s application "
                             "before it was made: an application for a consent order (16B.1(8))")
        else:
            _to_judge(claim, application,
                      reason=f"An online application by the {application.applicant_role}, with the respondent's "
                             "information (16B.1(7))")
        tell_parties(claim, key=f"online-application-answered:{application.pk}",
                     headline="the respondent has responded to the application",
                     paragraphs=["The court has the respondent's information on the application. A judge will "
                                 "consider the application and the court will tell you what they decide."
                                 + (" The respondent confirms it consented, so the judge considers a draft consent "
                                    "order." if consented_before else "")])
    return application


def online_application_response_time_passed(*, claim_id: int) -> bool:
    """APP-RESP-5 passed with no respondent's information: each such application of the claim goes to a judge
    (16B.1(9)). Re-checked under the locks, so a sweep run twice, or late, acts once."""
    with transaction.atomic():
        claim = _claim(claim_id)
        now = clock.now()
        overdue = list(claim.applications.select_for_update().filter(respond_by__lte=now).order_by("respond_by", "pk"))
        changed = False
        for application in overdue:
            if application.state != ApplicationState.AWAITING_RESPONDENT:
                application.respond_by = None
                application.save(update_fields=["respond_by"])
                continue
            if claim.state not in LIVE_STATES:
                application.close(decision="The claim is no longer with the online service", at=now)
                application.save()
                changed = True
                continue
            timeline.record(claim, kind="online_application_time_passed", actor=None,
                            summary=f"The time for the {application.respondent_role} to respond to the online "
                                    "application has passed (16B.1(9))", data={"application": application.pk})
            consent = (" The applicant said the other side consents; the respondent has not confirmed it."
                       if application.consented else "")
            _to_judge(claim, application,
                      reason=f"An online application by the {application.applicant_role}: the time for the "
                             f"respondent's information has passed (16B.1(9)).{consent}")
            tell_parties(claim, key=f"online-application-time-passed:{application.pk}",
                         headline="the application has gone to a judge",
                         paragraphs=["The time for the respondent to respond to the application has passed. A judge "
                                     "will consider it, and the court will tell you what they decide."])
            changed = True
    return changed

"""The fast track in an early adopter court (PD 51R 6C.1(2), 6C.3, 6C.4): the court's notice asking for trial
readiness certificates, each party's certificate, what happens when they are all in or the 2 weeks pass, and the
trial bundle the court builds.

- ``fast_track_allocate``: a caseworker records that the claim is allocated to the fast track (6C.3(1)) and the
  court sends the notice (6C.3(3)): each party must file its certificate within 2 weeks (TRC-14, stored on the
  claim as ``trial_readiness_deadline`` and swept). The court builds the trial bundle at once (6C.4).
- ``trial_readiness_file``: a solicitor of a party's firm files that party's certificate, once, before the cut-off.
  The last one refers the claim to a judge to fix the trial, give directions and say what else must be done
  (6C.3(4)).
- ``trial_readiness_time_passed`` (the sweep ``defended.trial_readiness``): the 2 weeks passed without every
  certificate. 6C.3 says nothing of this, and CPR 28.5 is disapplied (6C.3(2)), so the court refers the claim to a
  judge for directions (16A.1), naming who did not file. A late or repeated sweep acts once.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState, PartyRole, Referee
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.representation import firm_side
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_datetime
from documents.services import documents_request
from ocmc import clock
from rules import trial
from rules.calendar import in_time

from ..models import (
    Referral,
    ReferralKind,
    TrialReadinessCertificate,
    TrialReadinessNotice,
    TrialReadinessState,
)
from .common import _claim, _staff

#: What each party's certificate answers (CPR PD 28 form N170, as 6C.3(3) asks: ready for trial, and the hearing
#: requirements brought up to date).
CERTIFICATE_FIELDS = (
    "ready", "not_ready_reason", "directions_complied", "directions_outstanding", "witnesses", "witness_details",
    "experts", "expert_details", "trial_hours", "dates_to_avoid", "hearing_requirements",
)

_WHO = {PartyRole.CLAIMANT: "the claimant", PartyRole.DEFENDANT: "the defendant"}


def fast_track_allocate(*, claim_id: int, actor: Any) -> TrialReadinessNotice:
    """A caseworker records the allocation to the fast track and the court sends the notice (6C.3(1), (3))."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.ALLOCATE_FAST_TRACK)
        role = _staff(actor)
        now = clock.now()
        deadline = trial.certificate_deadline(court_calendar(), now)
        notice = TrialReadinessNotice.objects.create(
            claim=claim, allocated_by=actor, allocated_by_label=f"{getattr(actor, 'display_name', actor)}, "
            f"{role.label}", sent_at=now, sent_on=trial.notice_day(now), deadline=deadline,
        )
        claim.trial_readiness_deadline = deadline
        claim.save()
        timeline.record(claim, kind="fast_track_allocated", actor=actor,
                        summary="Allocated to the fast track; the court asked each party for a trial readiness "
                                f"certificate before {govuk_datetime(deadline)} (6C.3)",
                        data={"notice": notice.pk, "deadline": deadline.isoformat()})
        tell_parties(claim, key=f"trial-readiness-notice:{notice.pk}",
                     headline="file your trial readiness certificate",
                     paragraphs=[
                         "The claim has been allocated to the fast track.",
                         "You must tell the court whether your client is ready for trial, and update the hearing "
                         "requirements you gave in the directions questionnaire, by filing a trial readiness "
                         f"certificate on the claim's page before {govuk_datetime(deadline)} (PD 51R 6C.3(3)).",
                         "The court is preparing the trial bundle. You can download it from the claim's page once "
                         "it is ready (6C.4).",
                     ])
        documents_request(claim, ["trial_bundle"])
    return notice


def _clean(answers: dict[str, Any]) -> dict[str, Any]:
    values = {name: answers.get(name) for name in CERTIFICATE_FIELDS}
    for name in ("not_ready_reason", "directions_outstanding", "witness_details", "expert_details",
                 "dates_to_avoid", "hearing_requirements"):
        values[name] = (values[name] or "").strip()
    for name in ("ready", "directions_complied", "experts"):
        if values[name] not in (True, False):
            raise ClaimError("Answer every question on the certificate")
    if not values["ready"] and not values["not_ready_reason"]:
        raise ClaimError("Say why your client is not ready for trial")
    if not values["directions_complied"] and not values["directions_outstanding"]:
        raise ClaimError("Say which directions have not been complied with, and when they will be")
    if values["experts"] and not values["expert_details"]:
        raise ClaimError("Give the name and field of each expert")
    witnesses = values["witnesses"]
    if not isinstance(witnesses, int) or witnesses < 0:
        raise ClaimError("Enter how many witnesses will give evidence, including your client")
    hours = values["trial_hours"]
    if not isinstance(hours, Decimal) or hours <= 0:
        raise ClaimError("Enter the estimated length of the trial in hours")
    return values


def _refer_to_judge(claim: Claim, *, reason: str, data: dict[str, Any]) -> Referral:
    referral = Referral.objects.create(claim=claim, kind=ReferralKind.TRIAL_READINESS, to=Referee.JUDGE,
                                       reason=reason[:300], data=data, created_at=clock.now())
    timeline.record(claim, kind="referred", actor=None, summary=f"Referred to a judge: {reason}"[:300],
                    data={"to": Referee.JUDGE.value, "kind": ReferralKind.TRIAL_READINESS.value})
    return referral


def trial_readiness_file(*, claim_id: int, actor: Any, signed_name: str,
                         answers: dict[str, Any]) -> TrialReadinessCertificate:
    """A solicitor of a party's firm files that party's trial readiness certificate (6C.3(3)). Filing it twice
    (a second press) is refused as already done; the last party's certificate sends the claim to a judge
    (6C.3(4))."""
    signed_name = " ".join((signed_name or "").split())
    if not signed_name:
        raise ClaimError("Enter your full name")
    values = _clean(answers)
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.FILE_TRIAL_READINESS)
        side = firm_side(actor, claim)
        assert side is not None  # the policy allowed it
        role, membership = side
        notice = TrialReadinessNotice.objects.select_for_update().get(claim=claim)
        now = clock.now()
        if not in_time(now, claim.trial_readiness_deadline):
            raise ClaimError("The 2 weeks to file the certificate have passed")
        certificate = TrialReadinessCertificate.objects.create(
            notice=notice, role=role, filed_by=actor, signed_name=signed_name, firm_name=membership.firm.name,
            filed_at=now, received_on=court_calendar().deemed_submission_date(now), **values,
        )
        who = _WHO[PartyRole(role)]
        timeline.record(claim, kind="trial_readiness_filed", actor=actor,
                        summary=f"Trial readiness certificate filed for {who} by {signed_name} of "
                                f"{membership.firm.name}: {'ready' if values['ready'] else 'not ready'} for trial",
                        data={"certificate": certificate.pk, "role": role})
        tell_parties(claim, key=f"trial-readiness-filed:{certificate.pk}",
                     headline=f"{who}'s trial readiness certificate has been filed",
                     paragraphs=[f"{signed_name} of {membership.firm.name} has filed {who}'s trial readiness "
                                 "certificate (PD 51R 6C.3(3)). You can read it on the claim's page."])
        filed = list(notice.certificates.values_list("role", flat=True))
        if trial.outcome(filed, deadline=notice.deadline, now=now) == trial.Outcome.ALL_FILED:
            referral = _refer_to_judge(
                claim, reason="every party has filed its trial readiness certificate: fix the date of the trial, "
                              "give directions for it and specify any further steps (6C.3(4))",
                data={"notice": notice.pk, "missing": []})
            notice.all_filed(at=now, referral=referral)
            notice.save()
            claim.trial_readiness_deadline = None
            claim.save()
            tell_parties(claim, key=f"trial-readiness-complete:{notice.pk}",
                         headline="every trial readiness certificate is in",
                         paragraphs=["Every party has filed its trial readiness certificate. A judge will fix the "
                                     "date of the trial (unless it is already fixed), give any directions for it "
                                     "and say what else must be done before it. You will have at least 3 weeks' "
                                     "notice of the trial date (PD 51R 6C.3(4))."])
    return certificate


def trial_readiness_time_passed(*, claim_id: int) -> bool:
    """TRC-14 passed without every certificate: the claim goes to a judge for directions (16A.1; 6C.3 is silent and
    CPR 28.5 is disapplied, 6C.3(2)). A late or repeated sweep acts once."""
    with transaction.atomic():
        claim = _claim(claim_id)
        now = clock.now()
        if claim.trial_readiness_deadline is None or claim.trial_readiness_deadline > now:
            return False
        notice = TrialReadinessNotice.objects.select_for_update().filter(claim=claim).first()
        if (notice is None or notice.state != TrialReadinessState.WAITING
                or claim.state != ClaimState.DIRECTIONS_MADE):
            claim.trial_readiness_deadline = None
            claim.save(update_fields=["trial_readiness_deadline"])
            return False
        missing = trial.missing(notice.certificates.values_list("role", flat=True))
        names = " and ".join(_WHO[PartyRole(role)] for role in missing)
        referral = _refer_to_judge(
            claim, reason=f"the 2 weeks for trial readiness certificates passed without one from {names}: "
                          "directions needed (6C.3, 16A.1)",
            data={"notice": notice.pk, "missing": list(missing)})
        notice.time_passed(at=now, referral=referral)
        notice.save()
        claim.trial_readiness_deadline = None
        claim.save()
        timeline.record(claim, kind="trial_readiness_time_passed", actor=None,
                        summary=f"The time to file trial readiness certificates passed without one from {names}")
        tell_parties(claim, key=f"trial-readiness-passed:{notice.pk}",
                     headline="the time to file trial readiness certificates has passed",
                     paragraphs=[f"The court has not received a trial readiness certificate from {names} within "
                                 "the 2 weeks of its notice (PD 51R 6C.3(3)).",
                                 "The claim has been referred to a judge, who will give directions."])
    return True


"""A defendant who responds on paper (PD 51R Section 10).

Their call recorded and the paper pack sent (10.1(1)-(5)), the time extension form (OCON9)
received (10.1(6)-(9)), and the scanned response entered: a defence of the whole claim continues
under Section 6 (10.3); anything else, or no nature indicated, sends the claim out to the CNBC
(10.2(1), 10.4(1)).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import Referee, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.services import send_out
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_date, govuk_datetime
from documents.services import documents_request
from ocmc import clock
from responses.models import DefendantResponse
from responses.standing import response_sent_to_claimant
from rules import paper_forms, periods
from rules.calendar import local

from ..models import PaperNature, PaperResponse, Referral, ReferralKind
from .common import Upload, _claim, check_upload


def paper_contact_record(*, claim_id: int, actor: Any, more_time: bool, note: str = "") -> PaperResponse:
    """A caseworker records the defendant's call: they cannot respond online (10.1(1)-(2)). The
    court sends the paper pack (OCON9 unless they have had more time, OCON9X, OCON180) with the
    date it was sent (10.1(3)-(4)); the claimant is told (10.1(5)). The paper response is due
    19 days after the forms were sent (28 if the claimant is represented), or 33 with more time; 33
    days after issue if they already had more time online (10.1(5A), (7)-(9))."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.RECORD_PAPER_CONTACT)
        if hasattr(claim, "paper_response"):
            raise ClaimError("The defendant's call has already been recorded and the paper forms sent.")
        cal = court_calendar()
        now = clock.now()
        had_more_time = claim.more_time_requested_at is not None
        represented = claim.claimant_firm_id is not None  # 10.1(1), (7): 28 days, not 19, if the claimant is
        contact_by = (periods.def_33(cal, claim.issue_date) if had_more_time
                      else periods.def_paper_contact(cal, claim.issue_date, claimant_represented=represented))
        if now >= contact_by:
            raise ClaimError(f"The defendant had to contact the court by {govuk_datetime(contact_by)} (10.1(1)); "
                             "the claimant may now ask for judgment in default")
        return _send_paper_forms(claim, actor=actor, more_time=more_time, note=note,
                                 how="The defendant phoned: they cannot respond online.")


def paper_forms_decision(claim: Claim) -> paper_forms.PaperFormsDecision:
    """What the rule says now about this claim's defendant asking online for the paper forms (10.1(1))."""
    return paper_forms.paper_forms_request(
        court_calendar(), claim.issue_date, now=clock.now(), claimant_represented=claim.claimant_firm_id is not None,
        defendant_represented=claim.defendant_firm_id is not None,
        forms_sent=PaperResponse.objects.filter(claim=claim).exists(), responded=hasattr(claim, "response"))


def paper_forms_request(*, claim_id: int, actor: Any, more_time: bool, note: str = "") -> PaperResponse:
    """The defendant in person facing a represented claimant asks online for the paper forms: they cannot respond
    online (10.1(1), 10A.1(2)), within 28 days after the date of issue (``rules.paper_forms``). The court sends
    the forms with the date it sent them, as for a call (10.1(3)-(4)); the claimant's side is told (10.1(5)) and
    the defendant is told the date and when the response is due. Asking twice (a double click) returns the
    forms sent the first time."""
    with transaction.atomic():
        claim = _claim(claim_id)
        existing = PaperResponse.objects.filter(claim=claim).first()
        if existing is not None and claim.defendant_user_id == getattr(actor, "pk", None):
            return existing
        require(actor, claim, Action.REQUEST_PAPER_FORMS)
        decision = paper_forms_decision(claim)
        if not decision.allowed:
            raise ClaimError(decision.reason(by_text=govuk_datetime(decision.ask_by)))
        paper = _send_paper_forms(claim, actor=actor, more_time=more_time, note=note,
                                  how="The defendant asked online for paper forms: they cannot respond online.")
        tell_parties(claim, key=f"paper-forms-sent:{claim.pk}", roles=("defendant",),
                     headline="the court has sent you the paper forms",
                     paragraphs=[f"The court sent the paper forms ({', '.join(paper.forms)}) to you by post on "
                                 f"{govuk_date(paper.sent_on)} (PD 51R 10.1(4)).",
                                 f"The court must receive your completed response by {govuk_datetime(paper.deadline)}.",
                                 "Because the claimant has a legal representative, a response the court receives on "
                                 "paper in time sends the claim out of the online service to the County Court Money "
                                 "Claims Centre, whatever your response (PD 51R 10.5)."])
    return paper


def _send_paper_forms(claim: Claim, *, actor: Any, more_time: bool, note: str, how: str) -> PaperResponse:
    """The (locked) claim's defendant cannot respond online: the court sends the paper forms today and records the
    date (10.1(3)-(4)), the response deadline becomes the paper one (10.1(5A), (7)-(9)), the pack is rendered to be
    posted, and the claimant's side is told (10.1(5)). An extension the parties agreed and recorded (6A.2(2)-(3))
    is never shortened by it: the later of the two stands."""
    cal = court_calendar()
    now = clock.now()
    had_more_time = claim.more_time_requested_at is not None
    represented = claim.claimant_firm_id is not None
    sent_on = clock.today()
    if had_more_time:
        deadline = periods.def_33(cal, claim.issue_date)
        forms = ["OCON9X", "OCON180"]
    else:
        deadline = periods.def_paper_response(cal, sent_on, more_time=more_time, claimant_represented=represented)
        forms = ["OCON9", "OCON9X", "OCON180"]
    if (claim.response_extension_recorded_at is not None and claim.response_deadline is not None
            and claim.response_deadline > deadline):
        deadline = claim.response_deadline
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
                    summary=f"{how} Paper forms ({', '.join(forms)}) "
                            f"sent on {govuk_date(sent_on)}; the response is due by {govuk_datetime(deadline)}",
                    data={"forms": forms, "sent_on": sent_on.isoformat()})
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
        represented = claim.claimant_firm_id is not None
        if now >= periods.def_paper_response(cal, paper.sent_on, more_time=False, claimant_represented=represented):
            days = 28 if represented else 19
            raise ClaimError(f"The time extension form arrived after the {days} days it had to be returned in "
                             "(10.1(7))")
        paper.extension_received_at = now
        paper.deadline = periods.def_paper_response(cal, paper.sent_on, more_time=True,
                                                    claimant_represented=represented)
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
    """A caseworker enters the scanned paper response (10.2-10.5). Where the claimant is represented and the
    defendant is not, a response received in time sends the claim out to the CNBC whatever its nature (10.5); a
    late one goes to a judge for an order or directions (10.1(10), 11.1A(2)-(3)). Between parties in person, a
    defence of the whole claim continues under Section 6 (10.3): it becomes the claim's response and the claimant
    is asked to decide within 33 days. Anything else, or no nature indicated, sends the claim out to the
    CNBC (10.2(1), 10.4(1)), and both parties are told why."""
    nature = PaperNature(nature)
    check_upload(scan, required=True, what="the scanned response")
    preferred_court = " ".join((preferred_court or "").split())
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.ENTER_PAPER_RESPONSE)
        against_represented = represented_claimant_in_person_defendant(claim)
        if nature == PaperNature.DEFENCE and not against_represented:
            if mediation_willing is None:
                raise ClaimError("Select whether the defendant opted out of mediation (10.1(9B))")
            if not preferred_court:
                raise ClaimError("Enter the preferred court from the defendant's OCON180")
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
        if against_represented:
            _represented_claimant_paper_response(claim, paper, nature=nature, received_at=received_at)
            return claim
        if nature != PaperNature.DEFENCE:
            why = ("the defendant's paper response does not say what kind of response it is (10.4(1))"
                   if nature == PaperNature.NOT_INDICATED else
                   f"the defendant's paper response is not a defence of the whole claim only "
                   f"({nature.label.lower()}) (10.2(1))")
            send_out(claim, to=SentOutTo.CNBC, actor=None, reason=why)
            return claim
        response = DefendantResponse(
            claim=claim, kind="full_defence", data={"paper": True, "nature": nature.value},
            submitted_by=actor, submitted_at=received_at, received_on=received_on, late=late,
            sot_signed_name="(signed on the paper form)", sot_signed_on=local(received_at).date(),
            mediation_willing=mediation_willing, preferred_court=preferred_court, on_paper=True,
        )
        response.save()
        response_sent_to_claimant(response)
        claim.intention_confirmed_at = claim.intention_confirmed_at or received_at
        claim.response_reminder_at = claim.no_response_stay_at = None
        claim.claimant_response_deadline = periods.clm_33(cal, clock.today())
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


def represented_claimant_in_person_defendant(claim: Claim) -> bool:
    """The claimant is represented and the defendant acts in person: 10.1 and 10.5 apply (10A.1(2))."""
    return claim.claimant_firm_id is not None and claim.defendant_firm_id is None


def _represented_claimant_paper_response(claim: Claim, paper: PaperResponse, *, nature: PaperNature,
                                         received_at: datetime) -> None:
    """A paper response from a defendant in person against a represented claimant (the locked claim, the paper
    response just entered). In time (before the deadline the court gave, 10.1(7)-(9)): sent out to the CNBC,
    whatever its nature (10.5), both parties told why. Late: 10.5 does not apply, and no judgment in default can
    be entered while the court holds it (11.1A(2)): it goes to a judge for an order or directions (11.1A(3)),
    and both parties are told."""
    deadline = claim.response_deadline or paper.deadline
    outcome = paper_forms.represented_paper_outcome(received_at, deadline)
    if outcome == paper_forms.PaperOutcome.SEND_OUT_CNBC:
        send_out(claim, to=SentOutTo.CNBC, actor=None,
                 reason=f"{paper_forms.SEND_OUT_PAPER_REASON} (the response: {nature.label.lower()})")
        return
    claim.response_reminder_at = claim.no_response_stay_at = None  # a response is held: not "no response" (11.2)
    claim.save()
    referral = Referral.objects.create(
        claim=claim, kind=ReferralKind.MATTER, to=Referee.JUDGE, reason=paper_forms.LATE_PAPER_REASON[:300],
        note=f"Paper response received {govuk_datetime(received_at)}; it was due by {govuk_datetime(deadline)}. "
             f"Nature: {nature.label.lower()}.",
        created_at=clock.now(), created_by=None)
    timeline.record(claim, kind="referred", actor=None,
                    summary="Paper response received after the time to respond: referred to a judge for an order or "
                            "directions (PD 51R 11.1A(3))",
                    data={"to": Referee.JUDGE.value, "kind": ReferralKind.MATTER.value, "referral": referral.pk})
    tell_parties(claim, key=f"paper-late:{claim.pk}", headline="a late paper response has gone to a judge",
                 paragraphs=[f"The court received the defendant's paper response on {govuk_datetime(received_at)}, "
                             f"after the time to respond ended ({govuk_datetime(deadline)}).",
                             "Judgment in default cannot be entered while the court holds a response (PD 51R "
                             "11.1A(2)). A judge will decide what happens next and the court will tell both "
                             "parties (11.1A(3))."])

"""Every step of the defendant's side of a claim (PD 51R Section 5, 7.3, 7.38, 9.1, 11).

Like ``claims.services``: each function runs in one transaction, locks the claim row,
checks who may act (``claims.policy``), changes the claim, records the step on its
timeline and queues the emails. ``actor=None`` is the court's automated system (a
deadline sweep), which re-checks the claim under its lock and does nothing if the
deadline no longer applies, so a sweep run twice, or late, ends where one on-time run
would.
"""
from __future__ import annotations

import hmac
from contextlib import nullcontext
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import translation

from claims import timeline
from claims.constants import ClaimState, PartyRole, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.numbers import normalise_claim_number
from claims.policy import Action, require
from claims.representation import acts_for_defendant, representing_firm
from claims.services import claimant_answer_period_starts, defendant_contact, locked_claim, parties_to_tell, send_out
from court.calendar import court_calendar
from court.notifications import notify
from court.templatetags.govuk import govuk_date, govuk_datetime
from documents.formatting import court
from documents.services import documents_request, documents_rerender
from ocmc import clock
from rules import periods, represented, welsh
from rules.calendar import local
from rules.money import format_money

from . import ocon9, questions
from .models import DefendantResponse, ResponseDraft, ResponseTranslation
from .standing import response_held_for_translation, response_sent_to_claimant

#: One message for every wrong pair, so a guess learns nothing about which half was wrong.
LINK_ERROR = "Enter the claim number and security code exactly as they are on the letter from the court"


class LinkRefused(ClaimError):
    pass


# -- finding the claim (the letter in the defendant's pack) ----------------------------------------


def response_link(*, user: Any, claim_number: str, security_code: str) -> Claim:
    """Link the claim to the defendant's account, from the claim number and security code.

    A code links one account, once: the same account linking again gets the claim; any
    other pair, or a code already used by another account, gets :data:`LINK_ERROR`.
    (Rate limiting is the caller's: ``responses.linking``.)
    """
    number = normalise_claim_number(claim_number)
    code = "".join((security_code or "").split()).upper()
    if not number or not code:
        raise LinkRefused(LINK_ERROR)
    with transaction.atomic():
        pk = Claim.objects.filter(claim_number=number).values_list("pk", flat=True).first()
        claim = locked_claim(pk) if pk is not None else None
        if claim is None or not claim.security_code or claim.issue_date is None:
            raise LinkRefused(LINK_ERROR)
        if not _same(claim.security_code, code):
            raise LinkRefused(LINK_ERROR)
        if claim.defendant_user_id == user.pk:
            return claim
        if claim.defendant_user_id is not None or claim.owner_id == user.pk:
            raise LinkRefused(LINK_ERROR)
        claim.defendant_user = user
        claim.defendant_linked_at = clock.now()
        claim.save(update_fields=["defendant_user", "defendant_linked_at"])
        timeline.record(claim, kind="defendant_linked", actor=user,
                        summary=f"The defendant, {claim.defendant_name}, linked the claim to their account online")
    return claim


def _same(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.upper().encode(), given.encode())


# -- confirming and more time (5.1(1), (7), (8)) -------------------------------------------------------


def response_intention_confirm(*, claim_id: int, actor: Any, more_time: bool) -> Claim:
    """The defendant confirms they will respond (5.1(1)(a)) and whether they need more time
    (5.1(1)(b)): with more time the deadline becomes 33 days after issue (5.1(7)), once only and
    only before the 19 days pass. The claimant is told (5.1(8)(a)). Asking twice is harmless."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.RESPOND)
        now = clock.now()
        if more_time and claim.more_time_requested_at is not None:
            return claim
        if more_time:
            if claim.response_deadline is None or now >= claim.response_deadline:
                raise ClaimError("You can no longer ask for more time: the 19 days to respond have passed.")
            require(actor, claim, Action.MORE_TIME)
        elif claim.intention_confirmed_at is not None:
            return claim
        first_confirmation = claim.intention_confirmed_at is None
        claim.intention_confirmed_at = claim.intention_confirmed_at or now
        if more_time:
            cal = court_calendar()
            claim.more_time_requested_at = now
            claim.response_deadline_day = claim.issue_date + timedelta(days=33)
            claim.response_deadline = periods.def_33(cal, claim.issue_date)
            claim.response_reminder_at = periods.next_response_reminder(claim.response_deadline, after=now)
        claim.save()
        deadline = govuk_datetime(claim.response_deadline)
        if more_time:
            summary = f"The defendant said they will respond and need more time: they must respond by {deadline}"
        else:
            summary = f"The defendant confirmed they will respond by {deadline}"
        timeline.record(claim, kind="more_time" if more_time else "intention_confirmed", actor=actor,
                        summary=summary, data={"response_deadline": claim.response_deadline.isoformat()})
        suffix = "more-time" if more_time else "intention"
        notify(kind="response_intention_claimant", to_email=claim.owner.email, user=claim.owner,
               claim_number=claim.claim_number or "", key=f"{suffix}:{claim.pk}:claimant",
               context={"claim": claim, "more_time": more_time, "first": first_confirmation})
        notify(kind="response_intention_defendant", to_email=actor.email, user=actor,
               claim_number=claim.claim_number or "", key=f"{suffix}:{claim.pk}:defendant",
               context={"claim": claim, "more_time": more_time})
    return claim


# -- an extension agreed with a represented claimant (6A.2(2)-(4)) ------------------------------------------------


class ExtensionRefused(ClaimError):
    """The rule's refusal (``rules.represented.ExtensionRefusal``) in words."""

    def __init__(self, message: str, *, refusal: represented.ExtensionRefusal) -> None:
        super().__init__(message)
        self.refusal = refusal


def extension_decision(claim: Claim, new_last_day: date) -> represented.ExtensionDecision:
    """What the rule says about recording an extension to ``new_last_day`` on this claim now."""
    return represented.agreed_extension(
        court_calendar(), claim.issue_date, current_deadline=claim.response_deadline, new_last_day=new_last_day,
        now=clock.now(), extension_recorded=claim.response_extension_recorded_at is not None)


def ctsc_where() -> str:
    """Where the defendant applies for a further extension (6A.2(4)): the court's CTSC, by post or phone."""
    details = court()
    return represented.ctsc_where(address=", ".join(details.address_lines), helpline=details.helpline)


def extension_refusal_text(decision: represented.ExtensionDecision) -> str:
    text = represented.extension_reason(decision, latest_text=govuk_date(decision.latest_day))
    if decision.needs_ctsc_application:
        text = f"{text} {represented.CTSC_APPLICATION} {ctsc_where()}"
    return text


def response_extension_record(*, claim_id: int, actor: Any, new_last_day: date) -> Claim:
    """The defendant's side records the extension the parties agreed (6A.2(2)): the defendant must then respond
    by 4pm on the last day agreed (6A.2(3)), and the reminders count back from it. Only before the original 28 days
    end, and once: a further increase needs an application at the CTSC (6A.2(4)). The claimant is told (their
    firm, through the usual routing). Recording the same day again changes nothing."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.RECORD_EXTENSION)
        if claim.response_extension_recorded_at is not None and claim.response_deadline_day == new_last_day:
            return claim
        decision = extension_decision(claim, new_last_day)
        if not decision.allowed:
            raise ExtensionRefused(extension_refusal_text(decision), refusal=decision.refusal)
        now = clock.now()
        claim.response_extension_recorded_at = now
        claim.response_deadline_day = new_last_day
        claim.response_deadline = decision.deadline
        claim.response_reminder_at = periods.next_response_reminder(decision.deadline, after=now)
        claim.save()
        deadline = govuk_datetime(claim.response_deadline)
        timeline.record(
            claim, kind="agreed_extension", actor=actor,
            summary=f"Agreed extension recorded: the defendant must respond by {deadline} (PD 51R 6A.2(2)-(3))",
            data={"response_deadline": claim.response_deadline.isoformat(), "last_day": new_last_day.isoformat(),
                  "extension_days": decision.extension_days})
        tell_parties(
            claim, key=f"agreed-extension:{claim.pk}", roles=("claimant",),
            headline="The defendant has recorded the extension of time you agreed",
            paragraphs=[f"The defendant must now respond to the claim by {deadline} (PD 51R 6A.2(3)).",
                        "Any further increase needs an application to the court (PD 51R 6A.2(4))."])
    return claim


# -- the response draft ----------------------------------------------------------------------------------


def situation(claim: Claim, data: dict[str, Any]) -> ocon9.Situation:
    form = claim.form
    return ocon9.Situation(data=data, total=claim.total, party_type=form.defendant.type if form else "",
                           represented=claim.defendant_firm_id is not None)


def response_draft_save(*, claim_id: int, actor: Any, values: dict[str, Any]) -> ResponseDraft:
    """Save answers (whole pages, by slug) to the defendant's draft response."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.RESPOND)
        draft, _ = ResponseDraft.objects.select_for_update().get_or_create(
            claim=claim, defaults={"updated_at": clock.now()}
        )
        draft.data = {**draft.data, **values}
        draft.updated_at = clock.now()
        draft.save()
    return draft


def response_draft(claim: Claim) -> dict[str, Any]:
    draft = ResponseDraft.objects.filter(claim=claim).first()
    return dict(draft.data) if draft else {}


# -- the response (5.1(3)-(8), 6A.3-6A.4, 13.1(2)) ----------------------------------------------------------


def defendant_firm_of(actor: Any, claim: Claim) -> Any:
    """The defendant's registered firm, when the actor acts for the defendant through it; else None."""
    through = representing_firm(actor, claim)
    return through[1] if through is not None and through[0] == PartyRole.DEFENDANT else None


#: 6A.4(1): a defence comes with the directions questionnaire, submitted at the same time.
DQ_SECTIONS = frozenset({"hearing", "mediation"})


def _check_complete(claim: Claim, situation_now: ocon9.Situation) -> None:
    """Where the claimant is represented (6A.1), every page the response calls for must be answered before it is
    submitted; for a defence that is its directions questionnaire (6A.4(1))."""
    if claim.claimant_firm_id is None:
        return
    missing = questions.first_unanswered(situation_now)
    if missing is None:
        return
    section, _ = questions.PAGES[missing.slug]
    if section.key in DQ_SECTIONS:
        raise ClaimError("Complete the directions questionnaire before you submit the defence: they are submitted "
                         f"together (PD 51R 6A.4(1)). Still to answer: {missing.title}")
    raise ClaimError(f"Answer every question before you submit the response. Still to answer: {missing.title}")


def response_language(claim: Claim, actor: Any, language: str) -> str:
    """The language the response is in: Welsh only for a defendant in person facing a represented claimant
    (2.1(3)(l), 2.1(3)(d)(iii)); otherwise the claim is conducted in English."""
    if language not in welsh.LANGUAGES:
        raise ClaimError("Choose English or Welsh")
    if language == welsh.WELSH and not welsh_available(claim, actor):
        raise ClaimError("This claim is conducted in English: only a defendant without a legal representative, "
                         "against a claimant who has one, may respond in Welsh (PD 51R 2.1(3)(l))")
    return language


#: The draft's key for the language the defendant chose for the response pages, and so for the response itself.
DRAFT_LANGUAGE = "_language"


def response_language_choose(*, claim_id: int, actor: Any, language: str) -> str:
    """The defendant chooses the language of the response pages (the "Cymraeg" / "English" switch): a response
    submitted while Welsh is chosen is a response in Welsh (2.1(3)(l)). Only a defendant who may respond in Welsh
    can choose it."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.RESPOND)
        language = response_language(claim, actor, language)
        draft, _ = ResponseDraft.objects.select_for_update().get_or_create(
            claim=claim, defaults={"updated_at": clock.now()})
        draft.data = {**draft.data, DRAFT_LANGUAGE: language}
        draft.updated_at = clock.now()
        draft.save()
    return language


def welsh_available(claim: Claim, actor: Any) -> bool:
    """The defendant may respond in Welsh, so the response pages offer the switch (2.1(3)(l))."""
    return welsh.may_respond_in_welsh(
        claimant_represented=claim.claimant_firm_id is not None,
        defendant_represented=claim.defendant_firm_id is not None or defendant_firm_of(actor, claim) is not None)


def draft_language(claim: Claim, actor: Any, data: dict[str, Any] | None = None) -> str:
    """The language chosen on the draft response: Welsh only while it may be (else English)."""
    data = response_draft(claim) if data is None else data
    chosen = data.get(DRAFT_LANGUAGE)
    return welsh.WELSH if chosen == welsh.WELSH and welsh_available(claim, actor) else welsh.ENGLISH


def response_submit(*, claim_id: int, actor: Any, signed_name: str, signer_role: str = "",
                    language: str = welsh.ENGLISH) -> DefendantResponse:
    """The defendant, or their legal representative, signs the statement of truth and submits the response form.

    A solicitor of the defendant's registered firm signs in the representative's words (13.1(2)) with their
    position and firm; where the claimant is represented every page must be answered, so a defence carries its
    directions questionnaire (6A.4(1)), and a represented defendant's defence states what CPR 16.5 asks (6A.4(2)).

    Received at the moment of submission and dated by the 4pm rule (14.1); stored as
    submitted, never changed; the claim moves on and the claimant is told and asked for
    their answer within 33 days (5.1(8)(b), 6.2(2), 7.3, 7.38). A response in Welsh (``language="cy"``,
    2.1(3)(l)) is stored as written and held for translation instead: the claimant is only told that it came and
    is being translated, and their time does not start (6B.1(2)-(3), ``response_translation_provide``). A response
    after the deadline is accepted while no judgment has been entered (11.1A(2)). Submitting twice
    (a double click) returns the response received the first time.
    """
    signed_name = " ".join((signed_name or "").split())
    if not signed_name:
        raise ClaimError("Enter your full name to sign the statement of truth")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        existing = DefendantResponse.objects.filter(claim=claim).first()
        if existing is not None and acts_for_defendant(actor, claim):
            return existing
        require(actor, claim, Action.RESPOND)
        firm = defendant_firm_of(actor, claim)
        signer_role = " ".join((signer_role or "").split())
        if firm is not None and not signer_role:
            raise ClaimError("Enter your position in the firm to sign the statement of truth")
        language = response_language(claim, actor, language)
        held = welsh.held_for_translation(language)
        now = clock.now()
        cal = court_calendar()
        received_on = cal.deemed_submission_date(now)
        data = response_draft(claim)
        _check_complete(claim, situation(claim, data))
        try:
            # "Immediately" is the last day of ADM-5 as the court counts it: the day the claimant
            # is told, and the day the ADM-5 sweep acts on, are the same.
            answer = ocon9.read(situation(claim, data), admission_date=received_on,
                                pay_immediately_by=lambda day: local(periods.adm_5(cal, day)).date())
        except ocon9.IncompleteResponse as exc:
            raise ClaimError(str(exc)) from exc
        plan = answer.plan
        response = DefendantResponse(
            claim=claim, kind=answer.kind, data=data, submitted_by=actor, submitted_at=now,
            received_on=received_on, late=claim.response_deadline is not None and now >= claim.response_deadline,
            sot_signed_name=signed_name, sot_signer_role=signer_role, sot_firm=firm.name if firm is not None else "",
            sot_signed_on=local(now).date(),
            admitted_amount=answer.admitted, paid_amount=answer.paid, paid_on=answer.paid_on,
            payment_option=plan.option if plan else "", pay_by=plan.pay_by if plan else None,
            instalment_amount=plan.instalment if plan else None, instalment_frequency=plan.frequency if plan else "",
            first_payment_on=plan.first_payment if plan else None,
            mediation_willing=answer.mediation, preferred_court=answer.preferred_court, language=language,
        )
        response.save()
        claim.intention_confirmed_at = claim.intention_confirmed_at or now
        claim.response_reminder_at = claim.no_response_stay_at = None
        if held:
            response_held_for_translation(response)
            claim.claimant_response_deadline = claim.represented_answer_deadline = claim.pay_immediately_deadline = None
        else:
            response_sent_to_claimant(response)
            claimant_answer_period_starts(claim, cal, notified_on=received_on, response_kind=answer.kind)
            if plan is not None and plan.option == ocon9.PaymentOption.IMMEDIATELY:
                claim.pay_immediately_deadline = periods.adm_5(cal, received_on)
        claim.respond()
        claim.save()
        late = " (after the deadline)" if response.late else ""
        signer = signed_name if firm is None else (
            f"{signed_name} ({signer_role}) of {firm.name}, the defendant's legal representative")
        timeline.record(
            claim, kind="response_received", actor=actor,
            # A response held for translation says on the claim's timeline only that it came, in Welsh (6B.1(2)).
            summary=(f"Response received{late}, in Welsh" if held else f"Response received{late}: "
                     f"{answer.label.lower()}") + f"; signed with a statement of truth by {signer}"[:250],
            data={"kind": answer.kind.value, "received_on": received_on.isoformat(), "late": response.late,
                  "legal_representative": firm.name if firm is not None else "", "language": language},
        )
        context = {"claim": claim, "response": response, "plan": plan, "kind": answer.kind.value,
                   "claimant_deadline": claim.claimant_answer_by}
        if held:
            timeline.record(claim, kind="response_held_for_translation", actor=None,
                            summary="The response is in Welsh: the court has sent it for translation into English "
                                    "and will give the translation to the claimant (6B.1(2))")
            tell_parties(claim, key=f"response-in-welsh:{claim.pk}", roles=("claimant",),
                         headline="the defendant has responded in Welsh: the court is translating the response",
                         paragraphs=["The defendant has responded to the claim in Welsh (PD 51R 2.1(3)(l)).",
                                     "The court is translating the response into English and will send you the "
                                     "translation. Your time to answer the response starts on the day the court "
                                     "provides it (PD 51R 6B.1(3)).",
                                     "You do not need to do anything until then."])
        else:
            notify(kind="response_received_claimant", to_email=claim.owner.email, user=claim.owner,
                   claim_number=claim.claim_number or "", key=f"response:{claim.pk}:claimant", context=context)
        # The defendant who responded in Welsh is answered in Welsh (2.1(3)(l)).
        with translation.override("cy") if held else nullcontext():
            notify(kind="response_received_defendant_cy" if held else "response_received_defendant",
                   to_email=actor.email, user=actor, claim_number=claim.claim_number or "",
                   key=f"response:{claim.pk}:defendant", context=context)
        documents_request(claim, ["response"])
    return response


# -- a response in Welsh: the translation (6B.1) ---------------------------------------------------------------


def response_translation_provide(*, claim_id: int, actor: Any, text: str) -> DefendantResponse:
    """A caseworker enters the English translation of a response in Welsh; the court provides it to the claimant
    (6B.1(2)). Only now is the claimant given the response, told as for any response, and their time to answer it
    starts on the day the translation is provided (6B.1(3), ``rules.welsh``); so does the 5 days after an offer to
    pay immediately, after which they may ask for judgment (7.4(1)). Entering it twice (a double click) returns
    the response as translated the first time."""
    text = (text or "").strip()
    if not text:
        raise ClaimError("Enter the English translation of the response")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        response = DefendantResponse.objects.select_for_update().filter(claim=claim).first()
        if response is None:
            raise ClaimError("The defendant has not responded.")
        if ResponseTranslation.objects.filter(response=response).exists():
            return response
        require(actor, claim, Action.PROVIDE_TRANSLATION)
        now = clock.now()
        cal = court_calendar()
        day = welsh.period_start(now)
        ResponseTranslation.objects.create(response=response, text=text, provided_by=actor, provided_at=now,
                                           provided_on=day)
        response_sent_to_claimant(response)
        claimant_answer_period_starts(claim, cal, notified_on=day, response_kind=response.kind)
        plan = response.plan
        if plan is not None and plan.option == ocon9.PaymentOption.IMMEDIATELY:
            claim.pay_immediately_deadline = welsh.claimant_deadline(cal, now, periods.adm_5)
        claim.save(update_fields=["claimant_response_deadline", "represented_answer_deadline",
                                  "pay_immediately_deadline"])
        documents_rerender(claim, ["response"])  # the response PDF now carries the translation
        timeline.record(
            claim, kind="response_translated", actor=actor,
            summary=f"The court provided the English translation of the defendant's response to the claimant on "
                    f"{govuk_date(day)}: the claimant's time starts that day (6B.1(2)-(3))",
            data={"provided_on": day.isoformat()},
        )
        context = {"claim": claim, "response": response, "plan": plan, "kind": response.kind,
                   "claimant_deadline": claim.claimant_answer_by}
        notify(kind="response_received_claimant", to_email=claim.owner.email, user=claim.owner,
               claim_number=claim.claim_number or "", key=f"response:{claim.pk}:claimant", context=context)
        tell_parties(claim, key=f"response-translated:{claim.pk}", roles=("defendant",),
                     headline="the court has sent the claimant the English translation of your response",
                     paragraphs=["The court has translated your response into English and sent it to the claimant "
                                 f"on {govuk_date(day)} (PD 51R 6B.1(2)).",
                                 "The claimant now has until "
                                 f"{govuk_datetime(claim.claimant_answer_by)} to answer it."])
    return response


#: Why a counterclaim sends the claim out: in person, form N9B is on paper (9.1); where the claimant is represented,
#: a defence with a counterclaim leaves the pilot to continue as if started under CPR Part 7 (6A.3).
COUNTERCLAIM_REASON = "the defendant wants to make a counterclaim, which is made on paper with form N9B (9.1)"
COUNTERCLAIM_REASON_REPRESENTED = (
    "the defendant defends the claim and makes a counterclaim, so the claim continues as if it had started under "
    "CPR Part 7 (6A.3)")


def response_counterclaim(*, claim_id: int, actor: Any) -> Claim:
    """The defendant will counterclaim: the claim leaves the online process for the County Court Money Claims
    Centre: in person because form N9B is on paper (Table A, 9.1(2)); where the claimant is represented, because
    a defence with a counterclaim continues as if started under CPR Part 7 (6A.3), whoever responds for the
    defendant."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if claim.state == ClaimState.SENT_OUT and acts_for_defendant(actor, claim):
            return claim
        require(actor, claim, Action.RESPOND)
        claim.intention_confirmed_at = claim.intention_confirmed_at or clock.now()
        send_out(claim, to=SentOutTo.CNBC, actor=actor,
                 reason=COUNTERCLAIM_REASON_REPRESENTED if claim.claimant_firm_id is not None
                 else COUNTERCLAIM_REASON)
    return claim


# -- the deadline engine ---------------------------------------------------------------------------------


def response_remind(*, claim_id: int) -> bool:
    """Remind the defendant of the response deadline (5 days, then 1 day before it)."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.response_reminder_at is None:
            return False
        now = clock.now()
        if claim.response_reminder_at > now:
            return False
        sent = False
        before = None
        if claim.state == ClaimState.ISSUED and claim.response_deadline is not None:
            before = periods.due_response_reminder(claim.response_deadline, now=now)
        email, user = defendant_contact(claim)
        if before is not None and email:
            days = before.days
            notify(kind="response_reminder", to_email=email, user=user, claim_number=claim.claim_number or "",
                   key=f"response-reminder:{claim.pk}:{claim.response_deadline.isoformat()}:{days}",
                   context={"claim": claim, "days": days, "linked": user is not None})
            sent = True
        claim.response_reminder_at = (
            periods.next_response_reminder(claim.response_deadline, after=now)
            if claim.state == ClaimState.ISSUED and claim.response_deadline else None
        )
        claim.save(update_fields=["response_reminder_at"])
    return sent


def response_deadline_passed(*, claim_id: int) -> bool:
    """The response deadline passed with no response: the claimant may ask for judgment in
    default (5.1(9), 11.1); they are told once."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.state != ClaimState.ISSUED or claim.default_available_at is not None:
            return False
        if claim.response_deadline is None or claim.response_deadline > clock.now():
            return False
        paper = getattr(claim, "paper_response", None)
        if paper is not None and paper.received_at is not None:
            return False  # a paper response is held: no judgment in default, a judge decides (11.1A(2)-(3))
        claim.default_available_at = clock.now()
        claim.save(update_fields=["default_available_at"])
        timeline.record(
            claim, kind="no_response", actor=None,
            summary=f"The defendant did not respond by {govuk_datetime(claim.response_deadline)}: the claimant may "
                    "ask for judgment in default",
        )
        notify(kind="default_judgment_available", to_email=claim.owner.email, user=claim.owner,
               claim_number=claim.claim_number or "", key=f"no-response:{claim.pk}", context={"claim": claim})
    return True


def claim_stay_no_response(*, claim_id: int) -> bool:
    """11.2: six months after issue with no response and no request for judgment → stay."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.no_response_stay_at is None or claim.no_response_stay_at > clock.now():
            return False
        claim.no_response_stay_at = None
        if claim.state != ClaimState.ISSUED:
            claim.save(update_fields=["no_response_stay_at"])
            return False
        reason = ("6 months have passed since the claim was issued without a response from the defendant or a "
                  "request for judgment (11.2)")
        claim.state_before_stay = claim.state
        claim.stayed_at = clock.now()
        claim.stay_reason = reason
        claim.response_reminder_at = None
        claim.stay()
        claim.save()
        timeline.record(claim, kind="stayed", actor=None, summary=f"Claim stayed: {reason}")
        for role, email, user in parties_to_tell(claim):
            notify(kind="claim_stayed", to_email=email, user=user, claim_number=claim.claim_number or "",
                   key=f"stay-11.2:{claim.pk}:{role}", context={"claim": claim, "role": role, "reason": reason})
    return True


def admission_payment_window_passed(*, claim_id: int) -> bool:
    """ADM-5: the 5 days in which the defendant offered to pay have passed: if the claimant has
    not been paid they may ask for judgment on admission (7.4(1), 7.40)."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.pay_immediately_deadline is None or claim.pay_immediately_deadline > clock.now():
            return False
        deadline = claim.pay_immediately_deadline
        claim.pay_immediately_deadline = None
        claim.save(update_fields=["pay_immediately_deadline"])
        if claim.state != ClaimState.AWAITING_CLAIMANT_RESPONSE:
            return False
        response = claim.response
        timeline.record(
            claim, kind="admission_payment_due", actor=None,
            summary=f"The defendant offered to pay {format_money(response.admitted_amount)} by "
                    f"{govuk_date(response.pay_by)}: if it has not been paid, the claimant may ask for judgment",
        )
        notify(kind="admission_payment_due", to_email=claim.owner.email, user=claim.owner,
               claim_number=claim.claim_number or "", key=f"adm-5:{claim.pk}",
               context={"claim": claim, "response": response, "deadline": deadline})
    return True

"""What may this user do to this claim now?

The one answer used by views (to show actions), by services (to refuse them) and by the
dashboard (to say what happens next).
"""
from __future__ import annotations

from enum import StrEnum
from typing import Any

from accounts.roles import StaffRole, acting_membership, staff_role
from ocmc import clock
from rules import represented
from rules.calendar import in_time

from .constants import ClaimState, PartyRole
from .early_adopter import online_in_early_adopter_court
from .errors import NotAllowed
from .legal_adviser import legal_adviser_may_act
from .models import BreathingSpaceState, Claim
from .online_applications import may_apply_online
from .representation import acts_for_claimant, firm_side
from .stale import why_not


class Action(StrEnum):
    VIEW = "view"
    EDIT_DRAFT = "edit_draft"
    DELETE_DRAFT = "delete_draft"
    #: A solicitor of a registered firm: file a notice of change of legal representative for a party, on a claim
    #: still with the online court (PD 51R 21.1(2)). They need not see the claim yet: knowing its number and their
    #: client's name as on it is what ``firms.services.notice_of_change_file`` asks for; it decides the party.
    FILE_NOTICE_OF_CHANGE = "file_notice_of_change"
    #: Pay the court fee (card) or the rest of it after a part remission.
    PAY_FEE = "pay_fee"
    #: Give a Help with Fees reference instead of paying (a litigant in person, 2A.1).
    APPLY_HWF = "apply_hwf"
    #: Take a submitted, unpaid claim back to a draft to change it.
    RETURN_TO_DRAFT = "return_to_draft"
    #: Court staff: record the Help with Fees decision (4.3(1A)).
    DECIDE_HWF = "decide_hwf"
    #: Download the claimant's documents (sealed claim form, receipt).
    CLAIMANT_DOCUMENTS = "claimant_documents"
    #: Court staff: every document, including the defendant's pack (it holds the security code).
    COURT_DOCUMENTS = "court_documents"
    #: The defendant, or a solicitor of their registered firm: respond to the claim (Section 5, 6A.2-6A.4); late
    #: responses are accepted until judgment is entered (11.1A(2)).
    RESPOND = "respond"
    #: The defendant: say they need more time (5.1(7)): once, before the 19 days pass; never where the claimant is
    #: represented (5.A1: the parties may agree more time instead, 6A.2(2)).
    MORE_TIME = "more_time"
    #: The defendant's side (the defendant in person, or a solicitor of their registered firm): record an extension
    #: agreed with the represented claimant (6A.2(2)-(3)). Whether one can still be recorded (before the original
    #: 28 days end, once only) is the rule's answer (``rules.represented.agreed_extension``), given in words.
    RECORD_EXTENSION = "record_extension"
    #: The defendant in person facing a represented claimant: ask online for the paper forms, within 28 days after
    #: issue (10.1(1), 10A.1(2)). Whether the time has ended is the rule's answer (``rules.paper_forms``), in words.
    REQUEST_PAPER_FORMS = "request_paper_forms"
    #: The defendant: the sealed claim form (their copy of what was served).
    DEFENDANT_DOCUMENTS = "defendant_documents"
    #: The submitted response and its PDF: both parties and the court (never the draft).
    READ_RESPONSE = "read_response"
    #: The claimant: ask for judgment in default once the response deadline has passed with no
    #: response (5.1(9), 11.1(1)-(2)).
    REQUEST_DEFAULT_JUDGMENT = "request_default_judgment"
    #: The claimant: ask for judgment on the defendant's admission (7.4, 7.7, 7.40, 7.41).
    REQUEST_ADMISSION_JUDGMENT = "request_admission_judgment"
    #: The judgment and the documents that follow it (settlement agreement, certificate of
    #: satisfaction): both parties and the court.
    READ_JUDGMENT = "read_judgment"
    #: The claimant: answer the defendant's repayment offer (reject it and propose their own plan,
    #: then accept or reject the court's plan), 7.10-7.15, 7.42A-F.
    ANSWER_ADMISSION = "answer_admission"
    #: The claimant: propose a settlement agreement on a plan that stands (7.8, 7.13, 7.41C, 7.42D): only where none
    #: of the parties is represented (7.6(1), 7.8(1)(za), 7.41A, 7.41C(1)(za)).
    PROPOSE_SETTLEMENT = "propose_settlement"
    #: The defendant: sign or reject the settlement agreement within 7 days (SA-7).
    SIGN_SETTLEMENT = "sign_settlement"
    #: The claimant: the defendant broke the signed settlement agreement → judgment (7.8(2)).
    REPORT_BREACH = "report_breach"
    #: The claimant: the claim is paid in full or settled, or discontinue it (before judgment).
    CLOSE_CLAIM = "close_claim"
    #: The claimant: the judgment has been paid in full (with the date) (guide 004).
    MARK_JUDGMENT_PAID = "mark_judgment_paid"
    #: The defendant: a certificate of satisfaction for a judgment paid after 28 days.
    REQUEST_CERTIFICATE = "request_certificate"
    #: Either party: ask for the repayment terms of a judgment to be redetermined (7.12(6)).
    REQUEST_REDETERMINATION = "request_redetermination"
    #: Either party: apply to change the plan of a judgment on admission once the 19 days for
    #: redetermination have ended (7.45: N294, N244 or N245).
    APPLY_VARIATION = "apply_variation"
    #: The defendant: apply for permission to withdraw their admission (7.46).
    WITHDRAW_ADMISSION = "withdraw_admission"
    #: The claimant: answer a defence, or reject a part admission (6.2(2)-(5), 6.3(2)-(5), 7.43).
    ANSWER_DEFENCE = "answer_defence"
    #: Either party: apply to lift a stay (16.1, form N244).
    APPLY_LIFT_STAY = "apply_lift_stay"
    #: Either party: an application or request the online service does not cater for (17.1), or
    #: ask for the claim to be sent out of the online service (18.1).
    MAKE_APPLICATION = "make_application"
    #: Either party: the settlement reached in mediation has broken down (6.2(10)-(11)).
    REPORT_SETTLEMENT_BROKEN = "report_settlement_broken"
    #: Either party: ask a judge to reconsider a legal adviser's directions in time (20.3).
    REQUEST_RECONSIDERATION = "request_reconsideration"
    #: Caseworker: record what mediation achieved (6.2(8)-(10)).
    RECORD_MEDIATION_OUTCOME = "record_mediation_outcome"
    #: Caseworker or legal adviser: refer a matter to a judge or legal adviser (16A.1; Table A 3).
    REFER = "refer"
    #: Legal adviser (within Section 20) or judge: give directions on the questionnaires (Table A 1, 6C.1).
    GIVE_DIRECTIONS = "give_directions"
    #: Judge: send the claim out and decide where (18.2, 19.1(2)).
    SEND_OUT = "send_out"
    #: Judge: decide a party's application or request (16.1(4), 17.1(2), 18.1).
    DECIDE_APPLICATION = "decide_application"
    #: A solicitor of either party's firm, after directions in a claim between represented parties that proceeds in
    #: an early adopter court: make an online application (16B.1(1)-(3)). Never a firm user without the solicitor
    #: role, never a party in person (``claims.online_applications.may_apply_online``).
    MAKE_ONLINE_APPLICATION = "make_online_application"
    #: A solicitor of the respondent's firm: give the respondent's information on the other side's online
    #: application, while it waits for it (16B.1(7)-(9)); whether it is still in time is the service's answer.
    ANSWER_APPLICATION = "answer_application"
    #: Caseworker: the defendant phoned to respond on paper; send the paper forms (10.1).
    RECORD_PAPER_CONTACT = "record_paper_contact"
    #: Caseworker: enter the scanned paper response, or the time extension form (10.1-10.4).
    ENTER_PAPER_RESPONSE = "enter_paper_response"
    #: Caseworker: enter an application or request a party sent on paper (16.1, 17.1, 18.1, 20.3(4)).
    RECORD_PAPER_APPLICATION = "record_paper_application"
    #: Caseworker: enter the defendant's application at the CTSC to increase a recorded agreed extension; the claim
    #: is then sent out (6A.2(4)-(5)).
    ENTER_FURTHER_EXTENSION_APPLICATION = "enter_further_extension_application"
    #: Judge: decide a request for judgment in default made while an application was pending (11.1A(2)).
    DECIDE_DEFAULT_REQUEST = "decide_default_request"
    #: Caseworker: read the security code the defendant links the claim with (for a defendant who phones);
    #: each reading is recorded (``claims.services.security_code_read``).
    READ_SECURITY_CODE = "read_security_code"
    #: Judge: set aside the judgment on a claim still with the online court (the claim is then sent out).
    SET_ASIDE_JUDGMENT = "set_aside_judgment"
    #: Judge: record the redetermination of a judgment's terms that a party asked for (7.12(5)-(7)).
    RECORD_REDETERMINATION = "record_redetermination"
    #: Judge: record the decision on an application to change a judgment's plan (7.45).
    DECIDE_VARIATION = "decide_variation"
    #: Judge: record the decision on the defendant's application to withdraw their admission (7.46(4)).
    DECIDE_ADMISSION_WITHDRAWAL = "decide_admission_withdrawal"
    #: Caseworker, or the claimant's solicitor: record a debt-respite breathing space the court has been told of
    #: (11.1(2A), 11.1B(8)(b)); while it is in force judgment is refused (``claims.breathing_space``).
    RECORD_BREATHING_SPACE = "record_breathing_space"
    #: The same: record the last day of the breathing space in force (a mental health crisis one's end, or an
    #: earlier end).
    END_BREATHING_SPACE = "end_breathing_space"
    #: Caseworker: record that a claim staying online in an early adopter court (6C.1(2)) is allocated to the fast
    #: track, and send the court's notice asking for trial readiness certificates (6C.3(1), (3)).
    ALLOCATE_FAST_TRACK = "allocate_fast_track"
    #: A solicitor of either side's firm: file that side's trial readiness certificate within 2 weeks of the
    #: notice (6C.3(3), TRC-14), once.
    FILE_TRIAL_READINESS = "file_trial_readiness"
    #: Either side's firm users who see the case, and court staff: the trial bundle the court builds (6C.4).
    READ_TRIAL_BUNDLE = "read_trial_bundle"
    #: Caseworker: enter the English translation of a response in Welsh; only then is the claimant given the
    #: response, and their time starts that day (6B.1(2)-(3)).
    PROVIDE_TRANSLATION = "provide_translation"


def _is_owner(user: Any, claim: Claim) -> bool:
    """The claimant: the account that made the claim, or for a represented claimant, a user of the claimant's
    firm who may see it (``claims.representation``; the account that made it counts only through the firm)."""
    return acts_for_claimant(user, claim)


#: What a firm user without the solicitor role (an administrator, a supervisor who sees all) may do: read.
READ_ONLY = frozenset({
    Action.VIEW, Action.CLAIMANT_DOCUMENTS, Action.DEFENDANT_DOCUMENTS, Action.READ_RESPONSE, Action.READ_JUDGMENT,
})


def admission_judgment_open(claim: Claim) -> bool:
    """The defendant admitted all or part of the claim, and either offered a plan (the claimant
    may accept it and ask for judgment, 7.7, 7.41) or offered to pay immediately and the 5 days
    have passed (7.4(1), 7.40) — not if they say they have already paid what they admit."""
    response = getattr(claim, "response", None)
    if response is None or response.admitted_amount is None or not response.payment_option:
        return False
    if response.pay_immediately:
        return claim.pay_immediately_deadline is None or claim.pay_immediately_deadline <= clock.now()
    return not _court_plan_pending(claim)


def _court_plan_pending(claim: Claim) -> bool:
    """The court's plan is waiting for the claimant to accept or reject it (7.10(5))."""
    latest = claim.claimant_answers.order_by("-answered_at", "-pk").values_list("kind", flat=True).first()
    return latest == "court_plan_offered"


#: While an admission stands on the online claim, the defendant may apply to withdraw it (7.46).
ADMISSION_OPEN_STATES = frozenset({
    ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED, ClaimState.SETTLEMENT_OFFERED,
    ClaimState.SETTLEMENT_AGREED, ClaimState.JUDGMENT_ENTERED,
})

#: Before judgment the claimant may say the claim is paid or settled, or discontinue it.
CLOSABLE_STATES = frozenset({
    ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED, ClaimState.SETTLEMENT_OFFERED,
    ClaimState.SETTLEMENT_AGREED, ClaimState.MEDIATION, ClaimState.AWAITING_DIRECTIONS, ClaimState.DIRECTIONS_MADE,
})


def _offers_plan(claim: Claim) -> bool:
    """The defendant admitted and offered to pay by a date or instalments (not already paid)."""
    response = getattr(claim, "response", None)
    return response is not None and response.admitted_amount is not None and response.payment_option in (
        "by_set_date", "instalments")


def _judgment_actions(claim: Claim, *, claimant: bool) -> set[Action]:
    if claim.state != ClaimState.JUDGMENT_ENTERED:
        return set()
    judgment = getattr(claim, "judgment", None)
    if judgment is None:
        return set()
    # Where the judgment stands is its own state machine (``judgments.models.Judgment``): these read it.
    actions: set[Action] = set()
    if claimant and judgment.may_be_marked_paid:
        actions.add(Action.MARK_JUDGMENT_PAID)
    if not claimant and judgment.is_satisfied:
        actions.add(Action.REQUEST_CERTIFICATE)
    if judgment.redetermination_open:
        actions.add(Action.REQUEST_REDETERMINATION)
    elif judgment.variation_open:
        actions.add(Action.APPLY_VARIATION)
    return actions


def _judge_judgment_actions(claim: Claim) -> set[Action]:
    """What a judge may record on a claim's judgment: set it aside while the claim is with the online court;
    once a request or application about its terms has sent the claim to a judge, what they decided."""
    if claim.state not in (ClaimState.JUDGMENT_ENTERED, ClaimState.SENT_OUT):
        return set()
    judgment = getattr(claim, "judgment", None)
    if judgment is None:
        return set()
    actions: set[Action] = set()
    if claim.state == ClaimState.JUDGMENT_ENTERED and judgment.may_be_set_aside:
        actions.add(Action.SET_ASIDE_JUDGMENT)
    if judgment.awaiting_redetermination:
        actions.add(Action.RECORD_REDETERMINATION)
    if judgment.awaiting_variation_decision:
        actions.add(Action.DECIDE_VARIATION)
    return actions


#: States in which a party may make an application or request (17.1, 18.1): the claim is live online.
APPLICATION_STATES = frozenset({
    ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED, ClaimState.SETTLEMENT_OFFERED,
    ClaimState.SETTLEMENT_AGREED, ClaimState.MEDIATION, ClaimState.AWAITING_DIRECTIONS, ClaimState.DIRECTIONS_MADE,
})


def held_for_translation(claim: Claim) -> bool:
    """The defendant responded in Welsh and the court has not yet provided the English translation: the claimant
    is not given the response and has nothing to answer yet (6B.1(2)-(3))."""
    return bool(getattr(getattr(claim, "response", None), "held_for_translation", False))


def _answers_defence(claim: Claim) -> bool:
    """The claimant has a defence (or a part admission, 7.43) to answer and has not answered it."""
    response = getattr(claim, "response", None)
    if response is None or not response.has_defence or hasattr(claim, "claimant_decision"):
        return False
    if held_for_translation(claim):
        return False
    if claim.state == ClaimState.STAYED:
        # After a defence the claimant's silence stays the claim until a judge lifts it (6.2(4));
        # after a part admission a later answer lifts it (7.44).
        return claim.stay_lifts_on_answer and response.kind == "part_admission"
    if claim.state != ClaimState.AWAITING_CLAIMANT_RESPONSE:
        return False
    if claim.represented_answer_deadline is not None and not in_time(
            clock.now(), claim.represented_answer_deadline):
        # CLM-REP-28 has passed: the claim is sent out with the 26.4(9) order, not answered late (6A.4(5)).
        return False
    if response.kind == "part_admission":
        # Once the claimant has acted on the admission (answered the offer, proposed an agreement) it stands.
        return not claim.claimant_answers.exists() and not hasattr(claim, "settlement")
    return True


def _party_applications(claim: Claim, role: str) -> set[Action]:
    """A party's applications: one of each kind waiting at a time, per party (the other party's pending
    application never blocks theirs)."""
    actions: set[Action] = set()
    if claim.state not in APPLICATION_STATES:
        return actions
    pending = {kind for kind, in claim.applications.filter(
        decided_at__isnull=True, applicant_role=role).values_list("kind")}
    if "other" not in pending or "leave_online" not in pending:
        actions.add(Action.MAKE_APPLICATION)
    if claim.state == ClaimState.STAYED:
        if "lift_stay" not in pending:
            actions.add(Action.APPLY_LIFT_STAY)
        if claim.stay_allows_return:
            actions.add(Action.REPORT_SETTLEMENT_BROKEN)
    if (claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at is not None
            and clock.now() < claim.send_out_due_at):
        actions.add(Action.REQUEST_RECONSIDERATION)
    return actions


#: States in which a claim is with the court online and not finished.
LIVE_STATES = APPLICATION_STATES | {ClaimState.JUDGMENT_ENTERED}


def _breathing_space_actions(claim: Claim) -> set[Action]:
    """Record a breathing space on a live claim, or the end of the one recorded."""
    if claim.state not in LIVE_STATES:
        return set()
    if claim.breathing_spaces.filter(state=BreathingSpaceState.IN_FORCE).exists():
        return {Action.END_BREATHING_SPACE}
    return {Action.RECORD_BREATHING_SPACE}


def _staff_actions(role: StaffRole, claim: Claim) -> set[Action]:
    actions: set[Action] = set()
    if claim.state not in LIVE_STATES:
        return actions
    if role == StaffRole.CASEWORKER:
        actions |= _breathing_space_actions(claim)
    open_referrals = list(claim.referrals.filter(closed_at__isnull=True).values_list("kind", "to"))
    if role in (StaffRole.CASEWORKER, StaffRole.LEGAL_ADVISER):
        actions.add(Action.REFER)
    if role == StaffRole.CASEWORKER:
        if claim.state in APPLICATION_STATES:
            actions.add(Action.RECORD_PAPER_APPLICATION)
        if claim.state == ClaimState.MEDIATION:
            actions.add(Action.RECORD_MEDIATION_OUTCOME)
        if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and held_for_translation(claim):
            actions.add(Action.PROVIDE_TRANSLATION)
        if claim.state == ClaimState.ISSUED:
            paper = getattr(claim, "paper_response", None)
            if paper is None:
                actions.add(Action.RECORD_PAPER_CONTACT)
            elif paper.received_at is None:
                actions.add(Action.ENTER_PAPER_RESPONSE)
            if claim.claimant_firm_id is not None and claim.response_extension_recorded_at is not None:
                actions.add(Action.ENTER_FURTHER_EXTENSION_APPLICATION)
    if claim.state == ClaimState.AWAITING_DIRECTIONS and any(
            kind in ("directions", "reconsideration") for kind, _ in open_referrals):
        if role == StaffRole.JUDGE:
            actions.add(Action.GIVE_DIRECTIONS)
        elif (role == StaffRole.LEGAL_ADVISER and ("directions", "legal_adviser") in open_referrals
              and not any(kind == "reconsideration" for kind, _ in open_referrals)):
            if legal_adviser_may_act(claim):
                actions.add(Action.GIVE_DIRECTIONS)
    if role == StaffRole.JUDGE:
        actions.add(Action.SEND_OUT)
        if ("default_judgment", "judge") in open_referrals:
            actions.add(Action.DECIDE_DEFAULT_REQUEST)
        if claim.applications.filter(decided_at__isnull=True).exclude(
                kind__in=("settlement_broken", "reconsideration")).exclude(state="awaiting_respondent").exists():
            actions.add(Action.DECIDE_APPLICATION)
    return actions


def _is_defendant(user: Any, claim: Claim) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and claim.defendant_user_id == user.pk


def _any_party_represented(claim: Claim) -> bool:
    return claim.claimant_firm_id is not None or claim.defendant_firm_id is not None


def _defendant_firm_actions(user: Any, claim: Claim) -> set[Action]:
    """A user of the defendant's registered legal representative: the claim was served on the firm through
    the website (4.3(6)), so no security code links it. Every user the firm lets see the case reads it; a solicitor
    takes the defendant's steps, as the defendant in person would (6A.2-6A.4, 7.1(4)(b), 7.2(b)): records an agreed
    extension and responds (admission, offer, defence with its directions questionnaire and mediation choice,
    counterclaim), then everything that follows the response. The claimant's firm never reaches here (``firm_side``
    answers the claimant's side first)."""
    if claim.defendant_firm_id is None or claim.issue_date is None:
        return set()
    side = firm_side(user, claim)
    if side is None or side[0] != PartyRole.DEFENDANT:
        return set()
    # A solicitor takes every step the defendant in person takes (``_defendant_actions``): the response and the time
    # to make it, and what follows it (applications and requests, withdrawing an admission, a certificate of
    # satisfaction, redetermination or variation of a judgment's plan). Each service asks
    # ``claims.representation.acting_side`` whose step it is, so the firm's step is the defendant's.
    actions = _defendant_actions(claim)
    return actions if side[1].is_solicitor else actions & READ_ONLY


def _defendant_actions(claim: Claim) -> set[Action]:
    """What the defendant's side (in person, or a solicitor of their registered firm) may do now."""
    actions = {Action.VIEW, Action.DEFENDANT_DOCUMENTS, Action.READ_RESPONSE, Action.READ_JUDGMENT}
    if (claim.state == ClaimState.SETTLEMENT_OFFERED and claim.settlement_deadline is not None
            and clock.now() < claim.settlement_deadline):
        actions.add(Action.SIGN_SETTLEMENT)
    actions |= _judgment_actions(claim, claimant=False)
    response = getattr(claim, "response", None)
    if (response is not None and response.admitted_amount is not None and claim.state in ADMISSION_OPEN_STATES
            and response.admission_may_be_withdrawn):
        actions.add(Action.WITHDRAW_ADMISSION)
    actions |= _party_applications(claim, "defendant")
    if claim.state == ClaimState.ISSUED:
        actions.add(Action.RESPOND)
        if (claim.more_time_requested_at is None and claim.response_deadline is not None
                and clock.now() < claim.response_deadline
                and represented.court_gives_more_time(claimant_represented=claim.claimant_firm_id is not None)):
            actions.add(Action.MORE_TIME)
        if _extension_may_be_recorded(claim):
            actions.add(Action.RECORD_EXTENSION)
        if _paper_forms_may_be_asked(claim):
            actions.add(Action.REQUEST_PAPER_FORMS)
    return actions


def _may_file_notice_of_change(user: Any, claim: Claim) -> bool:
    """An active solicitor of an approved firm not yet on the claim, on an issued claim with the online court
    (21.1(1)-(2): a claim sent out, or closed, takes notices on paper where it now is)."""
    if claim.claim_number is None or claim.state not in LIVE_STATES:
        return False
    membership = acting_membership(user)
    return (membership is not None and membership.is_solicitor
            and membership.firm_id not in (claim.claimant_firm_id, claim.defendant_firm_id))


def _extension_may_be_recorded(claim: Claim) -> bool:
    """The claim waits for the defendant's response to a represented claimant (6A.1, 6A.2(2))."""
    return (claim.state == ClaimState.ISSUED and claim.claimant_firm_id is not None
            and claim.response_deadline is not None and claim.issue_date is not None)


def _paper_response_held(claim: Claim) -> bool:
    """The court has received a paper response from the defendant: no judgment in default (11.1A(2))."""
    paper = getattr(claim, "paper_response", None)
    return paper is not None and paper.received_at is not None


def _paper_forms_may_be_asked(claim: Claim) -> bool:
    """A defendant in person facing a represented claimant, still to respond, who has not had the paper forms
    (10.1(1), 10A.1(2))."""
    return (claim.state == ClaimState.ISSUED and claim.claimant_firm_id is not None
            and claim.defendant_firm_id is None and claim.issue_date is not None
            and not hasattr(claim, "paper_response"))


def _claimant_actions(claim: Claim) -> set[Action]:
    """What the claimant (in person, or through their firm) may do now."""
    actions: set[Action] = {Action.VIEW}
    if claim.state == ClaimState.DRAFT:
        actions |= {Action.EDIT_DRAFT, Action.DELETE_DRAFT}
    elif claim.state == ClaimState.AWAITING_FEE:
        actions.add(Action.PAY_FEE)
        if not claim.hwf_decision:
            actions.add(Action.RETURN_TO_DRAFT)
            if claim.claimant_firm_id is None:
                # Help with Fees is for litigants in person only (2A.1).
                actions.add(Action.APPLY_HWF)
    held = held_for_translation(claim)
    if claim.issue_date is not None:
        actions |= {Action.CLAIMANT_DOCUMENTS, Action.READ_JUDGMENT}
        if not held:
            actions.add(Action.READ_RESPONSE)
    if (claim.state == ClaimState.ISSUED and claim.response_deadline is not None
            and claim.response_deadline <= clock.now()
            and not claim.referrals.filter(kind="default_judgment", closed_at__isnull=True).exists()
            and not _paper_response_held(claim)):
        actions.add(Action.REQUEST_DEFAULT_JUDGMENT)
    answering = not held and (claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE or (
        claim.state == ClaimState.STAYED and claim.stay_lifts_on_answer))
    if answering and admission_judgment_open(claim):
        actions.add(Action.REQUEST_ADMISSION_JUDGMENT)
    if answering and _offers_plan(claim):
        actions.add(Action.ANSWER_ADMISSION)
        if not _court_plan_pending(claim) and not hasattr(claim, "settlement") and not _any_party_represented(claim):
            actions.add(Action.PROPOSE_SETTLEMENT)
    if claim.state == ClaimState.SETTLEMENT_AGREED:
        actions.add(Action.REPORT_BREACH)
    if claim.state in CLOSABLE_STATES:
        actions.add(Action.CLOSE_CLAIM)
    if _answers_defence(claim):
        actions.add(Action.ANSWER_DEFENCE)
    actions |= _party_applications(claim, "claimant")
    actions |= _judgment_actions(claim, claimant=True)
    if claim.claimant_firm_id is not None:
        actions |= _breathing_space_actions(claim)
    return actions


def _online_application_actions(user: Any, claim: Claim) -> set[Action]:
    """A solicitor of a party's firm, in a claim that takes online applications (16B.1(1)): apply; and, for the
    side an application with notice waits on, give the respondent's information (16B.1(7))."""
    side = firm_side(user, claim)
    if side is None or not side[1].is_solicitor or not may_apply_online(claim):
        return set()
    actions = {Action.MAKE_ONLINE_APPLICATION}
    if claim.applications.filter(state="awaiting_respondent").exclude(applicant_role=side[0]).exists():
        actions.add(Action.ANSWER_APPLICATION)
    return actions


def online_application_side(user: Any, claim: Claim) -> str | None:
    """The side (claimant or defendant) a firm user acts for on the claim, or None."""
    side = firm_side(user, claim)
    return side[0] if side is not None else None


def _trial_actions(user: Any, claim: Claim) -> set[Action]:
    """The fast track in an early adopter court (6C.3, 6C.4): a caseworker allocates it and sends the notice;
    each side's solicitor then files its certificate once, before the 2 weeks end; both sides' firms and the court
    read the trial bundle."""
    notice = getattr(claim, "trial_readiness", None)
    role = staff_role(user)
    if notice is None:
        if role == StaffRole.CASEWORKER and online_in_early_adopter_court(claim):
            return {Action.ALLOCATE_FAST_TRACK}
        return set()
    actions = {Action.READ_TRIAL_BUNDLE} if role is not None else set()
    side = firm_side(user, claim)
    if side is None:
        return actions
    actions.add(Action.READ_TRIAL_BUNDLE)
    deadline = claim.trial_readiness_deadline
    if (side[1].is_solicitor and notice.state == "waiting" and claim.state == ClaimState.DIRECTIONS_MADE
            and deadline is not None and clock.now() < deadline
            and not notice.certificates.filter(role=side[0]).exists()):
        actions.add(Action.FILE_TRIAL_READINESS)
    return actions


def allowed_actions(user: Any, claim: Claim) -> set[Action]:
    actions: set[Action] = _trial_actions(user, claim)
    actions |= _online_application_actions(user, claim)
    if _is_defendant(user, claim):
        actions |= _defendant_actions(claim)
    actions |= _defendant_firm_actions(user, claim)
    if _may_file_notice_of_change(user, claim):
        actions.add(Action.FILE_NOTICE_OF_CHANGE)
    if _is_owner(user, claim):
        owner_actions = _claimant_actions(claim)
        membership = acting_membership(user) if claim.claimant_firm_id is not None else None
        if membership is not None and not membership.is_solicitor:
            owner_actions = {a for a in owner_actions if a in READ_ONLY}
        actions |= owner_actions
    role = staff_role(user)
    if role is not None:
        # Court staff see claims once they reach the court (submitted), never private drafts.
        if claim.state != ClaimState.DRAFT:
            actions |= {Action.VIEW, Action.COURT_DOCUMENTS, Action.CLAIMANT_DOCUMENTS, Action.READ_RESPONSE,
                        Action.READ_JUDGMENT}
        if role == StaffRole.CASEWORKER and claim.state == ClaimState.AWAITING_HWF_DECISION:
            actions.add(Action.DECIDE_HWF)
        if role == StaffRole.CASEWORKER and claim.security_code:
            actions.add(Action.READ_SECURITY_CODE)
        actions |= _staff_actions(role, claim)
        if role == StaffRole.JUDGE:
            actions |= _judge_judgment_actions(claim)
            response = getattr(claim, "response", None)
            if claim.state == ClaimState.SENT_OUT and getattr(response, "withdrawal_awaiting_decision", False):
                actions.add(Action.DECIDE_ADMISSION_WITHDRAWAL)
    return actions


def can(user: Any, claim: Claim, action: Action) -> bool:
    return action in allowed_actions(user, claim)


def require(user: Any, claim: Claim, action: Action) -> None:
    if not can(user, claim, action):
        raise NotAllowed(why_not(claim, action), claim=claim, action=action)

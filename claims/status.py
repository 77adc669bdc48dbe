"""Where a claim stands, in plain words, and what happens next: derived from the claim,
never stored twice (the dashboard and the claim page both use it). ``for_claimant`` words it for
the claimant, ``for_defendant`` for the defendant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from court.templatetags.govuk import govuk_date
from rules.calendar import local
from rules.money import format_money

from .constants import ClaimState, PartyRole
from .models import Claim


@dataclass(frozen=True)
class Status:
    words: str
    #: What happens next, in full: the claim page says it.
    next_step: str
    deadline: datetime | None = None
    #: GOV.UK tag colour for the status.
    colour: str = "grey"
    #: The dashboard's one short sentence, when ``next_step`` is longer (the detail is on the claim page).
    brief: str = ""

    @property
    def summary(self) -> str:
        """What happens next, in one short sentence (before the deadline, if there is one)."""
        return self.brief or self.next_step


def for_claimant(claim: Claim) -> Status:
    if claim.state == ClaimState.DRAFT:
        return Status("Draft", "Finish and submit your claim. The draft is deleted if it is not saved by",
                      claim.draft_expires_at, "grey")
    if claim.state == ClaimState.AWAITING_FEE:
        what = "the rest of the court fee" if claim.fee_remitted else "the court fee"
        return Status("Court fee to pay", f"Pay {what} ({format_money(claim.fee_due)}) so the court can issue "
                      "your claim", None, "yellow")
    if claim.state == ClaimState.AWAITING_HWF_DECISION:
        return Status("Help with Fees being checked",
                      "The court is deciding your Help with Fees application. We will email you the decision.",
                      None, "blue", brief="The court is deciding your Help with Fees application.")
    if claim.state == ClaimState.ISSUED:
        paper = getattr(claim, "paper_response", None)
        if paper is not None and paper.received_at is not None:
            return Status("Paper response received", "The defendant's paper response arrived after the time to "
                          "respond. Judgment in default cannot be entered while the court holds it: a judge will "
                          "decide what happens next (PD 51R 11.1A(2)-(3)).", None, "blue",
                          brief="A late paper response is with a judge.")
        if claim.default_available_at is not None:
            return Status("No response", "The defendant did not respond in time. You can ask the court for a county "
                          "court judgment (CCJ) in default.", None, "red",
                          brief="You can ask the court for a county court judgment (CCJ) in default.")
        more = " (they asked for more time)" if claim.more_time_requested_at else ""
        if claim.response_extension_recorded_at:
            more = " (the parties agreed an extension, PD 51R 6A.2(3))"
        return Status("Issued", f"The defendant has until this time to respond{more}:", claim.response_deadline,
                      "green")
    if claim.state == ClaimState.JUDGMENT_ENTERED:
        terms = claim.judgment.terms_for(PartyRole.CLAIMANT)
        return Status("Judgment entered", f"Judgment for {format_money(claim.judgment.total)}. {terms}.", None,
                      "green", brief=f"{terms}.")
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        return _claimant_to_answer(claim)
    if claim.state == ClaimState.SETTLED:
        return Status("Paid or settled", f"The claim is closed: {claim.closed_reason}.", None, "green")
    if claim.state == ClaimState.DISCONTINUED:
        return Status("Discontinued", "You discontinued the claim. It is closed.", None, "grey",
                      brief="You discontinued the claim: it is closed.")
    if claim.state == ClaimState.SETTLEMENT_OFFERED:
        return Status("Settlement agreement proposed", "The defendant has until this time to sign it:",
                      claim.settlement_deadline, "yellow")
    if claim.state == ClaimState.SETTLEMENT_AGREED:
        return Status("Settlement agreement signed", "The claim is on hold while the agreement is kept. If it is "
                      "broken, the claimant can ask for judgment.", None, "blue", brief=ON_HOLD_WHILE_KEPT)
    if claim.state == ClaimState.STAYED:
        if claim.stay_lifts_on_answer:
            return Status("Stayed", f"The claim is on hold (stayed): {claim.stay_reason}. If you answer the "
                          "defendant's response now, the stay is lifted (7.44).", None, "grey",
                          brief="Answer the defendant's response to lift the stay.")
        return Status("Stayed", stayed_next_step(claim), None, "grey", brief=STAYED_BRIEF)
    if claim.state == ClaimState.SENT_OUT:
        return Status("Sent out of the online service", sent_out_next_step(claim), None, "grey",
                      brief=sent_out_brief(claim))
    if claim.state in DEFENDED_STATES:
        return defended_status(claim)
    return Status(claim.get_state_display(), "")


def _held_for_translation(claim: Claim) -> bool:
    """A response in Welsh waits for the court's English translation (6B.1(2))."""
    return bool(getattr(getattr(claim, "response", None), "held_for_translation", False))


#: Both parties' words while a response in Welsh is translated (6B.1(2)-(3)).
BEING_TRANSLATED = "Response being translated"


def _claimant_to_answer(claim: Claim) -> Status:
    if _held_for_translation(claim):
        return Status(BEING_TRANSLATED, "The defendant has responded in Welsh. The court is translating the response "
                      "into English and will send you the translation. Your time to answer it starts on the day the "
                      "court provides it (PD 51R 6B.1(3)).", None, "blue",
                      brief="The defendant responded in Welsh: the court is translating the response.")
    response = getattr(claim, "response", None)
    if response is not None and response.has_defence and not hasattr(claim, "claimant_decision"):
        if response.kind == "part_admission":
            return Status("Response received", "Read the defendant's response. Accept the amount they admit, or "
                          "decide whether to continue with the claim, by", claim.claimant_response_deadline,
                          "yellow", brief="Read the defendant's response and decide what to do by")
        if claim.represented_answer_deadline is not None:
            return Status("Defence received", "Read the defendant's defence. Say whether your client wants to "
                          "continue with the claim, with their directions questionnaire, before",
                          claim.represented_answer_deadline, "yellow",
                          brief="Say whether your client continues, with their directions questionnaire, before")
        return Status("Defence received", "Read the defendant's defence and decide whether to continue with the "
                      "claim by", claim.claimant_response_deadline, "yellow")
    return Status("Response received", "Read the defendant's response and tell the court what you want to do by",
                  claim.claimant_response_deadline, "yellow")


# -- a defended claim: the words both parties see (``for_defendant`` uses them too) ------------------------

#: States of a defended claim after the claimant's decision to continue (6.2(5A), (9), (12), 6.3(6), 20).
DEFENDED_STATES = (ClaimState.MEDIATION, ClaimState.AWAITING_DIRECTIONS, ClaimState.DIRECTIONS_MADE)


def mediation_last_day(claim: Claim) -> date | None:
    """The last day of the 28-day mediation stay (it ends at midnight that night, MED-28)."""
    if claim.mediation_ends_at is None:
        return None
    return local(claim.mediation_ends_at).date() - timedelta(days=1)


def defended_status(claim: Claim, *, claimant: bool = True) -> Status:
    """Mediation, the forms with a legal adviser or judge, and a legal adviser's directions (both parties)."""
    if claim.state == ClaimState.MEDIATION:
        last = mediation_last_day(claim)
        until = f" until the end of {govuk_date(last)}" if last else " for 28 days"
        who = "you" if claimant else "the claimant"
        if not claim.mediation_referred:
            # A represented claimant's claim beyond the small claims limit: stayed for mediation, not referred
            # (6A.5(3)(b)).
            return Status("In mediation", f"You have both agreed to try mediation. The claim is on hold (stayed)"
                          f"{until} for you to try to settle it. If you reach a settlement, {who} must tell the "
                          "court. If not, a legal adviser or judge will then look at both directions "
                          "questionnaires.", None, "blue",
                          brief=f"The claim is on hold{until} while you try mediation.")
        return Status("In mediation", "You have both agreed to try free mediation. The claim is on hold "
                      f"(stayed){until} and has been referred to the Small Claims Mediation Service, who will call "
                      f"you. If you reach a settlement, {who} must tell the court. If not, a legal adviser or "
                      "judge will then look at both directions questionnaires.", None, "blue",
                      brief=f"The claim is on hold{until} while you try mediation.")
    if claim.state == ClaimState.AWAITING_DIRECTIONS:
        if claim.referrals.filter(closed_at__isnull=True, kind="reconsideration").exists():
            return Status("With a judge", "A judge is reconsidering the legal adviser's decision. The claim will not "
                          "be sent out until they have. We will tell you what they decide.", None, "blue",
                          brief="A judge is reconsidering the legal adviser's decision.")
        return Status("With a legal adviser or judge", "A legal adviser or judge will look at both directions "
                      "questionnaires and decide what happens next. We will tell you when they do.", None, "blue",
                      brief="A legal adviser or judge will decide what happens next.")
    if claim.state == ClaimState.DIRECTIONS_MADE and claim.early_adopter_court:
        return Status("Directions made", f"Directions have been given and the claim has been sent to "
                      f"{claim.early_adopter_court}, an early adopter court. Every party is legally represented, so "
                      "the claim stays with the online service (6C.1(2)).", None, "blue",
                      brief=f"Proceeding in {claim.early_adopter_court}, online.")
    if claim.state == ClaimState.DIRECTIONS_MADE:
        order = claim.directions_orders.order_by("-made_at", "-pk").first()
        where = (order.send_out_court or destination_words(order.get_send_out_to_display())) if order else (
            "the preferred court")
        return Status("Directions made", f"A legal adviser has given directions. Unless either party asks a judge "
                      f"to reconsider the decision, the claim will then be sent out of the online service to {where}. "
                      "You can ask a judge to reconsider it until", claim.send_out_due_at, "blue",
                      brief="Directions given: you can ask a judge to reconsider them until")
    return Status(claim.get_state_display(), "")


def destination_words(label: str) -> str:
    """Where a claim is sent, inside a sentence: "the County Court Money Claims Centre (CNBC)",
    "the preferred hearing centre"."""
    first, _, rest = label.partition(" ")
    if first in ("The", "A"):
        return f"{first.lower()} {rest}"
    return f"the {label}"


#: The dashboard's words for a claim on hold: the claim page says why, and how to come back to the court.
STAYED_BRIEF = "The claim is on hold (stayed): its page says why and what you can do."
ON_HOLD_WHILE_KEPT = "The claim is on hold while the agreement is kept."


def stayed_next_step(claim: Claim) -> str:
    """Why the claim is stayed, and how to come back to the court (16.1, 6.2(10)-(11))."""
    step = (f"The claim is on hold (stayed): {claim.stay_reason}. You can apply to the court (form N244) to lift "
            "the stay.")
    if claim.stay_allows_return:
        step += (" If the settlement breaks down, you can tell the court and the claim will be sent out to the "
                 "preferred court.")
    return step


def sent_out_where(claim: Claim) -> str:
    return claim.sent_out_court or destination_words(claim.get_sent_out_to_display())


def sent_out_brief(claim: Claim) -> str:
    """Where the claim went, in one sentence (the claim page gives why, and the directions)."""
    return f"The claim continues by post at {sent_out_where(claim)}."


def sent_out_next_step(claim: Claim) -> str:
    """Where the claim went, why, and the directions given with it (19.1(4))."""
    step = f"The claim continues by post at {sent_out_where(claim)}: {claim.sent_out_reason}."
    if claim.sent_out_directions:
        step += " Directions: " + " ".join(line.strip() for line in claim.sent_out_directions.splitlines()
                                           if line.strip())
    return step


# -- the defendant's view --------------------------------------------------------------------------------------

def for_defendant(claim: Claim) -> Status:
    """Where the claim stands for its defendant."""
    if claim.state == ClaimState.ISSUED:
        paper = getattr(claim, "paper_response", None)  # the court sent paper forms (PD 51R 10.1(3))
        if paper is not None and paper.received_at is not None:
            return Status("Paper response received", "The court received your paper response after the time to "
                          "respond. A judge will decide what happens next.", None, "blue")
        if paper is not None and claim.default_available_at is None:
            return Status("Respond on paper", "The court sent you paper forms. It must receive your completed "
                          "response by", claim.response_deadline, "yellow")
        if claim.default_available_at is not None:
            return Status("Response overdue", "You did not respond by the deadline. The claimant can ask for a "
                          "county court judgment against you, but you can still respond until judgment is "
                          "entered. Respond now.", None, "red",
                          brief="Your response is late: respond now, before judgment is entered.")
        return Status("Respond to the claim", "Respond by", claim.response_deadline, "yellow")
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        if _held_for_translation(claim):
            return Status(BEING_TRANSLATED, "You responded in Welsh. The court is translating your response into "
                          "English and will send the translation to the claimant. The claimant's time to answer "
                          "starts on the day the court sends it.", None, "blue",
                          brief="The court is translating your response into English for the claimant.")
        response = getattr(claim, "response", None)
        if response is not None and response.has_defence and not hasattr(claim, "claimant_decision"):
            return Status("Response sent", "The claimant has until this time to decide whether to continue with the "
                          "claim:", claim.claimant_answer_by, "blue")
        return Status("Response sent", "The claimant has until this time to answer your response:",
                      claim.claimant_response_deadline, "blue")
    if claim.state == ClaimState.JUDGMENT_ENTERED:
        terms = claim.judgment.terms_for(PartyRole.DEFENDANT)
        return Status("Judgment against you", f"A county court judgment was made against you for "
                      f"{format_money(claim.judgment.total)}. {terms}.", None, "red", brief=f"{terms}.")
    if claim.state == ClaimState.SETTLED:
        return Status("Paid or settled", f"The claim is closed: {claim.closed_reason}.", None, "green")
    if claim.state == ClaimState.DISCONTINUED:
        return Status("Discontinued", "The claimant discontinued the claim. It is closed.", None, "grey",
                      brief="The claimant discontinued the claim: it is closed.")
    if claim.state == ClaimState.SETTLEMENT_OFFERED:
        return Status("Settlement agreement proposed", "Sign or reject the settlement agreement by",
                      claim.settlement_deadline, "yellow")
    if claim.state == ClaimState.SETTLEMENT_AGREED:
        return Status("Settlement agreement signed", "The claim is on hold while the agreement is kept. If it is "
                      "broken, the claimant can ask for judgment.", None, "blue", brief=ON_HOLD_WHILE_KEPT)
    if claim.state == ClaimState.STAYED:
        return Status("Stayed", stayed_next_step(claim), None, "grey", brief=STAYED_BRIEF)
    if claim.state == ClaimState.SENT_OUT:
        return Status("Sent out of the online service", sent_out_next_step(claim), None, "grey",
                      brief=sent_out_brief(claim))
    if claim.state in DEFENDED_STATES:
        return defended_status(claim, claimant=False)
    return Status(claim.get_state_display(), "")

"""A defendant in person facing a represented claimant: paper forms, a paper response, and a further extension.

- **Asking for paper forms** (PD 51R 10.1(1), with 10A.1(2), which applies 10.1 and 10.5 where the claimant is
  represented and the defendant acts in person). *Who*: the defendant, acting in person, who cannot respond
  online. *Which period*: 28 days (not the 19 of parties in person) where the claimant is represented. *From
  when*: the date of issue of the claim form (not service, and not the date of any agreed extension): "within
  28 days after the date of issue", and the PD's example is issue on 3 March, contact on or before 31 March.
  The limit ends at 4pm on that day, rolled to the next open day (14.1(3)), like every other limit. An
  extension agreed under 6A.2(2) moves the time to respond online, not this one (10.1(1A) extends the time to
  ask only for the 14 days of 5.1(7), which the court never gives where the claimant is represented).
- **The paper response** (10.1(7)-(9), 10.5). The forms count from the day the court sent them: the response
  within 28 days of that (33 with the time extension form, 10.1(9)). Received on time, whatever its nature, it
  sends the claim out to the CNBC (10.5). Received late, 10.5 does not apply: the claimant may ask for
  judgment in default (10.1(10)), but not while the court holds a paper response, and the claim goes to a judge
  for an order or directions (11.1A(2)-(3)).
- **A further extension** (6A.2(4)-(5)): once an agreed extension of less than 28 days is recorded, more time
  (up to 28 days in total) needs an application at the CTSC; when the court receives it the claim is sent out.

No Django import.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from . import periods
from .calendar import CourtCalendar, in_time

#: 10.1(1): where the claimant is represented and the defendant is not, the defendant contacts the court within
#: 28 days after the date of issue.
PAPER_FORMS_DAYS = 28


def paper_forms_last_day(issue_date: date) -> date:
    """The nominal last day to ask for paper forms: the 28th day after issue (10.1(1))."""
    return periods.days_after(issue_date, PAPER_FORMS_DAYS)


def paper_forms_by(cal: CourtCalendar, issue_date: date) -> datetime:
    """The instant the time to ask for paper forms ends: 4pm on the 28th day after issue, rolled to an open day
    (10.1(1), 14.1(3))."""
    return periods.def_paper_contact(cal, issue_date, claimant_represented=True)


class PaperFormsRefusal(StrEnum):
    """Why a defendant cannot ask online for paper forms."""

    NOT_IN_PERSON_AGAINST_REPRESENTED = "not_in_person_against_represented"
    ALREADY_ASKED = "already_asked"
    RESPONDED = "responded"
    PERIOD_ENDED = "period_ended"


PAPER_FORMS_REASONS = {
    PaperFormsRefusal.NOT_IN_PERSON_AGAINST_REPRESENTED: (
        "Paper forms can be asked for here only by a defendant without a legal representative where the claimant "
        "has one (PD 51R 10.1(1), 10A.1(2))."),
    PaperFormsRefusal.ALREADY_ASKED: "The court has already sent you the paper forms.",
    PaperFormsRefusal.RESPONDED: "You have already responded to the claim.",
    PaperFormsRefusal.PERIOD_ENDED: (
        "You had to ask for paper forms by {by}: within 28 days after the claim was issued (PD 51R 10.1(1)). "
        "That time has passed, so the court cannot send them. The claimant may now ask for judgment in default "
        "(10.1(10))."),
}


@dataclass(frozen=True)
class PaperFormsDecision:
    refusal: PaperFormsRefusal | None
    #: When the time to ask ends (10.1(1)).
    ask_by: datetime

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    def reason(self, *, by_text: str = "") -> str:
        """The refusal in words (``by_text``: the end of the period as the page writes it)."""
        if self.refusal is None:
            return ""
        return PAPER_FORMS_REASONS[self.refusal].format(by=by_text or self.ask_by.isoformat())


def paper_forms_request(cal: CourtCalendar, issue_date: date, *, now: datetime, claimant_represented: bool,
                        defendant_represented: bool, forms_sent: bool, responded: bool) -> PaperFormsDecision:
    """May the defendant ask now for paper forms (10.1(1), 10A.1(2))? Refused, in this order: the defendant is
    represented or the claimant is not (this is the represented claimant's route); the forms were already sent;
    the defendant has responded; the 28 days after issue have ended (a request at or after 4pm on the last day, or
    on a later day, is late: 14.1)."""
    ask_by = paper_forms_by(cal, issue_date)

    def refused(reason: PaperFormsRefusal) -> PaperFormsDecision:
        return PaperFormsDecision(refusal=reason, ask_by=ask_by)

    if defendant_represented or not claimant_represented:
        return refused(PaperFormsRefusal.NOT_IN_PERSON_AGAINST_REPRESENTED)
    if forms_sent:
        return refused(PaperFormsRefusal.ALREADY_ASKED)
    if responded:
        return refused(PaperFormsRefusal.RESPONDED)
    if now >= ask_by:
        return refused(PaperFormsRefusal.PERIOD_ENDED)
    return PaperFormsDecision(refusal=None, ask_by=ask_by)


# -- the paper response (10.5, 10.1(10), 11.1A(2)-(3)) -------------------------------------------------------------


class PaperOutcome(StrEnum):
    """What a paper response from a defendant in person against a represented claimant does."""

    #: On time: sent out to the CNBC whatever the response is (10.5).
    SEND_OUT_CNBC = "send_out_cnbc"
    #: Late: 10.5 does not apply; a judge gives an order or directions (10.1(10), 11.1A(2)-(3)).
    REFER_TO_JUDGE = "refer_to_judge"


def represented_paper_outcome(received_at: datetime, deadline: datetime) -> PaperOutcome:
    """10.5: a paper response received on time sends the claim out to the CNBC, whatever its nature; a late one
    goes to a judge (11.1A(3)), since no judgment in default can be entered while the court holds it (11.1A(2))."""
    if in_time(received_at, deadline):
        return PaperOutcome.SEND_OUT_CNBC
    return PaperOutcome.REFER_TO_JUDGE


#: Why the claim leaves the online process on an on-time paper response (10.5).
SEND_OUT_PAPER_REASON = (
    "The defendant, acting in person against a represented claimant, responded on paper in time, so the claim "
    "leaves Online Civil Money Claims whatever the response (PD 51R 10.5)")

#: Why a late paper response goes to a judge (10.1(10), 11.1A(2)-(3)).
LATE_PAPER_REASON = (
    "The defendant's paper response arrived after the time to respond: it does not send the claim out under "
    "PD 51R 10.5, and judgment in default cannot be entered while the court holds it (11.1A(2)); a judge is to "
    "give an order or directions (11.1A(3))")


# -- a further extension: the application at the CTSC (6A.2(4)-(5)) ---------------------------------------------------


class FurtherExtensionRefusal(StrEnum):
    NOT_REPRESENTED_CLAIMANT = "not_represented_claimant"
    NO_EXTENSION_RECORDED = "no_extension_recorded"
    ALREADY_28_DAYS = "already_28_days"
    IN_FUTURE = "in_future"


FURTHER_EXTENSION_REASONS = {
    FurtherExtensionRefusal.NOT_REPRESENTED_CLAIMANT: (
        "An agreed extension, and an application to increase it, exist only where the claimant is represented "
        "(PD 51R 6A.1, 6A.2(2))"),
    FurtherExtensionRefusal.NO_EXTENSION_RECORDED: (
        "No agreed extension has been recorded: the first extension is recorded online (PD 51R 6A.2(2)); an "
        "application at the CTSC is for increasing one already recorded (6A.2(4))"),
    FurtherExtensionRefusal.ALREADY_28_DAYS: (
        "The extension already recorded is the full 28 days, the most the parties may agree (PD 51R 6A.2(2), (4))"),
    FurtherExtensionRefusal.IN_FUTURE: "The date the application was received cannot be in the future",
}


def further_extension_application(*, claimant_represented: bool, extension_days: int | None, received_at: datetime,
                                  now: datetime) -> FurtherExtensionRefusal | None:
    """Can the court act on an application at the CTSC to increase a recorded agreed extension (6A.2(4)-(5))?
    None if so (the claim is then sent out); otherwise why not. ``extension_days``: the days of the extension
    recorded, counted from the original last day (None: none recorded)."""
    if not claimant_represented:
        return FurtherExtensionRefusal.NOT_REPRESENTED_CLAIMANT
    if extension_days is None:
        return FurtherExtensionRefusal.NO_EXTENSION_RECORDED
    if extension_days >= periods.MAX_AGREED_EXTENSION_DAYS:
        return FurtherExtensionRefusal.ALREADY_28_DAYS
    if received_at > now:
        return FurtherExtensionRefusal.IN_FUTURE
    return None


#: Why the claim leaves the online process (6A.2(5)).
FURTHER_EXTENSION_REASON = (
    "The defendant applied at the CTSC to increase the agreed extension of time to respond (PD 51R 6A.2(4)); on "
    "receipt of that application the claim leaves Online Civil Money Claims (6A.2(5))")

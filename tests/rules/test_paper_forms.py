"""A defendant in person facing a represented claimant: asking for paper forms (PD 51R 10.1(1), 10A.1(2)), what a
paper response does (10.5, 11.1A(2)-(3)) and a further extension (6A.2(4)-(5)), at the 4pm edge and over closed
days."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from rules import paper_forms as pf
from rules.calendar import LONDON, PLAIN, CourtCalendar
from rules.calendar import in_time as received_in_time

ONE_SECOND = timedelta(seconds=1)


def at(y: int, m: int, d: int, hh: int = 16, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


# -- when the time to ask ends: 4pm on the 28th day after issue, rolled to an open day ---------------------------

# 27 November 2026 + 28 days is Friday 25 December: Christmas Day, then the weekend (Boxing Day is a Saturday, so its
# bank holiday is Monday 28 December): the first open day is Tuesday 29 December.
#: A closure day staff recorded on the last day (Wednesday 31 March 2027).
CLOSED_31_MARCH = CourtCalendar.build(closures=[date(2027, 3, 31)])

ASK_BY = [
    ("the PD's example: issued 3 March, ask on or before 31 March (10.1(1))", PLAIN, date(2027, 3, 3),
     date(2027, 3, 31), at(2027, 3, 31)),
    ("28 days, not 19: issued Thursday 7 January 2027 → Thursday 4 February", PLAIN, date(2027, 1, 7),
     date(2027, 2, 4), at(2027, 2, 4)),
    ("the 28th day is Good Friday 2026: Easter Monday is closed too → Tuesday 7 April", PLAIN, date(2026, 3, 6),
     date(2026, 4, 3), at(2026, 4, 7)),
    ("the 28th day is Christmas Day 2026 → Tuesday 29 December", PLAIN, date(2026, 11, 27),
     date(2026, 12, 25), at(2026, 12, 29)),
    ("a closure day on the 28th day → the next open day, Thursday 1 April 2027", CLOSED_31_MARCH, date(2027, 3, 3),
     date(2027, 3, 31), at(2027, 4, 1)),
]


@pytest.mark.parametrize("label, cal, issued, last_day, ask_by", ASK_BY, ids=[row[0] for row in ASK_BY])
def test_the_time_to_ask_for_paper_forms(label, cal, issued, last_day, ask_by):
    assert pf.paper_forms_last_day(issued) == last_day
    assert pf.paper_forms_by(cal, issued) == ask_by


def decide(now: datetime, *, cal: CourtCalendar = PLAIN, issued: date = date(2027, 3, 3), **facts: bool):
    values = {"claimant_represented": True, "defendant_represented": False, "forms_sent": False, "responded": False}
    values.update(facts)
    return pf.paper_forms_request(cal, issued, now=now, **values)


REQUESTS = [
    ("the day of issue", at(2027, 3, 3, 12), {}, None),
    ("one second before 4pm on the 28th day", at(2027, 3, 31) - ONE_SECOND, {}, None),
    ("4pm on the 28th day: too late (14.1)", at(2027, 3, 31), {}, pf.PaperFormsRefusal.PERIOD_ENDED),
    ("the next morning", at(2027, 4, 1, 9), {}, pf.PaperFormsRefusal.PERIOD_ENDED),
    ("the 28th day a closure day: the next day at 3:59pm is in time", at(2027, 4, 1, 15, 59),
     {"cal": CLOSED_31_MARCH}, None),
    ("… and at 4pm it is not", at(2027, 4, 1), {"cal": CLOSED_31_MARCH}, pf.PaperFormsRefusal.PERIOD_ENDED),
    ("Good Friday 2026 rolled: Easter Monday afternoon is in time", at(2026, 4, 6, 17), {"issued": date(2026, 3, 6)},
     None),
    ("… and 4pm on the Tuesday after is not", at(2026, 4, 7), {"issued": date(2026, 3, 6)},
     pf.PaperFormsRefusal.PERIOD_ENDED),
    ("after 19 days (a party in person's limit) it is still in time", at(2027, 3, 23, 10), {}, None),
    ("the claimant acts in person: the caseworker's route, not this one", at(2027, 3, 10),
     {"claimant_represented": False}, pf.PaperFormsRefusal.NOT_IN_PERSON_AGAINST_REPRESENTED),
    ("the defendant is represented", at(2027, 3, 10), {"defendant_represented": True},
     pf.PaperFormsRefusal.NOT_IN_PERSON_AGAINST_REPRESENTED),
    ("the forms were already sent", at(2027, 3, 10), {"forms_sent": True}, pf.PaperFormsRefusal.ALREADY_ASKED),
    ("the defendant has responded", at(2027, 3, 10), {"responded": True}, pf.PaperFormsRefusal.RESPONDED),
    ("sent and late: the forms sent is said first", at(2027, 4, 2), {"forms_sent": True},
     pf.PaperFormsRefusal.ALREADY_ASKED),
]


@pytest.mark.parametrize("label, now, facts, refusal", REQUESTS, ids=[row[0] for row in REQUESTS])
def test_asking_for_paper_forms(label, now, facts, refusal):
    decision = decide(now, **facts)
    assert decision.refusal == refusal
    assert decision.allowed is (refusal is None)


def test_the_refusal_after_the_period_says_until_when_and_why():
    decision = decide(at(2027, 3, 31))
    reason = decision.reason(by_text="4pm on Wednesday 31 March 2027")
    assert "You had to ask for paper forms by 4pm on Wednesday 31 March 2027" in reason
    assert "within 28 days after the claim was issued (PD 51R 10.1(1))" in reason
    assert decide(at(2027, 3, 10)).reason() == ""


# -- what a paper response does (10.5, 11.1A(2)-(3)) ------------------------------------------------------------------

DUE = at(2027, 4, 7)
OUTCOMES = [
    ("received the day before", at(2027, 4, 6, 12), pf.PaperOutcome.SEND_OUT_CNBC),
    ("received at 3:59:59pm on the last day", DUE - ONE_SECOND, pf.PaperOutcome.SEND_OUT_CNBC),
    ("received at 4pm on the last day: late", DUE, pf.PaperOutcome.REFER_TO_JUDGE),
    ("received the next day", at(2027, 4, 8, 9), pf.PaperOutcome.REFER_TO_JUDGE),
]


@pytest.mark.parametrize("label, received, outcome", OUTCOMES, ids=[row[0] for row in OUTCOMES])
def test_a_paper_response_in_time_sends_the_claim_out_and_a_late_one_goes_to_a_judge(label, received, outcome):
    assert pf.represented_paper_outcome(received, DUE) == outcome
    assert received_in_time(received, DUE) is (outcome == pf.PaperOutcome.SEND_OUT_CNBC)


# -- a further extension (6A.2(4)-(5)) --------------------------------------------------------------------------------

NOW = at(2027, 3, 20, 10)
FURTHER = [
    ("an extension of 21 days recorded: the application is entered", True, 21, NOW, None),
    ("an extension of 1 day", True, 1, NOW - timedelta(days=2), None),
    ("27 days: one more day may still be agreed", True, 27, NOW, None),
    ("the full 28 days already: nothing more to agree", True, 28, NOW,
     pf.FurtherExtensionRefusal.ALREADY_28_DAYS),
    ("no extension recorded: record the first one online", True, None, NOW,
     pf.FurtherExtensionRefusal.NO_EXTENSION_RECORDED),
    ("the claimant acts in person", False, 21, NOW, pf.FurtherExtensionRefusal.NOT_REPRESENTED_CLAIMANT),
    ("received in the future", True, 21, NOW + ONE_SECOND, pf.FurtherExtensionRefusal.IN_FUTURE),
]


@pytest.mark.parametrize("label, represented, days, received, refusal", FURTHER, ids=[row[0] for row in FURTHER])
def test_an_application_for_a_further_extension(label, represented, days, received, refusal):
    assert pf.further_extension_application(claimant_represented=represented, extension_days=days,
                                            received_at=received, now=NOW) == refusal
    if refusal is not None:
        assert pf.FURTHER_EXTENSION_REASONS[refusal]

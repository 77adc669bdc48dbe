"""Online applications by represented parties after directions (PD 51R 16B.1), as pure rules.

- Who may apply online (16B.1(1)): the claims that stay online after directions in an early adopter court, every
  party represented (6C.1(2)); ``rules.trial.online_after_directions`` is that rule.
- What may not be applied for online (16B.1(10)): anything relating to an appeal, enforcement or insolvency is an
  on-paper application, made under the rest of the Civil Procedure Rules (16B.2).
- The respondent's information (16B.1(7), (9)): before 4pm on the 5th day after the date of notification of the
  application (APP-RESP-5). The respondent is notified through the website as soon as the application is made
  (16B.1(5)); an application made at or after 4pm, or on a day the court office is closed, is made on the next open
  day (14.1(1), (3)), so that is the date of notification the 5 days count from.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from . import periods
from .calendar import CourtCalendar

#: The days the respondent has to give its information (16B.1(9)(a)).
RESPONDENT_DAYS = 5


@dataclass(frozen=True)
class PaperOnly:
    """An application that must be made on paper (16B.1(10)): why, and where it is made instead (16B.2)."""

    subject: str
    label: str
    reason: str
    where: str


#: What an application may relate to that keeps it off the website (16B.1(10)(a)-(c)).
PAPER_ONLY: dict[str, PaperOnly] = {
    "appeal": PaperOnly(
        "appeal", "An appeal",
        "An application relating to an appeal must be made on paper, not online (PD 51R 16B.1(10)(a)).",
        "Make it with an appellant's notice under CPR Part 52 (form N164 for an appeal from a small claims track "
        "decision, otherwise form N161), filed at the appeal court.",
    ),
    "enforcement": PaperOnly(
        "enforcement", "Enforcement of a judgment or order",
        "An application relating to enforcement must be made on paper, not online (PD 51R 16B.1(10)(b)).",
        "Make it on the form for the method of enforcement (for example form N323 for a warrant of control or form "
        "N337 for an attachment of earnings order) under the Civil Procedure Rules (16B.2(1)).",
    ),
    "insolvency": PaperOnly(
        "insolvency", "Insolvency",
        "An application relating to insolvency must be made on paper, not online (PD 51R 16B.1(10)(c)).",
        "Make it under the Insolvency (England and Wales) Rules 2016 to a court with insolvency jurisdiction.",
    ),
}

#: What an online application may relate to: the order sought in the claim itself, or one of the paper-only kinds.
ONLINE_SUBJECT = "claim"


def paper_only(subject: str) -> PaperOnly | None:
    """Why an application about ``subject`` cannot be made online, or None if it can (16B.1(10))."""
    return PAPER_ONLY.get(subject)


def where_paper_applications_go(hearing_centre: str) -> str:
    """Where the other (paper) applications are made (16B.2(2)): the hearing centre the parties were told manages
    the claim, else the CNBC."""
    return hearing_centre or "the Civil National Business Centre (CNBC)"


# -- the respondent's information (APP-RESP-5, 16B.1(7)-(9)) -----------------------------------------------------


def notification_date(cal: CourtCalendar, made_at: datetime) -> date:
    """The date of notification of an application made at ``made_at``: the respondent is notified as it is made
    (16B.1(5)), and it is made on the day it counts as submitted (14.1)."""
    return cal.deemed_submission_date(made_at)


def respondent_last_day(notified_on: date) -> date:
    """The nominal last day for the respondent's information: the 5th day after notification (16B.1(9)(a))."""
    return periods.days_after(notified_on, RESPONDENT_DAYS)


def respondent_deadline(cal: CourtCalendar, made_at: datetime) -> datetime:
    """APP-RESP-5: the instant the respondent's time runs out for an application made at ``made_at``: 4pm on the
    5th day after the date of notification, rolled to 4pm on the next open day when that day is closed (14.1(3))."""
    return periods.app_resp_5(cal, notification_date(cal, made_at))

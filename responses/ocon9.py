"""The defendant's response form as data: what each answer means, and which questions apply.

Plain Python (no Django): the response draft is a dict of pages, each page a dict of
plain strings (money ``"1234.56"``, dates ``"YYYY-MM-DD"``) or a list of rows. The
question pages (``responses.questions``) write it; :func:`read` turns a complete draft
into a :class:`Response`, the typed answer the court acts on.

Table A of PD 51R 5.1(3):

- reject all of the claim, disputing it → a defence (form OCON9B) and a directions
  questionnaire (OCON180, 5.2);
- reject all of it because it has been paid → a "states paid" defence if the amount paid
  is at least the amount claimed; if it is less, it is a part admission of what was
  paid (the rest is disputed);
- admit all (OCON9A) → pay immediately (within 5 days of the admission, 7.3), by a set
  date, or by instalments; asking for time to pay needs a statement of means;
- admit part (OCON9A + OCON9B) → the amount admitted, why the rest is disputed, and how
  the admitted amount will be paid (or that it has been paid);
- counterclaim → form N9B on paper; the claim leaves the online process (9.1). Not an
  online response, so :func:`read` never returns it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from rules.money import format_money


class ResponseType(StrEnum):
    """The defendant's first choice on the response task list."""

    FULL_ADMISSION = "full_admission"
    PART_ADMISSION = "part_admission"
    REJECT = "reject"
    COUNTERCLAIM = "counterclaim"


class RejectReason(StrEnum):
    ALREADY_PAID = "already_paid"
    DISPUTE = "dispute"


class Kind(StrEnum):
    """What the response is in law (decides what the court does next)."""

    FULL_DEFENCE = "full_defence"
    STATES_PAID = "states_paid"
    FULL_ADMISSION = "full_admission"
    PART_ADMISSION = "part_admission"


KIND_LABELS = {
    Kind.FULL_DEFENCE: "Defence: rejects all of the claim",
    Kind.STATES_PAID: "Defence: says the claim has been paid",
    Kind.FULL_ADMISSION: "Admits all of the claim",
    Kind.PART_ADMISSION: "Admits part of the claim and defends the rest",
}

#: Responses that include a defence: they come with a directions questionnaire and a
#: mediation choice (5.2, 6.1(2)-(3)).
DEFENCE_KINDS = frozenset({Kind.FULL_DEFENCE, Kind.STATES_PAID, Kind.PART_ADMISSION})


class PaymentOption(StrEnum):
    IMMEDIATELY = "immediately"
    BY_SET_DATE = "by_set_date"
    INSTALMENTS = "instalments"


PAYMENT_OPTION_LABELS = {
    PaymentOption.IMMEDIATELY: "Immediately (within 5 days)",
    PaymentOption.BY_SET_DATE: "By a set date",
    PaymentOption.INSTALMENTS: "By instalments",
}

FREQUENCIES = {
    "weekly": "Every week",
    "fortnightly": "Every 2 weeks",
    "four_weekly": "Every 4 weeks",
    "monthly": "Every month",
}

#: Party types (``claims.ocon1.PARTY_TYPES``) that give a statement of means; companies and
#: organisations give their accounts' key figures instead.
MEANS_PARTY_TYPES = frozenset({"individual", "sole_trader"})


#: What a represented defendant's defence states (CPR 16.5, PD 51R 6A.4(2)): the keys of its "defence" page, as the
#: response's summary names them.
CPR_16_5 = (
    ("denied", "Allegations denied, with the reasons for denying them"),
    ("text", "The defendant's own version of events"),
    ("admitted", "Allegations admitted"),
    ("not_admitted", "Allegations the defendant is unable to admit or deny and requires the claimant to prove"),
)


def cpr_16_5(data: dict[str, Any]) -> list[tuple[str, str]]:
    """A represented defendant's CPR 16.5 statements as (heading, text), "None" where left empty; [] for a defence
    without them (a defendant in person, or no defence)."""
    defence = page(data, "defence")
    if not str(defence.get("denied") or "").strip():
        return []
    return [(label, str(defence.get(key) or "").strip() or "None") for key, label in CPR_16_5]


class IncompleteResponse(ValueError):
    """The draft does not (yet) answer everything the response needs."""


# -- reading plain values ------------------------------------------------------------------


def page(data: dict[str, Any], slug: str) -> dict[str, Any]:
    value = data.get(slug)
    return value if isinstance(value, dict) else {}


def rows(data: dict[str, Any], slug: str) -> list[dict[str, Any]]:
    value = data.get(slug)
    if isinstance(value, dict):
        value = value.get("rows")
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def answer(data: dict[str, Any], slug: str, key: str) -> str:
    value = page(data, slug).get(key)
    return str(value) if value is not None else ""


def money(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# -- what the answers so far mean ---------------------------------------------------------------


@dataclass(frozen=True)
class Situation:
    """What the questions depend on: the answers so far and the claim they answer."""

    data: dict[str, Any]
    #: The amount claimed with the court fee, as on the claim form ("total amount").
    total: Decimal
    #: The defendant's party type on the claim form (individual, sole_trader, company, organisation).
    party_type: str
    #: The defendant has a registered legal representative, who responds for them: a defence then states what
    #: CPR 16.5 requires (6A.4(2)).
    represented: bool = False

    @property
    def response_type(self) -> str:
        return answer(self.data, "response_type", "type")

    @property
    def reject_reason(self) -> str:
        return answer(self.data, "reject_reason", "reason")

    @property
    def paid_admitted(self) -> bool:
        """A part admission whose admitted amount has already been paid."""
        return self.response_type == ResponseType.PART_ADMISSION and answer(self.data, "part_paid", "paid") == "yes"

    @property
    def kind(self) -> Kind | None:
        """The response in law, once the answers say it (None before)."""
        chosen = self.response_type
        if chosen == ResponseType.FULL_ADMISSION:
            return Kind.FULL_ADMISSION
        if chosen == ResponseType.PART_ADMISSION:
            return Kind.PART_ADMISSION
        if chosen == ResponseType.REJECT:
            if self.reject_reason == RejectReason.DISPUTE:
                return Kind.FULL_DEFENCE
            if self.reject_reason == RejectReason.ALREADY_PAID:
                paid = money(answer(self.data, "paid", "amount"))
                if paid is None:
                    return None
                return Kind.STATES_PAID if paid >= self.total else Kind.PART_ADMISSION
        return None

    @property
    def defends(self) -> bool:
        """The response defends all or part of the claim (known from the first choice)."""
        return self.response_type in (ResponseType.REJECT, ResponseType.PART_ADMISSION)

    @property
    def pays_later_or_now(self) -> bool:
        """The defendant says how they will pay an admitted amount (not already paid)."""
        if self.response_type == ResponseType.FULL_ADMISSION:
            return True
        return self.response_type == ResponseType.PART_ADMISSION and answer(self.data, "part_paid", "paid") == "no"

    @property
    def payment_option(self) -> str:
        return answer(self.data, "payment_option", "option") if self.pays_later_or_now else ""

    @property
    def asks_time_to_pay(self) -> bool:
        return self.payment_option in (PaymentOption.BY_SET_DATE, PaymentOption.INSTALMENTS)

    @property
    def gives_means(self) -> bool:
        """A statement of means is needed (time to pay asked by an individual or sole trader)."""
        return self.asks_time_to_pay and self.party_type in MEANS_PARTY_TYPES

    @property
    def gives_accounts(self) -> bool:
        """A company or organisation asking for time to pay gives its accounts' key figures."""
        return self.asks_time_to_pay and self.party_type not in MEANS_PARTY_TYPES


Applies = Callable[[Situation], bool]


def always(_: Situation) -> bool:
    return True


# -- the complete response ------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentPlan:
    option: PaymentOption
    #: Immediately: the date 5 days after the admission; by a set date: that date.
    pay_by: date | None = None
    instalment: Decimal | None = None
    frequency: str = ""
    first_payment: date | None = None

    def describe(self) -> str:
        if self.option == PaymentOption.INSTALMENTS:
            return (f"{format_money(self.instalment)} {FREQUENCIES[self.frequency].lower()}, "
                    f"starting {self.first_payment.day} {self.first_payment:%B %Y}")
        when = f"{self.pay_by.day} {self.pay_by:%B %Y}" if self.pay_by else ""
        if self.option == PaymentOption.IMMEDIATELY:
            return f"Immediately: the claimant should receive it by {when}"
        return f"In full by {when}"


@dataclass(frozen=True)
class Response:
    kind: Kind
    #: For admissions: the amount admitted (all of the claim for a full admission).
    admitted: Decimal | None = None
    #: The defendant says they have paid this (states paid, or a part admission already paid).
    paid: Decimal | None = None
    paid_on: date | None = None
    paid_how: str = ""
    defence: str = ""
    #: A represented defendant's defence, as CPR 16.5 asks (6A.4(2)): the allegations denied, with the reasons
    #: (``defence`` is then the defendant's own version of events), those admitted, and those the defendant cannot
    #: admit or deny and requires the claimant to prove.
    denied: str = ""
    allegations_admitted: str = ""
    not_admitted: str = ""
    timeline: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    plan: PaymentPlan | None = None
    #: With a defence: willing to try mediation (6.1(2)) or opting out (6.1(3)).
    mediation: bool | None = None
    preferred_court: str = ""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def read(situation: Situation, *, admission_date: date, pay_immediately_by: Callable[[date], date]) -> Response:
    """The complete response, checked; :class:`IncompleteResponse` says what is missing.

    ``admission_date`` is the day the response counts as received (14.1);
    ``pay_immediately_by`` gives the last day of the 5 days after it (7.3, ADM-5).
    """
    data = situation.data
    kind = situation.kind
    if situation.response_type == ResponseType.COUNTERCLAIM:
        raise IncompleteResponse("A counterclaim is made on paper with form N9B, not with this form")
    if kind is None:
        raise IncompleteResponse("Choose your response")
    details: dict[str, Any] = {}
    if situation.defends:
        defence = answer(data, "defence", "text").strip()
        if not defence:
            raise IncompleteResponse("Tell us why you disagree with the claim")
        details.update(
            defence=defence, timeline=rows(data, "defence_timeline"), evidence=rows(data, "defence_evidence")
        )
        if situation.represented:
            denied = answer(data, "defence", "denied").strip()
            if not denied:
                raise IncompleteResponse("Say which allegations the defendant denies and why (CPR 16.5)")
            details.update(denied=denied, allegations_admitted=answer(data, "defence", "admitted").strip(),
                           not_admitted=answer(data, "defence", "not_admitted").strip())
        willing = answer(data, "mediation", "willing")
        if willing not in ("yes", "no"):
            raise IncompleteResponse("Tell us whether you will try free mediation")
        details["mediation"] = willing == "yes"
        details["preferred_court"] = answer(data, "hearing_court", "court").strip()
        if not details["preferred_court"]:
            raise IncompleteResponse("Tell us which court you would prefer for a hearing")
    says_paid = situation.response_type == ResponseType.REJECT and situation.reject_reason == RejectReason.ALREADY_PAID
    if says_paid or situation.paid_admitted:
        paid = money(answer(data, "paid", "amount"))
        paid_on = day(answer(data, "paid", "date"))
        if paid is None or paid <= 0 or paid_on is None:
            raise IncompleteResponse("Tell us how much you have paid and when")
        details.update(paid=paid, paid_on=paid_on, paid_how=answer(data, "paid", "how").strip())
        if kind == Kind.PART_ADMISSION:
            details["admitted"] = paid
    if kind == Kind.FULL_ADMISSION:
        details["admitted"] = situation.total
    if kind == Kind.PART_ADMISSION and "admitted" not in details:
        admitted = money(answer(data, "admitted", "amount"))
        if admitted is None or not Decimal(0) < admitted < situation.total:
            raise IncompleteResponse("Tell us how much of the claim you admit")
        details["admitted"] = admitted
    if situation.pays_later_or_now:
        details["plan"] = _plan(situation, admission_date, pay_immediately_by)
    return Response(kind=kind, **details)


def _plan(situation: Situation, admission_date: date, pay_immediately_by: Callable[[date], date]) -> PaymentPlan:
    data = situation.data
    option = situation.payment_option
    if option == PaymentOption.IMMEDIATELY:
        return PaymentPlan(PaymentOption.IMMEDIATELY, pay_by=pay_immediately_by(admission_date))
    if option == PaymentOption.BY_SET_DATE:
        pay_by = day(answer(data, "payment_date", "date"))
        if pay_by is None:
            raise IncompleteResponse("Tell us the date you will pay by")
        return PaymentPlan(PaymentOption.BY_SET_DATE, pay_by=pay_by)
    if option == PaymentOption.INSTALMENTS:
        amount = money(answer(data, "instalments", "amount"))
        frequency = answer(data, "instalments", "frequency")
        first = day(answer(data, "instalments", "first_date"))
        if amount is None or amount <= 0 or frequency not in FREQUENCIES or first is None:
            raise IncompleteResponse("Tell us the instalments you offer")
        return PaymentPlan(PaymentOption.INSTALMENTS, instalment=amount, frequency=frequency, first_payment=first)
    raise IncompleteResponse("Tell us how you will pay")

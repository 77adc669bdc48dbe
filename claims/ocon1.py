"""Form OCON1, the online claim form of a claimant in person (PD 51R 4.1), and the claim form a legal
representative completes on the same screens (PD 51R 1.1 "online claim form").

A draft keeps the claimant's answers in ``Claim.draft_data``, one section a key, exactly
as the drafting pages save them (strings, as typed). This module is the one reader of
that shape: it says which sections are complete (the task list) and turns a complete
draft into a typed :class:`ClaimForm` for the check-your-answers page, the submission,
the figures and the sealed claim. No Django import: it is plain data.

The shape of ``draft_data``::

    claimant / defendant: {type: individual | sole_trader | company | organisation,
                           title, full_name, trading_name, name, contact_name,
                           date_of_birth (YYYY-MM-DD, claimant individual only),
                           address_line1, address_line2, town, postcode, phone, email}
    amount:      {items: [{description, amount}]}
    interest:    {choice: none | standard | different | fixed, rate, rate_reason,
                  from: submission | date, from_date (YYYY-MM-DD), from_reason,
                  fixed_amount, fixed_breakdown, fixed_continue: yes | no}
    particulars: {what_happened, timeline: [{date, event}], evidence: [{type, description}]}
    eligibility: {answers from the eligibility checker}

A claim made by a legal representative (PD 51R 1.1 "online claim form", 2.1(3)(d)(ii)-(iii))
has one more key, and may have a second claimant or defendant (2.1(3)(f)(ii))::

    representation: {claimant_firm: {name, sra_number, address_line1, address_line2, town,
                                     postcode, service_email}   (the firm, when the draft was made),
                     claimant_reference,
                     service_address: firm | other, address_line1, address_line2, town, postcode,
                     defendant: none | registered | unregistered,
                     defendant_firm: {id, name, sra_number, address…, service_email} (registered),
                     defendant_reference,
                     defendant_rep: {name, address_line1, address_line2, town, postcode} (unregistered),
                     additional_party: none | claimant | defendant}
    claimant2 / defendant2: a second party, as claimant / defendant
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from rules import represented as represented_rules
from rules.money import STATUTORY_RATE, InterestClaim, parse_money, pounds

PARTY_TYPES = {
    "individual": "An individual",
    "sole_trader": "A sole trader or self-employed person",
    "company": "A limited company",
    "organisation": "Another type of organisation",
}

EVIDENCE_TYPES = {
    "contract": "Contracts and agreements",
    "correspondence": "Letters, emails and other correspondence",
    "receipts": "Receipts",
    "statements": "Bank statements and statements of account",
    "photos": "Photographic evidence",
    "expert": "Expert witness",
    "witness": "Witness statements",
    "other": "Other",
}

#: (key, title) of the task list's sections, in order.
SECTIONS = [
    ("claimant", "Your details"),
    ("defendant", "The defendant's details"),
    ("amount", "Claim amount"),
    ("interest", "Interest"),
    ("particulars", "Claim details"),
]

#: The sections of a claim made by a legal representative. "Other parties" is asked only when the
#: defendant has a legal representative (2.1(3)(f)(ii)); against a defendant in person it is 1 v 1.
REPRESENTED_SECTIONS = [
    ("reference", "Your reference"),
    ("claimant", "The claimant's details"),
    ("service_address", "The claimant's address for service"),
    ("defendant_representation", "The defendant's legal representative"),
    ("defendant", "The defendant's details"),
    ("additional_party", "Other parties"),
    ("amount", "Claim amount"),
    ("interest", "Interest"),
    ("particulars", "Claim details"),
]
#: The statement of truth of the claim form (PD 51R 13.1(1)), as the claimant in person signs it…
STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this claim form are true. I understand that proceedings for contempt of "
    "court may be brought against anyone who makes, or causes to be made, a false statement in a document verified "
    "by a statement of truth without an honest belief in its truth."
)
#: …and as the claimant's legal representative signs it for the claimant (13.1(1)'s "[The claimant believes]
#: … [the claimant understands]"), with the signer's authority to sign for the claimant.
STATEMENT_OF_TRUTH_REPRESENTATIVE = (
    "The claimant believes that the facts stated in this claim form are true. The claimant understands that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false "
    "statement in a document verified by a statement of truth without an honest belief in its truth. I am duly "
    "authorised by the claimant to sign this statement."
)

#: The most characters of a legal representative's reference.
REFERENCE_MAX = 25
REPRESENTATION_LABELS = {
    "none": "No legal representative",
    "registered": "A legal representative registered with this service",
    "unregistered": "A legal representative not registered with this service",
}


@dataclass(frozen=True)
class Address:
    line1: str
    line2: str
    town: str
    postcode: str

    def lines(self) -> list[str]:
        return [part for part in (self.line1, self.line2, self.town, self.postcode) if part]


@dataclass(frozen=True)
class Party:
    type: str
    address: Address
    title: str = ""
    full_name: str = ""
    trading_name: str = ""
    name: str = ""
    contact_name: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""

    @property
    def type_label(self) -> str:
        return PARTY_TYPES.get(self.type, self.type)

    @property
    def is_person(self) -> bool:
        """An individual or a sole trader (the statement of means and affordability apply)."""
        return self.type in {"individual", "sole_trader"}

    @property
    def display_name(self) -> str:
        if self.type == "individual":
            return " ".join(part for part in (self.title, self.full_name) if part)
        if self.type == "sole_trader":
            base = " ".join(part for part in (self.title, self.full_name) if part)
            return f"{base} trading as {self.trading_name}" if self.trading_name else base
        return self.name


@dataclass(frozen=True)
class Item:
    description: str
    amount: Decimal


@dataclass(frozen=True)
class TimelineRow:
    date: str
    event: str


@dataclass(frozen=True)
class EvidenceRow:
    type: str
    description: str

    @property
    def type_label(self) -> str:
        return EVIDENCE_TYPES.get(self.type, self.type)


@dataclass(frozen=True)
class Firm:
    """A legal representative's firm as the claim form shows it (registered or not)."""

    name: str
    address: Address
    sra_number: str = ""
    service_email: str = ""
    firm_id: int | None = None


@dataclass(frozen=True)
class Representation:
    """Who acts for the parties of a claim made by a legal representative."""

    claimant_firm: Firm
    claimant_reference: str
    #: The claimant's address for service (2.1(3)(i)(ii)): the firm's, or another in England and Wales.
    service_address: Address
    #: none | registered | unregistered (``claims.constants.DefendantRepresentation``).
    defendant: str
    defendant_firm: Firm | None = None
    defendant_reference: str = ""

    @property
    def defendant_represented(self) -> bool:
        return self.defendant in {"registered", "unregistered"}

    @property
    def sent_out_once_issued(self) -> bool:
        """2.1(7): the defendant's representative is not registered: the claim leaves the service once issued."""
        return self.defendant == "unregistered"


@dataclass(frozen=True)
class ClaimForm:
    claimant: Party
    defendant: Party
    items: tuple[Item, ...]
    interest: InterestClaim
    interest_breakdown: str
    what_happened: str
    timeline: tuple[TimelineRow, ...] = field(default=())
    evidence: tuple[EvidenceRow, ...] = field(default=())
    representation: Representation | None = None
    claimant2: Party | None = None
    defendant2: Party | None = None

    @property
    def is_represented(self) -> bool:
        return self.representation is not None

    @property
    def claimants(self) -> tuple[Party, ...]:
        return (self.claimant, self.claimant2) if self.claimant2 else (self.claimant,)

    @property
    def defendants(self) -> tuple[Party, ...]:
        return (self.defendant, self.defendant2) if self.defendant2 else (self.defendant,)

    @property
    def principal(self) -> Decimal:
        """The amount claimed before interest: the sum of the items."""
        return pounds(sum((item.amount for item in self.items), Decimal(0)))


# -- reading the draft -------------------------------------------------------------------


def _text(section: dict[str, Any], key: str) -> str:
    return str(section.get(key) or "").strip()


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _rows(section: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = section.get(key)
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def party_complete(section: dict[str, Any], *, claimant: bool) -> bool:
    kind = _text(section, "type")
    if kind not in PARTY_TYPES:
        return False
    if kind in {"individual", "sole_trader"} and not _text(section, "full_name"):
        return False
    if kind in {"company", "organisation"} and not _text(section, "name"):
        return False
    if claimant and kind == "individual" and _date(_text(section, "date_of_birth")) is None:
        return False
    return all(_text(section, key) for key in ("address_line1", "town", "postcode"))


def items_of(data: dict[str, Any]) -> list[Item]:
    items = []
    for row in _rows(_section(data, "amount"), "items"):
        description, amount = _text(row, "description"), _text(row, "amount")
        if not description or not amount:
            continue
        try:
            items.append(Item(description, parse_money(amount)))
        except ValueError:
            continue
    return items


def interest_of(data: dict[str, Any]) -> InterestClaim | None:
    """The interest claimed, or None while the interest section is incomplete."""
    section = _section(data, "interest")
    choice = _text(section, "choice")
    try:
        if choice == "none":
            return InterestClaim()
        if choice in {"standard", "different"}:
            rate = STATUTORY_RATE if choice == "standard" else Decimal(_text(section, "rate"))
            reason = "" if choice == "standard" else _text(section, "rate_reason")
            if choice == "different" and not reason:
                return None
            start_choice = _text(section, "from")
            if start_choice == "submission":
                start = None
            elif start_choice == "date":
                start = _date(_text(section, "from_date"))
                if start is None:
                    return None
            else:
                return None
            return InterestClaim(
                kind="rate", rate=rate, rate_reason=reason, start=start, start_reason=_text(section, "from_reason")
            )
        if choice == "fixed":
            continuing = STATUTORY_RATE if _text(section, "fixed_continue") == "yes" else None
            fixed = parse_money(_text(section, "fixed_amount"))
            return InterestClaim(kind="fixed", fixed_amount=fixed, rate=continuing)
    except (ValueError, ArithmeticError):
        return None
    return None


def is_represented(data: dict[str, Any]) -> bool:
    """Is this the draft of a claim made by a legal representative?"""
    return isinstance(data.get("representation"), dict)


def sections(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The task list's sections for this draft."""
    if not is_represented(data):
        return SECTIONS
    if representation_answer(data) not in {"registered", "unregistered"}:
        return [section for section in REPRESENTED_SECTIONS if section[0] != "additional_party"]
    return REPRESENTED_SECTIONS


def representation_answer(data: dict[str, Any]) -> str:
    return _text(_section(data, "representation"), "defendant")


def additional_party(data: dict[str, Any]) -> str:
    """none | claimant | defendant: the second party of a claim where both sides are represented."""
    if representation_answer(data) not in {"registered", "unregistered"}:
        return "none"
    return _text(_section(data, "representation"), "additional_party")


def _address_complete(section: dict[str, Any]) -> bool:
    return all(_text(section, key) for key in ("address_line1", "town", "postcode"))


def _representation_status(data: dict[str, Any]) -> dict[str, bool]:
    rep = _section(data, "representation")
    answer = representation_answer(data)
    service = _text(rep, "service_address")
    if answer == "registered":
        defendant_rep = bool(_section(rep, "defendant_firm").get("id"))
    elif answer == "unregistered":
        defendant_rep = bool(_text(_section(rep, "defendant_rep"), "name")) and _address_complete(
            _section(rep, "defendant_rep"))
    else:
        defendant_rep = answer == "none"
    extra = additional_party(data)
    if extra == "claimant":
        others = party_complete(_section(data, "claimant2"), claimant=True)
    elif extra == "defendant":
        others = party_complete(_section(data, "defendant2"), claimant=False)
    else:
        others = extra == "none"
    return {
        "reference": bool(_text(rep, "claimant_reference")),
        "service_address": service == "firm" or (service == "other" and _address_complete(rep)),
        "defendant_representation": defendant_rep,
        "additional_party": others,
    }


def section_status(data: dict[str, Any]) -> dict[str, bool]:
    """Which sections of the task list are complete."""
    particulars = _section(data, "particulars")
    status = {
        "claimant": party_complete(_section(data, "claimant"), claimant=True),
        "defendant": party_complete(_section(data, "defendant"), claimant=False),
        "amount": bool(items_of(data)),
        "interest": interest_of(data) is not None,
        "particulars": bool(_text(particulars, "what_happened")),
    }
    if is_represented(data):
        status.update(_representation_status(data))
    return {key: status[key] for key, _ in sections(data)}


def is_complete(data: dict[str, Any]) -> bool:
    return all(section_status(data).values())


def _party(section: dict[str, Any]) -> Party:
    return Party(
        type=_text(section, "type"),
        title=_text(section, "title"),
        full_name=_text(section, "full_name"),
        trading_name=_text(section, "trading_name"),
        name=_text(section, "name"),
        contact_name=_text(section, "contact_name"),
        date_of_birth=_date(_text(section, "date_of_birth")),
        phone=_text(section, "phone"),
        email=_text(section, "email"),
        address=Address(
            line1=_text(section, "address_line1"),
            line2=_text(section, "address_line2"),
            town=_text(section, "town"),
            postcode=_text(section, "postcode"),
        ),
    )


class IncompleteClaim(ValueError):
    """The draft is missing answers; ``missing`` lists the sections' titles."""

    def __init__(self, missing: list[str]):
        super().__init__("Complete these sections first: " + ", ".join(missing))
        self.missing = missing


def read(data: dict[str, Any]) -> ClaimForm:
    """The complete claim form from a draft's answers; IncompleteClaim if sections are missing."""
    status = section_status(data)
    missing = [title for key, title in sections(data) if not status[key]]
    if missing:
        raise IncompleteClaim(missing)
    interest = interest_of(data)
    assert interest is not None
    particulars = _section(data, "particulars")
    return ClaimForm(
        claimant=_party(_section(data, "claimant")),
        defendant=_party(_section(data, "defendant")),
        items=tuple(items_of(data)),
        interest=interest,
        interest_breakdown=_text(_section(data, "interest"), "fixed_breakdown"),
        what_happened=_text(particulars, "what_happened"),
        timeline=tuple(
            TimelineRow(_text(row, "date"), _text(row, "event"))
            for row in _rows(particulars, "timeline")
            if _text(row, "date") or _text(row, "event")
        ),
        evidence=tuple(
            EvidenceRow(_text(row, "type"), _text(row, "description"))
            for row in _rows(particulars, "evidence")
            if _text(row, "type") or _text(row, "description")
        ),
        **_represented_parts(data),
    )


def _address(section: dict[str, Any]) -> Address:
    return Address(
        line1=_text(section, "address_line1"),
        line2=_text(section, "address_line2"),
        town=_text(section, "town"),
        postcode=_text(section, "postcode"),
    )


def _firm(section: dict[str, Any]) -> Firm:
    raw_id = section.get("id")
    return Firm(
        name=_text(section, "name"),
        address=_address(section),
        sra_number=_text(section, "sra_number"),
        service_email=_text(section, "service_email"),
        firm_id=raw_id if isinstance(raw_id, int) else None,
    )


def _represented_parts(data: dict[str, Any]) -> dict[str, Any]:
    if not is_represented(data):
        return {}
    rep = _section(data, "representation")
    claimant_firm = _firm(_section(rep, "claimant_firm"))
    answer = representation_answer(data)
    if answer == "registered":
        defendant_firm: Firm | None = _firm(_section(rep, "defendant_firm"))
    elif answer == "unregistered":
        defendant_firm = _firm(_section(rep, "defendant_rep"))
    else:
        defendant_firm = None
    extra = additional_party(data)
    return {
        "representation": Representation(
            claimant_firm=claimant_firm,
            claimant_reference=_text(rep, "claimant_reference"),
            service_address=claimant_firm.address if _text(rep, "service_address") == "firm" else _address(rep),
            defendant=answer,
            defendant_firm=defendant_firm,
            defendant_reference=_text(rep, "defendant_reference") if answer == "registered" else "",
        ),
        "claimant2": _party(_section(data, "claimant2")) if extra == "claimant" else None,
        "defendant2": _party(_section(data, "defendant2")) if extra == "defendant" else None,
    }


def statement_of_truth(data: dict[str, Any]) -> str:
    """The wording of the statement of truth this claim form is signed with (13.1(1))."""
    return STATEMENT_OF_TRUTH_REPRESENTATIVE if is_represented(data) else STATEMENT_OF_TRUTH


def party_problem(form: ClaimForm) -> str | None:
    """Why the claim's parties cannot use the online service (2.1(3)(f)), or None."""
    if form.representation is None:
        return None
    return represented_rules.party_limit_problem(
        len(form.claimants), len(form.defendants), defendant_represented=form.representation.defendant_represented)


def defendant_name(data: dict[str, Any]) -> str:
    """The defendant's name as far as the draft gives it (for dashboards), else ""."""
    return _party(_section(data, "defendant")).display_name.strip()

"""The claim's own documents: the sealed claim form, the claimant's issue receipt and the defendant's pack.

Registered with ``documents.registry`` (found by ``autodiscover_modules("pdfs")``). When the defendant's
pack is ready it is printed and posted, so its ``on_ready`` records service (``claim_served_by_post``).
The views they share with every other document are in ``claims.pdf_views``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from court.calendar import court_calendar
from documents.formatting import money
from documents.models import DocumentKind
from documents.registry import register
from rules import represented
from rules.periods import def_33

from .constants import ClaimState
from .models import Claim
from .pdf_views import claim_form_context
from .services import claim_served_by_post


@dataclass(frozen=True)
class PaymentView:
    amount: str
    reference: str
    completed_at: datetime
    #: For a fee paid from a firm's fee account: its PBA number, and the firm's reference sent with the payment.
    pba_number: str = ""
    customer_reference: str = ""


@dataclass(frozen=True)
class HelpWithFees:
    reference: str
    decision: str  # "Full remission: no fee to pay", … ("" while undecided)
    remitted: str


def fee_payments(claim: Claim) -> list[PaymentView]:
    """The completed payments of the court fee, by card or from a fee account (``claim.fee_payments``; none if
    absent)."""
    source: Any = getattr(claim, "fee_payments", None)
    if source is None:
        return []
    if hasattr(source, "all"):  # a related manager
        source = source.all()
    payments: Iterable[Any] = source
    return [
        PaymentView(amount=money(p.amount), reference=p.reference, completed_at=p.completed_at,
                    pba_number=getattr(p, "pba_number", ""), customer_reference=getattr(p, "customer_reference", ""))
        for p in payments
        if getattr(p, "completed_at", None) is not None
    ]


def help_with_fees(claim: Claim) -> HelpWithFees | None:
    if not claim.hwf_reference:
        return None
    return HelpWithFees(
        reference=claim.hwf_reference,
        decision=claim.get_hwf_decision_display() if claim.hwf_decision else "",
        remitted=money(claim.fee_remitted),
    )


def _response_deadline(claim: Claim) -> datetime:
    if claim.response_deadline is None:
        raise ValueError(f"claim {claim.claim_number} has no response deadline")
    return claim.response_deadline


def _claimant_represented(claim: Claim) -> bool:
    return claim.claimant_firm_id is not None


def extended_deadline(claim: Claim) -> datetime | None:
    """When a defendant who asks for more time must respond: 33 days after issue (5.1(7)),
    by the court calendar as it stands now. None where the claimant is represented: the court gives no
    more time then (the parties may agree it, 6A.2(2))."""
    if not claim.issue_date or not represented.court_gives_more_time(claimant_represented=_claimant_represented(claim)):
        return None
    return def_33(court_calendar(), claim.issue_date)


def service_context(claim: Claim) -> dict[str, Any]:
    """How the claim was served and what the defendant's time to respond is, for the receipt and the pack: the route
    (``rules.represented.ServiceRoute``: post, website, send_out), whether the claimant is represented (DEF-REP,
    6A.2(1)) and their representative's name, and the defendant's registered representative's name."""
    claimant_firm = claim.claimant_firm if claim.claimant_firm_id is not None else None
    defendant_firm = claim.defendant_firm if claim.defendant_firm_id is not None else None
    return {
        "service_route": represented.service_route(claim.defendant_representation).value,
        "claimant_represented": claimant_firm is not None,
        "claimant_firm_name": claimant_firm.name if claimant_firm is not None else "",
        "defendant_firm_name": defendant_firm.name if defendant_firm is not None else "",
    }


def sealed_claim_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    return {**claim_form_context(claim), "title": f"Claim form {claim.claim_number}"}


def issue_receipt_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    return {
        **claim_form_context(claim),
        "title": f"Claim issued: receipt for claim {claim.claim_number}",
        "issued_at": claim.issued_at,
        **service_context(claim),
        # A claim sent out as soon as it is issued (2.1(7)) has no online response deadline.
        "response_deadline": (claim.response_deadline if claim.state == ClaimState.SENT_OUT
                              else _response_deadline(claim)),
        "payments": fee_payments(claim),
        "help_with_fees": help_with_fees(claim),
        "fee_due": money(claim.fee_due),
    }


def defendant_pack_context(claim: Claim, *, respond_url: str = "", **extra: Any) -> dict[str, Any]:
    if not respond_url:
        raise ValueError("the defendant's pack needs respond_url: the web address to respond online")
    if not claim.security_code:
        raise ValueError(f"claim {claim.claim_number} has no security code")
    return {
        **claim_form_context(claim),
        "title": f"Claim {claim.claim_number}: you have been sued",
        **service_context(claim),
        "response_deadline": _response_deadline(claim),
        "extended_deadline": extended_deadline(claim),
        "security_code": claim.security_code,
        "respond_url": respond_url,
    }


register(DocumentKind.SEALED_CLAIM, template="pdf/sealed_claim.html", context=sealed_claim_context)
register(DocumentKind.ISSUE_RECEIPT, template="pdf/issue_receipt.html", context=issue_receipt_context)
register(
    DocumentKind.DEFENDANT_PACK, template="pdf/defendant_pack.html", context=defendant_pack_context,
    on_ready=claim_served_by_post,
)

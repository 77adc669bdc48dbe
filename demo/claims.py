"""Demo claims for trying the portal locally (``manage.py seed_demo``), made through the
same services a claimant uses, so they are real claims in every respect."""
from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from claims import services
from claims.models import Claim
from ocmc import clock
from payments.providers import ProviderPayment, ProviderStatus
from payments.services import payment_record_answer, payment_start
from rules import periods


def _answers(defendant: dict[str, str], amount: str, what: str) -> dict[str, Any]:
    return {
        "claimant": {
            "type": "individual", "title": "Ms", "full_name": "Clara Claimant", "date_of_birth": "1984-02-29",
            "address_line1": "1 High Street", "address_line2": "", "town": "Leeds", "postcode": "LS1 1AA",
            "phone": "0113 496 0000", "email": "claimant@example.com",
        },
        "defendant": {"address_line2": "", "contact_name": "", "phone": "", "email": "", **defendant},
        "amount": {"items": [{"description": "Unpaid invoice", "amount": amount}]},
        "interest": {"choice": "standard", "from": "submission"},
        "particulars": {
            "what_happened": what,
            "timeline": [{"date": "August 2026", "event": "Work finished and invoice sent"}],
            "evidence": [{"type": "contract", "description": "Signed quote"}],
        },
    }


def seed_demo_claims(claimant: Any) -> None:
    """Four claims for the demo claimant, unless they already have claims."""
    if Claim.objects.filter(owner=claimant).exists():
        return
    services.claim_draft_create(owner=claimant, data=_answers(
        {"type": "company", "name": "Acme Windows Ltd", "address_line1": "2 Mill Lane", "town": "Cardiff",
         "postcode": "CF10 1EP"}, "1250.00", "I paid a deposit for windows that were never fitted."))
    old = services.claim_draft_create(owner=claimant, data={"defendant": {"type": "individual",
                                                                          "full_name": "Sam Jones"}})
    # A draft last saved 26 days ago: the scheduled job deletes it in two days.
    saved = clock.now() - timedelta(days=26)
    expires = periods.draft_28(saved)
    Claim.objects.filter(pk=old.pk).update(
        last_saved_at=saved, created_at=saved, draft_expires_at=expires,
        draft_reminder_at=periods.draft_reminder(expires),
    )
    # Issued: paid through the (fake) card service.
    paid = services.claim_draft_create(owner=claimant, data=_answers(
        {"type": "company", "name": "Bright Kitchens Ltd", "address_line1": "9 Canal Street", "town": "Manchester",
         "postcode": "M1 3HE"}, "2400.00", "I supplied worktops the defendant ordered. The invoice is unpaid."))
    services.claim_submit(claim_id=paid.pk, actor=claimant, signed_name="Clara Claimant")
    payment = payment_start(claim_id=paid.pk, actor=claimant, idempotency_key=uuid.uuid4())
    payment_record_answer(payment_id=payment.pk, remote=ProviderPayment(
        id=payment.reference or "", status=ProviderStatus.SUCCESS, finished_at=clock.now()))
    # Waiting for a caseworker's Help with Fees decision.
    hwf = services.claim_draft_create(owner=claimant, data=_answers(
        {"type": "individual", "full_name": "Robin Tenant", "address_line1": "4 Park Road", "town": "Swansea",
         "postcode": "SA1 1AA"}, "640.00", "My former tenant left owing two months' rent."))
    services.claim_submit(claim_id=hwf.pk, actor=claimant, signed_name="Clara Claimant")
    services.claim_hwf_apply(claim_id=hwf.pk, actor=claimant, reference="HWF-A1B-23C")

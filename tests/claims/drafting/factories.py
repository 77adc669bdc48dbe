"""A complete, valid ``draft_data`` (form OCON1) for tests that need a drafted claim.

``complete_draft_data(**overrides)`` replaces whole sections: pass
``interest={"choice": "none"}`` or ``amount={"items": [...]}``. The default is an
individual claiming £1,000.00 from a company in England, with 8% interest from the date
of submission.
"""
from __future__ import annotations

import copy
from typing import Any

_COMPLETE: dict[str, Any] = {
    "eligibility": {},
    "claimant": {
        "type": "individual",
        "title": "Ms",
        "full_name": "Sam Claimant",
        "date_of_birth": "1980-05-17",
        "address_line1": "1 High Street",
        "address_line2": "",
        "town": "Bristol",
        "postcode": "BS1 4ST",
        "phone": "07700 900982",
        "email": "sam@example.com",
    },
    "defendant": {
        "type": "company",
        "name": "Acme Building Ltd",
        "contact_name": "",
        "address_line1": "2 Low Road",
        "address_line2": "",
        "town": "Leeds",
        "postcode": "LS1 1AA",
        "phone": "",
        "email": "",
    },
    "amount": {"items": [{"description": "Unpaid invoice 1001", "amount": "1000.00"}]},
    "interest": {"choice": "standard", "from": "submission"},
    "particulars": {
        "what_happened": "I built a wall for the defendant. They have not paid my invoice.",
        "timeline": [{"date": "March 2026", "event": "I built the wall and sent the invoice."}],
        "evidence": [{"type": "contract", "description": "The quote they accepted"}],
    },
}


def complete_draft_data(**overrides: Any) -> dict[str, Any]:
    """A complete draft (``claims.ocon1.read`` accepts it), with whole sections replaced by ``overrides``."""
    data = copy.deepcopy(_COMPLETE)
    data.update(copy.deepcopy(overrides))
    return data

"""A complete draft of a claim made by a legal representative, for tests (``claims.ocon1``'s represented shape).

``represented_draft(solicitor, **sections)`` starts the draft through ``claim_represented_draft_create`` (so the
firm, its snapshot and the creator's assignment are real) and saves complete answers over it; sections given
replace whole sections (``representation`` merges into the one the service made).
"""
from __future__ import annotations

import copy
from typing import Any

from claims.models import Claim
from claims.services import claim_draft_save, claim_represented_draft_create

from .drafting.factories import complete_draft_data

#: The represented checker's answers for a claim against a defendant in person.
ELIGIBILITY_IN_PERSON = {
    "claim-amount": "up-to-25000", "personal-injury": "no", "consumer-credit": "no", "help-with-fees": "no",
    "claimant-age": "organisation", "claimant-protected-party": "no", "claimant-address": "yes",
    "email-address": "yes", "restraint-order": "no", "crown": "no", "defendant-address": "yes",
    "defendant-age": "organisation", "defendant-protected-party": "no", "defendant-legal-representative": "none",
    "parties-defendant-in-person": "yes",
}

CLAIMANT_COMPANY = {
    "type": "company", "name": "Widget Supplies Ltd", "contact_name": "", "address_line1": "5 Mill Lane",
    "address_line2": "", "town": "Bristol", "postcode": "BS1 4ST", "phone": "", "email": "",
}


def represented_draft(solicitor: Any, *, eligibility: dict[str, str] | None = None, **sections: Any) -> Claim:
    claim = claim_represented_draft_create(actor=solicitor, eligibility=dict(eligibility or ELIGIBILITY_IN_PERSON))
    representation = {**claim.draft_data["representation"], "claimant_reference": "WID/123",
                      "service_address": "firm", "defendant": "none", "additional_party": "none"}
    representation.update(copy.deepcopy(sections.pop("representation", {})))
    data = complete_draft_data(claimant=CLAIMANT_COMPANY, **sections)
    data.pop("eligibility")
    data["representation"] = representation
    return claim_draft_save(claim_id=claim.pk, actor=solicitor, data=data)

"""Every step on a claim goes through a function here.

Each one runs in a transaction, locks the claim row, checks who may act
(``claims.policy``), changes the claim, records the step on the timeline and queues the
notifications, all in that one transaction. Views and Celery tasks call these functions;
they never change a claim themselves. ``actor=None`` means the court's automated system
(a scheduled job acting on a deadline).

One module a capability: ``drafts`` (the claimant's draft), ``submission`` (submitting, the
fee or Help with Fees, issue and service), ``deadlines`` (the court calendar changed),
``leaving`` (sending a claim out of the online process, and who the court tells), ``staff``
(court staff reading what the record keeps back), on ``common`` (finding and locking a claim).
"""
from __future__ import annotations

from .common import locked_claim
from .deadlines import claim_deadlines_recompute, claimant_answer_period_starts
from .drafts import (
    claim_draft_create,
    claim_draft_delete,
    claim_draft_remind,
    claim_draft_save,
    claim_represented_draft_create,
    firm_snapshot,
)
from .leaving import defendant_contact, parties_to_tell, send_out, sent_out_place
from .staff import security_code_read
from .submission import (
    claim_fee_paid,
    claim_hwf_apply,
    claim_hwf_decide,
    claim_return_to_draft,
    claim_served_by_post,
    claim_submit,
)

__all__ = [
    "claim_deadlines_recompute",
    "claim_draft_create",
    "claim_draft_delete",
    "claim_draft_remind",
    "claim_draft_save",
    "claim_fee_paid",
    "claim_hwf_apply",
    "claim_hwf_decide",
    "claim_represented_draft_create",
    "claim_return_to_draft",
    "claim_served_by_post",
    "claim_submit",
    "claimant_answer_period_starts",
    "defendant_contact",
    "firm_snapshot",
    "locked_claim",
    "parties_to_tell",
    "security_code_read",
    "send_out",
    "sent_out_place",
]

"""The coherence check (tests/state_coherence.py) finds a response that contradicts its claim."""
from __future__ import annotations

from claims.constants import ClaimState
from claims.models import Claim
from responses.models import DefendantResponse, ResponseState
from tests.responses.test_services import DEFENCE_PAGES, respond
from tests.state_coherence import contradictions


def test_a_response_that_contradicts_its_claim_is_found(linked):
    claim, dan = linked
    response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                       **DEFENCE_PAGES)
    assert contradictions() == []
    Claim.objects.filter(pk=claim.pk).update(state=ClaimState.ISSUED)  # as if the claim had not moved on
    assert contradictions() == [f"claim {claim.pk} is 'issued' but its responses.defendantresponse is "
                                f"'{ResponseState.WITH_CLAIMANT}'"]
    DefendantResponse.objects.filter(pk=response.pk).update(state=ResponseState.WITHDRAWN)
    Claim.objects.filter(pk=claim.pk).update(state=ClaimState.AWAITING_CLAIMANT_RESPONSE)
    assert len(contradictions()) == 1  # an admission withdrawn while the claim is still online
    Claim.objects.filter(pk=claim.pk).update(state=ClaimState.SENT_OUT)
    assert contradictions() == []

"""Telling the parties about a step on their claim (PD 51R 3.1): one email kind, its
headline and paragraphs given by the step, queued once per party with a key."""
from __future__ import annotations

from collections.abc import Iterable

from court.notifications import notify

from .models import Claim
from .services import parties_to_tell


def tell_parties(claim: Claim, *, key: str, headline: str, paragraphs: Iterable[str],
                 roles: Iterable[str] = ("claimant", "defendant")) -> None:
    """Email each party the court can reach (the claimant; the defendant by account or by the
    email on the claim form). ``key`` makes it once-only: a step retried tells nobody twice."""
    wanted = set(roles)
    lines = [p for p in paragraphs if p]
    for role, email, user in parties_to_tell(claim):
        if role not in wanted:
            continue
        notify(kind="claim_update", to_email=email, user=user, claim_number=claim.claim_number or "",
               key=f"{key}:{role}",
               context={"claim": claim, "role": role, "headline": headline, "paragraphs": lines})

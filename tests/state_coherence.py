"""The claim's state is the answer to "where is this claim?": no child machine may contradict it.

After every test that touches the database passes, ``tests/conftest.py`` reads every claim the test
left, with the state of each record of its that has a machine of its own (found through the
diagrams' registry: every ``FSMField`` model with a ``claim`` link), and checks each pair
(the claim's state, the child's state) against ``ALLOWED``. So every journey the suite walks is
checked, step by step where a test checks in between, and a new journey is checked the day its test
is written. ``--record-state-pairs=FILE`` writes the pairs seen instead, to review a new machine.
"""
from __future__ import annotations

from collections.abc import Iterator

from claims.constants import ClaimState as C
from court.state_diagrams import machines

_BEFORE_RESPONSE = {C.DRAFT, C.AWAITING_FEE, C.AWAITING_HWF_DECISION, C.ISSUED}
_AFTER_RESPONSE = set(C) - _BEFORE_RESPONSE
#: Closed or gone from the online service: a child record stays as it last stood.
_ENDED = {C.SETTLED, C.DISCONTINUED, C.SENT_OUT}

#: (child machine, its state) → the claim states it may stand beside. A pair not listed is a contradiction.
ALLOWED: dict[tuple[str, str], set[str]] = {}


def allow(machine: str, state: str, claim_states: set[str]) -> None:
    ALLOWED[(machine, state)] = set(claim_states)


# -- the defendant's response (responses.DefendantResponse) -----------------------------------------------------
allow("responses.defendantresponse", "submitted", set())  # it goes to the claimant in the step that receives it
allow("responses.defendantresponse", "with_claimant", _AFTER_RESPONSE - {C.JUDGMENT_ENTERED})
allow("responses.defendantresponse", "accepted", _AFTER_RESPONSE)
allow("responses.defendantresponse", "rejected",
      {C.AWAITING_CLAIMANT_RESPONSE, C.MEDIATION, C.AWAITING_DIRECTIONS, C.DIRECTIONS_MADE, C.STAYED} | _ENDED)
allow("responses.defendantresponse", "continuing_as_defence",
      {C.MEDIATION, C.AWAITING_DIRECTIONS, C.DIRECTIONS_MADE, C.STAYED} | _ENDED)
allow("responses.defendantresponse", "withdrawn", {C.SENT_OUT})


def child_machines() -> list[tuple[str, type, str]]:
    """(label, model, state field's name) of every machine other than the claim's whose record belongs to a claim."""
    found = []
    for machine in machines():
        model = machine.model
        if model._meta.label_lower == "claims.claim":
            continue
        if any(field.name == "claim" for field in model._meta.get_fields()):
            found.append((model._meta.label_lower, model, machine.field.name))
    return found


def pairs() -> Iterator[tuple[str, str, str, int]]:
    """(child machine, child state, claim state, claim id) for every child record in the database."""
    for label, model, field in child_machines():
        for claim_id, state, claim_state in model.objects.values_list("claim_id", field, "claim__state"):
            yield label, state, claim_state, claim_id


def contradictions() -> list[str]:
    return [f"claim {claim_id} is {claim_state!r} but its {label} is {state!r}"
            for label, state, claim_state, claim_id in pairs()
            if claim_state not in ALLOWED.get((label, state), set())]

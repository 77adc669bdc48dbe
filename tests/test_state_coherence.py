"""The check that no record's own state contradicts its claim's (tests/state_coherence.py) can fail."""
from __future__ import annotations

from tests.state_coherence import ALLOWED, child_machines


def test_every_child_machine_state_is_listed_with_the_claim_states_it_may_stand_beside():
    for label, model, field in child_machines():
        for state, _ in model._meta.get_field(field).flatchoices:
            assert (label, state) in ALLOWED, f"{label} {state!r}: say which claim states it may stand beside"


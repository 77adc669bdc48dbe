"""The claim's state is the answer to "where is this claim?": no child machine may contradict it.

After every test that touches the database passes, ``tests/conftest.py`` reads every claim the test
left, with the state of each record of its that has a machine of its own (found through the
diagrams' registry: every ``FSMField`` model with a ``claim`` link), and checks each pair
(the claim's state, the child's state) against ``ALLOWED``. So every journey the suite walks is
checked, step by step where a test checks in between, and a new journey is checked the day its test
is written. ``--record-state-pairs=FILE`` also writes the pairs seen, to review a new machine.
"""
from __future__ import annotations

from collections.abc import Iterator

from claims.constants import ClaimState as C
from claims.policy import APPLICATION_STATES
from court.state_diagrams import machines

_BEFORE_RESPONSE = {C.DRAFT, C.AWAITING_FEE, C.AWAITING_HWF_DECISION, C.ISSUED}
_AFTER_RESPONSE = set(C) - _BEFORE_RESPONSE
#: Closed or gone from the online service. A child record then stays as it last stood: the claim's own state
#: answers "where is this claim?", and nothing online acts on a child of a claim that has ended (claims.policy
#: allows no step; the work queues list only live claims).
_ENDED = {C.SETTLED, C.DISCONTINUED, C.SENT_OUT}
#: A party's application, and a referral for it, may come whenever the claim is live online, judgment included.
_LIVE = set(APPLICATION_STATES) | {C.JUDGMENT_ENTERED}

#: (child machine, its state) → the claim states it may stand beside. A pair not listed is a contradiction.
ALLOWED: dict[tuple[str, str], set[str]] = {}


def allow(machine: str, state: str, claim_states: set[str]) -> None:
    ALLOWED[(machine, state)] = set(claim_states)


# -- the defendant's response (responses.DefendantResponse) -----------------------------------------------------
allow("responses.defendantresponse", "submitted", set())  # it goes to the claimant in the step that receives it
#: A response in Welsh waits for its translation while the claimant has nothing to answer (6B.1(2)); a claim closed
#: or sent out meanwhile leaves it as it stood.
allow("responses.defendantresponse", "held_for_translation", {C.AWAITING_CLAIMANT_RESPONSE} | _ENDED)
allow("responses.defendantresponse", "with_claimant", _AFTER_RESPONSE - {C.JUDGMENT_ENTERED})
allow("responses.defendantresponse", "accepted", _AFTER_RESPONSE)
allow("responses.defendantresponse", "rejected",
      {C.AWAITING_CLAIMANT_RESPONSE, C.MEDIATION, C.AWAITING_DIRECTIONS, C.DIRECTIONS_MADE, C.STAYED} | _ENDED)
allow("responses.defendantresponse", "continuing_as_defence",
      {C.MEDIATION, C.AWAITING_DIRECTIONS, C.DIRECTIONS_MADE, C.STAYED} | _ENDED)
allow("responses.defendantresponse", "withdrawal_asked", {C.SENT_OUT})  # the application sends it out (7.46(3))
allow("responses.defendantresponse", "withdrawn", {C.SENT_OUT})
allow("responses.defendantresponse", "withdrawal_refused", {C.SENT_OUT})

# -- the judgment (judgments.Judgment) ----------------------------------------------------------------------------
allow("judgments.judgment", "entered", {C.JUDGMENT_ENTERED, C.SENT_OUT})  # a variation refused stands, sent out
for _state in ("redetermination_requested", "redetermined", "variation_applied_for", "varied", "set_aside"):
    allow("judgments.judgment", _state, {C.SENT_OUT})  # each sends the claim to a judge out of the online court
for _state in ("removed_from_register", "satisfied"):
    allow("judgments.judgment", _state, {C.JUDGMENT_ENTERED, C.SENT_OUT})

# -- the settlement agreement (judgments.SettlementAgreement) ----------------------------------------------------
allow("judgments.settlementagreement", "proposed", {C.SETTLEMENT_OFFERED} | _ENDED)
allow("judgments.settlementagreement", "signed", {C.SETTLEMENT_AGREED} | _ENDED)
for _state in ("rejected", "lapsed"):  # the claimant may then ask for judgment on the admission (7.9, 7.14)
    allow("judgments.settlementagreement", _state,
          {C.AWAITING_CLAIMANT_RESPONSE, C.STAYED, C.JUDGMENT_ENTERED} | _ENDED)
allow("judgments.settlementagreement", "broken", set())  # judgment is entered in the same step (7.8(2))
allow("judgments.settlementagreement", "judgment_entered", {C.JUDGMENT_ENTERED, C.SENT_OUT})

# -- referrals to a legal adviser or judge, and parties' applications (defended) ---------------------------------
allow("defended.referral", "open", _LIVE | _ENDED)
for _state in ("decided", "passed_on", "closed"):
    allow("defended.referral", _state, _LIVE | _ENDED)
allow("defended.application", "made", _LIVE)  # the services refer it, or decide it at once, as it arrives
allow("defended.application", "referred", _LIVE | _ENDED)
# An online application with notice waits for the respondent (16B.1(7)); on a claim that leaves meanwhile, the
# APP-RESP-5 sweep closes it when its time passes.
allow("defended.application", "awaiting_respondent", _LIVE | _ENDED)
for _state in ("decided", "closed"):
    allow("defended.application", _state, _LIVE | _ENDED)

# -- a debt-respite breathing space (claims.BreathingSpace): recorded and ended on a live claim --------------------
for _state in ("in_force", "ended"):
    allow("claims.breathingspace", _state, _LIVE | _ENDED)

# -- the fast track's trial readiness certificates (defended.TrialReadinessNotice, 6C.3) ----------------------------
# Asked for only on a claim that stays online after directions (6C.1(2)), which waits in "directions made" until
# the certificates are in or the time passes; then a judge takes the claim on from there.
allow("defended.trialreadinessnotice", "waiting", {C.DIRECTIONS_MADE} | _ENDED)
for _state in ("all_filed", "time_passed"):
    allow("defended.trialreadinessnotice", _state, _LIVE | _ENDED)



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

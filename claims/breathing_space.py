"""Recording a debt-respite breathing space on a claim, and its end (PD 51R 11.1(2A), 11.1B(8)(b)).

Court staff (a caseworker, from the claim's admin page) or the claimant's solicitor record one; while it is in force
judgment in default and the steps that enforce the claim are refused (every judgment is entered through
``judgments.services.enter_judgment``, which checks it under the claim's lock). Each step here locks the claim row
first, so a request for judgment racing the recording of a moratorium sees it or comes before it: never a judgment
entered while one is in force. Its end (the stored ``ends_at``, swept by ``claims.breathing_space_ended``, or an end
recorded as already past) is on the timeline and the parties are told that the barred steps are open again.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from court.templatetags.govuk import govuk_date
from ocmc import clock
from rules import breathing_space as rules
from rules.calendar import local

from . import timeline
from .errors import ClaimError
from .models import BreathingSpace, BreathingSpaceKind, BreathingSpaceState, breathing_space_in_force
from .notices import tell_parties
from .policy import Action, require
from .services import locked_claim

BARRED = ("While it is in force the claimant cannot ask for judgment online, and no judgment can be entered: "
          "an application for default judgment must be made on paper under CPR Part 23.")
RESTARTED = "The claimant can now take the steps the breathing space stopped, such as asking for judgment."


def _locked(claim_id: int) -> Any:
    claim = locked_claim(claim_id)
    if claim is None:
        raise ClaimError("This claim no longer exists.")
    return claim


def breathing_space_record(*, claim_id: int, actor: Any, kind: str, starts_on: date,
                           ends_on: date | None = None) -> BreathingSpace:
    """Record a breathing space the court has been told of. Only one is in force at a time; recording the same one
    again changes nothing."""
    with transaction.atomic():
        claim = _locked(claim_id)
        now = clock.now()
        current = claim.breathing_spaces.filter(state=BreathingSpaceState.IN_FORCE).first()
        # Whoever may record one may end the one recorded (``claims.policy``): the same people are answered.
        require(actor, claim, Action.RECORD_BREATHING_SPACE if current is None else Action.END_BREATHING_SPACE)
        if current is not None:
            if (current.kind, current.starts_on, current.ends_on) == (kind, starts_on, ends_on):
                return current
            raise ClaimError("A breathing space is already recorded on this claim. Record its end first.")
        problem = rules.recording_problem(kind, starts_on=starts_on, ends_on=ends_on, today=local(now).date())
        if problem:
            raise ClaimError(problem)
        space = BreathingSpace.objects.create(
            claim=claim, kind=kind, starts_on=starts_on, ends_on=ends_on,
            ends_at=rules.ends_at(ends_on) if ends_on is not None else None, recorded_at=now, recorded_by=actor)
        until = f" to {govuk_date(ends_on)}" if ends_on else " (end not known yet)"
        label = BreathingSpaceKind(kind).label
        timeline.record(claim, kind="breathing_space_recorded", actor=actor,
                        summary=f"{label} recorded from {govuk_date(starts_on)}{until} (PD 51R 11.1B(8)(b))",
                        data={"breathing_space": space.pk, "kind": kind, "starts_on": starts_on.isoformat(),
                              "ends_on": ends_on.isoformat() if ends_on else None})
        tell_parties(claim, key=f"breathing-space:{space.pk}:recorded",
                     headline=f"A {label.lower()} has been recorded on the claim",
                     paragraphs=[f"It is in force from {govuk_date(starts_on)}{until}.", BARRED])
    return space


def breathing_space_end_record(*, claim_id: int, actor: Any, ends_on: date) -> BreathingSpace:
    """Record the last day of the breathing space in force (the end of a mental health crisis moratorium, or an
    earlier end of a standard one). A day already past ends it now."""
    with transaction.atomic():
        claim = _locked(claim_id)
        require(actor, claim, Action.END_BREATHING_SPACE)
        space = BreathingSpace.objects.select_for_update().filter(
            claim=claim, state=BreathingSpaceState.IN_FORCE).first()
        if space is None:
            raise ClaimError("No breathing space is in force on this claim.")
        problem = rules.end_problem(starts_on=space.starts_on, ends_on=ends_on)
        if problem:
            raise ClaimError(problem)
        if space.ends_on == ends_on:
            return space
        space.ends_on, space.ends_at = ends_on, rules.ends_at(ends_on)
        now = clock.now()
        timeline.record(claim, kind="breathing_space_end_recorded", actor=actor,
                        summary=f"The breathing space's last day is recorded as {govuk_date(ends_on)}",
                        data={"breathing_space": space.pk, "ends_on": ends_on.isoformat()})
        if space.ends_at <= now:
            _end(claim, space, by=actor)
        else:
            space.save()
            tell_parties(claim, key=f"breathing-space:{space.pk}:ends:{ends_on.isoformat()}",
                         headline="The end of the breathing space has been recorded",
                         paragraphs=[f"It ends at the end of {govuk_date(ends_on)}.", BARRED])
    return space


def breathing_space_lapse(*, breathing_space_id: int) -> bool:
    """The court's deadline engine: the breathing space's last day has passed, so it ends (a sweep running twice,
    or late, ends it once)."""
    with transaction.atomic():
        claim_id = BreathingSpace.objects.filter(pk=breathing_space_id).values_list("claim_id", flat=True).first()
        if claim_id is None:
            return False
        claim = _locked(claim_id)
        space = BreathingSpace.objects.select_for_update().get(pk=breathing_space_id)
        if space.state != BreathingSpaceState.IN_FORCE or space.ends_at is None or space.ends_at > clock.now():
            return False
        _end(claim, space, by=None)
        return True


def _end(claim: Any, space: BreathingSpace, *, by: Any) -> None:
    space.end(at=clock.now(), by=by)
    space.save()
    timeline.record(claim, kind="breathing_space_ended", actor=by,
                    summary=f"The breathing space ended at the end of {govuk_date(space.ends_on)}: the steps it "
                            "stopped can be taken again",
                    data={"breathing_space": space.pk})
    tell_parties(claim, key=f"breathing-space:{space.pk}:ended", headline="The breathing space has ended",
                 paragraphs=[f"The breathing space ended at the end of {govuk_date(space.ends_on)}.", RESTARTED])


def refuse_during_breathing_space(claim: Any, what: str = "judgment") -> None:
    """Refuse a step that enforces the claim while a moratorium is in force. The caller holds the claim's lock."""
    space = breathing_space_in_force(claim, clock.now())
    if space is not None:
        raise BreathingSpaceInForce(
            f"A debt respite breathing space is in force for the defendant (from {govuk_date(space.starts_on)}), so "
            f"the court cannot enter {what}. An application for default judgment must be made on paper under CPR "
            "Part 23 (PD 51R 11.1(2A), 11.1B(8)).")


class BreathingSpaceInForce(ClaimError):
    """A step refused because a breathing space moratorium is in force."""

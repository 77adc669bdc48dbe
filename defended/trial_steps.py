"""The caseworker's step on a fast track claim that stays online in an early adopter court (PD 51R 6C.1(2),
6C.3(1), (3)): record the allocation to the fast track and send the court's notice asking for trial readiness
certificates. A provider for ``claims.admin_steps``, registered by ``defended.admin``."""
from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from claims import admin_steps
from claims.early_adopter import early_adopter_court
from claims.models import Claim
from claims.policy import Action, can
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_datetime
from ocmc import clock
from rules import trial

from . import services
from .staff_forms import ConfirmForm


class TrialClaimSteps(admin_steps.ClaimSteps):
    order = 20

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        if can(request.user, claim, Action.ALLOCATE_FAST_TRACK):
            return [("Allocate to the fast track and ask for trial readiness certificates",
                     reverse("admin:claims_claim_fast_track", args=[claim.pk]))]
        return []

    def urls(self) -> list[Any]:
        return self.pages([("fast-track", self.fast_track_view, "fast_track")])

    def fast_track_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            notice = services.fast_track_allocate(claim_id=claim.pk, actor=request.user)
            return (f"Allocated to the fast track. Each party must file its trial readiness certificate before "
                    f"{govuk_datetime(notice.deadline)}; both parties have been told. The trial bundle is being "
                    "built.")

        def intro(claim: Claim) -> list[str]:
            deadline = trial.certificate_deadline(court_calendar(), clock.now())
            return [f"Every party is legally represented and the claim proceeds in {early_adopter_court(claim)}, an "
                    "early adopter court, so it stays online (6C.1(2)).",
                    "The court's notice asks each party's legal representative to file a trial readiness certificate "
                    f"on the website within 2 weeks: before {govuk_datetime(deadline)} if sent now (6C.3(3)). When "
                    "every certificate is in, or the 2 weeks pass, the claim goes to a judge (6C.3(4)).",
                    "The court also builds the trial bundle, which both parties can download (6C.4)."]

        return self.step_page(request, pk, action=Action.ALLOCATE_FAST_TRACK,
                              title="Allocate to the fast track and ask for trial readiness certificates",
                              make_form=lambda post, files, claim: ConfirmForm(post), run=run, intro=intro,
                              submit="Allocate and send the notice")

"""Court staff's steps on a defended claim, on the claim's admin page (PD 51R Sections 6, 10, 16-20).

``DefendedClaimSteps`` is a provider for ``claims.admin_steps`` (``defended.admin`` registers it):
the buttons this member of staff may press now, a form page for each, and what the claim's page
shows about its referrals, applications, orders and paper response. Each page calls the service;
the service checks who may act (``claims.policy``) and records the step on the timeline with the
staff member's name and title.
"""
from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from accounts.roles import StaffRole, staff_role
from claims import admin_steps
from claims.constants import ClaimState
from claims.models import Claim
from claims.policy import Action, can
from court.models import HearingCentre
from court.templatetags.govuk import govuk_datetime

from . import rules, services
from .models import Application, PaperNature
from .staff_forms import (
    ConfirmForm,
    DecideApplicationForm,
    DirectionsForm,
    FurtherExtensionForm,
    MediationOutcomeForm,
    PaperApplicationForm,
    PaperContactForm,
    PaperResponseForm,
    ReferForm,
    SendOutForm,
    pending_applications,
)


def _upload(file: Any) -> services.Upload:
    return services.Upload(name=file.name, content_type=file.content_type or "", content=file.read())


def _where(claim: Claim) -> str:
    return claim.sent_out_court or claim.get_sent_out_to_display()


def _extension_open(claim: Claim) -> bool:
    """The time extension form (OCON9) was sent, and the defendant has not had more time yet (10.1(6)(b))."""
    paper = getattr(claim, "paper_response", None)
    return (paper is not None and "OCON9" in paper.forms and not paper.more_time_asked
            and paper.extension_received_at is None)


def _refer_title(role: StaffRole | None) -> str:
    """A legal adviser refers to a judge only (Table A 3); a caseworker to either."""
    return "Refer to a judge" if role == StaffRole.LEGAL_ADVISER else "Refer to a judge or legal adviser"


class DefendedClaimSteps(admin_steps.ClaimSteps):
    """The steps on a defended claim, on the claim's admin page (``claims.admin_steps``): the buttons
    (``steps``), the pages (``urls``) and what the claim's page shows about it (``defended_panel``)."""

    order = 10

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        user = request.user
        role = staff_role(user)
        steps = []

        def add(action: Action, label: str, name: str, *, when: bool = True) -> None:
            if when and can(user, claim, action):
                steps.append((label, reverse(f"admin:claims_claim_{name}", args=[claim.pk])))

        add(Action.RECORD_MEDIATION_OUTCOME, "Record the mediation outcome", "mediation")
        add(Action.RECORD_PAPER_CONTACT, "Record the defendant's call (paper response)", "paper_contact")
        add(Action.ENTER_PAPER_RESPONSE, "Record the time extension form (OCON9)", "paper_extension",
            when=_extension_open(claim))
        add(Action.ENTER_PAPER_RESPONSE, "Enter the paper response", "paper_response")
        add(Action.RECORD_PAPER_APPLICATION, "Record an application received on paper", "paper_application")
        add(Action.ENTER_FURTHER_EXTENSION_APPLICATION,
            "Enter an application for a further extension received at the CTSC", "further_extension")
        add(Action.GIVE_DIRECTIONS, "Give directions", "directions")
        add(Action.SEND_OUT, "Send the claim out", "send_out")
        add(Action.DECIDE_APPLICATION, "Decide an application", "decide_application")
        add(Action.REFER, _refer_title(role), "refer")
        return steps

    def urls(self) -> list[Any]:
        return self.pages([
            ("mediation-outcome", self.mediation_view, "mediation"),
            ("paper-contact", self.paper_contact_view, "paper_contact"),
            ("paper-extension", self.paper_extension_view, "paper_extension"),
            ("paper-response", self.paper_response_view, "paper_response"),
            ("paper-application", self.paper_application_view, "paper_application"),
            ("further-extension", self.further_extension_view, "further_extension"),
            ("refer", self.refer_view, "refer"),
            ("directions", self.directions_view, "directions"),
            ("send-out", self.send_out_view, "send_out"),
            ("decide-application", self.decide_application_view, "decide_application"),
        ])

    def context(self, request: HttpRequest, claim: Claim) -> dict[str, Any]:
        return {"defended": self.defended_panel(claim)}

    def defended_panel(self, claim: Claim) -> dict[str, Any] | None:
        """What the claim's page shows about its defended steps (None before issue)."""
        if claim.issue_date is None:
            return None
        court = rules.preferred_court(claim)
        return {
            "referrals": list(services.open_referrals(claim).select_related("application")),
            "refusals": rules.legal_adviser_refusals(claim),
            "preferred_court": court,
            "advisers_at_court": HearingCentre.advisers_operate_at(court),
            "applications": list(claim.applications.order_by("made_at", "pk")),
            "orders": list(claim.directions_orders.order_by("made_at", "pk")),
            "paper": getattr(claim, "paper_response", None),
            "decision": getattr(claim, "claimant_decision", None),
        }

    # -- caseworkers ---------------------------------------------------------------------------------------------

    def mediation_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            outcome = data["outcome"]
            claim = services.mediation_outcome(
                claim_id=claim.pk, actor=request.user, settled=outcome != MediationOutcomeForm.NOT_SETTLED,
                discontinued=outcome == MediationOutcomeForm.SETTLED_DISCONTINUED)
            return f"Mediation outcome recorded. The claim is now: {claim.get_state_display()}."

        return self.step_page(request, pk, action=Action.RECORD_MEDIATION_OUTCOME, title="Record the mediation outcome",
                          make_form=lambda post, files, claim: MediationOutcomeForm(post), run=run,
                          submit="Record the outcome")

    def paper_contact_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            paper = services.paper_contact_record(claim_id=claim.pk, actor=request.user,
                                                  more_time=data["more_time"] == "yes", note=data["note"])
            return (f"Call recorded. The paper forms ({', '.join(paper.forms)}) are sent today; the response is due by "
                    f"{govuk_datetime(paper.deadline)}.")

        def intro(claim: Claim) -> list[str]:
            lines = ["The defendant phoned to say they cannot respond online (10.1(1)-(2)). The court posts them the "
                     "paper forms with the date they were sent, and tells the claimant (10.1(3)-(5))."]
            if claim.more_time_requested_at is not None:
                lines.append("The defendant already had more time online: the time extension form (OCON9) is not "
                             "sent, and the response is due 33 days after issue (10.1(5A)).")
            return lines

        return self.step_page(request, pk, action=Action.RECORD_PAPER_CONTACT,
                          title="Record the defendant's call (paper response)",
                          make_form=lambda post, files, claim: PaperContactForm(post), run=run, intro=intro,
                          submit="Record the call and send the forms")

    def paper_extension_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            paper = services.paper_extension_received(claim_id=claim.pk, actor=request.user)
            return f"Time extension form recorded. The paper response is now due by {govuk_datetime(paper.deadline)}."

        def intro(claim: Claim) -> list[str]:
            paper = claim.paper_response
            days = 28 if claim.claimant_firm_id is not None else 19  # 10.1(7): 28 if the claimant is represented
            return [f"The paper forms were sent on {paper.sent_on:%-d %B %Y}. The time extension form (OCON9) is on "
                    f"time if the court receives it within {days} days of that (10.1(7)); the response is then due 33 "
                    "days after the forms were sent (10.1(9))."]

        return self.step_page(request, pk, action=Action.ENTER_PAPER_RESPONSE,
                          title="Record the time extension form (OCON9)",
                          make_form=lambda post, files, claim: ConfirmForm(post), run=run, intro=intro,
                          allowed=_extension_open, submit="Record that the OCON9 arrived today")

    def paper_response_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            # The mediation answer and preferred court are asked only where a defence continues online (10.3).
            defence = data["nature"] == PaperNature.DEFENCE and "mediation_opt_out" in data
            claim = services.paper_response_enter(
                claim_id=claim.pk, actor=request.user, nature=data["nature"], scan=_upload(data["scan"]),
                received_at=data["received_at"],
                mediation_willing=(data["mediation_opt_out"] == "no") if defence else None,
                preferred_court=data["preferred_court"].name if defence else "")
            if claim.state == ClaimState.SENT_OUT:
                return f"Paper response entered. The claim has been sent out to the {claim.get_sent_out_to_display()}."
            if claim.state == ClaimState.ISSUED:
                return "Paper response entered after the time to respond. It has been referred to a judge (11.1A(3))."
            return ("Paper defence entered. The claimant has been asked whether they continue with the claim, by "
                    f"{govuk_datetime(claim.claimant_response_deadline)}.")

        def intro(claim: Claim) -> list[str]:
            paper = claim.paper_response
            lines = [f"Forms ({', '.join(paper.forms)}) sent on {paper.sent_on:%-d %B %Y}; the response was due by "
                     f"{govuk_datetime(claim.response_deadline or paper.deadline)}."]
            if services.represented_claimant_in_person_defendant(claim):
                lines.append("The claimant is represented and the defendant is not: a paper response received in time "
                             "sends the claim out to the CNBC whatever it is (10.5). One received late goes to a judge "
                             "for an order or directions (11.1A(2)-(3)).")
            else:
                lines.append("A defence of the whole claim continues online (10.3). Anything else, or a response that "
                             "does not say what it is, sends the claim out to the CNBC (10.2(1), 10.4(1)).")
            return lines

        def make_form(post: Any, files: Any, claim: Claim) -> PaperResponseForm:
            return PaperResponseForm(post, files,
                                     continues_online=not services.represented_claimant_in_person_defendant(claim))

        return self.step_page(request, pk, action=Action.ENTER_PAPER_RESPONSE, title="Enter the paper response",
                          make_form=make_form, run=run, intro=intro, submit="Enter the response")

    def further_extension_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            claim = services.further_extension_application_enter(
                claim_id=claim.pk, actor=request.user, received_at=data["received_at"], note=data["note"])
            return (f"Application entered. The claim has been sent out to {_where(claim)} (6A.2(5)); both sides have "
                    "been told why.")

        def intro(claim: Claim) -> list[str]:
            days = services.recorded_extension_days(claim)
            return [f"The parties agreed an extension of {days} days, recorded online: the defendant must respond by "
                    f"{govuk_datetime(claim.response_deadline)}. A further increase, up to 28 days in total, cannot "
                    "be recorded online: the defendant applies at the CTSC (PD 51R 6A.2(4)).",
                    "On receipt of the application the claim is sent out of Online Civil Money Claims to the CNBC "
                    "(6A.2(5)), with the reason recorded, and both sides are told."]

        return self.step_page(request, pk, action=Action.ENTER_FURTHER_EXTENSION_APPLICATION,
                              title="Enter an application for a further extension received at the CTSC",
                              make_form=lambda post, files, claim: FurtherExtensionForm(post), run=run, intro=intro,
                              submit="Enter the application and send the claim out")

    def paper_application_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            application = services.application_record_paper(
                claim_id=claim.pk, actor=request.user, applicant_role=data["applicant_role"], kind=data["kind"],
                details=data["details"], received_at=data["received_at"],
                upload=_upload(data["scan"]) if data.get("scan") else None)
            return f"Recorded: {application.get_kind_display()}, by the {application.applicant_role}."

        def intro(claim: Claim) -> list[str]:
            return ["A party who cannot use the online service may apply or ask on paper (a defendant who responded "
                    "on paper has no account). It is handled as if made online, from when it reached the court."]

        return self.step_page(request, pk, action=Action.RECORD_PAPER_APPLICATION,
                          title="Record an application received on paper",
                          make_form=lambda post, files, claim: PaperApplicationForm(post, files), run=run,
                          intro=intro, submit="Record the application")

    # -- caseworkers and legal advisers ------------------------------------------------------------------------------

    def refer_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        role = staff_role(request.user)

        def run(claim: Claim, data: dict[str, Any]) -> str:
            referral = services.refer(claim_id=claim.pk, actor=request.user, to=data["to"], reason=data["reason"],
                                      note=data["note"])
            return f"Referred to {referral.get_to_display().lower()}."

        def intro(claim: Claim) -> list[str]:
            refusals = rules.legal_adviser_refusals(claim)
            if role == StaffRole.LEGAL_ADVISER:
                return ["A legal adviser may refer a claim to a judge (Table A 3)."]
            if refusals:
                return ["A legal adviser cannot consider this claim: " + "; ".join(refusals) + "."]
            return ["A legal adviser may consider this claim (20.1(1))."]

        return self.step_page(request, pk, action=Action.REFER, title=_refer_title(role),
                          make_form=lambda post, files, claim: ReferForm(post, role=role), run=run, intro=intro,
                          submit="Refer")

    # -- legal advisers and judges ------------------------------------------------------------------------------------

    def directions_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        role = staff_role(request.user)

        def run(claim: Claim, data: dict[str, Any]) -> str:
            order = services.directions_give(
                claim_id=claim.pk, actor=request.user, standard=data["standard"], free_text=data["free_text"],
                to=data.get("to", ""), court=data.get("court", ""), reason=data["reason"],
                complicated=data.get("complicated", False))
            if order.reconsider_by is not None:
                where = order.send_out_court or order.get_send_out_to_display()
                return (f"Directions given. The claim will be sent out to {where} after "
                        f"{govuk_datetime(order.reconsider_by)}, unless a party asks a judge to reconsider.")
            claim.refresh_from_db()
            return f"Directions given. The claim has been sent out to {_where(claim)}."

        def intro(claim: Claim) -> list[str]:
            court = rules.preferred_court(claim) or "(no preferred court given)"
            if role != StaffRole.LEGAL_ADVISER:
                return ["The order names you and your title (15.1(1)). You decide where the claim is sent (19.1(2)); "
                        "it is sent out at once (6C.1(1)).", f"The preferred court is {court}."]
            days = 12 if rules.paper_defence(claim) else 7
            return [
                "As a legal adviser you act within PD 51R Section 20 and Table A. The order names you and your title "
                "(15.1(1)).",
                f"The claim goes to the preferred court, {court} (Table A 2; a complicated claim must go there, "
                "20.2(3)(d), (4)-(5)).",
                f"It is sent out only once the time for a party to ask a judge to reconsider has passed: {days} days "
                "after the order (20.2(3)(e), 20.3). If a party asks, a judge reconsiders it.",
            ]

        return self.step_page(request, pk, action=Action.GIVE_DIRECTIONS, title="Give directions",
                          make_form=lambda post, files, claim: DirectionsForm(post, role=role), run=run, intro=intro,
                          submit="Make the order")

    # -- judges ------------------------------------------------------------------------------------------------------

    def send_out_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            claim = services.judge_send_out(claim_id=claim.pk, actor=request.user, to=data["to"], court=data["court"],
                                            reason=data["reason"], directions=data["directions"])
            return f"The claim has been sent out to {_where(claim)}. Both parties have been told why."

        def intro(claim: Claim) -> list[str]:
            court = rules.preferred_court(claim)
            return ["You decide where the claim is sent (19.1(2)) and may give directions about how (19.1(3)). Both "
                    "parties are told why (19.1(4)).",
                    f"The preferred court is {court}." if court else "No preferred court has been given."]

        return self.step_page(request, pk, action=Action.SEND_OUT, title="Send the claim out",
                          make_form=lambda post, files, claim: SendOutForm(post), run=run, intro=intro,
                          submit="Send the claim out")

    def decide_application_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            application = services.application_decide(
                application_id=data["application"].pk, actor=request.user, ruling=data["ruling"],
                reasons=data["reasons"], to=data.get("to") or "", court=data.get("court") or "")
            return f"Application decided: {application.decision}"

        def files(claim: Claim) -> list[tuple[Application, str]]:
            return [(a, reverse("admin:defended_application_file", args=[a.pk]) if a.file_content is not None else "")
                    for a in pending_applications(claim)]

        claim = Claim.objects.filter(pk=pk).first()
        return self.step_page(request, pk, action=Action.DECIDE_APPLICATION, title="Decide an application",
                          make_form=lambda post, files, claim: DecideApplicationForm(post, claim=claim), run=run,
                          allowed=lambda claim: pending_applications(claim).exists(), submit="Record the decision",
                          context={"applications": files(claim) if claim is not None else []})

"""Court staff and defended claims (PD 51R Sections 6, 10, 16-20), in the admin.

- The records (referrals, applications, directions orders, paper responses, the claimant's
  answer to a defence) are read-only: only ``defended.services`` writes them. No page shows a
  file's bytes; an uploaded N244 or a scanned paper response is downloaded through its own
  staff-only link.
- The steps staff take on a claim are buttons on the claim's admin page
  (``DefendedClaimSteps``, registered with ``claims.admin_steps`` when Django's admin
  autodiscovery imports this module). Each is a form page that calls the service; the service
  checks who may act (``claims.policy``) and records the step on the timeline with the staff
  member's name and title.
- The work queues (``/admin/queues/``, ``defended.queues``): what is waiting for whom, oldest
  first.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import content_disposition_header

from accounts.roles import StaffRole, staff_role
from claims import admin_steps
from claims.constants import ClaimState, PartyRole, Referee, SentOutTo
from claims.models import Claim
from claims.policy import Action, can
from court.admin import ReadOnly
from court.models import HearingCentre
from court.templatetags.govuk import govuk_datetime

from . import rules, services
from .models import (
    Application,
    ApplicationKind,
    ClaimantDecision,
    DirectionsOrder,
    PaperNature,
    PaperResponse,
    Referral,
    StandardDirection,
)
from .queues import queues

YES_NO = [("yes", "Yes"), ("no", "No")]


# -- the records, read-only ------------------------------------------------------------------------------------


def _download(content: Any, name: str, content_type: str) -> HttpResponse:
    """A stored upload as an attachment, with the type it was uploaded as (never shown inline)."""
    response = HttpResponse(bytes(content), content_type=content_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, name or "upload")
    return response


def _may_download(request: HttpRequest, claim: Claim) -> bool:
    """Uploads are for court staff only: the parties see their own through the portal."""
    return staff_role(request.user) is not None and can(request.user, claim, Action.COURT_DOCUMENTS)


@admin.register(Referral)
class ReferralAdmin(ReadOnly):
    list_display = ["claim", "kind", "to", "reason", "created_at", "closed_at", "outcome"]
    list_filter = ["to", "kind", ("closed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "created_at"
    fields = ["claim", "kind", "to", "reason", "note", "application", "created_at", "created_by", "closed_at",
              "closed_by", "outcome"]
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(ReadOnly):
    list_display = ["claim", "kind", "applicant_role", "made_at", "received_on", "decided_at", "decision"]
    list_filter = ["kind", "applicant_role", ("decided_at", admin.EmptyFieldListFilter)]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "made_at"
    fields = ["claim", "kind", "applicant_role", "made_by", "made_at", "received_on", "details", "notice",
              "decided_at", "decision"]
    readonly_fields = fields

    @admin.display(description="Application notice (N244)")
    def notice(self, application: Application) -> str:
        if application.file_content is None:
            return "None uploaded"
        return format_html('<a href="{}">{}</a> ({})', reverse("admin:defended_application_file",
                                                                args=[application.pk]),
                           application.file_name or "Download", application.file_type)

    def get_urls(self):  # type: ignore[no-untyped-def]
        extra = [path("<int:pk>/file/", self.admin_site.admin_view(self.file_view), name="defended_application_file")]
        return extra + super().get_urls()

    def file_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The uploaded application notice (N244), for court staff."""
        application = Application.objects.select_related("claim").filter(pk=pk).first()
        if application is None or application.file_content is None or not _may_download(request, application.claim):
            raise Http404("No such file")
        return _download(application.file_content, application.file_name, application.file_type)


@admin.register(DirectionsOrder)
class DirectionsOrderAdmin(ReadOnly):
    list_display = ["claim", "maker_name", "maker_title", "made_on", "send_out_to", "send_out_court",
                    "reconsider_by"]
    list_filter = ["maker_role", "send_out_to"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number", "maker_name"]
    date_hierarchy = "made_at"
    fields = ["claim", "referral", "made_by", "maker_name", "maker_title", "maker_role", "made_at", "made_on",
              "standard_list", "free_text", "send_out_to", "send_out_court", "reason", "reconsider_by"]
    readonly_fields = fields

    @admin.display(description="Standard directions")
    def standard_list(self, order: DirectionsOrder) -> str:
        return "\n".join(order.standard_texts) or "None"


@admin.register(PaperResponse)
class PaperResponseAdmin(ReadOnly):
    list_display = ["claim", "contacted_at", "sent_on", "deadline", "received_at", "nature"]
    list_filter = ["nature", ("received_at", admin.EmptyFieldListFilter)]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "contacted_at"
    fields = ["claim", "contacted_at", "recorded_by", "call_note", "more_time_asked", "forms", "sent_on", "deadline",
              "extension_received_at", "received_at", "nature", "scan", "entered_by"]
    readonly_fields = fields

    @admin.display(description="Scanned response")
    def scan(self, paper: PaperResponse) -> str:
        if paper.scan_content is None:
            return "Not received yet"
        return format_html('<a href="{}">{}</a> ({})', reverse("admin:defended_paperresponse_scan", args=[paper.pk]),
                           paper.scan_name or "Download", paper.scan_type)

    def get_urls(self):  # type: ignore[no-untyped-def]
        extra = [path("<int:pk>/scan/", self.admin_site.admin_view(self.scan_view),
                      name="defended_paperresponse_scan")]
        return extra + super().get_urls()

    def scan_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The scanned paper response, for court staff."""
        paper = PaperResponse.objects.select_related("claim").filter(pk=pk).first()
        if paper is None or paper.scan_content is None or not _may_download(request, paper.claim):
            raise Http404("No such file")
        return _download(paper.scan_content, paper.scan_name, paper.scan_type)


@admin.register(ClaimantDecision)
class ClaimantDecisionAdmin(ReadOnly):
    list_display = ["claim", "outcome", "submitted_at", "received_on", "mediation_willing", "preferred_court"]
    list_filter = ["outcome", "mediation_willing"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "submitted_at"
    fields = ["claim", "outcome", "submitted_by", "submitted_at", "received_on", "mediation_willing",
              "preferred_court", "data"]
    readonly_fields = fields


# -- the staff's steps: forms -------------------------------------------------------------------------------------


class MediationOutcomeForm(forms.Form):
    SETTLED_DISCONTINUED = "settled_discontinued"
    SETTLED = "settled"
    NOT_SETTLED = "not_settled"

    outcome = forms.ChoiceField(
        label="What did the Small Claims Mediation Service report?", widget=forms.RadioSelect,
        choices=[
            (SETTLED_DISCONTINUED, "Settled, and the claim is to be discontinued or dismissed: the claim is closed"),
            (SETTLED, "Settled: the claim is stayed, and either party may come back if the settlement breaks down "
                      "(6.2(10))"),
            (NOT_SETTLED, "Not settled: the directions questionnaires go to a legal adviser or judge (6.2(9))"),
        ],
    )


class PaperContactForm(forms.Form):
    more_time = forms.ChoiceField(label="Did the defendant ask for more time to respond? (10.1(6)(a))",
                                  choices=YES_NO, widget=forms.RadioSelect)
    note = forms.CharField(label="Note of the call (optional)", required=False, widget=forms.Textarea(
        attrs={"rows": 3}))


class ConfirmForm(forms.Form):
    """A step with nothing to enter: the button confirms it."""


class PaperResponseForm(forms.Form):
    scan = forms.FileField(label="The scanned response (PDF, JPEG or PNG)")
    received_at = forms.SplitDateTimeField(label="Date and time the court received it", widget=AdminSplitDateTime)
    nature = forms.ChoiceField(label="What the response is (10.2-10.4)", choices=PaperNature.choices,
                               widget=forms.RadioSelect)
    mediation_opt_out = forms.ChoiceField(
        label="Did the defendant opt out of mediation? (10.1(9B); a defence only)", choices=YES_NO,
        widget=forms.RadioSelect, required=False)
    preferred_court = forms.ModelChoiceField(
        label="Preferred court on the defendant's OCON180 (a defence only)", required=False,
        queryset=HearingCentre.objects.filter(active=True), to_field_name="name",
        help_text="The hearing centre the defendant names. If it is not on the list, add it under hearing centres "
                  "first.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("nature") == PaperNature.DEFENCE:
            if not data.get("mediation_opt_out"):
                self.add_error("mediation_opt_out", "Select whether the defendant opted out of mediation")
            if data.get("preferred_court") is None and "preferred_court" not in self.errors:
                self.add_error("preferred_court", "Choose the preferred court from the defendant's OCON180")
        return data


class PaperApplicationForm(forms.Form):
    """An application or request a party sent on paper (16.1, 17.1, 18.1, 20.3(4))."""

    applicant_role = forms.ChoiceField(label="From", choices=PartyRole.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label="What they ask for", choices=ApplicationKind.choices, widget=forms.RadioSelect)
    details = forms.CharField(label="What they ask for and why (as written)", widget=forms.Textarea(attrs={"rows": 4}))
    received_at = forms.SplitDateTimeField(label="Date and time the court received it", widget=AdminSplitDateTime)
    scan = forms.FileField(label="The scanned application (PDF, JPEG or PNG; required for an N244)", required=False)


class ReferForm(forms.Form):
    to = forms.ChoiceField(label="Refer to", choices=Referee.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label="Why", max_length=300)
    note = forms.CharField(label="Note for them (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, role: StaffRole | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if role == StaffRole.LEGAL_ADVISER:
            # Table A 3: a legal adviser may pass a claim to a judge.
            self.fields["to"].choices = [(Referee.JUDGE.value, Referee.JUDGE.label)]
            self.fields["to"].initial = Referee.JUDGE.value


class DestinationFields(forms.Form):
    """Where a judge sends the claim (19.1(2)): the court's name is needed for a named centre."""

    to = forms.ChoiceField(label="Where the claim is to be sent", choices=SentOutTo.choices, widget=forms.RadioSelect)
    court = forms.CharField(label="Name of the hearing centre (a named centre only)", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("to") == SentOutTo.NAMED_CENTRE and not (data.get("court") or "").strip():
            self.add_error("court", "Enter the name of the hearing centre")
        return data


class DirectionsForm(DestinationFields):
    standard = forms.MultipleChoiceField(label="Standard directions", choices=StandardDirection.choices,
                                         widget=forms.CheckboxSelectMultiple, required=False)
    free_text = forms.CharField(label="Other directions", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    complicated = forms.BooleanField(label="The claim is complicated (20.2(4))", required=False)
    reason = forms.CharField(label="Why the claim is sent there (optional)", max_length=300, required=False)

    field_order = ["standard", "free_text", "complicated", "to", "court", "reason"]

    def __init__(self, *args: Any, role: StaffRole | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if role == StaffRole.LEGAL_ADVISER:
            # A legal adviser sends the claim to the preferred court (Table A 2, 20.2(3)(d)).
            del self.fields["to"], self.fields["court"]
        else:
            del self.fields["complicated"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("standard") and not (data.get("free_text") or "").strip():
            raise forms.ValidationError("Select at least one standard direction or write the directions")
        return data


class SendOutForm(DestinationFields):
    reason = forms.CharField(label="Why the claim is being sent out", max_length=300)
    directions = forms.CharField(label="Directions about how it is sent out and managed (19.1(3), optional)",
                                 required=False, widget=forms.Textarea(attrs={"rows": 4}))


RULINGS = [
    (services.Ruling.LIFT, "Lift the stay: the claim resumes where it stopped (16.1(4))"),
    (services.Ruling.REFUSE, "Refuse"),
    (services.Ruling.DIRECTIONS, "Give directions (write them as the reasons)"),
    (services.Ruling.SEND_OUT, "Send the claim out of the online service (always, for a request to leave it, 18.1)"),
]

#: Applications a judge decides on this page: a reconsideration is decided by giving new directions, and a
#: broken settlement sends the claim out at once.
DECIDED_HERE = [ApplicationKind.LIFT_STAY, ApplicationKind.OTHER, ApplicationKind.LEAVE_ONLINE]


def pending_applications(claim: Claim):  # type: ignore[no-untyped-def]
    return claim.applications.filter(decided_at__isnull=True, kind__in=DECIDED_HERE).order_by("made_at", "pk")


class DecideApplicationForm(forms.Form):
    application = forms.ModelChoiceField(label="Application", queryset=Application.objects.none(),
                                         widget=forms.RadioSelect, empty_label=None)
    ruling = forms.ChoiceField(label="Decision", choices=RULINGS, widget=forms.RadioSelect)
    reasons = forms.CharField(label="Reasons or directions", widget=forms.Textarea(attrs={"rows": 5}))
    to = forms.ChoiceField(label="If sending the claim out: where", choices=SentOutTo.choices,
                           widget=forms.RadioSelect, required=False)
    court = forms.CharField(label="Name of the hearing centre (a named centre only)", max_length=200, required=False)

    def __init__(self, *args: Any, claim: Claim, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        field.queryset = pending_applications(claim)
        field.label_from_instance = lambda a: (f"{a.get_kind_display()}, by the {a.applicant_role}, received "
                                               f"{a.received_on:%-d %B %Y}")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("ruling") == services.Ruling.SEND_OUT:
            if not data.get("to"):
                self.add_error("to", "Select where the claim is to be sent")
            elif data.get("to") == SentOutTo.NAMED_CENTRE and not (data.get("court") or "").strip():
                self.add_error("court", "Enter the name of the hearing centre")
        return data


# -- the staff's steps: pages ------------------------------------------------------------------------------------


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


@admin_steps.register
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
            return [f"The paper forms were sent on {paper.sent_on:%-d %B %Y}. The time extension form (OCON9) is on "
                    "time if the court receives it within 19 days of that (10.1(7)); the response is then due 33 days "
                    "after the forms were sent (10.1(9))."]

        return self.step_page(request, pk, action=Action.ENTER_PAPER_RESPONSE,
                          title="Record the time extension form (OCON9)",
                          make_form=lambda post, files, claim: ConfirmForm(post), run=run, intro=intro,
                          allowed=_extension_open, submit="Record that the OCON9 arrived today")

    def paper_response_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            defence = data["nature"] == PaperNature.DEFENCE
            claim = services.paper_response_enter(
                claim_id=claim.pk, actor=request.user, nature=data["nature"], scan=_upload(data["scan"]),
                received_at=data["received_at"],
                mediation_willing=(data["mediation_opt_out"] == "no") if defence else None,
                preferred_court=data["preferred_court"].name if defence else "")
            if claim.state == ClaimState.SENT_OUT:
                return f"Paper response entered. The claim has been sent out to the {claim.get_sent_out_to_display()}."
            return ("Paper defence entered. The claimant has been asked whether they continue with the claim, by "
                    f"{govuk_datetime(claim.claimant_response_deadline)}.")

        def intro(claim: Claim) -> list[str]:
            paper = claim.paper_response
            return [f"Forms ({', '.join(paper.forms)}) sent on {paper.sent_on:%-d %B %Y}; the response was due by "
                    f"{govuk_datetime(paper.deadline)}.",
                    "A defence of the whole claim continues online (10.3). Anything else, or a response that does not "
                    "say what it is, sends the claim out to the CNBC (10.2(1), 10.4(1))."]

        return self.step_page(request, pk, action=Action.ENTER_PAPER_RESPONSE, title="Enter the paper response",
                          make_form=lambda post, files, claim: PaperResponseForm(post, files), run=run, intro=intro,
                          submit="Enter the response")

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


# -- the work queues -----------------------------------------------------------------------------------------------


def queues_view(request: HttpRequest) -> HttpResponse:
    """Every work queue, oldest first, for any court staff member."""
    if staff_role(request.user) is None and not request.user.is_superuser:
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": "Work queues", "queues": queues()}
    return TemplateResponse(request, "admin/queues.html", context)


def _with_queues(get_urls: Callable[[], list[Any]]) -> Callable[[], list[Any]]:
    def urls() -> list[Any]:
        return [path("queues/", admin.site.admin_view(queues_view), name="queues"), *get_urls()]

    return urls


# The queues page lives on the admin site itself: /admin/queues/ ("admin:queues").
admin.site.get_urls = _with_queues(admin.site.get_urls)  # type: ignore[method-assign]

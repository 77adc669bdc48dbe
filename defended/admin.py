"""Court staff and defended claims (PD 51R Sections 6, 10, 16-20), in the admin.

- The records (referrals, applications, directions orders, paper responses, the claimant's
  answer to a defence) are read-only: only ``defended.services`` writes them. No page shows a
  file's bytes; an uploaded N244 or a scanned paper response is downloaded through its own
  staff-only link.
- The steps staff take on a claim are buttons on the claim's admin page
  (``defended.staff_steps.DefendedClaimSteps``, registered here with ``claims.admin_steps`` when
  Django's admin autodiscovery imports this module). Each is a form page that calls the service;
  the service checks who may act (``claims.policy``) and records the step on the timeline with
  the staff member's name and title.
- The work queues (``/admin/queues/``, ``defended.queues``): what is waiting for whom, oldest
  first.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import content_disposition_header

from accounts.roles import staff_role
from claims import admin_steps
from claims.models import Claim
from claims.policy import Action, can
from court.admin import ReadOnly

from .models import (
    Application,
    ClaimantDecision,
    DirectionsOrder,
    PaperResponse,
    Referral,
    TrialReadinessCertificate,
    TrialReadinessNotice,
)
from .queues import queues
from .staff_steps import DefendedClaimSteps
from .trial_steps import TrialClaimSteps

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
    list_display = ["claim", "kind", "to", "state", "reason", "created_at", "closed_at", "outcome"]
    list_filter = ["state", "to", "kind"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "created_at"
    fields = ["claim", "kind", "to", "state", "reason", "note", "application", "created_at", "created_by",
              "closed_at", "closed_by", "outcome"]
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(ReadOnly):
    list_display = ["claim", "kind", "applicant_role", "state", "made_at", "received_on", "decided_at", "decision"]
    list_filter = ["state", "kind", "applicant_role"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "made_at"
    fields = ["claim", "kind", "applicant_role", "state", "made_by", "made_at", "received_on", "details", "notice",
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


@admin.register(TrialReadinessNotice)
class TrialReadinessNoticeAdmin(ReadOnly):
    list_display = ["claim", "state", "sent_at", "deadline", "closed_at"]
    list_filter = ["state"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    fields = ["claim", "state", "allocated_by_label", "sent_at", "sent_on", "deadline", "closed_at", "referral"]
    readonly_fields = fields


@admin.register(TrialReadinessCertificate)
class TrialReadinessCertificateAdmin(ReadOnly):
    """Each party's certificate as filed (6C.3(3)): what the judge fixing the trial reads (6C.3(4))."""

    list_display = ["notice", "role", "ready", "signed_name", "firm_name", "filed_at"]
    list_filter = ["role", "ready"]
    list_select_related = ["notice__claim"]
    search_fields = ["notice__claim__claim_number"]
    fields = ["notice", "role", "signed_name", "firm_name", "filed_at", "received_on", "ready", "not_ready_reason",
              "directions_complied", "directions_outstanding", "witnesses", "witness_details", "experts",
              "expert_details", "trial_hours", "dates_to_avoid", "hearing_requirements"]
    readonly_fields = fields


# -- the staff's steps on the claim's page ------------------------------------------------------------------------

admin_steps.register(DefendedClaimSteps)
admin_steps.register(TrialClaimSteps)


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

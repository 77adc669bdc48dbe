"""Court staff see each response exactly as received: read-only, never edited or deleted."""
from __future__ import annotations

from django.contrib import admin

from court.admin import ReadOnly

from .models import DefendantResponse


@admin.register(DefendantResponse)
class DefendantResponseAdmin(ReadOnly):
    list_display = ["claim", "kind", "submitted_at", "received_on", "late", "mediation_willing"]
    list_filter = ["kind", "late", "mediation_willing"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "submitted_at"
    fields = [
        "claim", "kind", "submitted_by", "submitted_at", "received_on", "late", "sot_signed_name", "sot_signer_role",
        "sot_signed_on", "admitted_amount", "paid_amount", "paid_on", "payment_option", "pay_by",
        "instalment_amount", "instalment_frequency", "first_payment_on", "mediation_willing", "preferred_court",
        "data",
    ]
    readonly_fields = fields

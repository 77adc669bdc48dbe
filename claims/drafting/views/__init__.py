"""Drafting the claim (form OCON1, PD 51R 4.1) as a GOV.UK task list.

Every page gets its claim through ``get_claim_for_user`` (404 for anyone else) and needs
``Action.EDIT_DRAFT`` (a claim that is no longer a draft goes to its own page). Each page
saves its whole section with ``claim_draft_save`` (which replaces the top-level key, so
pages of one section merge with what the section already holds). ``?return=check`` on
any page sends the person back to "Check your answers" after saving.

One module a section of the task list: ``task_list`` (starting a claim, and the task list),
``parties`` (the claimant and the defendant), ``represented`` (the sections of a claim a
legal representative makes), ``amount`` (the claim amount and interest),
``particulars`` (what happened, the timeline and the evidence) and ``check`` (check your
answers, the statement of truth, submitting), on what they share in ``common``. The URLconf
(``claims.drafting.urls``) takes the pages from here.
"""
from __future__ import annotations

from .amount import amount, interest, interest_from
from .check import check
from .common import ROWS_AT_FIRST, SECTION_PAGES, draft_page
from .particulars import evidence, timeline, what_happened
from .parties import claimant_details, claimant_type, defendant_details, defendant_type
from .represented import (
    additional_party,
    claimant2_details,
    claimant2_type,
    defendant2_details,
    defendant2_type,
    defendant_firm,
    defendant_rep,
    defendant_representation,
    reference,
    service_address,
    service_address_other,
    start_represented,
)
from .task_list import start, task_list

__all__ = [
    "additional_party",
    "claimant2_details",
    "claimant2_type",
    "defendant2_details",
    "defendant2_type",
    "defendant_firm",
    "defendant_rep",
    "defendant_representation",
    "reference",
    "service_address",
    "service_address_other",
    "start_represented",

    "ROWS_AT_FIRST",
    "SECTION_PAGES",
    "amount",
    "check",
    "claimant_details",
    "claimant_type",
    "defendant_details",
    "defendant_type",
    "draft_page",
    "evidence",
    "interest",
    "interest_from",
    "start",
    "task_list",
    "timeline",
    "what_happened",
]

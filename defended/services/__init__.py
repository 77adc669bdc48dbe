"""Every step on a defended claim (PD 51R Sections 6, 10, 12, 16-20), one module a capability.

- ``common``: what the steps share (the claim locked, uploads checked, staying and settling a
  claim, who on the staff acts, where a claim sent out goes);
- ``decision``: the claimant's decision on a defence (6.2, 6.3, 7.40-7.44);
- ``mediation``: the Small Claims Mediation Service's outcome and the 28-day stay (6.2(5A)-(10));
- ``referrals``: referrals to a legal adviser or judge, directions, sending out and the legal
  adviser's reconsideration window (6C.1, 11.1A(2), 16A, 18-20);
- ``applications``: parties' applications and requests, and resuming after a stay (6.2(10)-(11),
  16.1, 17.1, 18.1, 20.3);
- ``represented``: a represented claimant's silence after a defence (6A.4(5));
- ``online_applications``: represented parties' online applications after directions (16B.1);
- ``paper``: paper responses (Section 10), and a defendant in person asking online for the paper forms
  (10.1(1), 10A.1(2));
- ``extension``: the application at the CTSC for a further extension of agreed time (6A.2(4)-(5));
- ``inactivity``: six months with no step by either party (12.1);
- ``trial``: the fast track in an early adopter court: trial readiness certificates (6C.3, TRC-14) and the trial
  bundle (6C.4).

Views, the admin, the sweeps and other apps import the services from here
(``from defended.services import claimant_decide``); the names below are the package's public
interface.
"""
from __future__ import annotations

from .applications import APPLICATION_ACTIONS, Ruling, application_decide, application_make, application_record_paper
from .common import MAX_UPLOAD_BYTES, UPLOAD_TYPES, Upload, check_upload
from .decision import claimant_decide, decision_draft, decision_draft_save, mediation_referred
from .extension import further_extension_application_enter, recorded_extension_days
from .inactivity import inactivity_stay
from .mediation import mediation_outcome, mediation_period_ended
from .online_applications import (
    TIME_PASSED,
    PaperOnlyApplication,
    online_application_answer,
    online_application_make,
    online_application_response_time_passed,
    paper_only_refusal,
)
from .paper import (
    paper_contact_record,
    paper_extension_received,
    paper_forms_decision,
    paper_forms_request,
    paper_response_enter,
    represented_claimant_in_person_defendant,
)
from .referrals import (
    default_request_decided,
    directions_give,
    judge_send_out,
    la_window_passed,
    open_referrals,
    refer,
    refer_default_request,
)
from .represented import represented_answer_missed
from .trial import fast_track_allocate, trial_readiness_file, trial_readiness_time_passed

__all__ = [
    "APPLICATION_ACTIONS",
    "MAX_UPLOAD_BYTES",
    "TIME_PASSED",
    "UPLOAD_TYPES",
    "Ruling",
    "PaperOnlyApplication",
    "Upload",
    "application_decide",
    "application_make",
    "application_record_paper",
    "check_upload",
    "claimant_decide",
    "decision_draft",
    "decision_draft_save",
    "default_request_decided",
    "directions_give",
    "further_extension_application_enter",
    "inactivity_stay",
    "judge_send_out",
    "la_window_passed",
    "mediation_outcome",
    "mediation_referred",
    "mediation_period_ended",
    "online_application_answer",
    "online_application_make",
    "online_application_response_time_passed",
    "open_referrals",
    "paper_contact_record",
    "paper_extension_received",
    "paper_forms_decision",
    "paper_forms_request",
    "paper_only_refusal",
    "paper_response_enter",
    "recorded_extension_days",
    "represented_claimant_in_person_defendant",
    "refer",
    "represented_answer_missed",
    "refer_default_request",
    "fast_track_allocate",
    "trial_readiness_file",
    "trial_readiness_time_passed",
]

"""The data migration that gives existing referrals and applications their state
(defended/migrations/0004_states_from_the_records.py), on rows made with the historical models
before the states existed (0002), in every state their records can put them in."""
from __future__ import annotations

from datetime import datetime, timezone

BEFORE = ("defended", "0002_preferred_court_from_the_list")
AFTER = ("defended", "0005_states_agree_with_the_records")
FIELDS_ADDED = ("defended", "0003_referral_and_application_states")

AT = datetime(2027, 3, 22, 11, 0, tzinfo=timezone.utc)
SENT_OUT = "Sent out of the online service"

# referral kind, outcome as the services wrote it (None: still open), the state the migration gives it
REFERRALS = [
    ("directions", None, "open"),
    ("matter", None, "open"),
    ("directions", "Directions given", "decided"),
    ("reconsideration", "Directions given", "decided"),
    ("default_judgment", "Judgment in default entered", "decided"),
    ("default_judgment", "Request refused", "decided"),
    ("directions", "Passed to a judge", "passed_on"),
    ("directions", "Passed to a legal adviser", "passed_on"),
    ("directions", SENT_OUT, "closed"),
    ("matter", SENT_OUT, "closed"),
]

# application kind, decision as the services wrote it (None: waiting), the outcome of the referral opened for it
# (None: none was), the application's state, its referral's state
APPLICATIONS = [
    ("other", None, None, "made", None),
    ("lift_stay", None, "", "referred", "open"),
    ("reconsideration", None, "", "referred", "open"),
    ("lift_stay", "Stay lifted by Judith Bench, Judge: Granted.", "Stay lifted", "decided", "decided"),
    ("other", "Refused by Judith Bench, Judge: No.", "Refused", "decided", "decided"),
    ("leave_online", "Claim sent out by Judith Bench, Judge: Granted.", "Claim sent out", "decided", "decided"),
    ("reconsideration", "Reconsidered: new directions given", "Directions given", "decided", "decided"),
    ("settlement_broken", "The claim was sent out to the preferred court (6.2(11))", None, "decided", None),
    ("other", "The claim was sent out", SENT_OUT, "closed", "closed"),
]


def _make_rows(apps) -> tuple[list[int], list[tuple[int, int | None]]]:
    User = apps.get_model("accounts", "User")
    Claim = apps.get_model("claims", "Claim")
    Referral = apps.get_model("defended", "Referral")
    Application = apps.get_model("defended", "Application")
    owner = User.objects.create(email="clara@example.com", password="!")
    claim = Claim.objects.create(owner=owner, created_at=AT, last_saved_at=AT)

    def referral(kind: str, outcome: str | None, application=None) -> int:
        return Referral.objects.create(claim=claim, kind=kind, to="judge", reason="x", created_at=AT,
                                       application=application, closed_at=None if outcome is None else AT,
                                       outcome=outcome or "").pk

    referrals = [referral(kind, outcome) for kind, outcome, _ in REFERRALS]
    applications = []
    for kind, decision, referral_outcome, _, _ in APPLICATIONS:
        row = Application.objects.create(claim=claim, kind=kind, applicant_role="claimant", made_by=owner, made_at=AT,
                                         received_on=AT.date(), details="x", decision=decision or "",
                                         decided_at=None if decision is None else AT)
        opened = None
        if referral_outcome is not None:
            opened = referral("reconsideration" if kind == "reconsideration" else "application",
                              referral_outcome or None, row)
        applications.append((row.pk, opened))
    return referrals, applications


def test_each_row_gets_the_state_its_records_say(migrator):
    referrals, applications = _make_rows(migrator.apply_initial_migration(BEFORE).apps)

    apps = migrator.apply_tested_migration(AFTER).apps
    referral_states = dict(apps.get_model("defended", "Referral").objects.values_list("pk", "state"))
    application_states = dict(apps.get_model("defended", "Application").objects.values_list("pk", "state"))
    assert [(kind, outcome, referral_states[pk]) for pk, (kind, outcome, _) in zip(referrals, REFERRALS, strict=True)
            ] == [(kind, outcome, state) for kind, outcome, state in REFERRALS]
    assert [(kind, decision, application_states[pk], referral_states.get(opened))
            for (pk, opened), (kind, decision, *_) in zip(applications, APPLICATIONS, strict=True)
            ] == [(kind, decision, state, opened_state) for kind, decision, _, state, opened_state in APPLICATIONS]

    # Reversed: every row goes back to the first state, as adding the fields left it.
    apps = migrator.apply_tested_migration(FIELDS_ADDED).apps
    assert set(apps.get_model("defended", "Referral").objects.values_list("state", flat=True)) == {"open"}
    assert set(apps.get_model("defended", "Application").objects.values_list("state", flat=True)) == {"made"}

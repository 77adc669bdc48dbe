"""The forms of court staff's steps on a defended claim (``defended.staff_steps``), each what one
step asks for: the mediation outcome (6.2(8)-(10)), a defendant's call and their paper response
(Section 10), a paper application (16.1, 17.1, 18.1, 20.3(4)), a referral (16A.1, Table A 3),
directions (Table A 1, 19.1(2)), sending out (19.1), and a judge's decision on an application
(16.1(4), 17.1(2), 18.1).
"""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime

from accounts.roles import StaffRole
from claims.constants import PartyRole, Referee, SentOutTo
from claims.models import Claim
from court.models import HearingCentre

from . import services
from .models import Application, ApplicationKind, ApplicationState, PaperNature, StandardDirection

YES_NO = [("yes", "Yes"), ("no", "No")]


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

    def __init__(self, *args: Any, continues_online: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Between parties in person a defence continues online (10.3) and needs its mediation answer and
        #: preferred court; against a represented claimant every paper response leaves (10.5), so neither is asked.
        self.continues_online = continues_online
        if not continues_online:
            del self.fields["mediation_opt_out"]
            del self.fields["preferred_court"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("nature") == PaperNature.DEFENCE and self.continues_online:
            if not data.get("mediation_opt_out"):
                self.add_error("mediation_opt_out", "Select whether the defendant opted out of mediation")
            if data.get("preferred_court") is None and "preferred_court" not in self.errors:
                self.add_error("preferred_court", "Choose the preferred court from the defendant's OCON180")
        return data


class FurtherExtensionForm(forms.Form):
    """The defendant's application at the CTSC to increase an agreed extension (6A.2(4))."""

    received_at = forms.SplitDateTimeField(label="Date and time the CTSC received the application",
                                           widget=AdminSplitDateTime)
    note = forms.CharField(label="What the application asks for (optional)", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))


class PaperApplicationForm(forms.Form):
    """An application or request a party sent on paper (16.1, 17.1, 18.1, 20.3(4))."""

    applicant_role = forms.ChoiceField(label="From", choices=PartyRole.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label="What they ask for", widget=forms.RadioSelect, choices=[
        (value, label) for value, label in ApplicationKind.choices if value != ApplicationKind.ONLINE])
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
DECIDED_HERE = [ApplicationKind.LIFT_STAY, ApplicationKind.OTHER, ApplicationKind.LEAVE_ONLINE, ApplicationKind.ONLINE]


def pending_applications(claim: Claim):  # type: ignore[no-untyped-def]
    """The applications a judge may decide now (an online application once the respondent's time is over,
    16B.1(9))."""
    return (claim.applications.filter(decided_at__isnull=True, kind__in=DECIDED_HERE)
            .exclude(state=ApplicationState.AWAITING_RESPONDENT).order_by("made_at", "pk"))


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
        field.label_from_instance = lambda a: (f"{'A draft consent order: ' if a.consent_order else ''}"
                                               f"{a.get_kind_display()}, by the {a.applicant_role}, received "
                                               f"{a.received_on:%-d %B %Y}")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("ruling") == services.Ruling.SEND_OUT:
            if not data.get("to"):
                self.add_error("to", "Select where the claim is to be sent")
            elif data.get("to") == SentOutTo.NAMED_CENTRE and not (data.get("court") or "").strip():
                self.add_error("court", "Enter the name of the hearing centre")
        return data

"""The response's own questions: details, the choice of response (Table A of 5.1(3)), the
defence, what has been paid, the admitted amount, how it will be paid, and mediation."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from claims import ocon1
from ocmc.govuk_forms import PHONE_ERROR, GovukDateField, MoneyField, check_date_of_birth, text
from responses.ocon9 import (
    FREQUENCIES,
    PAYMENT_OPTION_LABELS,
    Kind,
    PaymentOption,
    RejectReason,
    ResponseType,
    Situation,
    answer,
    money,
)
from rules.money import format_money

from .base import Page, QuestionForm, QuestionRow, Section, yes_no

DEFENCE_MAX = 5000


def _owed(situation: Situation) -> Decimal:
    """What the admission offers to pay: the admitted amount, or the whole claim."""
    if situation.response_type == ResponseType.PART_ADMISSION:
        return money(answer(situation.data, "admitted", "amount")) or situation.total
    return situation.total


# -- your details ----------------------------------------------------------------------------------


class DetailsForm(QuestionForm):
    phone = text(
        _("Telephone number (optional)"), max_length=30, too_long=PHONE_ERROR,
        attrs={"class": "govuk-input--width-20", "type": "tel", "autocomplete": "tel"},
        help_text=_("The court may call you about the claim. For international numbers include the country code"),
    )
    date_of_birth = GovukDateField(
        label=_("Date of birth"), noun=_("Date of birth"), required_message=_("Enter your date of birth"),
        help_text=_("For example, 27 3 1985"), autocomplete_prefix="bday", required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.situation.party_type not in ("individual", "sole_trader"):
            del self.fields["date_of_birth"]
        else:
            self.fields["date_of_birth"].required = True

    def clean_date_of_birth(self) -> Any:
        born = self.cleaned_data.get("date_of_birth")
        return born if born is None else check_date_of_birth(born, self.today)


# -- the choice of response ----------------------------------------------------------------------------


class ResponseTypeForm(QuestionForm):
    type = yes_no(
        _("How do you respond to the claim?"), required=_("Choose your response"),
        choices=[
            (ResponseType.FULL_ADMISSION, _("I admit all of the claim")),
            (ResponseType.PART_ADMISSION, _("I admit part of the claim")),
            (ResponseType.REJECT, _("I reject all of the claim")),
            (ResponseType.COUNTERCLAIM, "I reject the claim and want to make a claim against the claimant "
                                        "(a counterclaim)"),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].choice_hints = {  # type: ignore[attr-defined]
            ResponseType.FULL_ADMISSION: "You agree you owe all of it. You can offer to pay straight away, by a set "
                                         "date or in instalments.",
            ResponseType.PART_ADMISSION: "You agree you owe some of it, or you have paid some of it.",
            ResponseType.REJECT: "You do not owe any of it, or you have already paid it.",
            ResponseType.COUNTERCLAIM: "This is done on paper with form N9B: the claim leaves the online service.",
        }


class RejectReasonForm(QuestionForm):
    reason = yes_no(
        _("Why do you reject the claim?"), required=_("Choose why you reject the claim"),
        choices=[
            (RejectReason.ALREADY_PAID, _("I have paid what I believe I owe")),
            (RejectReason.DISPUTE, _("I dispute all of the claim")),
        ],
    )


# -- what has been paid, and what is admitted -------------------------------------------------------------


class PaidForm(QuestionForm):
    amount = MoneyField(label="How much have you paid the claimant?")
    date = GovukDateField(label="When did you pay?", noun="The date you paid",
                          required_message="Enter the date you paid", help_text="For example, 2 10 2026")
    how = text("How did you pay?", required="Tell us how you paid", max_length=500, widget=forms.Textarea,
               attrs={"rows": 3}, help_text="For example, by bank transfer to the claimant's account, or in cash")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        total = format_money(self.situation.total)
        if self.situation.response_type == ResponseType.PART_ADMISSION:
            self.fields["amount"].help_text = f"The total claimed, with the court fee, is {total}."
        else:
            self.fields["amount"].help_text = (
                f"The total claimed, with the court fee, is {total}. If you paid less than that, your response "
                "is a part admission: you admit the amount you paid and dispute the rest."
            )

    def clean_amount(self) -> Decimal:
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError("The amount must be more than £0")
        if self.situation.response_type == ResponseType.PART_ADMISSION and amount >= self.situation.total:
            raise forms.ValidationError(
                f"The amount must be less than the total claimed ({format_money(self.situation.total)}). If you "
                "have paid it all, go back and choose “I reject all of the claim”"
            )
        return amount

    def clean_date(self) -> Any:
        paid_on = self.cleaned_data["date"]
        if paid_on > self.today:
            raise forms.ValidationError("The date you paid must be today or in the past", params={"parts": [0, 1, 2]})
        return paid_on


class PartPaidForm(QuestionForm):
    paid = yes_no("Have you paid the claimant the amount you admit you owe?",
                  required="Select yes if you have paid the amount you admit")


class AdmittedForm(QuestionForm):
    amount = MoneyField(label="How much money do you admit you owe?")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = (
            f"The total claimed, with the court fee, is {format_money(self.situation.total)}."
        )

    def clean_amount(self) -> Decimal:
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError("The amount must be more than £0")
        if amount >= self.situation.total:
            raise forms.ValidationError(
                f"The amount must be less than the total claimed ({format_money(self.situation.total)}). If you "
                "admit all of it, go back and choose “I admit all of the claim”"
            )
        return amount


# -- the defence ---------------------------------------------------------------------------------------------


class DefenceForm(QuestionForm):
    """Why the defendant disagrees. A represented defendant's defence states what CPR 16.5 requires (6A.4(2)):
    which allegations are denied, with the reasons and the defendant's own version of events; which are
    admitted; and which the defendant cannot admit or deny and requires the claimant to prove."""

    denied = text("Which allegations in the particulars of claim does the defendant deny, and why?",
                  required="Say which allegations the defendant denies and the reasons for denying them",
                  max_length=DEFENCE_MAX, widget=forms.Textarea, attrs={"rows": 6},
                  help_text="For each allegation denied, give the defendant's reasons for denying it (CPR 16.5(2)(a)).")
    admitted = text("Which allegations does the defendant admit? (optional)", max_length=DEFENCE_MAX,
                    widget=forms.Textarea, attrs={"rows": 4},
                    help_text="Leave this empty if the defendant admits none of them.")
    not_admitted = text("Which allegations is the defendant unable to admit or deny, and requires the claimant to "
                        "prove? (optional)", max_length=DEFENCE_MAX, widget=forms.Textarea, attrs={"rows": 4},
                        help_text="Leave this empty if there are none.")
    # Declared last: the field named ``text`` hides the ``text`` helper for the rest of the class body.
    text = text(_("Why do you disagree with the claim?"), required=_("Explain why you disagree with the claim"),
                max_length=DEFENCE_MAX, widget=forms.Textarea,
                attrs={"rows": 8, "class": "govuk-js-character-count"},
                help_text=_("Explain what you do not agree with and why. The claimant and the court will read this."))

    PART_LABEL = "Why do you disagree with the amount claimed?"
    #: The represented defendant's own version of events (CPR 16.5(2)(b)), in the ``text`` field.
    VERSION_LABEL = "What is the defendant's own version of events?"
    #: The CPR 16.5 answers, shown as "None" when left empty.
    REPRESENTED_FIELDS = ("denied", "admitted", "not_admitted")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.situation.represented:
            self.fields["text"].label = self.VERSION_LABEL
            self.fields["text"].help_text = ("Where the defendant denies an allegation, set out their own version of "
                                             "events (CPR 16.5(2)(b)). The claimant and the court will read this.")
            self.fields["text"].error_messages["required"] = "Give the defendant's own version of events"
            self.order_fields(["denied", "text", "admitted", "not_admitted"])
            return
        for name in self.REPRESENTED_FIELDS:
            del self.fields[name]
        if self.situation.kind == Kind.PART_ADMISSION:
            self.fields["text"].label = self.PART_LABEL
            self.fields["text"].error_messages["required"] = "Explain why you disagree with the amount claimed"

    @classmethod
    def summary(cls, saved: dict[str, Any], situation: Situation) -> list[tuple[str, str]]:
        if situation.represented:
            labels = {"denied": cls.base_fields["denied"].label, "text": cls.VERSION_LABEL,
                      "admitted": cls.base_fields["admitted"].label,
                      "not_admitted": cls.base_fields["not_admitted"].label}
            return [(str(label).removesuffix(" (optional)"), str(saved.get(name) or "").strip() or "None")
                    for name, label in labels.items()]
        rows = super().summary(saved, situation)
        if situation.kind == Kind.PART_ADMISSION:
            rows = [(cls.PART_LABEL, answer) for _, answer in rows]
        return rows


class TimelineRow(QuestionRow):
    date = text(_("Date"), max_length=40, help_text=_("For example, 3 March 2026 or March 2026"),
                attrs={"class": "govuk-input--width-20"})
    event = text(_("What happened"), max_length=1000, widget=forms.Textarea, attrs={"rows": 3})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("date") and "date" not in self.errors:
            self.add_error("date", _("Enter when this happened"))
        if not data.get("event") and "event" not in self.errors:
            self.add_error("event", _("Enter what happened"))
        return data

    @classmethod
    def describe(cls, row: dict[str, Any]) -> str:
        return f"{row.get('date', '')}: {row.get('event', '')}"


class EvidenceRow(QuestionRow):
    type = forms.ChoiceField(
        label="Type of evidence", required=False,
        choices=[("", "Choose a type of evidence"), *ocon1.EVIDENCE_TYPES.items()],
        error_messages={"invalid_choice": "Choose a type of evidence from the list"},
    )
    description = text("Description (optional)", max_length=1000, widget=forms.Textarea, attrs={"rows": 2},
                       help_text="What it shows, and its date")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("type") and "type" not in self.errors:
            self.add_error("type", "Choose a type of evidence")
        return data


# -- how the admitted amount will be paid (7.3, 7.38) ------------------------------------------------------------


class PaymentOptionForm(QuestionForm):
    option = yes_no("How do you want to pay?", required="Choose how you want to pay",
                    choices=list(PAYMENT_OPTION_LABELS.items()))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owed = format_money(_owed(self.situation))
        self.fields["option"].help_text = f"You admit you owe {owed}."
        self.fields["option"].choice_hints = {  # type: ignore[attr-defined]
            PaymentOption.IMMEDIATELY: "The claimant must receive the money within 5 days of your response.",
            PaymentOption.BY_SET_DATE: "You will need to give details of your finances.",
            PaymentOption.INSTALMENTS: "You will need to give details of your finances.",
        }


class PaymentDateForm(QuestionForm):
    date = GovukDateField(label="What date will you pay by?", noun="The date you will pay by",
                          required_message="Enter the date you will pay by", help_text="For example, 30 1 2027")

    def clean_date(self) -> Any:
        when = self.cleaned_data["date"]
        if when <= self.today:
            raise forms.ValidationError("The date you will pay by must be in the future", params={"parts": [0, 1, 2]})
        return when


class InstalmentsForm(QuestionForm):
    amount = MoneyField(label="How much will each instalment be?")
    frequency = yes_no("How often will you pay?", required="Choose how often you will pay",
                       choices=list(FREQUENCIES.items()))
    first_date = GovukDateField(label="When will you make the first payment?", noun="The date of the first payment",
                                required_message="Enter the date of the first payment",
                                help_text="For example, 30 1 2027")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = f"You admit you owe {format_money(_owed(self.situation))}."

    def clean_amount(self) -> Decimal:
        amount = self.cleaned_data["amount"]
        owed = _owed(self.situation)
        if amount < Decimal("1.00"):
            raise forms.ValidationError("Each instalment must be at least £1")
        if amount > owed:
            raise forms.ValidationError(
                f"Each instalment must be no more than the amount you owe, {format_money(owed)}"
            )
        return amount

    def clean_first_date(self) -> Any:
        first = self.cleaned_data["first_date"]
        if first <= self.today:
            raise forms.ValidationError("The date of the first payment must be in the future",
                                        params={"parts": [0, 1, 2]})
        return first


# -- mediation (6.1(2)-(3)) -----------------------------------------------------------------------------------------


class MediationForm(QuestionForm):
    willing = yes_no(
        _("Will you try free mediation?"), required=_("Select yes if you will try free mediation"),
        help_text="A mediator from the Small Claims Mediation Service talks to each of you by phone to help you "
                  "reach an agreement. It is free, confidential, and you do not have to agree to anything.",
        choices=[("yes", _("Yes, I will try free mediation")), ("no", _("No, I do not want to try mediation"))],
        reveal={"yes": ("phone", "contact_name"), "no": ("reason",)},
    )
    phone = text(_("Telephone number the mediator can call you on"), max_length=30, too_long=PHONE_ERROR,
                 attrs={"class": "govuk-input--width-20", "type": "tel", "autocomplete": "tel"},
                 required=_("Enter the telephone number the mediator can call you on"))
    contact_name = text(_("Name of the person the mediator should speak to (optional)"), max_length=100,
                        attrs={"autocomplete": "name", "spellcheck": "false"})
    reason = text(_("Why do you not want to try mediation? (optional)"), max_length=1000, widget=forms.Textarea,
                  attrs={"rows": 3})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("willing") == "yes":
            self.require("phone")
        return data


SECTIONS = [
    Section("details", _("Confirm your details"), [Page("details", _("Your details"), DetailsForm)]),
    Section("response", _("Choose your response"), [
        Page("response_type", _("How do you respond to the claim?"), ResponseTypeForm),
        Page("reject_reason", _("Why do you reject the claim?"), RejectReasonForm,
             applies=lambda s: s.response_type == ResponseType.REJECT),
    ]),
    Section("amount", _("Tell us how much you have paid or admit"), [
        Page("part_paid", "Have you paid the amount you admit?", PartPaidForm,
             applies=lambda s: s.response_type == ResponseType.PART_ADMISSION),
        Page("paid", "How much have you paid?", PaidForm,
             applies=lambda s: (s.response_type == ResponseType.REJECT and s.reject_reason == RejectReason.ALREADY_PAID)
             or s.paid_admitted),
        Page("admitted", "How much money do you admit you owe?", AdmittedForm,
             applies=lambda s: s.response_type == ResponseType.PART_ADMISSION and answer(s.data, "part_paid", "paid")
             == "no"),
    ]),
    Section("defence", _("Tell us why you disagree with the claim"), [
        Page("defence", _("Why do you disagree with the claim?"), DefenceForm, applies=lambda s: s.defends),
        Page("defence_timeline", _("Your timeline of events (optional)"), row_form=TimelineRow,
             applies=lambda s: s.defends, intro="responses/intro/timeline.html", rows_at_first=2, row_noun="Event"),
        Page("defence_evidence", _("Your evidence (optional)"), row_form=EvidenceRow,
             applies=lambda s: s.defends, intro="responses/intro/evidence.html", rows_at_first=2,
             row_noun="Evidence"),
    ]),
    Section("payment", _("Decide how you will pay"), [
        Page("payment_option", "How do you want to pay?", PaymentOptionForm, applies=lambda s: s.pays_later_or_now),
        Page("payment_date", "What date will you pay by?", PaymentDateForm,
             applies=lambda s: s.payment_option == PaymentOption.BY_SET_DATE),
        Page("instalments", "Your repayment plan", InstalmentsForm,
             applies=lambda s: s.payment_option == PaymentOption.INSTALMENTS),
    ]),
]

MEDIATION = Section("mediation", _("Free telephone mediation"), [
    Page("mediation", _("Free telephone mediation"), MediationForm, applies=lambda s: s.defends,
         intro="responses/intro/mediation.html"),
])

"""The parties' forms on a defended claim: the claimant's first answer to a defence (6.2(2),
6.3(2), 7.43) and a party's application or request (16.1, 17.1, 18.1, 6.2(10)-(11), 20.3).

The claimant's directions questionnaire (OCON180) and mediation pages are the defendant's own
question forms (``responses.questions.hearing``, ``responses.questions.core.MediationForm``),
drawn by ``defended.views.question``.
"""
from __future__ import annotations

from typing import Any

from django import forms

from ocmc.govuk_forms import GovukForm
from responses.ocon9 import Kind
from rules.money import format_money

from .models import ApplicationKind
from .services import MAX_UPLOAD_BYTES, UPLOAD_TYPES, Upload

DETAILS_MAX = 5000

#: The first bytes of each kind of file accepted: the type is read from the file itself, not from
#: what the browser says it is.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


def _radios(label: str, choices: list[tuple[str, str]], required: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, help_text=help_text,
                             error_messages={"required": required, "invalid_choice": required})


class DecisionForm(GovukForm):
    """The first question on a defence, by the kind of response (6.2(2), 6.3(2), 7.43)."""

    answer = _radios("Do you want to continue with the claim?", [], "Select yes if you want to continue with the "
                                                                    "claim")

    def __init__(self, *args: Any, response: Any, represented: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["answer"]
        if response.kind == Kind.STATES_PAID:
            paid = format_money(response.paid_amount)
            field.label = f"Has the defendant paid you {paid}?"
            field.choices = [("yes", f"Yes, they have paid me {paid}"), ("no", "No, they have not paid me")]
            field.help_text = ("Only say yes once the money has reached you. If they have not paid you, you can "
                               "continue with the claim.")
            message = f"Select yes if the defendant has paid you {paid}"
        elif response.kind == Kind.PART_ADMISSION:
            admitted = format_money(response.admitted_amount)
            field.label = f"Do you accept {admitted} in full settlement of your claim?"
            field.choices = [("yes", f"Yes, I accept {admitted} in full settlement"),
                             ("no", "No, I want to continue with the whole claim")]
            field.help_text = ("If you say no, the defendant’s response is treated as a defence of the whole claim, "
                               "and you continue with the claim for the full amount.")
            message = f"Select yes if you accept {admitted} in full settlement of your claim"
        elif represented:
            # The claimant's legal representative answers for them (6A.4(3)).
            field.label = "Does your client want to continue with the claim?"
            field.choices = [("yes", "Yes, my client wants to continue with the claim"),
                             ("no", "No, my client does not want to continue with the claim")]
            field.help_text = ("If they do, you complete their directions questionnaire next: it is filed with this "
                               "answer (Practice Direction 51R, paragraph 6A.4(3)).")
            message = "Select yes if your client wants to continue with the claim"
        else:
            field.choices = [("yes", "Yes, I want to continue with the claim"),
                             ("no", "No, I do not want to continue with the claim")]
            message = "Select yes if you want to continue with the claim"
        field.error_messages = {**field.error_messages, "required": message, "invalid_choice": message}

    @property
    def yes(self) -> bool:
        return self.cleaned_data.get("answer") == "yes"


# -- applications and requests -------------------------------------------------------------------------------


#: What a party may ask for when the mediation settlement breaks down (6.2(10)(a)-(c)).
SETTLEMENT_ASKS = [
    ("judgment", "Judgment for the unpaid balance of the settlement"),
    ("enforce", "Enforce the other terms of the settlement"),
    ("resume", "A hearing of the full amount of the claim"),
]


def sniffed_type(head: bytes) -> str:
    """The file's type, from its first bytes ("" if it is not a PDF, JPEG or PNG)."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return ""


def read_upload(uploaded: Any, *, empty: str, default_name: str) -> Upload | None:
    """A file a party uploads with an application: checked for size, emptiness and type (PDF, JPEG or PNG)."""
    if not uploaded:
        return None
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError("The file must be smaller than 10MB")
    content = uploaded.read()
    if not content:
        raise forms.ValidationError(empty)
    content_type = sniffed_type(content[:16])
    if content_type not in UPLOAD_TYPES:
        raise forms.ValidationError("The file must be a PDF, JPEG or PNG")
    return Upload(name=uploaded.name or default_name, content_type=content_type, content=content)


class ApplicationForm(GovukForm):
    """A party's application or request. Lifting a stay needs the N244 uploaded (16.1(2)); a
    broken mediation settlement says which of 6.2(10)(a)-(c) is asked for."""

    asking = _radios("What are you asking the court for?", SETTLEMENT_ASKS,
                     "Select what you are asking the court for")
    details = forms.CharField(
        label="What are you asking for, and why?", widget=forms.Textarea(attrs={"rows": 6}), max_length=DETAILS_MAX,
        error_messages={"required": "Tell the court what you are asking for and why",
                        "max_length": f"What you are asking for must be {DETAILS_MAX:,} characters or less"},
    )
    notice = forms.FileField(
        label="Upload your completed form N244", required=False,
        help_text="A PDF, JPEG or PNG file, smaller than 10MB",
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
        error_messages={"empty": "The file you uploaded is empty: upload your form N244 again",
                        "invalid": "Upload your form N244 again"},
    )
    summary_field = "details"

    def __init__(self, *args: Any, kind: ApplicationKind, details_label: str, details_hint: str = "",
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["details"].label = details_label
        self.fields["details"].help_text = details_hint
        if kind != ApplicationKind.SETTLEMENT_BROKEN:
            del self.fields["asking"]
        if kind == ApplicationKind.LIFT_STAY:
            self.fields["notice"].required = True
            self.fields["notice"].error_messages["required"] = "Upload your completed form N244"
        else:
            del self.fields["notice"]

    def clean_notice(self) -> Upload | None:
        return read_upload(self.cleaned_data.get("notice"), empty=self.fields["notice"].error_messages["empty"],
                           default_name="N244")

    def details_text(self) -> str:
        """What is sent to the court: the choice made (6.2(10)), then what the party wrote."""
        details = self.cleaned_data["details"].strip()
        asking = self.cleaned_data.get("asking")
        if asking:
            return f"{dict(SETTLEMENT_ASKS)[asking]}.\n\n{details}"
        return details

    def upload(self) -> Upload | None:
        return self.cleaned_data.get("notice")


class PaperFormsForm(GovukForm):
    """A defendant in person facing a represented claimant asks for the paper forms (10.1(1), (6)(a))."""

    more_time = _radios(
        "Do you need more time to respond?",
        [("no", "No, I will send my response within 28 days of the date the court sends the forms"),
         ("yes", "Yes, I need 33 days from the date the court sends the forms")],
        "Select yes if you need more time to respond",
        help_text="If you say no, the court also sends a form to ask for more time later (PD 51R 10.1(6)-(9)).")
    reason = forms.CharField(
        label="Why can you not respond online? (optional)", required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Why you cannot respond online must be 1,000 characters or less"})


# -- online applications by represented parties (16B.1) ------------------------------------------------------------

#: What an online application relates to (16B.1(10)): the claim itself, or one of the kinds made on paper.
APPLICATION_SUBJECTS = [
    ("claim", "The management or conduct of this claim (for example, directions, evidence, time or strike out)"),
    ("appeal", "An appeal"),
    ("enforcement", "Enforcement of a judgment or order"),
    ("insolvency", "Insolvency"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]


class OnlineApplicationForm(GovukForm):
    """A represented party's online application (16B.1(3)): what it relates to, the order sought and why, with or
    without notice, with or without the other side's consent, and evidence."""

    subject = _radios("What does the application relate to?", APPLICATION_SUBJECTS,
                      "Select what the application relates to",
                      help_text="Applications relating to an appeal, enforcement or insolvency cannot be made online.")
    order_sought = forms.CharField(
        label="What order are you asking the court to make?", widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000, error_messages={"required": "Enter the order you are asking the court to make",
                                         "max_length": "The order must be 2,000 characters or less"})
    details = forms.CharField(
        label="Why are you asking for the order?", widget=forms.Textarea(attrs={"rows": 6}), max_length=DETAILS_MAX,
        help_text="Set out the grounds and the evidence you rely on.",
        error_messages={"required": "Enter why you are asking for the order",
                        "max_length": f"Why you are asking must be {DETAILS_MAX:,} characters or less"})
    with_notice = _radios("Should the other side be told about the application?", [
        ("yes", "Yes, with notice: the other side is told now and can respond within 5 days"),
        ("no", "No, without notice (CPR 23.4): a judge decides whether the other side is told"),
    ], "Select whether the other side should be told about the application")
    consented = _radios("Does the other side consent to the order?", YES_NO,
                        "Select yes if the other side consents to the order",
                        help_text="If they consented before you applied, they confirm it and a judge considers a "
                                  "draft consent order.")
    evidence = forms.FileField(
        label="Upload evidence (optional)", required=False, help_text="A PDF, JPEG or PNG file, smaller than 10MB",
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}))
    summary_field = "subject"

    def clean_evidence(self) -> Upload | None:
        return read_upload(self.cleaned_data.get("evidence"),
                           empty="The file you uploaded is empty: upload your evidence again", default_name="evidence")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("subject") not in (None, "claim"):
            # Paper-only: the page says why and where to apply; the rest of the form is not needed.
            for name in ("order_sought", "details", "with_notice", "consented"):
                self.errors.pop(name, None)
        return data


class RespondentInformationForm(GovukForm):
    """The respondent's information on an online application (16B.1(7)-(8))."""

    information = forms.CharField(
        label="The respondent's information", widget=forms.Textarea(attrs={"rows": 6}), max_length=5000,
        help_text="Whether the respondent opposes the application and why, and anything the court needs to manage it.",
        error_messages={"required": "Enter the respondent's information",
                        "max_length": "The respondent's information must be 5,000 characters or less"})
    consented_before = _radios("Did the respondent consent to the application before it was made?", YES_NO,
                               "Select yes if the respondent consented before the application was made")
    summary_field = "information"

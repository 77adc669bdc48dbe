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
        uploaded = self.cleaned_data.get("notice")
        if not uploaded:
            return None
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 10MB")
        content = uploaded.read()
        if not content:
            raise forms.ValidationError(self.fields["notice"].error_messages["empty"])
        content_type = sniffed_type(content[:16])
        if content_type not in UPLOAD_TYPES:
            raise forms.ValidationError("The file must be a PDF, JPEG or PNG")
        return Upload(name=uploaded.name or "N244", content_type=content_type, content=content)

    def details_text(self) -> str:
        """What is sent to the court: the choice made (6.2(10)), then what the party wrote."""
        details = self.cleaned_data["details"].strip()
        asking = self.cleaned_data.get("asking")
        if asking:
            return f"{dict(SETTLEMENT_ASKS)[asking]}.\n\n{details}"
        return details

    def upload(self) -> Upload | None:
        return self.cleaned_data.get("notice")

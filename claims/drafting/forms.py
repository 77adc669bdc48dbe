"""The forms of the drafting pages (form OCON1, PD 51R 4.1), in GOV.UK style.

Every form validates on the server (the pages work without JavaScript) and knows how the
GOV.UK components want it rendered: :class:`GovukBoundField` gives the ids of a field's
hint and error message, the CSS classes of its control, and where the error summary
must link to (for a date input: the part with the problem, the day when it is the whole
date). The templates in ``templates/claims/drafting/`` draw the labels, fieldsets and
error messages; widgets keep their own attributes (``autocomplete``, widths, ``inputmode``).

What is saved is plain strings (``claims.ocon1`` is the reader): money as ``1234.56``,
dates as ``YYYY-MM-DD``, postcodes normalised (``SW1A 1AA``).
"""
from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.forms.boundfield import BoundField
from django.forms.formsets import BaseFormSet, formset_factory

from claims import ocon1
from rules import postcodes
from rules.money import format_money, parse_money

AMOUNT_ERROR = "Enter an amount of money, like 1,234.56"
PHONE_ERROR = "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
EMAIL_ERROR = "Enter an email address in the correct format, like name@example.com"
DATE_PARTS = ("day", "month", "year")
#: The most rows an add-another page accepts (a sanity limit, far above any real claim).
MAX_ROWS = 50

_CONTROL_CLASSES = {
    forms.Textarea: ("govuk-textarea", "govuk-textarea--error"),
    forms.Select: ("govuk-select", "govuk-select--error"),
    forms.TextInput: ("govuk-input", "govuk-input--error"),  # also EmailInput, NumberInput…
}


# -- fields ------------------------------------------------------------------------------


class GovukBoundField(BoundField):
    """A bound field that knows the GOV.UK ids and classes of its parts."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def info_id(self) -> str:
        """The character count's message (``govuk-character-count``)."""
        return f"{self.auto_id}-info"

    @property
    def is_date(self) -> bool:
        return isinstance(self.field, GovukDateField)

    @property
    def error_parts(self) -> set[int]:
        """Which parts of a date input have the problem (all three unless the error says)."""
        parts: set[int] = set()
        for error in self.errors.as_data():
            named = (error.params or {}).get("parts") if isinstance(error.params, dict) else None
            parts |= set(named) if named is not None else {0, 1, 2}
        return parts

    @property
    def anchor(self) -> str:
        """The id the error summary links to: the control, or a date's first part in error."""
        if self.is_date:
            parts = self.error_parts or {0}
            return f"{self.auto_id}_{DATE_PARTS[min(parts)]}"
        return self.auto_id

    @property
    def date_inputs(self) -> list[dict[str, Any]]:
        """The day, month and year inputs of a date field, with their values as typed."""
        value = self.value()
        if isinstance(value, date):
            values = [str(value.day), str(value.month), str(value.year)]
        elif isinstance(value, (list, tuple)):
            values = [str(part or "") for part in value] + ["", "", ""]
        else:
            values = ["", "", ""]
        errors = self.error_parts if self.errors else set()
        autocomplete = getattr(self.field, "autocomplete_prefix", "")
        inputs = []
        for index, part in enumerate(DATE_PARTS):
            inputs.append(
                {
                    "label": part.capitalize(),
                    "id": f"{self.auto_id}_{part}",
                    "name": f"{self.html_name}_{part}",
                    "value": values[index],
                    "width": "govuk-input--width-4" if part == "year" else "govuk-input--width-2",
                    "error": index in errors,
                    "autocomplete": f"{autocomplete}-{part}" if autocomplete else "",
                }
            )
        return inputs

    @property
    def choice_items(self) -> list[dict[str, Any]]:
        """Radios: value, label, id (the first radio has the field's id), checked."""
        current = self.value()
        current = "" if current is None else str(current)
        items = []
        for index, (value, label) in enumerate(self.field.choices):
            if value in ("", None):
                continue
            items.append(
                {
                    "value": value,
                    "label": label,
                    "id": self.auto_id if not items else f"{self.auto_id}-{index + 1}",
                    "checked": str(value) == current,
                    "hint": getattr(self.field, "choice_hints", {}).get(value, ""),
                    "reveal": getattr(self.field, "choice_reveals", {}).get(value, ""),
                }
            )
        return items

    @property
    def checked(self) -> bool:
        return bool(self.value())

    def as_widget(self, widget: forms.Widget | None = None, attrs: Any = None, only_initial: bool = False) -> Any:
        # GOV.UK: never the maxlength attribute (it cuts off what people type without telling them);
        # the server checks the length and says so.
        widget = copy.copy(widget or self.field.widget)
        widget.attrs = {key: value for key, value in widget.attrs.items() if key != "maxlength"}
        return super().as_widget(widget, attrs, only_initial)

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        own_classes = str(widget.attrs.get("class", ""))
        described = []
        if "govuk-js-character-count" in own_classes:
            described.append(self.info_id)
        if self.help_text:
            described.append(self.hint_id)
        if self.errors:
            described.append(self.error_id)
        if described:
            attrs["aria-describedby"] = " ".join(described)
        else:
            attrs.pop("aria-describedby", None)
        for kind, (base, error) in _CONTROL_CLASSES.items():
            if isinstance(widget, kind) and not isinstance(widget, (forms.RadioSelect, forms.CheckboxInput)):
                classes = [base, *own_classes.split()]
                if self.errors:
                    classes.append(error)
                attrs["class"] = " ".join(dict.fromkeys(classes))
                break
        return attrs


class GovukForm(forms.Form):
    """A form whose fields render as GOV.UK components; the browser never validates."""

    bound_field_class = GovukBoundField
    use_required_attribute = False

    def error_items(self) -> list[tuple[str, str]]:
        """(link, message) for the error summary, in the order of the page."""
        items: list[tuple[str, str]] = []
        for message in self.non_field_errors():
            items.append((f"#{self[self.summary_field].anchor}" if self.summary_field else "", message))
        for name in self.fields:
            for message in self.errors.get(name, []):
                items.append((f"#{self[name].anchor}", message))
        return items

    #: The field a form-wide error links to ("" for none).
    summary_field = ""


def text(
    label: str, *, required: str = "", max_length: int = 100, too_long: str = "", **kwargs: Any
) -> forms.CharField:
    """A text field with GOV.UK error messages."""
    attrs = kwargs.pop("attrs", {})
    widget = kwargs.pop("widget", forms.TextInput)
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        error_messages={
            "required": required or "Enter a value",
            "max_length": too_long or f"{label.removesuffix(' (optional)')} must be {max_length:,} characters or less",
        },
        widget=widget(attrs=attrs),
        **kwargs,
    )


class MoneyField(forms.CharField):
    """An amount of money as a person types it: 1234.56, 1,234.56 or £1,234.56 (``rules.money.parse_money``)."""

    default_error_messages = {"invalid": AMOUNT_ERROR, "required": AMOUNT_ERROR}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 30:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_money(value)
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"{value:,.2f}"
        return value


class DateWidget(forms.MultiWidget):
    """Day, month and year (rendered by hand as the GOV.UK date input)."""

    def __init__(self) -> None:
        super().__init__(widgets={part: forms.TextInput for part in DATE_PARTS})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed into the GOV.UK date input, with the Design System's error messages.

    ``noun`` starts each message ("Date of birth must include a month"). An error's
    ``params["parts"]`` says which inputs to highlight.
    """

    widget = DateWidget

    def __init__(self, *, noun: str, required_message: str, autocomplete_prefix: str = "", **kwargs: Any) -> None:
        self.noun = noun
        self.autocomplete_prefix = autocomplete_prefix
        fields = tuple(forms.CharField(required=False) for _ in DATE_PARTS)
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        self.error_messages["required"] = required_message

    def compress(self, data_list: list[Any]) -> Any:  # pragma: no cover - clean() does the work
        return data_list

    def clean(self, value: Any) -> date | None:
        parts = [str(part or "").strip() for part in (list(value or []) + ["", "", ""])[:3]]
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required", params={"parts": [0, 1, 2]})
            return None
        missing = [index for index, part in enumerate(parts) if not part]
        if missing:
            names = " and ".join(DATE_PARTS[index] for index in missing)
            raise ValidationError(
                f"{self.noun} must include a {names}", code="incomplete", params={"parts": missing}
            )
        day, month, year = parts
        if not all(part.isdigit() for part in parts):
            raise ValidationError(f"{self.noun} must be a real date", code="invalid", params={"parts": [0, 1, 2]})
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code="year", params={"parts": [2]})
        try:
            return date(int(year), int(month), int(day))
        except ValueError as exc:
            raise ValidationError(
                f"{self.noun} must be a real date", code="invalid", params={"parts": [0, 1, 2]}
            ) from exc


# -- parties: claimant and defendant -------------------------------------------------------

#: The fields of a party's details page by party type (the address, phone and email come with every type).
PARTY_FIELDS = {
    "individual": ("title", "full_name", "date_of_birth"),
    "sole_trader": ("full_name", "trading_name"),
    "company": ("name", "contact_name"),
    "organisation": ("name", "contact_name"),
}
ADDRESS_FIELDS = ("address_line1", "address_line2", "town", "postcode")
COMMON_FIELDS = (*ADDRESS_FIELDS, "phone", "email")


def party_fields(kind: str, *, claimant: bool) -> tuple[str, ...]:
    """Every key a party section of this type keeps (changing type drops the others)."""
    own = tuple(name for name in PARTY_FIELDS.get(kind, ()) if claimant or name != "date_of_birth")
    return ("type", *own, *COMMON_FIELDS)


class PartyTypeForm(GovukForm):
    type = forms.ChoiceField(choices=list(ocon1.PARTY_TYPES.items()), widget=forms.RadioSelect)

    def __init__(self, *args: Any, claimant: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["type"]
        if claimant:
            field.label = "Who is making the claim?"
            field.help_text = "If you are claiming for a business you run on your own, choose sole trader."
            message = "Select who is making the claim"
        else:
            field.label = "Who are you claiming against?"
            field.help_text = "If you are claiming against a business run by one person, choose sole trader."
            message = "Select who you are claiming against"
        field.error_messages["required"] = message
        field.error_messages["invalid_choice"] = message


_PHONE = re.compile(r"^\+?[\d\s()\-]+$")


class PartyDetailsForm(GovukForm):
    """The claimant's or the defendant's name, address and contact details, for one party type.

    ``today`` decides the claimant's age (PD 51R 2.1(3)(g)); the postcode must be in the UK
    for the claimant (2.1(3)(i)(i)) and in England or Wales for the defendant (2.1(3)(n)(ii)).
    """

    def __init__(self, *args: Any, kind: str, claimant: bool, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind, self.claimant, self.today = kind, claimant, today
        you = claimant
        # autocomplete describes the user's own details (WCAG 1.3.5); the defendant's fields
        # must not be filled with the user's own name and address.
        auto = (lambda token: {"autocomplete": token}) if you else (lambda token: {"autocomplete": "off"})
        fields: dict[str, forms.Field] = {}
        if kind == "individual":
            fields["title"] = text(
                "Title (optional)", max_length=35, attrs={"class": "govuk-input--width-10", **auto("honorific-prefix")},
                help_text="For example, Mr, Mrs, Ms, Dr" if you else "",
            )
        if kind in {"individual", "sole_trader"}:
            fields["full_name"] = text(
                "Full name", required="Enter your full name" if you else "Enter the defendant's full name",
                attrs={"spellcheck": "false", **auto("name")},
            )
        if kind == "individual" and claimant:
            fields["date_of_birth"] = GovukDateField(
                label="Date of birth", noun="Date of birth", required_message="Enter your date of birth",
                help_text="For example, 27 3 1985", autocomplete_prefix="bday",
            )
        if kind == "sole_trader":
            fields["trading_name"] = text(
                "Trading name (optional)", attrs=auto("organization"),
                help_text="The name the business trades under, if it has one",
            )
        if kind == "company":
            fields["name"] = text(
                "Company name", required="Enter the company name", max_length=160, attrs=auto("organization")
            )
        if kind == "organisation":
            fields["name"] = text(
                "Organisation name", required="Enter the organisation name", max_length=160,
                attrs=auto("organization"),
            )
        if kind in {"company", "organisation"}:
            fields["contact_name"] = text(
                "Contact name (optional)", attrs={"spellcheck": "false", **auto("name")},
                help_text="The person the court should contact about the claim" if you
                else "Someone at the company or organisation who deals with this, if you know",
            )
        fields["address_line1"] = text(
            "Address line 1", required="Enter the first line of the address", attrs=auto("address-line1")
        )
        fields["address_line2"] = text("Address line 2 (optional)", attrs=auto("address-line2"))
        fields["town"] = text(
            "Town or city", required="Enter the town or city", max_length=60,
            attrs={"class": "govuk-!-width-two-thirds", **auto("address-level2")},
        )
        fields["postcode"] = text(
            "Postcode", required="Enter the postcode", max_length=10, too_long="Enter a real postcode, like SW1A 1AA",
            attrs={"class": "govuk-input--width-10", **auto("postal-code")},
        )
        fields["phone"] = text(
            "Telephone number (optional)", max_length=30, too_long=PHONE_ERROR,
            widget=forms.TextInput, attrs={"class": "govuk-input--width-20", "type": "tel", **auto("tel")},
            help_text="For international numbers include the country code",
        )
        if not claimant:
            fields["email"] = forms.CharField(
                label="Email address (optional)", required=False, max_length=254,
                error_messages={"max_length": EMAIL_ERROR},
                help_text="The court will use this to tell the defendant about the claim",
                widget=forms.TextInput(attrs={"type": "email", "spellcheck": "false", "autocomplete": "off"}),
            )
        self.fields.update(fields)

    # -- validation -------------------------------------------------------------------
    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        if born >= self.today:
            raise ValidationError("Date of birth must be in the past", params={"parts": [0, 1, 2]})
        try:
            eighteenth = born.replace(year=born.year + 18)
        except ValueError:  # born on 29 February: 18 on 1 March
            eighteenth = date(born.year + 18, 3, 1)
        if eighteenth > self.today:
            raise ValidationError(
                "You must be 18 or over to make a claim with this service", params={"parts": [0, 1, 2]}
            )
        return born

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        if not postcodes.is_valid(typed):
            raise ValidationError("Enter a real postcode, like SW1A 1AA")
        if self.claimant and not postcodes.is_uk(typed):
            raise ValidationError(
                "Your address must be in the UK. You cannot use this service if your address is outside the UK"
            )
        if not self.claimant and not postcodes.is_england_or_wales(typed):
            raise ValidationError(
                "The defendant's address must be in England or Wales. You cannot use this service to claim "
                "against someone in Scotland, Northern Ireland or outside the UK"
            )
        return postcodes.normalise(typed)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        digits = re.sub(r"\D", "", phone)
        if phone and (not _PHONE.match(phone) or not 10 <= len(digits) <= 15):
            raise ValidationError(PHONE_ERROR)
        return phone

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise ValidationError(EMAIL_ERROR) from exc
        return email

    def section(self, *, email: str = "") -> dict[str, str]:
        """The party's section of ``draft_data`` (only the fields of this type)."""
        data = self.cleaned_data
        section: dict[str, str] = {"type": self.kind}
        for name in party_fields(self.kind, claimant=self.claimant)[1:]:
            if name == "email" and self.claimant:
                section["email"] = email
            elif name == "date_of_birth":
                section[name] = data[name].isoformat()
            else:
                section[name] = str(data.get(name) or "")
        return section

    @staticmethod
    def initial_from(section: dict[str, Any]) -> dict[str, Any]:
        initial = {key: value for key, value in section.items() if isinstance(value, str)}
        if section.get("date_of_birth"):
            try:
                initial["date_of_birth"] = date.fromisoformat(str(section["date_of_birth"]))
            except ValueError:
                initial.pop("date_of_birth")
        return initial


# -- add-another rows -----------------------------------------------------------------------


class RowForm(GovukForm):
    """One row of an add-another page; an empty row is ignored."""

    def is_empty(self) -> bool:
        return not any(str(self[name].value() or "").strip() for name in self.fields)

    def full_clean(self) -> None:
        if self.is_bound and self.is_empty():
            self._errors = forms.utils.ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def raw(self) -> dict[str, str]:
        """What was typed (to re-render the rows when one is added or removed)."""
        return {name: str(self[name].value() or "") for name in self.fields}


class RowFormSet(BaseFormSet):
    """The rows of an add-another page (rows can be added without losing what was typed)."""

    default_error_messages = {
        **BaseFormSet.default_error_messages,
        "missing_management_form": "Something went wrong with this page. Enter your answers again",
        "too_many_forms": f"You can enter up to {MAX_ROWS} rows",
    }

    def rows(self) -> list[dict[str, Any]]:
        """The cleaned non-empty rows (after is_valid())."""
        return [form.row() for form in self.forms if not form.is_empty()]

    def raw_rows(self) -> list[dict[str, str]]:
        return [form.raw() for form in self.forms]

    #: The field of the first row that a page-wide error links to.
    anchor_field = ""

    def error_items(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        first = self.forms[0] if self.forms else None
        for message in self.non_form_errors():
            anchor = ""
            if first is not None:
                anchor = f"#{first[self.anchor_field or next(iter(first.fields))].anchor}"
            items.append((anchor, message))
        for form in self.forms:
            items.extend(form.error_items())
        return items


def rows_formset(form_class: type[RowForm]) -> type[RowFormSet]:
    return formset_factory(
        form_class, formset=RowFormSet, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS,
    )


class ItemForm(RowForm):
    description = text(
        "What you are claiming for", max_length=255, help_text="",
    )
    amount = MoneyField(label="Amount", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not str(self["description"].value() or "").strip():
            self.add_error("description", "Enter what you are claiming for")
        if "amount" in data and data["amount"] is None:
            self.add_error("amount", "Enter the amount you are claiming for this")
        elif data.get("amount") is not None and data["amount"] <= 0:
            self.add_error("amount", "The amount must be more than £0")
        return data

    def row(self) -> dict[str, str]:
        return {"description": self.cleaned_data["description"], "amount": str(self.cleaned_data["amount"])}


class BaseItemFormSet(RowFormSet):
    """The claim amount: at least one item, and no more than the limit (PD 51R 2.1(3)(a), 2.1(6)(a)).

    ``interest_for(principal)`` (set by the page) gives the interest already claimed, so
    that a bigger amount cannot take the claim over the limit with its interest.
    """

    limit: Decimal = Decimal("10000.00")
    interest_for: Any = None

    def total(self) -> Decimal:
        return sum((form.cleaned_data["amount"] for form in self.forms if not form.is_empty()), Decimal(0))

    def clean(self) -> None:
        if any(form.errors for form in self.forms):
            return
        if not self.rows():
            raise ValidationError("Enter what you are claiming for and the amount")
        total = self.total()
        if total > self.limit:
            raise ValidationError(
                f"The total you are claiming ({format_money(total)}) is more than {format_money(self.limit)}. "
                f"You can only claim up to {format_money(self.limit)}, including interest, with this service"
            )
        interest = self.interest_for(total) if self.interest_for is not None else None
        if interest and total + interest > self.limit:
            raise ValidationError(
                f"With the interest you are claiming ({format_money(interest)}) your claim would be "
                f"{format_money(total + interest)}, more than {format_money(self.limit)}. "
                f"You can only claim up to {format_money(self.limit)}, including interest, with this service: "
                "reduce the amount or change the interest you are claiming"
            )


ItemFormSet = formset_factory(
    ItemForm, formset=BaseItemFormSet, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS
)


class TimelineForm(RowForm):
    date = text(
        "Date", max_length=40, help_text="For example, 3 March 2026 or March 2026",
        attrs={"class": "govuk-input--width-20"},
    )
    event = text("What happened", max_length=1000, widget=forms.Textarea, attrs={"rows": 3})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("date") and "date" not in self.errors:
            self.add_error("date", "Enter when this happened")
        if not data.get("event") and "event" not in self.errors:
            self.add_error("event", "Enter what happened")
        return data

    def row(self) -> dict[str, str]:
        return {"date": self.cleaned_data["date"], "event": self.cleaned_data["event"]}


TimelineFormSet = rows_formset(TimelineForm)


class EvidenceForm(RowForm):
    type = forms.ChoiceField(
        label="Type of evidence", required=False,
        choices=[("", "Choose a type of evidence"), *ocon1.EVIDENCE_TYPES.items()],
        error_messages={"invalid_choice": "Choose a type of evidence from the list"},
    )
    description = text(
        "Description (optional)", max_length=1000, widget=forms.Textarea, attrs={"rows": 2},
        help_text="For example, what the document is and its date",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("type") and "type" not in self.errors:
            self.add_error("type", "Choose a type of evidence")
        return data

    def row(self) -> dict[str, str]:
        return {"type": self.cleaned_data["type"], "description": self.cleaned_data["description"]}


EvidenceFormSet = rows_formset(EvidenceForm)


def row_initial(rows: Any, keys: tuple[str, ...], *, at_least: int) -> list[dict[str, str]]:
    """Saved rows as the initial values of a row page, padded with empty rows."""
    initial = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            initial.append({key: str(row.get(key) or "") for key in keys})
    while len(initial) < at_least:
        initial.append({key: "" for key in keys})
    return initial


# -- interest ---------------------------------------------------------------------------------

INTEREST_CHOICES = {
    "none": "No",
    "standard": "Yes, at 8% a year",
    "different": "Yes, at a different rate",
    "fixed": "Yes, a fixed sum of interest I have calculated",
}
RATE_ERROR = "Enter the rate of interest as a number, like 5 or 5.5"


class InterestForm(GovukForm):
    """Do you want to claim interest? (County Courts Act 1984 s.69; MCOL guide)."""

    choice = forms.ChoiceField(
        label="Do you want to claim interest?",
        choices=list(INTEREST_CHOICES.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you want to claim interest",
                        "invalid_choice": "Select whether you want to claim interest"},
    )
    choice.choice_hints = {
        "standard": "The usual rate for money claims (County Courts Act 1984, section 69)",
        "different": "For example, a rate set out in a contract",
        "fixed": "You will need to explain how you calculated it",
    }
    choice.choice_reveals = {
        "different": "claims/drafting/_interest_different.html",
        "fixed": "claims/drafting/_interest_fixed.html",
    }
    rate = forms.CharField(
        label="Rate of interest a year", required=False, max_length=10,
        error_messages={"max_length": RATE_ERROR},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal", "spellcheck": "false"}),
    )
    rate_reason = text(
        "Why are you claiming this rate?", max_length=1000, widget=forms.Textarea, attrs={"rows": 3},
        help_text="For example, the rate is in a contract you both signed, or set by law",
    )
    fixed_amount = MoneyField(label="Amount of interest", required=False)
    fixed_breakdown = text(
        "How you calculated the interest", max_length=2000, widget=forms.Textarea, attrs={"rows": 4},
        help_text="Show the amounts, rates and dates you used",
    )
    fixed_continue = forms.ChoiceField(
        label="Do you want to continue claiming 8% a year after the claim is issued?",
        required=False, choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select yes if you want to continue claiming 8% a year"},
    )

    def clean_rate(self) -> Decimal | None:
        typed = self.cleaned_data["rate"].replace("%", "").replace(" ", "")
        if self.data.get(self.add_prefix("choice")) != "different":
            return None
        if not typed:
            raise ValidationError("Enter the rate of interest you are claiming")
        try:
            rate = Decimal(typed)
        except InvalidOperation as exc:
            raise ValidationError(RATE_ERROR) from exc
        if not rate.is_finite() or rate.as_tuple().exponent < -3:
            raise ValidationError(RATE_ERROR)
        if rate <= 0:
            raise ValidationError("The rate of interest must be more than 0%")
        if rate > 100:
            raise ValidationError("The rate of interest must be 100% a year or less")
        return rate.normalize() if rate == rate.to_integral_value() else rate

    #: The fields each answer reveals; errors in the fields of the other answers are dropped.
    REVEALED = {
        "none": (),
        "standard": (),
        "different": ("rate", "rate_reason"),
        "fixed": ("fixed_amount", "fixed_breakdown", "fixed_continue"),
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        choice = data.get("choice")
        revealed = self.REVEALED.get(choice or "", ())
        for name in ("rate", "rate_reason", "fixed_amount", "fixed_breakdown", "fixed_continue"):
            if name not in revealed:
                self.errors.pop(name, None)
                data.pop(name, None)
        if choice == "different" and not data.get("rate_reason") and "rate_reason" not in self.errors:
            self.add_error("rate_reason", "Explain why you are claiming this rate")
        if choice == "fixed":
            if data.get("fixed_amount") is None and "fixed_amount" not in self.errors:
                self.add_error("fixed_amount", "Enter the amount of interest you have calculated")
            if not data.get("fixed_breakdown") and "fixed_breakdown" not in self.errors:
                self.add_error("fixed_breakdown", "Explain how you calculated the interest")
            if not data.get("fixed_continue") and "fixed_continue" not in self.errors:
                self.add_error("fixed_continue", "Select yes if you want to continue claiming 8% a year")
        return data

    def section(self, current: dict[str, Any]) -> dict[str, str]:
        """The new interest section; the start date is kept while interest is at a rate."""
        data = self.cleaned_data
        choice = data["choice"]
        section: dict[str, str] = {"choice": choice}
        if choice == "different":
            rate = data["rate"]
            section.update(rate=f"{rate:f}", rate_reason=data["rate_reason"])
        if choice == "fixed":
            section.update(
                fixed_amount=str(data["fixed_amount"]),
                fixed_breakdown=data["fixed_breakdown"],
                fixed_continue=data["fixed_continue"],
            )
        if choice in {"standard", "different"}:
            for key in ("from", "from_date", "from_reason"):
                if current.get(key):
                    section[key] = str(current[key])
        return section


class InterestFromForm(GovukForm):
    """When are you claiming interest from?"""

    start = forms.ChoiceField(
        label="When are you claiming interest from?",
        choices=[("submission", "The date you submit the claim"), ("date", "A particular date")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select when you are claiming interest from",
                        "invalid_choice": "Select when you are claiming interest from"},
    )
    start.choice_reveals = {"date": "claims/drafting/_interest_date.html"}
    from_date = GovukDateField(
        label="Date", noun="The date you are claiming interest from", required=False,
        required_message="Enter the date you are claiming interest from", help_text="For example, 27 3 2026",
    )
    from_reason = text(
        "Why are you claiming interest from this date?", max_length=1000, widget=forms.Textarea,
        attrs={"rows": 3}, help_text="For example, the date the invoice was due",
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") == "date":
            if data.get("from_date") is None and "from_date" not in self.errors:
                self.add_error(
                    "from_date",
                    ValidationError("Enter the date you are claiming interest from", params={"parts": [0, 1, 2]}),
                )
            elif data.get("from_date") is not None and data["from_date"] > self.today:
                self.add_error(
                    "from_date",
                    ValidationError(
                        "The date you are claiming interest from must be today or in the past",
                        params={"parts": [0, 1, 2]},
                    ),
                )
            if not data.get("from_reason") and "from_reason" not in self.errors:
                self.add_error("from_reason", "Explain why you are claiming interest from this date")
        else:
            # The date is only asked when "A particular date" is chosen: drop errors from a hidden reveal.
            for name in ("from_date", "from_reason"):
                self.errors.pop(name, None)
                data.pop(name, None)
        return data

    def section(self, current: dict[str, Any]) -> dict[str, str]:
        section = {key: str(value) for key, value in current.items() if key not in {"from", "from_date", "from_reason"}}
        data = self.cleaned_data
        section["from"] = data["start"]
        if data["start"] == "date":
            section["from_date"] = data["from_date"].isoformat()
            section["from_reason"] = data["from_reason"]
        return section


# -- claim details (particulars) ----------------------------------------------------------------

WHAT_HAPPENED_MAX = 5000


class WhatHappenedForm(GovukForm):
    what_happened = forms.CharField(
        label="What happened",
        help_text=(
            "Explain why the defendant owes you the money: what you agreed, what you provided or paid for, "
            "what went wrong and what you have done to get the money back."
        ),
        error_messages={"required": "Enter what happened"},
        widget=forms.Textarea(attrs={"rows": 12, "class": "govuk-js-character-count"}),
    )

    def clean_what_happened(self) -> str:
        # Browsers send line breaks as CR LF; the character count counts one character for each.
        text_ = self.cleaned_data["what_happened"].replace("\r\n", "\n").replace("\r", "\n")
        if len(text_) > WHAT_HAPPENED_MAX:
            raise ValidationError(f"What happened must be {WHAT_HAPPENED_MAX:,} characters or less")
        return text_


# -- check your answers: the statement of truth (PD 51R 13.1) ----------------------------------


class StatementOfTruthForm(GovukForm):
    believe = forms.BooleanField(
        label="I believe that the facts stated in this claim form are true",
        error_messages={"required": "Confirm that you believe the facts stated in this claim form are true"},
    )
    signed_name = text(
        "Full name", required="Enter your full name to sign the statement of truth", max_length=100,
        attrs={"autocomplete": "name", "spellcheck": "false"},
    )


def error_items(*forms_: GovukForm | RowFormSet | None) -> list[tuple[str, str]]:
    """The error summary of a page: every error of its forms, in page order."""
    items: list[tuple[str, str]] = []
    for form in forms_:
        if form is not None and (form.is_bound):
            items.extend(form.error_items())
    return items

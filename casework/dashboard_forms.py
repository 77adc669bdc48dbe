"""The firm dashboard's filters (a GET form: the query string is the list's state) and the allocation forms."""
from __future__ import annotations

from typing import Any

from django import forms

from claims.constants import ClaimState
from ocmc.govuk_forms import GovukForm, text

from .selectors import BY_DEADLINE, NOBODY, SORT_LABELS, Filters

#: The longest "deadline within N days" asked for (a year).
MAX_DAYS = 366


class DashboardFilterForm(GovukForm):
    """Search, filters and sort of the dashboard. A bad value is reported and left out, never an error page."""

    q = text("Search by claim number, party name or your reference", max_length=100)
    assignee = forms.ChoiceField(label="Assigned to", required=False)
    state = forms.ChoiceField(label="State", required=False,
                              choices=[("", "Any state"), *ClaimState.choices])
    within = forms.IntegerField(label="Next deadline within (days)", required=False, min_value=0,
                                max_value=MAX_DAYS,
                                error_messages={"invalid": "Deadline within must be a whole number of days",
                                                "min_value": "Deadline within must be 0 days or more",
                                                "max_value": f"Deadline within must be {MAX_DAYS} days or fewer"},
                                widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}))
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SORT_LABELS.items()))

    def __init__(self, *args: Any, solicitors: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "Anyone"), (NOBODY, "Nobody (unassigned)"),
                                           *((str(user.pk), user.display_name) for user in solicitors)]

    def filters(self) -> Filters:
        """What to apply: every field that is valid (a bad one is shown with its error and ignored)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(q=data.get("q") or "", assignee=data.get("assignee") or "", state=data.get("state") or "",
                       within_days=data.get("within"), sort=data.get("sort") or BY_DEADLINE)


def _solicitor_choices(solicitors: list[Any]) -> list[tuple[str, str]]:
    return [(str(user.pk), user.display_name) for user in solicitors]


class AllocateForm(GovukForm):
    """Allocate the case to a solicitor of the firm, or reallocate it (a reason is then required)."""

    solicitor = forms.ChoiceField(label="Solicitor", widget=forms.RadioSelect,
                                  error_messages={"required": "Select the solicitor to allocate the case to"})
    reason = text("Reason", max_length=200, widget=forms.Textarea, attrs={"rows": 2},
                  help_text="For example, to cover annual leave or for supervision.")
    summary_field = "solicitor"

    def __init__(self, *args: Any, solicitors: list[Any], current: Any | None, **kwargs: Any) -> None:
        super().__init__(*args, prefix="allocate", **kwargs)
        #: The assignee now (their pk), if any: choosing them again is a second press, which needs no reason.
        self.current = str(current.pk) if current is not None else ""
        reallocating = self.reallocating = bool(self.current)
        self.fields["solicitor"].choices = _solicitor_choices(solicitors)
        if reallocating:
            self.fields["solicitor"].label = "Reallocate the case to"
            self.fields["reason"].label = "Why are you reallocating the case?"
        else:
            self.fields["solicitor"].label = "Allocate the case to"
            self.fields["reason"].label = "Reason (optional)"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        moving = self.reallocating and data.get("solicitor") not in (None, self.current)
        if moving and not (data.get("reason") or "").strip() and "reason" not in self.errors:
            self.add_error("reason", "Enter why you are reallocating the case")
        return data


class ShareForm(GovukForm):
    """Share the case with a colleague (they work on it beside the assignee)."""

    colleague = forms.ChoiceField(label="Share the case with", widget=forms.RadioSelect,
                                  error_messages={"required": "Select the colleague to share the case with"})
    summary_field = "colleague"

    def __init__(self, *args: Any, solicitors: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, prefix="share", **kwargs)
        self.fields["colleague"].choices = _solicitor_choices(solicitors)

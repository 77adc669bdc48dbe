"""Template helpers for the GOV.UK versions of django-allauth's element templates.

``templates/allauth/elements/fields.html`` asks ``govuk_field`` how to show each bound field,
then renders it with the ``field`` element; ``error_summary.html`` lists
``error_summary_items``; the layout and the ``h1`` element use ``form_with_errors`` to add
"Error: " to the page title and the error summary above the heading.
"""
from __future__ import annotations

import re
from typing import Any

from django import forms, template
from django.forms.widgets import Input
from django.http import HttpRequest
from django.utils.html import format_html

from accounts.adapter import VERIFICATION_EMAIL_SESSION_KEY

register = template.Library()


def _is_form(value: Any) -> bool:
    return isinstance(value, forms.BaseForm)


@register.simple_tag
def form_with_errors(*candidates: Any) -> forms.BaseForm | None:
    """The first of the page's forms that has errors (allauth names them form, verify_form, …)."""
    for candidate in candidates:
        if _is_form(candidate) and candidate.is_bound and candidate.errors:
            return candidate
    return None


@register.simple_tag
def error_summary_items(form: forms.BaseForm) -> list[tuple[str, str]]:
    """(id of the field to link to, message) for every error, in the order of the fields.

    An error about the form as a whole (such as a wrong email address or password) links to
    its first field, where it is also shown (see ``govuk_field``).
    """
    items: list[tuple[str, str]] = []
    visible = form.visible_fields()
    first_id = visible[0].id_for_label if visible else ""
    for error in form.non_field_errors():
        items.append((first_id, str(error)))
    for bound_field in form:
        if bound_field.is_hidden:
            items.extend((first_id, str(error)) for error in bound_field.errors)
            continue
        items.extend((bound_field.id_for_label, str(error)) for error in bound_field.errors)
    return items


@register.simple_tag
def govuk_field(bound_field: forms.BoundField, form: forms.BaseForm | None = None, first: bool = False) -> dict:
    """How the ``field`` element should show a bound field: its type, value and errors."""
    widget = bound_field.field.widget
    errors = [str(error) for error in bound_field.errors]
    if first and form is not None:
        # Errors about the whole form (or a hidden field) show at the first field, where the summary links.
        whole_form = [str(error) for error in form.non_field_errors()]
        whole_form += [str(error) for hidden in form.hidden_fields() for error in hidden.errors]
        errors = whole_form + errors
    info: dict[str, Any] = {
        "errors": errors,
        "value": None,
        "checked": False,
        "html": "",
        "autocomplete": widget.attrs.get("autocomplete"),
        "spellcheck": widget.attrs.get("spellcheck"),
        "inputmode": widget.attrs.get("inputmode"),
        "autocapitalize": widget.attrs.get("autocapitalize"),
    }
    if isinstance(widget, forms.CheckboxInput):
        info["type"] = "checkbox"
        info["checked"] = widget.check_test(bound_field.value())
        info["value"] = "true"
    elif isinstance(widget, forms.Textarea):
        info["type"] = "textarea"
        info["value"] = widget.format_value(bound_field.value()) or ""
    elif isinstance(widget, forms.PasswordInput):
        info["type"] = "password"
        if widget.render_value:
            info["value"] = widget.format_value(bound_field.value())
        if info["spellcheck"] is None:
            info["spellcheck"] = "false"
        info["autocapitalize"] = info["autocapitalize"] or "none"
    elif isinstance(widget, Input) and not isinstance(widget, forms.FileInput):
        info["type"] = widget.attrs.get("type") or widget.input_type
        info["value"] = widget.format_value(bound_field.value())
        if info["type"] == "email":
            info["spellcheck"] = info["spellcheck"] or "false"
    else:
        # Anything else (select, radio set, file…): Django renders the widget itself.
        info["type"] = "widget"
        info["html"] = bound_field.as_widget()
    return info


@register.simple_tag(takes_context=True)
def verification_email(context: dict) -> str:
    """The address we last sent a confirmation link to in this browser session, if any."""
    request: HttpRequest | None = context.get("request")
    session = getattr(request, "session", None)
    return (session.get(VERIFICATION_EMAIL_SESSION_KEY) or "") if session is not None else ""


@register.filter(is_safe=True)
def squash(value: Any) -> str:
    """Collapse runs of whitespace into one space and trim (for page titles)."""
    return re.sub(r"\s+", " ", str(value)).strip()


@register.simple_tag
def describedby(field_id: str, hint: Any, errors: Any) -> str:
    """The aria-describedby attribute for a field with a hint and/or an error message (or nothing)."""
    ids = [f"{field_id}-hint"] * bool(hint) + [f"{field_id}-error"] * bool(errors)
    return format_html(' aria-describedby="{}"', " ".join(ids)) if ids else ""


@register.simple_tag
def confirmation_expiry_days() -> int:
    """How many days a link to confirm an email address works for."""
    from allauth.account import app_settings as allauth_settings

    return int(allauth_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS)

"""The directions questionnaire (form OCON180, PD 51R 5.2): the defendant's hearing requirements.

A defendant who defends all or part of the claim submits OCON180 with the response (5.2(2)):
what they would need should a hearing be necessary. Every page applies when the response
defends (``Situation.defends``). Each page saves one dict of plain strings under its slug;
a follow-up field shown under a choice that was not made is saved as "".

=================  =============================================================================
Page (slug)        Saved keys
=================  =============================================================================
``hearing_court``  ``court``: the county court hearing centre the defendant prefers, the
                   "preferred court" (as defined in 1.1) that ``ocon9.read`` takes: the name
                   of an active ``court.HearingCentre`` as the court's list spells it.
``availability``   ``unavailable``: "yes"/"no", dates in the next 12 months the defendant or
                   their witnesses cannot go to a hearing; ``dates``: those dates (free text,
                   required with "yes").
``witnesses``      ``yourself``: "yes"/"no", will give evidence; ``other_witnesses``: "yes"/"no";
                   ``how_many``: "1" to "20" (required with "yes"); ``who``: optional text.
``experts``        ``expert``: "yes"/"no", wants to use an expert; ``expertise``: the expert's
                   field and ``why``: why one is needed (both required with "yes").
``language``       ``speak``: "english"/"welsh", the language spoken at the hearing;
                   ``documents``: "english"/"welsh"/"both", the language of documents.
``support``        ``needs``: a list of ``step_free``, ``hearing_loop``, ``sign_language``,
                   ``language_interpreter``, ``other``, or ``["none"]`` on its own;
                   ``sign_language``: which sign language, ``interpreter_language``: which
                   language, ``other_support``: what other support (each required when its
                   choice is ticked).
``vulnerability``  ``vulnerable``: "yes"/"no"; ``details``: what the court should know
                   (required with "yes").
=================  =============================================================================

A follow-up field is only checked when its choice is made: what was typed under a choice
then changed (still sent by the browser) never stops the page being saved.
"""
from __future__ import annotations

from typing import Any

from django import forms

from court.models import HearingCentre
from ocmc.govuk_forms import text
from responses.ocon9 import Situation

from .base import Page, QuestionForm, Section, yes_no

WITNESSES_MAX = 20
COURT_REQUIRED = "Choose the court you would prefer"


def _follow_up(field: forms.Field) -> forms.Field:
    """A field shown under a choice: optional on its own, required by the form's ``clean`` when
    the choice is made (with the field's "required" message)."""
    field.required = False
    return field


class HearingForm(QuestionForm):
    """A page whose follow-up fields are checked only when their choice is made."""

    #: Follow-up fields that must be answered when their choice is made.
    required_follow_ups: tuple[str, ...] = ()

    def clean(self) -> dict[str, Any]:
        data = super().clean()  # follow-ups under a choice not made: not checked, and saved empty
        hidden = self.unchosen_reveals()
        self.require(*(name for name in self.required_follow_ups if name not in hidden))
        return data


# -- the preferred court --------------------------------------------------------------------------


class HearingCourtForm(QuestionForm):
    """The preferred court, chosen from the court's active hearing centres (``court.HearingCentre``).

    The page works as a plain select; where the accessible-autocomplete assets are served it
    becomes a type-ahead over the same options (``static/js/autocomplete.js``).
    """

    court = forms.ChoiceField(
        label="Which court would you prefer for a hearing?",
        error_messages={"required": COURT_REQUIRED, "invalid_choice": COURT_REQUIRED},
        help_text="If there is a hearing, it will usually be at this court. Choose a county court hearing centre "
                  "near you. Start typing to find it, for example Leeds.",
        widget=forms.Select(attrs={"data-autocomplete": "true"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["court"].choices = [("", "Choose a court"), *((name, name) for name in HearingCentre.choices())]
        if self.situation.party_type not in ("individual", "sole_trader"):
            # 1.1, "preferred court" (a): a defendant that is not an individual gets the claimant's choice.
            self.fields["court"].help_text = (
                "Choose a county court hearing centre. Because you are responding for a company or organisation, "
                "a hearing may be at the court the claimant chooses instead."
            )


# -- dates you cannot go -----------------------------------------------------------------------------


class AvailabilityForm(HearingForm):
    unavailable = yes_no(
        "Are there any dates in the next 12 months when you or your witnesses cannot go to a hearing?",
        required="Select yes if there are dates when you or your witnesses cannot go to a hearing",
        help_text="For example, holidays or medical appointments that cannot be moved.",
        reveal={"yes": ("dates",)},
    )
    dates = _follow_up(text(
        "Which dates can you or your witnesses not go to a hearing?",
        required="Enter the dates you or your witnesses cannot go to a hearing",
        max_length=1000, too_long="The dates must be 1,000 characters or less",
        widget=forms.Textarea, attrs={"rows": 4},
        help_text="Give each date or range of dates, and who cannot go. For example, 5 to 16 April 2027, I will be "
                  "abroad.",
    ))
    required_follow_ups = ("dates",)


# -- witnesses -------------------------------------------------------------------------------------------


class WitnessesForm(HearingForm):
    yourself = yes_no(
        "Will you give evidence yourself?", required="Select yes if you will give evidence yourself",
        help_text="For example, by telling the court what happened.",
    )
    other_witnesses = yes_no(
        "Do you have other witnesses?", required="Select yes if you have other witnesses",
        help_text="A witness is someone who saw what happened, or knows about it, and will tell the court.",
        reveal={"yes": ("how_many", "who")},
    )
    how_many = _follow_up(text(
        "How many other witnesses?", required="Enter how many other witnesses you have",
        max_length=10, too_long=f"The number of other witnesses must be between 1 and {WITNESSES_MAX}",
        attrs={"class": "govuk-input--width-2", "inputmode": "numeric", "spellcheck": "false"},
    ))
    who = text(
        "Who are they? (optional)", max_length=1000, too_long="Who they are must be 1,000 characters or less",
        widget=forms.Textarea, attrs={"rows": 3}, help_text="Their names, and what they know about the claim",
    )
    required_follow_ups = ("how_many",)

    def clean_how_many(self) -> int | str:
        typed = self.cleaned_data["how_many"]
        if not typed:
            return ""
        if not (typed.isascii() and typed.isdigit()):
            raise forms.ValidationError("The number of other witnesses must be a whole number, like 2")
        number = int(typed)
        if not 1 <= number <= WITNESSES_MAX:
            raise forms.ValidationError(f"The number of other witnesses must be between 1 and {WITNESSES_MAX}")
        return number


# -- experts ------------------------------------------------------------------------------------------------


class ExpertsForm(HearingForm):
    expert = yes_no(
        "Do you want to use an expert?", required="Select yes if you want to use an expert",
        help_text="An expert is someone with specialist knowledge, like a surveyor or a car mechanic, who gives "
                  "the court an independent opinion. In small claims the court rarely allows this, and you can "
                  "only use an expert if the court gives permission.",
        reveal={"yes": ("expertise", "why")},
    )
    expertise = _follow_up(text(
        "What is the expert’s field?", required="Enter the expert’s field",
        max_length=200, too_long="The expert’s field must be 200 characters or less",
        help_text="For example, building surveying or car repairs",
    ))
    why = _follow_up(text(
        "Why do you need an expert?", required="Enter why you need an expert",
        max_length=1000, too_long="Why you need an expert must be 1,000 characters or less",
        widget=forms.Textarea, attrs={"rows": 3},
        help_text="What the expert would tell the court that you or your witnesses cannot",
    ))
    required_follow_ups = ("expertise", "why")


# -- language -------------------------------------------------------------------------------------------------


class LanguageForm(QuestionForm):
    speak = yes_no(
        "Which language will you speak at the hearing?",
        required="Select which language you will speak at the hearing",
        choices=[("english", "English"), ("welsh", "Welsh")],
    )
    documents = yes_no(
        "Which language should documents be in?", required="Select which language documents should be in",
        help_text="Documents the court sends you, such as letters and orders",
        choices=[("english", "English"), ("welsh", "Welsh"), ("both", "English and Welsh")],
    )


# -- support at a hearing -------------------------------------------------------------------------------------

NONE = "none"
SUPPORT_CHOICES = [
    ("step_free", "Step-free access"),
    ("hearing_loop", "A hearing loop"),
    ("sign_language", "A sign language interpreter"),
    ("language_interpreter", "A language interpreter"),
    ("other", "Other support"),
    (NONE, "I do not need any of these"),
]
SUPPORT_ERROR = "Select the support you need at a hearing, or select ‘I do not need any of these’"
#: The follow-up field of each support choice that has one.
SUPPORT_DETAILS = {"sign_language": "sign_language", "language_interpreter": "interpreter_language",
                   "other": "other_support"}


class SupportForm(HearingForm):
    needs = forms.MultipleChoiceField(
        label="Do you need any support at a hearing?", help_text="Select all that apply.",
        choices=SUPPORT_CHOICES, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": SUPPORT_ERROR, "invalid_choice": SUPPORT_ERROR},
    )
    needs.reveal_fields = {choice: (name,) for choice, name in SUPPORT_DETAILS.items()}  # type: ignore[attr-defined]
    sign_language = _follow_up(text(
        "Which sign language?", required="Enter which sign language you need",
        max_length=100, too_long="The sign language must be 100 characters or less",
        help_text="For example, British Sign Language (BSL)",
    ))
    interpreter_language = _follow_up(text(
        "Which language do you need an interpreter for?", required="Enter which language you need an interpreter for",
        max_length=100, too_long="The language must be 100 characters or less",
        attrs={"class": "govuk-input--width-20"},
    ))
    other_support = _follow_up(text(
        "What other support do you need?", required="Enter what other support you need",
        max_length=1000, too_long="Other support must be 1,000 characters or less",
        widget=forms.Textarea, attrs={"rows": 3},
        help_text="For example, breaks during the hearing, or someone to come with you",
    ))
    required_follow_ups = tuple(SUPPORT_DETAILS.values())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"].choice_hints = {  # type: ignore[attr-defined]
            "step_free": "For example, if you use a wheelchair",
            "hearing_loop": "For hearing aid users",
        }

    def clean(self) -> dict[str, Any]:
        needs = self.cleaned_data.get("needs") or []
        if NONE in needs and len(needs) > 1:
            # GOV.UK's exclusive "none" option (the error removes "needs", so no follow-up is asked for).
            self.add_error("needs", SUPPORT_ERROR)
        return super().clean()

    @classmethod
    def summary(cls, saved: dict[str, Any], situation: Situation) -> list[tuple[str, str]]:
        needs = saved.get("needs") or []
        needs = needs if isinstance(needs, list) else [needs]
        labels = dict(SUPPORT_CHOICES)
        lines = []
        for choice in needs:
            if choice == NONE or choice not in labels:
                continue
            detail = str(saved.get(SUPPORT_DETAILS.get(choice, ""), "") or "")
            lines.append(f"{labels[choice]}: {detail}" if detail else labels[choice])
        if not lines and NONE not in needs:
            return []
        return [("Support you need at a hearing", "\n".join(lines) or "None")]


# -- vulnerability --------------------------------------------------------------------------------------------


class VulnerabilityForm(HearingForm):
    vulnerable = yes_no(
        "Is there anything that makes you vulnerable that the court should know about?",
        required="Select yes if there is anything that makes you vulnerable",
        help_text="For example, a health condition or a disability, or anything else that could make it hard for "
                  "you to take part in a hearing.",
        reveal={"yes": ("details",)},
    )
    details = _follow_up(text(
        "What should the court know?", required="Enter what the court should know",
        max_length=2000, too_long="What the court should know must be 2,000 characters or less",
        widget=forms.Textarea, attrs={"rows": 4},
        help_text="The court will use this to decide if you need any adjustments or support",
    ))
    required_follow_ups = ("details",)


SECTION = Section("hearing", "Give us details in case there is a hearing", [
    Page("hearing_court", "Your preferred court", HearingCourtForm, applies=lambda s: s.defends),
    Page("availability", "Dates you cannot go to a hearing", AvailabilityForm, applies=lambda s: s.defends),
    Page("witnesses", "Witnesses", WitnessesForm, applies=lambda s: s.defends),
    Page("experts", "Using an expert", ExpertsForm, applies=lambda s: s.defends),
    Page("language", "Language", LanguageForm, applies=lambda s: s.defends),
    Page("support", "Support at a hearing", SupportForm, applies=lambda s: s.defends),
    Page("vulnerability", "Anything that makes you vulnerable", VulnerabilityForm, applies=lambda s: s.defends),
])

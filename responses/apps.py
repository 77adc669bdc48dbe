from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    """The defendant's side: linking a claim, more time, the response and its forms."""

    name = "responses"

class ClaimError(Exception):
    """A step that cannot be taken; the message is fit to show the user."""


class NotAllowed(ClaimError):
    """The user may not take this step on this claim now."""

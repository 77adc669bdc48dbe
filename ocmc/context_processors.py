from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, object]:
    return {"service_name": settings.SERVICE_NAME, "accessible_autocomplete": settings.ACCESSIBLE_AUTOCOMPLETE}

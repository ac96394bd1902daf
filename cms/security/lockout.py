"""The page shown by django-axes when a login is refused after too many failures."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """A translated page (429) that says how long to wait, instead of axes' bare text."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "security/lockout.html", context, status=429)

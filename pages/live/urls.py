from django.urls import path

from .hours_feed import hours_calendar
from .notices import notices_api

urlpatterns = [
    path("api/v2/notices/", notices_api, name="live-notices-v2"),
    path("api/v3/notices/", notices_api, name="live-notices-v3"),
    path("horaires/<slug:library>/<slug:service>.ics", hours_calendar, name="live-hours-ics"),
]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    """What readers see around the content: menus, contents, display settings, video consent."""

    name = "pages.reading"
    label = "studiobib_reading"
    verbose_name = _("Lecture")

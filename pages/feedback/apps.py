from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Reader feedback: the form on every page, the answers and the editors' report."""

    name = "pages.feedback"
    label = "studiobib_feedback"
    verbose_name = _("Avis des lecteurs")
    default_auto_field = "django.db.models.BigAutoField"

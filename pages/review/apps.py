from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Editorial review: roles, the review workflow and its step, reports and dashboard panels."""

    name = "pages.review"
    label = "studiobib_review"
    verbose_name = _("Révision")
    default_auto_field = "django.db.models.BigAutoField"

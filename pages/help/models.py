"""The help box: a translatable snippet ("Nous sommes là pour vous aider…") that pages place with a
block, so that changing it once changes it on every page that shows it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin


class HelpBox(TranslatableMixin, models.Model):
    name = models.SlugField(
        _("nom interne"), max_length=60,
        help_text=_("Pour le retrouver dans la liste (« crea », « info ») ; les lecteurs ne le voient pas."),
    )
    title = models.CharField(_("titre"), max_length=120, help_text=_("Ce que les lecteurs lisent en premier."))
    text = RichTextField(
        _("texte"), features=["bold", "italic", "link"], blank=True,
        help_text=_("Une ou deux phrases : à qui s'adresser et comment."),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page liée"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("La page qui en dit plus (service, formulaire de contact)."),
    )
    link_url = models.URLField(
        _("adresse liée"), blank=True, help_text=_("À défaut de page liée : une adresse d'un autre site."),
    )
    link_text = models.CharField(_("texte du lien"), max_length=120, blank=True, default="",
                                 help_text=_("Par défaut : « Nous joindre »."))

    panels = [
        FieldPanel("name"), FieldPanel("title"), FieldPanel("text"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")], heading=_("Lien")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("encadré d'aide")
        verbose_name_plural = _("encadrés d'aide")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "locale"], name="help_box_name_per_locale")]

    def __str__(self):
        return f"{self.title} ({self.name})"

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Indiquez une page liée ou une adresse, pas les deux.")})

    @property
    def href(self):
        """Where the box leads readers: the linked page in the reader's language, else the address."""
        if self.link_page_id:
            page = self.link_page.localized
            return page.url if page.live else ""
        return self.link_url

"""The photo at the top of a page and the text that describes it: one set of fields, panel, API
shape, translation rule and check for every page type that has one."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.api.fields import PageImageField

# The image is the same in every language; its description is translated (each language's readers
# need it).
HERO_TRANSLATION_FIELDS = [
    SynchronizedField("hero_image", overridable=False),
    TranslatableField("hero_image_alt"),
]


def hero_panel(heading=None):
    return MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
                           heading=heading or _("Image principale"))


def hero_api_fields(spec="fill-1200x630"):
    """`hero_image` with `url`, `width`, `height` and the written `alt`, like every image of the API."""
    return [APIField("hero_image", serializer=PageImageField(spec, alt_field="hero_image_alt")),
            APIField("hero_image_alt")]


class HeroImageMixin(models.Model):
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("image principale"), help_text=_("Photo affichée en tête de page."),
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l'image principale"), max_length=255, blank=True,
        help_text=_("Décrit l'image pour qui ne la voit pas. Obligatoire si une image principale est choisie."),
    )
    # False where the image only decorates (the home's banner): its description may stay empty.
    hero_alt_required = True

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_alt_required and self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Décrivez l'image principale pour qui ne la voit pas.")})


def specific_with_hero(page):
    """`page.specific`, with its hero image read in the same query (every view of the page shows
    it, twice with the OpenGraph picture; the API gives it): one query less per page view.

    As Wagtail's `get_specific` does, the attributes already on `page` (its parent, remembered by
    routing, its locale) are kept on the specific page; `page.specific` then answers it.
    """
    model = page.specific_class
    if "specific" in page.__dict__ or model is None or isinstance(page, model) or not issubclass(model, HeroImageMixin):
        return page.specific
    specific = model._default_manager.select_related("hero_image").get(id=page.id)
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific  # the `specific` cached_property, filled
    return specific

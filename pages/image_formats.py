"""Image formats offered in rich text, beside Wagtail's own (full width, left, right)."""

from django.utils.translation import gettext_lazy as _

from wagtail.images.formats import Format, register_image_format

# A small picture inside a sentence (a button, an icon): the height of a line of text.
register_image_format(Format("icon", _("Icône dans le texte"), "richtext-image icon", "max-48x48"))

"""What an importer remembers of each page it wrote. Loaded with every app: nothing of the
importer itself is imported here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportMemo(models.Model):
    """What the Docusaurus importer last read to write (or confirm) one page.

    A re-run whose site fingerprint is the same (every file the importer reads, its code and its
    rules: ``docusaurus/memo.py``), for a page that still holds the imported ``source_hash``,
    confirms the page without parsing or mapping its doc again, and repeats the report entries the
    doc gave then.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True,
                                related_name="+", verbose_name=_("page"))
    site_fingerprint = models.CharField(_("empreinte du site"), max_length=64)
    importer_code = models.CharField(_("version de l'importateur"), max_length=64,
                                     help_text=_("Empreinte du code de l'importateur qui a écrit ce mémo."))
    source_hash = models.CharField(_("empreinte de la source"), max_length=64)
    doc_hash = models.CharField(_("empreinte du document"), max_length=64, blank=True, default="")
    has_steps = models.BooleanField(_("étapes numérotées"), default=False)
    entries = models.JSONField(_("entrées du rapport"), default=list, blank=True)
    files = models.JSONField(_("fichiers utilisés"), default=dict, blank=True,
                             help_text=_("Chemin -> empreinte SHA-1 de chaque image ou document du document."))
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("mémoire d'import")
        verbose_name_plural = _("mémoires d'import")

    def __str__(self):
        return f"{self.page_id} · {self.site_fingerprint[:12]}"

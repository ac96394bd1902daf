"""Wagtail's image and document forms, with the file checked by content before Wagtail looks at it.

Wagtail builds every upload form from these bases (admin add and edit, multiple upload, choosers,
API v3 writes), so one place covers them all. Our check runs first, so the editor reads our
message, which names the file, rather than Wagtail's generic one.
"""

from django.core.exceptions import ValidationError
from django.forms.fields import FileField

from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .checks import check_document, check_image


def _uploaded(data):
    """The uploaded file behind a form value, or None (no new file)."""
    return data if hasattr(data, "read") and getattr(data, "name", None) else None


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        upload = _uploaded(FileField.to_python(self, data))
        if upload is not None:
            check_image(upload.name, upload, upload.size)
        return super().to_python(data)


class CheckedDocumentField(WagtailDocumentField):
    def to_python(self, data):
        upload = super().to_python(data)
        if _uploaded(upload) is not None:
            check_document(upload.name, upload, upload.size)
        return upload


def _swap_field(form, field_class):
    field = form.fields.get("file")
    if field is None or isinstance(field, field_class):
        return
    checked = field_class(label=field.label, required=field.required, widget=field.widget)
    form.fields["file"] = checked


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_field(self, CheckedImageField)


class CheckedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_field(self, CheckedDocumentField)

    def add_error(self, field, error):
        # Document.clean() checks the extension of the file again after ours refused it, finds
        # no file and adds "the extension « » is not allowed": one message, ours, is enough.
        repeated = (
            field is None
            and isinstance(error, ValidationError)
            and "file" in getattr(error, "error_dict", {})
            and self.has_error("file")
        )
        if repeated:
            error = ValidationError({k: v for k, v in error.error_dict.items() if k != "file"})
            if not error.error_dict:
                return
        super().add_error(field, error)

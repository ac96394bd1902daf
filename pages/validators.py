from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Saisissez une adresse web complète qui commence par http:// ou https://."),
)

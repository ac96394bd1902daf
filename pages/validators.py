from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Saisissez une adresse web complète qui commence par http:// ou https://."),
    # Its own code, so model forms keep this message instead of the generic "invalid URL" one.
    code="invalid_scheme",
)

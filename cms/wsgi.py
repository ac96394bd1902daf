import os

from django.core.wsgi import get_wsgi_application

from cms.startup import collector_paused

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

with collector_paused():  # see cms/startup.py
    application = get_wsgi_application()

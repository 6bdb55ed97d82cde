"""Serves the Django API of this folder (settings in django_settings.py) on 127.0.0.1:PORT.
Usage: python3 django_serve.py PORT (Debian's python3-django, python3-django-cors-headers)."""
import os
import sys

os.environ["DJANGO_SETTINGS_MODULE"] = "django_settings"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import django  # noqa: E402
from django.core.servers.basehttp import run  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

django.setup()
run("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), threading=True)
